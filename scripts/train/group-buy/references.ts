/**
 * The reference script's three recommenders, reproduced to check our evaluation against its
 * figures: most popular items; item co-occurrence (item-kNN, with re-buys counted); a member's own
 * most-bought items, then popular ones. Python's `Counter.most_common` breaks ties by first
 * insertion, which for items within a basket follows Python's (randomised) set order, so ties are
 * broken here either by catalogue index or by a seeded random order, to measure how much they matter.
 */
import { seededRandom } from '../../../src/lib/core/random.ts';
import type { HeldOut } from './groceries.ts';

/** Item order for ties: `null` = catalogue index; otherwise a seeded random rank per item. */
export type TieOrder = Float64Array | null;

export function randomTieOrder(nItems: number, seed: number): Float64Array {
	const random = seededRandom(seed);
	return Float64Array.from({ length: nItems }, () => random());
}

/** Items by score, highest first; ties by the tie order. Items never scored (NaN) are left out. */
export function rankByScore(scores: ArrayLike<number>, ties: TieOrder): number[] {
	const items: number[] = [];
	for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) items.push(i);
	return items.sort((a, b) => scores[b] - scores[a] || (ties ? ties[a] - ties[b] : a - b));
}

/** How many baskets of `baskets` hold each item. */
export function basketCounts(baskets: Iterable<readonly number[]>, nItems: number): Float64Array {
	const c = new Float64Array(nItems);
	for (const b of baskets) for (const i of b) c[i]++;
	return c;
}

export function popularityOf(held: readonly HeldOut[], nItems: number): Float64Array {
	return basketCounts(
		held.flatMap((h) => h.history),
		nItems
	);
}

/** Co-occurrence counts over the history baskets (i != j), row-major nItems x nItems. */
export function cooccurrence(held: readonly HeldOut[], nItems: number): Float64Array {
	const co = new Float64Array(nItems * nItems);
	for (const h of held)
		for (const b of h.history)
			for (const i of b)
				for (const j of b) if (i !== j) co[i * nItems + j]++;
	return co;
}

/** Item-kNN as the reference script: +1 per past purchase, + co(i,j) / (pop i + pop j) per co-bought j. */
export function itemKnnList(h: HeldOut, pop: Float64Array, co: Float64Array, popular: number[], ties: TieOrder): number[] {
	const n = pop.length;
	const score = new Float64Array(n).fill(NaN);
	const add = (j: number, v: number) => (score[j] = (Number.isNaN(score[j]) ? 0 : score[j]) + v);
	for (const b of h.history)
		for (const i of b) {
			add(i, 1);
			for (let j = 0; j < n; j++) if (co[i * n + j] > 0) add(j, co[i * n + j] / (pop[i] + pop[j]));
		}
	return [...rankByScore(score, ties), ...popular];
}

/**
 * A member's own items by how many baskets held them, then the popular list. Ties among the
 * member's items go as in Python's Counter: the item first bought earlier comes first; within one
 * basket, by `ties` (Python's set order is random, so callers try several seeded orders).
 * `asReference`: the first 10 entries as the reference script takes them, repeats included (a
 * member with fewer than 10 own items then gets fewer than 10 distinct items); otherwise repeats
 * are skipped.
 */
export function personalThenPopularList(h: HeldOut, nItems: number, popular: number[], ties: TieOrder, asReference: boolean): number[] {
	const own = basketCounts(h.history, nItems);
	const firstSeen = new Float64Array(nItems).fill(Infinity);
	h.history.forEach((b, k) => {
		for (const i of b) if (firstSeen[i] === Infinity) firstSeen[i] = k + (ties ? ties[i] : i / nItems) * 0.5;
	});
	const mine: number[] = [];
	for (let i = 0; i < nItems; i++) if (own[i] > 0) mine.push(i);
	mine.sort((a, b) => own[b] - own[a] || firstSeen[a] - firstSeen[b]);
	const list = [...mine, ...popular];
	if (asReference) return list.slice(0, 10);
	return [...new Set(list)];
}
