/**
 * A group's list: every member's chance of buying each item, aggregated three ways (shown side by
 * side; the default is chosen by measurement in training):
 * - average: the mean chance, i.e. the expected share of members who buy the item;
 * - least misery: the smallest chance among the members (nobody is left out);
 * - Borda count: each member ranks the catalogue and gives (items - 1 - rank) points.
 * For each listed item: the expected number of buyers, who they are most likely to be, and the
 * chance that at least n members buy it (independent members: the Poisson-binomial distribution).
 *
 * Pure TS, no DOM.
 */

export const AGGREGATIONS = ['average', 'leastMisery', 'borda'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
	average: 'Average',
	leastMisery: 'Least misery',
	borda: 'Borda count'
};

/** The group's score of every item from each member's chances (member-major: chances[m][item]). */
export function aggregate(chances: readonly ArrayLike<number>[], method: Aggregation): Float64Array {
	if (chances.length === 0) throw new RangeError('A group needs at least one member');
	const nItems = chances[0].length;
	const out = new Float64Array(nItems);
	if (method === 'average') {
		for (const p of chances) for (let j = 0; j < nItems; j++) out[j] += p[j] / chances.length;
	} else if (method === 'leastMisery') {
		out.fill(Infinity);
		for (const p of chances) for (let j = 0; j < nItems; j++) out[j] = Math.min(out[j], p[j]);
	} else {
		for (const p of chances) {
			const order = Array.from({ length: nItems }, (_, j) => j).sort((a, b) => p[b] - p[a] || a - b);
			order.forEach((j, rank) => (out[j] += nItems - 1 - rank));
		}
	}
	return out;
}

/** P(at least k of the members buy), members independent with these chances. */
export function chanceAtLeast(chances: readonly number[], k: number): number {
	if (k <= 0) return 1;
	if (k > chances.length) return 0;
	// dist[j] = P(exactly j buyers among the members seen so far).
	let dist = new Float64Array(chances.length + 1);
	dist[0] = 1;
	chances.forEach((p, m) => {
		const next = new Float64Array(chances.length + 1);
		for (let j = 0; j <= m; j++) {
			next[j] += dist[j] * (1 - p);
			next[j + 1] += dist[j] * p;
		}
		dist = next;
	});
	let s = 0;
	for (let j = k; j <= chances.length; j++) s += dist[j];
	return Math.min(1, s);
}

export interface GroupItem {
	item: number;
	/** The group's score under the chosen aggregation. */
	score: number;
	/** Expected number of members who buy it: the sum of their chances. */
	expectedBuyers: number;
	/** Members by their chance of buying it, highest first (member index and chance). */
	members: { member: number; chance: number }[];
}

/** The group's top `k` items under `method`, with the expected buyers and who they are. */
export function groupList(chances: readonly ArrayLike<number>[], method: Aggregation, k: number): GroupItem[] {
	const scores = aggregate(chances, method);
	const order = Array.from({ length: scores.length }, (_, j) => j).sort((a, b) => scores[b] - scores[a] || a - b);
	return order.slice(0, k).map((item) => {
		const members = chances.map((p, member) => ({ member, chance: p[item] })).sort((a, b) => b.chance - a.chance || a.member - b.member);
		return { item, score: scores[item], expectedBuyers: members.reduce((s, m) => s + m.chance, 0), members };
	});
}
