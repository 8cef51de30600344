/**
 * The budget planner: predicted monthly GMV of the whole marketplace for a monthly marketing
 * budget, as spend goes from nothing to twice the budget, and the split across channels and
 * sub-categories that maximises the model's prediction within the user's floor and cap per
 * channel. It is a what-if on a model fitted to one year of observational data: not a causal
 * estimate of what spend would do.
 */
import type { InputRange } from '../core/artifact/types';
import { predictableRange } from '../core/inputRanges';
import type { GmvScenario } from './features';
import { CHANNELS } from './schema';
import { totalSpend, weeklyFromMonthly, WEEKS_PER_MONTH, type ChannelSpend } from './spend';

/** Weekly GMV of many scenarios at once (any shipped model). */
export type PredictMany = (scenarios: readonly GmvScenario[]) => Float64Array;

export interface Plan {
	/** Monthly budget by channel, crore. */
	split: ChannelSpend;
	/** Each sub-category's share of the spend. */
	shares: Record<string, number>;
	/** Predicted GMV of the month across all sub-categories, rupees. */
	gmv: number;
}

export interface PlanLimits {
	floors: ChannelSpend;
	caps: ChannelSpend;
	/** Each sub-category's share stays within these multiples of its historical share. */
	shareBounds: [number, number];
}

/** Month GMV for many candidate plans in one model call: sum over sub-categories of weekly GMV x 4.3. */
export function monthGmvMany(predict: PredictMany, base: readonly GmvScenario[], plans: readonly Omit<Plan, 'gmv'>[]): number[] {
	const scenarios: GmvScenario[] = [];
	for (const p of plans) {
		const weekly = weeklyFromMonthly(p.split);
		for (const s of base) scenarios.push({ ...s, weeklySpend: weekly, spendShare: p.shares[s.subCategory] ?? 0 });
	}
	const weeklyGmv = predict(scenarios);
	return plans.map((_, i) => {
		let sum = 0;
		for (let k = 0; k < base.length; k++) sum += weeklyGmv[i * base.length + k];
		return sum * WEEKS_PER_MONTH;
	});
}

/**
 * The most each channel's monthly budget may be for the model to still predict (core/inputRanges:
 * beyond, it is far outside what the model was trained on). Channels without a range: no limit.
 */
export function channelBudgetLimits(budgetRanges: Readonly<Record<string, InputRange>>): ChannelSpend {
	return Object.fromEntries(CHANNELS.map((c) => [c, budgetRanges[`budget_${c}`] ? predictableRange(budgetRanges[`budget_${c}`])[1] : Infinity])) as ChannelSpend;
}

/** Whether every channel of a split is within the limits. */
export function withinLimits(split: ChannelSpend, limits: ChannelSpend): boolean {
	return CHANNELS.every((c) => split[c] <= limits[c] + 1e-9);
}

/**
 * Predicted month GMV as the budget goes from 0 to 2x `budget`, keeping the mix and shares. With
 * `limits`, the curve stops where a channel's budget would be far outside the training range.
 */
export function spendCurve(
	predict: PredictMany,
	base: readonly GmvScenario[],
	mix: ChannelSpend,
	shares: Record<string, number>,
	budget: number,
	points = 21,
	limits?: ChannelSpend
): { budget: number; gmv: number }[] {
	const total = totalSpend(mix);
	const budgets = Array.from({ length: points }, (_, i) => (2 * budget * i) / (points - 1));
	const plans = budgets
		.map((b) => ({
			split: Object.fromEntries(CHANNELS.map((c) => [c, total > 0 ? (mix[c] / total) * b : b / CHANNELS.length])) as ChannelSpend,
			shares
		}))
		.filter((plan) => !limits || withinLimits(plan.split, limits));
	if (plans.length === 0) return [];
	const gmv = monthGmvMany(predict, base, plans);
	return plans.map((plan, i) => ({ budget: totalSpend(plan.split), gmv: gmv[i] }));
}

/** Why a budget cannot be planned at all without leaving the training range, or null. */
export function farBudgetProblem(budget: number, limits: ChannelSpend): string | null {
	const most = totalSpend(limits);
	if (budget <= most + 1e-9) return null;
	return (
		`A monthly budget of ${round2(budget)} crore is far outside what the model was trained on: with every channel at the most it still predicts, ` +
		`a month's budget reaches ${round2(most)} crore. Choose a smaller budget.`
	);
}

