import { describe, expect, it } from 'vitest';
import { fitMix } from './fit';
import { clusterByCorrelation, correlationMatrix } from './grouping';
import { bestSplit, budgetForTarget } from './optimise';
import { adstock, hill, weeklyGmv, type MixParams } from './response';

describe('response', () => {
	it('adstock carries a steady spend over unchanged and a pulse over geometrically', () => {
		expect(Array.from(adstock([2, 2, 2], 0.5))).toEqual([2, 2, 2]);
		const a = adstock([0, 10, 0, 0], 0.5);
		expect(Array.from(a)).toEqual([0, 5, 2.5, 1.25]);
	});
	it('hill is 0 at 0, 1/2 at the half-saturation, below 1, concave for shape <= 1', () => {
		expect(hill(0, 3, 0.7)).toBe(0);
		expect(hill(3, 3, 0.7)).toBeCloseTo(0.5, 12);
		expect(hill(1e9, 3, 1)).toBeLessThan(1);
		const d1 = hill(2, 3, 0.8) - hill(1, 3, 0.8);
		const d2 = hill(3, 3, 0.8) - hill(2, 3, 0.8);
		expect(d2).toBeLessThan(d1);
	});
});

describe('fit', () => {
	it('recovers a known response from clean weekly data, deterministically', () => {
		const truth: MixParams = { base: 100, saleLift: 50, decay: [0.3, 0], halfSat: [4, 2], shape: [1, 0.8], ceiling: [80, 40] };
		const n = 60;
		const spend = [Float64Array.from({ length: n }, (_, t) => 1 + ((t * 7) % 9)), Float64Array.from({ length: n }, (_, t) => 0.5 + ((t * 5) % 4))];
		const sale = Float64Array.from({ length: n }, (_, t) => (t % 6 === 0 ? 1 : 0));
		const gmv = weeklyGmv(truth, spend, sale);
		const opts = { weights: new Float64Array(n).fill(1), seed: 7, ridge: 0, samples: 300 };
		const a = fitMix({ spend, sale, gmv }, opts);
		const b = fitMix({ spend, sale, gmv }, opts);
		expect(a).toEqual(b);
		const pred = weeklyGmv(a.params, spend, sale);
		for (let t = 0; t < n; t++) expect(Math.abs(pred[t] - gmv[t]) / gmv[t]).toBeLessThan(0.02);
		expect(a.params.saleLift).toBeCloseTo(50, -1);
	});
});

describe('grouping', () => {
	it('puts channels that move together in one group', () => {
		const up = [1, 2, 3, 4, 5, 6];
		const series = [up, up.map((v) => v * 2 + 0.1), [6, 1, 5, 2, 4, 3], [6, 1.2, 5, 2, 4.1, 3]];
		expect(clusterByCorrelation(correlationMatrix(series), 2)).toEqual([
			[0, 1],
			[2, 3]
		]);
	});
});

describe('optimise', () => {
	const response = (x: readonly number[]) => 10 * Math.sqrt(x[0]) + 5 * Math.sqrt(x[1]);
	it('splits where marginal returns are equal (4:1 for these square roots)', () => {
		const s = bestSplit(response, 50, { floors: [0, 0], caps: [100, 100] });
		expect(s.byGroup[0]).toBeCloseTo(40, 0);
		expect(s.byGroup[1]).toBeCloseTo(10, 0);
	});
	it('respects floors and caps', () => {
		const s = bestSplit(response, 50, { floors: [0, 20], caps: [25, 100] });
		expect(s.byGroup[0]).toBeCloseTo(25, 9);
		expect(s.byGroup[1]).toBeCloseTo(25, 9);
	});
	it('finds the smallest budget for a target, or the most reachable', () => {
		const limits = { floors: [0, 0], caps: [100, 100] };
		const target = response([40, 10]);
		const r = budgetForTarget(response, target, limits);
		expect(r.reachable && r.budget).toBeCloseTo(50, 1);
		const far = budgetForTarget(response, 1e6, limits);
		expect(far.reachable).toBe(false);
	});
});

describe('response curve chart', () => {
	it('draws the seen spend solid, dotted below it and dashed beyond, the pieces joined', async () => {
		const { responseCurveChart } = await import('./charts');
		const curve = [0, 10, 20, 30].map((spend) => ({ spend, gmv: Math.min(spend, 20), low: 0, high: 25 }));
		const c = responseCurveChart(curve, { min: 5, max: 20 });
		const [, , seen, beyond, below] = c.data.datasets;
		expect(seen.data).toEqual([0, 10, 20, null]);
		expect(beyond.data).toEqual([null, null, 20, 20]);
		expect(beyond.borderDash).toEqual([5, 4]);
		expect(below.data).toEqual([0, null, null, null]);
		const from10 = responseCurveChart(curve, { min: 10, max: 20 }).data.datasets;
		expect(from10[2].data).toEqual([null, 10, 20, null]);
		expect(from10[4].data).toEqual([0, 10, null, null]);
	});
});
