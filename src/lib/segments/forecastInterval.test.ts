import { describe, expect, it } from 'vitest';
import { conformalRank, leaveOneCutOut, logErrorQuantile, minimumCuts } from './forecastInterval';

describe('forecast ranges from backtest errors', () => {
	it('needs ceil((n + 1) x nominal) <= n cuts', () => {
		expect(conformalRank(3, 0.8)).toBeNull();
		expect(conformalRank(4, 0.8)).toBe(4);
		expect(conformalRank(7, 0.8)).toBe(7);
		expect(conformalRank(9, 0.8)).toBe(8);
		expect(minimumCuts(0.8)).toBe(4);
		expect(minimumCuts(0.9)).toBe(9);
		expect(minimumCuts(0.95)).toBe(19);
	});

	it('takes the quantile of the absolute log errors, so the range holds its point even when every cut erred one way', () => {
		// Every backtest forecast too little (ratios 1.1 .. 1.8): the range still holds the point.
		const errors = [1.1, 1.15, 1.2, 1.18, 1.48, 1.59, 1.8].map(Math.log);
		const q = logErrorQuantile(errors, 0.8)!;
		expect(q).toBeCloseTo(Math.log(1.8), 12);
		const point = 1_346_360;
		expect(point * Math.exp(-q)).toBeLessThan(point);
		expect(point * Math.exp(q)).toBeGreaterThan(point);
		expect(logErrorQuantile(errors.slice(0, 3), 0.8)).toBeNull();
	});

	it('measures coverage leaving each cut out, so a cut never calibrates itself', () => {
		const ratios = [1.1, 0.9, 1.05, 0.95, 1.5];
		const cuts = ratios.map((r) => ({ forecast: 100, actual: 100 * r }));
		const loo = leaveOneCutOut(cuts, 0.8);
		// With 4 others, each range is the largest other |error| (for the last, |ln 0.9|): all but the 1.5 cut are inside.
		expect(loo.cuts.map((c) => c.inside)).toEqual([true, true, true, true, false]);
		expect(loo.coverage).toBeCloseTo(0.8, 12);
		expect(loo.cuts[4].high).toBeCloseTo(100 / 0.9, 9);
		expect(loo.cuts[4].low).toBeCloseTo(90, 9);
		// Four cuts leave three others: too few for an 80% range, so nothing is claimed.
		const few = leaveOneCutOut(cuts.slice(0, 4), 0.8);
		expect(few.coverage).toBeNull();
		expect(few.cuts.every((c) => c.low === null && c.inside === null)).toBe(true);
	});
});
