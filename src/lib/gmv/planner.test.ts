import { describe, expect, it } from 'vitest';
import type { GmvScenario } from './features';
import { channelBudgetLimits, farBudgetProblem, limitsProblem, monthGmvMany, optimisePlan, projectSplit, spendCurve, withinLimits, type PredictMany } from './planner';
import { CHANNELS } from './schema';
import { totalSpend, zeroSpend, type ChannelSpend } from './spend';

const base: GmvScenario[] = ['A', 'B'].map((subCategory) => ({
	subCategory,
	productMrp: 1000,
	discount: 30,
	sla: 5,
	procurementSla: 2,
	nps: 50,
	saleWeek: false,
	weeklySpend: zeroSpend()
}));

/** A toy model with diminishing returns: SEM pays best, then TV; sub-category A responds twice as much. */
const toy: PredictMany = (scenarios) =>
	Float64Array.from(scenarios, (s) => {
		const k = s.subCategory === 'A' ? 2 : 1;
		const share = s.spendShare ?? 0.5;
		return 1000 + k * 100 * (Math.sqrt(s.weeklySpend.SEM * share) * 3 + Math.sqrt(s.weeklySpend.TV * share));
	});

const spend = (parts: Partial<ChannelSpend>): ChannelSpend => ({ ...zeroSpend(), ...parts });

describe('planner', () => {
	it('adds sub-categories and scales a week to a month', () => {
		const [g] = monthGmvMany(toy, base, [{ split: zeroSpend(), shares: { A: 0.5, B: 0.5 } }]);
		expect(g).toBeCloseTo(2000 * 4.3, 9);
	});
	it('draws a curve from zero to twice the budget', () => {
		const curve = spendCurve(toy, base, spend({ TV: 1, SEM: 1 }), { A: 0.5, B: 0.5 }, 10, 5);
		expect(curve.map((p) => p.budget)).toEqual([0, 5, 10, 15, 20]);
		for (let i = 1; i < curve.length; i++) expect(curve[i].gmv).toBeGreaterThan(curve[i - 1].gmv);
	});
	it('projects a mix onto floors and caps', () => {
		const floors = spend({ TV: 2 });
		const caps = Object.fromEntries(CHANNELS.map((c) => [c, c === 'SEM' ? 5 : 100])) as ChannelSpend;
		const x = projectSplit(spend({ SEM: 9, TV: 1 }), 10, floors, caps);
		expect(totalSpend(x)).toBeCloseTo(10, 9);
		expect(x.SEM).toBeLessThanOrEqual(5 + 1e-9);
		expect(x.TV).toBeGreaterThanOrEqual(2 - 1e-9);
	});
	it('finds a better split than history within the limits, never worse', () => {
		const floors = spend({ TV: 1 });
		const caps = Object.fromEntries(CHANNELS.map((c) => [c, 100])) as ChannelSpend;
		const limits = { floors, caps, shareBounds: [0.5, 2] as [number, number] };
		const { best, start } = optimisePlan(toy, base, { mix: spend({ TV: 5, Radio: 5 }), shares: { A: 0.5, B: 0.5 } }, 10, limits);
		expect(best.gmv).toBeGreaterThan(start.gmv);
		expect(totalSpend(best.split)).toBeCloseTo(10, 6);
		expect(best.split.Radio).toBeLessThan(0.5); // Radio does nothing in the toy model
		expect(best.split.SEM).toBeGreaterThan(best.split.TV);
		expect(best.split.TV).toBeGreaterThanOrEqual(1 - 1e-9);
		expect(best.shares.A).toBeGreaterThan(0.5);
		expect(best.shares.A).toBeLessThanOrEqual(1 + 1e-9);
		expect(best.shares.A + best.shares.B).toBeCloseTo(1, 9);
	});
	it('explains limits that cannot hold', () => {
		const caps = Object.fromEntries(CHANNELS.map((c) => [c, 1])) as ChannelSpend;
		expect(limitsProblem(20, { floors: zeroSpend(), caps, shareBounds: [0.5, 2] })).toMatch(/caps add up to 9/);
		expect(limitsProblem(1, { floors: spend({ TV: 2 }), caps: spend({ TV: 5 }), shareBounds: [0.5, 2] })).toMatch(/floors add up to 2/);
		expect(limitsProblem(1, { floors: spend({ TV: 6 }), caps: spend({ TV: 5 }), shareBounds: [0.5, 2] })).toMatch(/above its cap/);
		expect(limitsProblem(5, { floors: zeroSpend(), caps, shareBounds: [0.5, 2] })).toBeNull();
	});

	it('stops the curve and caps the plan where a channel would be far outside its training range', () => {
		const ranges = Object.fromEntries(CHANNELS.map((c) => [`budget_${c}`, { min: 0, max: 10, p01: 0, p99: 10 }]));
		const limits = channelBudgetLimits(ranges);
		expect(limits.SEM).toBe(15); // half the range's width beyond its end
		const mix = spend({ SEM: 10, TV: 10 });
		const curve = spendCurve(toy, base, mix, { A: 0.5, B: 0.5 }, 20, 21, limits);
		expect(curve.at(-1)?.budget).toBeLessThanOrEqual(30 + 1e-9);
		expect(curve.every((p) => p.budget <= 30 + 1e-9)).toBe(true);
		expect(curve.length).toBeLessThan(21);
		expect(withinLimits(spend({ SEM: 16 }), limits)).toBe(false);
		expect(farBudgetProblem(100, limits)).toBeNull();
		expect(farBudgetProblem(200, limits)).toMatch(/^A monthly budget of 200 crore is far outside what the model was trained on/);
	});
});
