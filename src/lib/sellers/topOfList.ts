/**
 * Whether the model's top-k list is shown to hold more active sellers than a simple rule's top-k
 * list: a two-proportion z-test on the two lists' hit rates. The lists share users, which makes the
 * true difference less noisy than this test assumes, so it is cautious: "not shown" can be said of a
 * real but small gain, never the other way round. Pure.
 */
export interface TopListGap {
	k: number;
	/** Hit rates of the model's and the rule's top k. */
	model: number;
	rule: number;
	/** The model's rate minus the rule's, and its approximate 95% interval. */
	difference: number;
	low: number;
	high: number;
	/** True when the whole interval lies above zero. */
	clearlyAbove: boolean;
}

export function topListGap(k: number, model: number, rule: number): TopListGap {
	const se = Math.sqrt((model * (1 - model) + rule * (1 - rule)) / k);
	const difference = model - rule;
	const low = difference - 1.96 * se;
	const high = difference + 1.96 * se;
	return { k, model, rule, difference, low, high, clearlyAbove: low > 0 };
}
