import { describe, expect, it } from 'vitest';
import { DateTally, MagnitudeTally, dateReason, implausibleNote, outlierReason, overflowReason } from './plausibility';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('MagnitudeTally', () => {
	it('finds the median magnitude within a bin (about 6%) and ignores zeros', () => {
		const t = new MagnitudeTally();
		for (const x of [0, 0, 1, 2, 3, -3, 4, 100, 80995]) t.add(x);
		expect(t.count).toBe(7);
		expect(t.median()).toBeGreaterThanOrEqual(3);
		expect(t.median()).toBeLessThan(3 * 1.07);
	});

	it('keeps its median up to date as values are added or merged (it is cached between additions)', () => {
		const t = new MagnitudeTally();
		for (let i = 0; i < 5; i++) t.add(10);
		expect(t.median()).toBeLessThan(10 * 1.07);
		for (let i = 0; i < 10; i++) t.add(1000);
		expect(t.median()).toBeGreaterThanOrEqual(1000);
		const small = new MagnitudeTally();
		for (let i = 0; i < 100; i++) small.add(2);
		t.merge(small);
		expect(t.median()).toBeLessThan(2 * 1.07);
	});

	it('keeps the largest genuine Online Retail quantity (80,995 against a median of 3) and flags 1e300 and 1e10', () => {
		const t = new MagnitudeTally();
		for (let i = 0; i < 1000; i++) t.add(1 + (i % 12));
		t.add(80995);
		expect(outlierReason(80995, t, 'quantity')).toBeNull();
		expect(outlierReason(-80995, t, 'quantity')).toBeNull();
		expect(outlierReason(1e300, t, 'quantity')).toMatch(/^is implausibly large: at least 1,000,000,000,000,000/);
		expect(outlierReason(1e10, t, 'quantity')).toMatch(/^is implausibly large: 10,000,000,000 is over a million times the typical quantity in this file \(6\.\d+\)$/);
	});

	it('only applies the relative rule from 5 values on, the absolute one always', () => {
		const t = new MagnitudeTally();
		for (const x of [3, 4, 5e9]) t.add(x);
		expect(outlierReason(5e9, t, 'price')).toBeNull();
		expect(outlierReason(2e15, t, 'price')).not.toBeNull();
	});
});

describe('DateTally and dateReason', () => {
	it('takes a year of dates as the bulk and flags 2099, 1900 and 9999, but not the bulk’s edges', () => {
		const t = new DateTally();
		for (let d = day('2010-12-01'); d <= day('2011-12-09'); d += 86_400_000) for (let k = 0; k < 3; k++) t.add(d);
		t.add(day('2099-12-09'));
		const w = t.window();
		expect(dateReason(day('2010-12-01'), w)).toBeNull();
		expect(dateReason(day('2011-12-09'), w)).toBeNull();
		expect(dateReason(day('2099-12-09'), w)).toMatch(/^2099-12-09 is far outside the file's dates \(most of the file's dates lie between 2010-12-0\d and 2011-12-0\d/);
		expect(dateReason(Date.UTC(1900, 0, 1), w)).toMatch(/^1900-01-01 is not a plausible date for this data \(before 1990-01-01 or from 2100-01-01 on\)$/);
		expect(dateReason(Date.UTC(9999, 11, 31), w)).toMatch(/^9999-12-31 is not a plausible date/);
	});

	it('leaves a thin tail of older orders in a growing shop’s history alone', () => {
		const t = new DateTally();
		// Ten years, orders doubling every year: the first year has few.
		for (let y = 2010; y < 2020; y++) for (let k = 0; k < 2 ** (y - 2008); k++) t.add(Date.UTC(y, k % 12, 1 + (k % 28)));
		const w = t.window();
		expect(dateReason(Date.UTC(2010, 0, 1), w)).toBeNull();
	});

	it('flags a date far from a small file’s other dates', () => {
		const t = new DateTally();
		for (let k = 0; k < 10; k++) t.add(Date.UTC(2011, 1, 1 + k));
		t.add(Date.UTC(2099, 0, 1));
		expect(dateReason(Date.UTC(2099, 0, 1), t.window())).not.toBeNull();
	});
});

describe('overflowReason and implausibleNote', () => {
	it('names an overflowing product, and summarises counts in words', () => {
		expect(overflowReason(1e200, 1e200, 'the line value')).toBe('the line value is too large to compute with (the result overflows)');
		expect(overflowReason(1e100, 1e100, 'x')).toBeNull();
		expect(implausibleNote({ overflow: 1, date: 1, outlier: 1 }, 'line')).toBe(
			"3 lines left out as implausible: 1 with a date far outside the file's dates, 1 with values too large to compute with, 1 with an extreme value (over a million times its column's typical size). They are listed with the other problems."
		);
		expect(implausibleNote({ overflow: 0, date: 0, outlier: 0 })).toBeNull();
	});
});
