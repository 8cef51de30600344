import { describe, expect, it } from 'vitest';
import { compactNumber, logTick } from './axes';

describe('logTick', () => {
	it('labels 1, 2 and 5 times a power of ten, compactly', () => {
		expect([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000].map(logTick)).toEqual(
			[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000].map(compactNumber)
		);
		expect(logTick(0.5)).toBe('0.5');
		expect(logTick('2000')).toBe('2K');
	});

	it('leaves the other ticks unlabelled, so neighbours on a log axis never collide', () => {
		for (const v of [3, 4, 6, 7, 8, 9, 30, 600, 800, 3000, 6000, 8000, 40000]) expect(logTick(v)).toBe('');
	});

	it('gives no label to values a log axis cannot hold', () => {
		for (const v of [0, -10, Number.NaN, Infinity, 'x']) expect(logTick(v)).toBe('');
	});
});

describe('logTick on a drawn axis', () => {
	it('labels 2 and 5 only where a decade is wide enough for them', () => {
		const wide = { width: 300, min: 500, max: 50_000 }; // 150 px a decade
		const narrow = { width: 150, min: 10, max: 10_000 }; // 50 px a decade
		expect([1000, 2000, 5000].map((v) => logTick.call(wide, v))).toEqual(['1K', '2K', '5K']);
		expect([10, 20, 50, 100, 500, 1000, 5000, 10_000].map((v) => logTick.call(narrow, v))).toEqual(['10', '', '', '100', '', '1K', '', '10K']);
	});
});
