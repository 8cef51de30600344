/**
 * Model-agnostic explanations: Shapley values of groups of features, estimated by sampling
 * orderings (Strumbelj & Kononenko). Features outside the "present" set take a reference row's
 * values (e.g. the training means). Within every ordering the marginal contributions telescope, so
 * the estimates always add up exactly: reference prediction + sum(contributions) = prediction.
 */
import { shuffled, seededRandom } from './random';

/**
 * `predict` scores row-major rows; `groups[j]` is the group label of feature j.
 * Returns the reference prediction and one contribution per distinct group label.
 */
export function sampledShapley(
	predict: (rows: Float64Array, nRows: number) => Float64Array,
	row: ArrayLike<number>,
	reference: ArrayLike<number>,
	groups: readonly string[],
	orderings = 64,
	seed = 1
): { reference: number; prediction: number; contributions: Map<string, number> } {
	const width = row.length;
	const labels = [...new Set(groups)];
	const members = labels.map((l) => groups.flatMap((g, j) => (g === l ? [j] : [])));
	const random = seededRandom(seed);
	// Each ordering needs labels.length + 1 rows: reference, then one more group switched on at a time.
	const steps = labels.length + 1;
	const batch = new Float64Array(orderings * steps * width);
	const orders: number[][] = [];
	for (let o = 0; o < orderings; o++) {
		const order = shuffled(
			labels.map((_, i) => i),
			random
		);
		orders.push(order);
		const current = Float64Array.from(reference);
		batch.set(current, (o * steps) * width);
		order.forEach((g, k) => {
			for (const j of members[g]) current[j] = row[j];
			batch.set(current, (o * steps + k + 1) * width);
		});
	}
	const out = predict(batch, orderings * steps);
	const sums = new Float64Array(labels.length);
	for (let o = 0; o < orderings; o++)
		orders[o].forEach((g, k) => {
			sums[g] += out[o * steps + k + 1] - out[o * steps + k];
		});
	const contributions = new Map(labels.map((l, i) => [l, sums[i] / orderings]));
	return { reference: out[0], prediction: out[steps - 1], contributions };
}
