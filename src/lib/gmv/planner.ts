/**
 * The budget planner over the marketing-mix response (mix/): a month's GMV for a budget by channel
 * group, the best split of a budget within floors and caps, the budget a target GMV needs, each
 * with its 80% range from the bootstrap refits, and warnings wherever a plan leaves the spend the
 * data saw. Beyond the most a group ever got in a month, the planner credits nothing more: the data
 * has never shown what it would do. The forecast models are not used: they extrapolate wildly.
 */
import type { PlannerArtifact } from './mix/artifact';
import { bestSplit, budgetForTarget, limitsProblem, type GroupLimits, type Split } from './mix/optimise';
import { range80 } from './mix/range';
import { groupMonthResponse, marginalReturn, type MixGroup, type MixParams } from './mix/response';
import { WEEKS_PER_MONTH } from './spend';

export { limitsProblem, type GroupLimits };

/** Monthly budget by group (crore) -> month GMV (rupees), held flat beyond each group's largest observed month. */
export function planGmv(p: MixParams, groups: readonly MixGroup[], byGroup: readonly number[], saleWeeks: number): number {
	let gmv = p.base * WEEKS_PER_MONTH + p.saleLift * saleWeeks;
	for (let g = 0; g < groups.length; g++) gmv += groupMonthResponse(p, g, credited(groups[g], byGroup[g]));
	return gmv;
}

/** The spend a group is credited with: its budget, up to the most the data saw it get in a month. */
export function credited(group: MixGroup, monthly: number): number {
	return Math.min(Math.max(0, monthly), group.observedMonthly.max);
}

/** Extra GMV (rupees) per extra rupee in a group at a monthly budget (0 beyond the observed range). */
export function groupMarginalReturn(p: MixParams, group: MixGroup, g: number, monthly: number): number {
	return monthly >= group.observedMonthly.max ? 0 : marginalReturn(p, g, monthly);
}

/** A channel mix (crore by channel) added up by group. */
export function byGroupOf(groups: readonly MixGroup[], spend: Readonly<Record<string, number>>): number[] {
	return groups.map((g) => g.channels.reduce((s, c) => s + (spend[c] ?? 0), 0));
}

/** A budget by group spread back to channels in the year's shares within each group. */
export function channelsOf(groups: readonly MixGroup[], byGroup: readonly number[]): Record<string, number> {
	const out: Record<string, number> = {};
	groups.forEach((g, i) => {
		const sum = g.channels.reduce((s, c) => s + (g.channelShares[c] ?? 0), 0) || 1;
		for (const c of g.channels) out[c] = (byGroup[i] * (g.channelShares[c] ?? 0)) / sum;
	});
	return out;
}

/** Scale a mix by group to a total (an all-zero mix: in the proportions of `fallback`). */
export function scaleMix(mix: readonly number[], total: number, fallback: readonly number[]): number[] {
	const sum = mix.reduce((a, b) => a + b, 0);
	const base = sum > 0 ? mix : fallback;
	const s = base.reduce((a, b) => a + b, 0) || 1;
	return base.map((v) => (v / s) * total);
}

/** Default limits: nothing below, and caps at the most each group got in any month of the data. */
export function observedLimits(groups: readonly MixGroup[]): GroupLimits {
	return { floors: groups.map(() => 0), caps: groups.map((g) => g.observedMonthly.max) };
}

export interface RangeWarning {
	group: string;
	monthly: number;
	observed: { min: number; max: number };
	side: 'below' | 'above';
}

/** Groups of a plan outside the monthly spend the data saw. */
export function outsideObserved(groups: readonly MixGroup[], byGroup: readonly number[]): RangeWarning[] {
	const out: RangeWarning[] = [];
	groups.forEach((g, i) => {
		const v = byGroup[i];
		if (v > g.observedMonthly.max + 1e-6) out.push({ group: g.label, monthly: v, observed: g.observedMonthly, side: 'above' });
		else if (v < g.observedMonthly.min - 1e-6) out.push({ group: g.label, monthly: v, observed: g.observedMonthly, side: 'below' });
	});
	return out;
}