/** Why a budget cannot be split within the limits, or null when it can. */
export function limitsProblem(budget: number, limits: PlanLimits): string | null {
	const floor = totalSpend(limits.floors);
	const cap = totalSpend(limits.caps);
	for (const c of CHANNELS)
		if (limits.floors[c] > limits.caps[c]) return `The floor of ${c} (${limits.floors[c]}) is above its cap (${limits.caps[c]}).`;
	if (floor > budget + 1e-9) return `The floors add up to ${round2(floor)} crore, more than the budget of ${round2(budget)} crore.`;
	if (cap < budget - 1e-9) return `The caps add up to ${round2(cap)} crore, less than the budget of ${round2(budget)} crore.`;
	return null;
}

/** The closest split to `mix` (scaled to `budget`) that respects floors and caps. */
export function projectSplit(mix: ChannelSpend, budget: number, floors: ChannelSpend, caps: ChannelSpend): ChannelSpend {
	const total = totalSpend(mix);
	const x = Object.fromEntries(CHANNELS.map((c) => [c, total > 0 ? (mix[c] / total) * budget : budget / CHANNELS.length])) as ChannelSpend;
	for (let round = 0; round < 50; round++) {
		for (const c of CHANNELS) x[c] = Math.min(caps[c], Math.max(floors[c], x[c]));
		const gap = budget - totalSpend(x);
		if (Math.abs(gap) < 1e-9 * Math.max(1, budget)) break;
		const free = CHANNELS.filter((c) => (gap > 0 ? x[c] < caps[c] : x[c] > floors[c]));
		if (!free.length) break;
		const weight = free.reduce((a, c) => a + (mix[c] > 0 ? mix[c] : 1), 0);
		for (const c of free) x[c] += (gap * (mix[c] > 0 ? mix[c] : 1)) / weight;
	}
	return x;
}

/**
 * Steepest-ascent local search from the historical plan: move a step of budget from one channel to
 * another (or a step of share from one sub-category to another) while the prediction improves,
 * with steps shrinking from a tenth to an eightieth of the budget. Deterministic; the result is
 * never predicted below the (projected) historical plan.
 */
export function optimisePlan(
	predict: PredictMany,
	base: readonly GmvScenario[],
	historical: { mix: ChannelSpend; shares: Record<string, number> },
	budget: number,
	limits: PlanLimits
): { best: Plan; start: Plan; evaluations: number } {
	const subs = base.map((s) => s.subCategory);
	const lo = Object.fromEntries(subs.map((s) => [s, (historical.shares[s] ?? 0) * limits.shareBounds[0]]));
	const hi = Object.fromEntries(subs.map((s) => [s, (historical.shares[s] ?? 0) * limits.shareBounds[1]]));
	const shareTotal = subs.reduce((a, s) => a + (historical.shares[s] ?? 0), 0);
	const startShares = Object.fromEntries(subs.map((s) => [s, historical.shares[s] ?? 0]));
	const startSplit = projectSplit(historical.mix, budget, limits.floors, limits.caps);
	let evaluations = 1;
	const [startGmv] = monthGmvMany(predict, base, [{ split: startSplit, shares: startShares }]);
	let current: Plan = { split: startSplit, shares: startShares, gmv: startGmv };

	for (const fraction of [1 / 10, 1 / 20, 1 / 40, 1 / 80]) {
		for (let pass = 0; pass < 60; pass++) {
			const candidates: Omit<Plan, 'gmv'>[] = [];
			const step = budget * fraction;
			for (const from of CHANNELS)
				for (const to of CHANNELS) {
					if (from === to) continue;
					const move = Math.min(step, current.split[from] - limits.floors[from], limits.caps[to] - current.split[to]);
					if (move <= 1e-12) continue;
					candidates.push({ split: { ...current.split, [from]: current.split[from] - move, [to]: current.split[to] + move }, shares: current.shares });
				}
			const shareStep = shareTotal * fraction * 0.5;
			for (const from of subs)
				for (const to of subs) {
					if (from === to) continue;
					const move = Math.min(shareStep, current.shares[from] - lo[from], hi[to] - current.shares[to]);
					if (move <= 1e-12) continue;
					candidates.push({ split: current.split, shares: { ...current.shares, [from]: current.shares[from] - move, [to]: current.shares[to] + move } });
				}
			if (!candidates.length) break;
			const gmv = monthGmvMany(predict, base, candidates);
			evaluations += candidates.length;
			let bestIndex = -1;
			for (let i = 0; i < gmv.length; i++) if (gmv[i] > current.gmv * (1 + 1e-9) && (bestIndex < 0 || gmv[i] > gmv[bestIndex])) bestIndex = i;
			if (bestIndex < 0) break;
			current = { ...candidates[bestIndex], gmv: gmv[bestIndex] };
		}
	}
	return { best: current, start: { split: startSplit, shares: startShares, gmv: startGmv }, evaluations };
}

function round2(x: number): string {
	return (Math.round(x * 100) / 100).toString();
}
