import { describe, expect, it } from 'vitest';
import { formatBytes, formatChange, formatCount, formatDuration, formatNumber, formatPercent } from './format';

const HOSTILE = [NaN, Infinity, -Infinity, 1e301, -1e301, 1e21, 1e-300, -0, 0.1 + 0.2, 123456789.123];
const BAD = /NaN|Infinity|undefined|e[+-]?\d/;

describe('component formatters', () => {
	it('never print NaN, Infinity or exponent notation', () => {
		for (const f of [formatCount, formatNumber, formatPercent, formatBytes, formatDuration]) {
			for (const x of HOSTILE) expect(f(x), `${f.name}(${x})`).not.toMatch(BAD);
		}
		for (const a of HOSTILE) for (const b of HOSTILE) expect(formatChange(a, b) ?? '').not.toMatch(BAD);
	});

	it('keep ordinary values as before', () => {
		expect(formatCount(100000)).toBe('100,000');
		expect(formatNumber(12345.6)).toBe('12,346');
		expect(formatNumber(12.345)).toBe('12.35');
		expect(formatNumber(0.01234)).toBe('0.0123');
		expect(formatPercent(0.2412)).toBe('24.1%');
		expect(formatPercent(1e300)).toBe('more than 1,000,000,000,000,000%');
		expect(formatBytes(950)).toBe('950 bytes');
		expect(formatBytes(3.1 * 1024 * 1024)).toBe('3.1 MB');
		expect(formatDuration(850)).toBe('850 ms');
		expect(formatDuration(2400)).toBe('2.4 s');
	});

	it('say nothing about a change from zero, or from a value that is not a number', () => {
		expect(formatChange(110, 100)).toBe('+10%');
		expect(formatChange(92, 100)).toBe('−8%');
		expect(formatChange(5, 0)).toBeNull();
		expect(formatChange(5, -1)).toBeNull();
		expect(formatChange(NaN, 5)).toBeNull();
		expect(formatChange(1e300, 1)).toBeNull();
	});
});
