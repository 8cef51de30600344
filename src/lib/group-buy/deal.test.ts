import { describe, expect, it } from 'vitest';
import { allDealFeatures, dealFeatures, dealHistoryProblem, logisticInputs, shrunkRate } from './deal';

const enc = { baseFillRate: 0.6, priorLaunches: 5, features: ['itemLaunches', 'itemFillRate', 'organiserLaunches', 'organiserFillRate'] as const };
const history = { itemLaunches: 10, itemFills: 8, organiserLaunches: 0, organiserFills: 0, organiserJoins: 3 };

describe('deal features', () => {
	it('shrinks fill rates towards the base rate', () => {
		expect(shrunkRate(8, 10, enc)).toBeCloseTo((8 + 3) / 15, 12);
		// No history: the base rate.
		expect(shrunkRate(0, 0, enc)).toBeCloseTo(0.6, 12);
	});

	it('builds the shipped features in order, and the logistic inputs with counts as log1p', () => {
		const row = dealFeatures(history, { ...enc, features: [...enc.features] });
		expect(row).toEqual([10, (8 + 3) / 15, 0, 0.6]);
		expect(allDealFeatures(history, enc).organiserJoins).toBe(3);
		expect(logisticInputs(row, [...enc.features])).toEqual([Math.log1p(10), (8 + 3) / 15, 0, 0.6]);
	});

	it('says what is wrong with an impossible history', () => {
		expect(dealHistoryProblem(history)).toBeNull();
		expect(dealHistoryProblem({ ...history, itemFills: 11 })).toMatch(/more deals/);
		expect(dealHistoryProblem({ ...history, organiserFills: 1 })).toMatch(/organiser/);
		expect(dealHistoryProblem({ ...history, itemLaunches: -1 })).toMatch(/whole number/);
		expect(dealHistoryProblem({ ...history, organiserJoins: 1.5 })).toMatch(/whole number/);
	});
});
