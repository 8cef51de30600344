import { describe, expect, it } from 'vitest';
import { regressionMetrics } from './metrics';
import { undefinedRegressionMetrics } from './metricWords';

const reasons = (a: number[], p: number[]) => undefinedRegressionMetrics(a, p, regressionMetrics(a, p));

describe('undefinedRegressionMetrics', () => {
	it('says why each metric is undefined', () => {
		expect(reasons([5, 5, 5], [4, 6, 5])).toEqual({ r2: 'R² not defined: every actual value is the same' });
		expect(reasons([0, 0], [1, 2])).toEqual({ wape: 'WAPE not defined: every actual value is zero', mape: 'MAPE not defined: every actual value is zero', r2: 'R² not defined: every actual value is the same' });
		expect(reasons([7], [6])).toEqual({ r2: 'R² not defined: it needs at least two rows with an actual value' });
		expect(reasons([1e200, 2e200], [1e200, 1e200]).r2).toBe('R² not defined: the values are too large to compute with');
		expect(reasons([1, 2, 3], [1, 2, 4])).toEqual({});
	});
});
