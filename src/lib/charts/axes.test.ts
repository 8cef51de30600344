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
