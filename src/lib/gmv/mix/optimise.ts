/**
 * Splitting a monthly budget across channel groups, over any concave, non-decreasing month
 * response (the planner's is: Hill curves with shape <= 1, held flat beyond the spend the data
 * saw). Greedy by marginal gain in small equal steps from the floors, which is optimal for concave
 * responses up to the step size; deterministic (ties go to the earlier group).
 */

/** GMV a month (rupees) for a monthly budget by group (crore). Must be non-decreasing and concave in each group. */
export type MonthResponse = (byGroup: readonly number[]) => number;

export interface GroupLimits {
	floors: number[];
	caps: number[];
}

export interface Split {
	byGroup: number[];
	gmv: number;
}

const STEPS = 400;

/** Why a budget cannot be split within floors and caps, or null. */
export function limitsProblem(budget: number, limits: GroupLimits, labels: readonly string[]): string | null {
	if (!(budget >= 0)) return 'The budget must be a number of crore, 0 or more.';
	for (let g = 0; g < labels.length; g++)
		if (limits.floors[g] > limits.caps[g] + 1e-9) return `The floor of ${labels[g]} (${limits.floors[g]} crore) is above its cap (${limits.caps[g]} crore).`;
	const floor = limits.floors.reduce((a, b) => a + b, 0);
	const cap = limits.caps.reduce((a, b) => a + b, 0);
	if (floor > budget + 1e-9) return `The floors add up to ${round2(floor)} crore, more than the budget of ${round2(budget)} crore.`;
	if (cap < budget - 1e-9) return `The caps add up to ${round2(cap)} crore, less than the budget of ${round2(budget)} crore.`;
	return null;
}

/** The split of `budget` within the limits with the highest response (limits must admit it: see limitsProblem). */
export function bestSplit(response: MonthResponse, budget: number, limits: GroupLimits): Split {
	const x = [...limits.floors];
	let left = budget - x.reduce((a, b) => a + b, 0);
	const step = Math.max(left, 0) / STEPS;
	let current = response(x);
	while (left > 1e-9 && step > 0) {
		const move = Math.min(step, left);
		let bestG = -1;
		let bestGain = -Infinity;
		for (let g = 0; g < x.length; g++) {
			const room = limits.caps[g] - x[g];
			if (room <= 1e-12) continue;
			const d = Math.min(move, room);
			x[g] += d;
			const gain = (response(x) - current) / d;
			x[g] -= d;
			if (gain > bestGain + 1e-12) [bestG, bestGain] = [g, gain];
		}
		if (bestG < 0) break;
		const d = Math.min(move, limits.caps[bestG] - x[bestG]);
		x[bestG] += d;
		left -= d;
		current = response(x);
	}
	return { byGroup: x, gmv: current };
}

/**
 * The smallest budget whose best split reaches `target` (bisection over the budget, as the best
 * response never falls when the budget grows). `reachable: false` with the most the caps allow.
 */
export function budgetForTarget(
	response: MonthResponse,
	target: number,
	limits: GroupLimits
): { reachable: true; budget: number; split: Split } | { reachable: false; most: Split } {
	let lo = limits.floors.reduce((a, b) => a + b, 0);
	let hi = limits.caps.reduce((a, b) => a + b, 0);
	const low = bestSplit(response, lo, limits);
	if (low.gmv >= target) return { reachable: true, budget: lo, split: low };
	const most = bestSplit(response, hi, limits);
	if (most.gmv < target) return { reachable: false, most };
	for (let i = 0; i < 40 && hi - lo > 0.005; i++) {
		const mid = (lo + hi) / 2;
		if (bestSplit(response, mid, limits).gmv >= target) hi = mid;
		else lo = mid;
	}
	return { reachable: true, budget: hi, split: bestSplit(response, hi, limits) };
}

function round2(x: number): string {
	return (Math.round(x * 100) / 100).toString();
}
