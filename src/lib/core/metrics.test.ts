import { describe, expect, it } from 'vitest';
import { quantile, regressionMetrics } from './metrics';

describe('regressionMetrics', () => {
	it('computes WAPE, MAE, MAPE and R² by hand', () => {
		const m = regressionMetrics([100, 200, 300], [110, 190, 330]);
		expect(m.n).toBe(3);
		expect(m.mae).toBeCloseTo(50 / 3, 10);
		expect(m.wape).toBeCloseTo(50 / 600, 10);
		expect(m.mape).toBeCloseTo((0.1 + 0.05 + 0.1) / 3, 10);
		// ss_res = 100 + 100 + 900 = 1100; ss_tot = 10000 + 0 + 10000 = 20000
		expect(m.r2).toBeCloseTo(1 - 1100 / 20000, 10);
	});
	it('skips zero actuals in MAPE but not in WAPE', () => {
		const m = regressionMetrics([0, 100], [10, 100]);
		expect(m.mape).toBe(0);
		expect(m.wape).toBeCloseTo(0.1, 10);
	});
	it('is null with a reason, never NaN, when the rows cannot define a metric', () => {
		const empty = regressionMetrics([], []);
		expect(empty).toMatchObject({ n: 0, wape: null, mae: null, mape: null, r2: null });
		expect(empty.undefinedBecause?.r2).toBe('no rows to score');
		const flat = regressionMetrics([5, 5, 5], [4, 5, 6]);
		expect(flat.r2).toBeNull();
		expect(flat.undefinedBecause).toEqual({ r2: 'the actual values are all the same' });
		expect(flat.wape).toBeCloseTo(2 / 15, 15);
		const zeros = regressionMetrics([0, 0], [1, 2]);
		expect(zeros.undefinedBecause).toMatchObject({ wape: 'every actual value is zero', mape: 'every actual value is zero' });
		const huge = regressionMetrics([1e308, -1e308], [-1e308, 1e308]);
		expect(huge.mae).toBeNull();
		expect(huge.undefinedBecause?.mae).toMatch(/too large/);
		expect(JSON.stringify([empty, flat, zeros, huge])).not.toMatch(/NaN|Infinity/);
		// Every metric defined: no reasons at all.
		expect(regressionMetrics([1, 2, 3], [1, 2, 4]).undefinedBecause).toBeUndefined();
	});
	it('refuses mismatched lengths', () => {
		expect(() => regressionMetrics([1, 2], [1])).toThrow(/2 actuals but 1/);
	});
});

describe('quantile', () => {
	it('interpolates', () => {
		expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
		expect(quantile([5], 0.9)).toBe(5);
		expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
		expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
	});
});
