import { describe, expect, it } from 'vitest';
import { topListGap } from './topOfList';

describe('topListGap', () => {
	it('does not call 25 against 21 hits in lists of 100 a clear gain', () => {
		const g = topListGap(100, 0.25, 0.21);
		expect(g.difference).toBeCloseTo(0.04, 10);
		expect(g.low).toBeLessThan(0);
		expect(g.clearlyAbove).toBe(false);
	});
	it('calls 40 against 15 hits in lists of 100 a clear gain', () => {
		const g = topListGap(100, 0.4, 0.15);
		expect(g.low).toBeGreaterThan(0);
		expect(g.clearlyAbove).toBe(true);
	});
	it('is symmetric around the difference', () => {
		const g = topListGap(500, 0.2, 0.1);
		expect(g.high - g.difference).toBeCloseTo(g.difference - g.low, 12);
	});
});