export interface PlanResult extends Split {
	range: [number, number];
	marginal: number[];
	warnings: RangeWarning[];
}

/** A split with its 80% range, marginal returns and warnings. */
export function describePlan(a: PlannerArtifact, byGroup: number[], saleWeeks: number): PlanResult {
	const gmv = planGmv(a.params, a.groups, byGroup, saleWeeks);
	const boot = a.bootstrap.map((p) => planGmv(p, a.groups, byGroup, saleWeeks));
	return {
		byGroup,
		gmv,
		range: range80(boot, a.residualRatio),
		marginal: a.groups.map((g, i) => groupMarginalReturn(a.params, g, i, byGroup[i])),
		warnings: outsideObserved(a.groups, byGroup)
	};
}

export interface PlanRequest {
	budget: number;
	saleWeeks: number;
	limits: GroupLimits;
	/** The mix to compare with (monthly crore by group), scaled to the budget. */
	mix: number[];
}

/**
 * The best split of a budget and the historical mix at that budget (limits already checked), and in
 * how many of the bootstrap refits the best split predicts more than the mix (paired: same refit).
 */
export function planBudget(a: PlannerArtifact, req: PlanRequest): { best: PlanResult; historical: PlanResult; betterIn: { refits: number; of: number } } {
	const response = (x: readonly number[]) => planGmv(a.params, a.groups, x, req.saleWeeks);
	const best = bestSplit(response, req.budget, req.limits);
	const mix = scaleMix(req.mix, req.budget, a.groups.map((g) => g.observedMonthly.max));
	const refits = a.bootstrap.filter((p) => planGmv(p, a.groups, best.byGroup, req.saleWeeks) > planGmv(p, a.groups, mix, req.saleWeeks)).length;
	return { best: describePlan(a, best.byGroup, req.saleWeeks), historical: describePlan(a, mix, req.saleWeeks), betterIn: { refits, of: a.bootstrap.length } };
}

/** The budget a target month GMV needs, or the most the limits allow. */
export function planTarget(a: PlannerArtifact, target: number, saleWeeks: number, limits: GroupLimits): { reachable: boolean; budget: number; plan: PlanResult } {
	const r = budgetForTarget((x) => planGmv(a.params, a.groups, x, saleWeeks), target, limits);
	const split = r.reachable ? r.split : r.most;
	return { reachable: r.reachable, budget: split.byGroup.reduce((s, v) => s + v, 0), plan: describePlan(a, split.byGroup, saleWeeks) };
}

/** Response of one group over monthly spend from 0 to twice its observed max, with its 80% band over the refits. */
export function responseCurve(a: PlannerArtifact, g: number, points = 25): { spend: number; gmv: number; low: number; high: number }[] {
	const group = a.groups[g];
	const top = 2 * group.observedMonthly.max;
	return Array.from({ length: points }, (_, i) => {
		const spend = (top * i) / (points - 1);
		const x = credited(group, spend);
		const sorted = a.bootstrap.map((p) => groupMonthResponse(p, g, x)).sort((u, v) => u - v);
		return { spend, gmv: groupMonthResponse(a.params, g, x), low: sorted[Math.floor(0.1 * (sorted.length - 1))], high: sorted[Math.ceil(0.9 * (sorted.length - 1))] };
	});
}

/** The largest complete month of the data whose budget was at most `within` x this budget (else the smallest-budget month). */
export function largestMonthAtBudget(a: PlannerArtifact, budget: number, within = 2): { month: string; gmv: number; budget: number } {
	const complete = a.months.filter((m) => m.complete);
	const comparable = complete.filter((m) => m.budget <= within * budget);
	const pool = comparable.length ? comparable : [complete.reduce((x, y) => (y.budget < x.budget ? y : x))];
	return pool.reduce((x, y) => (y.gmv > x.gmv ? y : x));
}
