import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArtifact } from '../core/artifact/load';
import { GMV_TOOL } from './artifacts';
import type { PlannerArtifact } from './mix/artifact';
import { answer } from './plannerJob';
import { byGroupOf, channelsOf, credited, largestMonthAtBudget, limitsProblem, observedLimits, outsideObserved, planBudget, planGmv, planTarget, responseCurve } from './planner';

const artifact = await checkArtifact<PlannerArtifact>(JSON.parse(readFileSync('model-artifacts/gmv/planner.json', 'utf8')), { tool: GMV_TOOL, modelId: 'planner' });
const groups = artifact.groups;
const observedTotal = groups.reduce((s, g) => s + g.observedMonthly.max, 0);
/** The form's largest monthly budget (the planner's budget field allows up to 10,000 crore). */
const FORM_MAX = 10_000;
const open = (budget: number) => ({ floors: groups.map(() => 0), caps: groups.map(() => budget) });
const yearMix = groups.map((g) => g.observedMonthly.max);

describe('the shipped planner never promises more than the data has seen', () => {
	const budgets = [10, 25, 50, 100, 170, observedTotal, 500, FORM_MAX];
	for (const budget of budgets)
		for (const saleWeeks of [0, artifact.typicalSaleWeeks]) {
			it(`at ${budget.toFixed(0)} crore a month with ${saleWeeks} sale weeks, caps wide open`, () => {
				const { best } = planBudget(artifact, { budget, saleWeeks, limits: open(budget), mix: yearMix });
				const seen = largestMonthAtBudget(artifact, budget);
				expect(best.gmv).toBeGreaterThan(0);
				expect(best.gmv, `plan ${best.gmv} against ${seen.month} (${seen.gmv}, budget ${seen.budget})`).toBeLessThanOrEqual(seen.gmv);
				// Nor does the top of its range beat the largest month the data ever saw.
				expect(best.range[1]).toBeLessThanOrEqual(Math.max(...artifact.months.map((m) => m.gmv)) * 1.25);
				expect(best.byGroup.reduce((a, b) => a + b, 0)).toBeCloseTo(budget, 6);
			});
		}
	it('in a month of nothing but sale weeks at the form’s largest budget, still below the largest month', () => {
		const { best } = planBudget(artifact, { budget: FORM_MAX, saleWeeks: 4.3, limits: open(FORM_MAX), mix: yearMix });
		expect(best.gmv).toBeLessThanOrEqual(Math.max(...artifact.months.map((m) => m.gmv)));
	});
	it('predicts each complete month of the data within a factor of two', () => {
		for (const m of artifact.months.filter((x) => x.complete)) {
			const p = planGmv(artifact.params, groups, m.byGroup, m.saleWeeks);
			expect(p / m.gmv, m.month).toBeGreaterThan(0.5);
			expect(p / m.gmv, m.month).toBeLessThan(2);
		}
	});
});

describe('planner', () => {
	it('is monotone and saturating in every group, flat beyond what the data saw', () => {
		groups.forEach((g, i) => {
			const curve = responseCurve(artifact, i, 41);
			for (let k = 1; k < curve.length; k++) expect(curve[k].gmv).toBeGreaterThanOrEqual(curve[k - 1].gmv - 1e-6);
			const beyond = curve.filter((p) => p.spend >= g.observedMonthly.max);
			expect(new Set(beyond.map((p) => p.gmv.toFixed(3))).size).toBe(1);
			for (const p of curve) expect(p.low).toBeLessThanOrEqual(p.high);
		});
		expect(credited(groups[0], 1e9)).toBe(groups[0].observedMonthly.max);
	});
	it('the best split beats or ties the historical mix, within floors and caps', () => {
		const limits = observedLimits(groups);
		limits.floors[0] = 20;
		const { best, historical } = planBudget(artifact, { budget: 80, saleWeeks: 1, limits, mix: yearMix });
		expect(best.gmv).toBeGreaterThanOrEqual(historical.gmv - 1);
		expect(best.byGroup[0]).toBeGreaterThanOrEqual(20 - 1e-9);
		best.byGroup.forEach((v, i) => expect(v).toBeLessThanOrEqual(limits.caps[i] + 1e-9));
		expect(best.range[0]).toBeLessThan(best.gmv);
		expect(best.range[1]).toBeGreaterThan(best.gmv);
		expect(best.warnings).toEqual(outsideObserved(groups, best.byGroup));
	});
	it('warns when a plan leaves the observed spend', () => {
		const { best } = planBudget(artifact, { budget: observedTotal * 2, saleWeeks: 1, limits: open(observedTotal * 2), mix: yearMix });
		expect(best.warnings.some((w) => w.side === 'above')).toBe(true);
		const { best: inside } = planBudget(artifact, { budget: 60, saleWeeks: 1, limits: observedLimits(groups), mix: yearMix });
		expect(inside.warnings.filter((w) => w.side === 'above')).toEqual([]);
	});
	it('finds the budget for a reachable target, and says when a target is out of reach', () => {
		const limits = observedLimits(groups);
		const { best } = planBudget(artifact, { budget: 60, saleWeeks: 1, limits, mix: yearMix });
		const t = planTarget(artifact, best.gmv, 1, limits);
		expect(t.reachable).toBe(true);
		expect(t.budget).toBeLessThanOrEqual(60 + 0.01);
		expect(t.budget).toBeGreaterThan(40);
		const far = planTarget(artifact, 1e12, 1, limits);
		expect(far.reachable).toBe(false);
		expect(far.budget).toBeCloseTo(observedTotal, 6);
		expect(answer(artifact, { kind: 'target', target: 1e12, saleWeeks: 1, limits }).kind).toBe('target');
	});
	it('explains limits that cannot hold', () => {
		const labels = groups.map((g) => g.label);
		const caps = groups.map(() => 1);
		expect(limitsProblem(20, { floors: groups.map(() => 0), caps }, labels)).toMatch(/caps add up to/);
		expect(limitsProblem(1, { floors: groups.map(() => 2), caps: groups.map(() => 5) }, labels)).toMatch(/floors add up to/);
		expect(limitsProblem(1, { floors: groups.map(() => 6), caps: groups.map(() => 5) }, labels)).toMatch(/above its cap/);
		expect(limitsProblem(2, { floors: groups.map(() => 0), caps }, labels)).toBeNull();
	});
	it('groups channels and spreads a group back in the year’s shares', () => {
		const all = groups.flatMap((g) => g.channels);
		expect(new Set(all).size).toBe(9);
		const spend = Object.fromEntries(all.map((c) => [c, 1]));
		const by = byGroupOf(groups, spend);
		expect(by.reduce((a, b) => a + b, 0)).toBe(9);
		const back = channelsOf(groups, [10, 0, 0].slice(0, groups.length));
		expect(Object.values(back).reduce((a, b) => a + b, 0)).toBeCloseTo(10, 9);
	});
});
