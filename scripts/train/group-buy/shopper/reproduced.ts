/**
 * The reference script's three recommenders (popularity, item co-occurrence, the member's own
 * items) reproduced at the test cut, with the spread of their figures over tie orders.
 */
import type { RankingMetrics } from '../../../../src/lib/core/artifact/types.ts';
import { rankingMetrics, type RankedList } from '../../../../src/lib/core/metrics/ranking.ts';
import type { ReproducedFigure } from '../../../../src/lib/group-buy/artifact.ts';
import { printTable, round } from '../../io.ts';
import type { GroceriesData, HeldOut } from '../groceries.ts';
import { cooccurrence, itemKnnList, personalThenPopularList, popularityOf, randomTieOrder, rankByScore, type TieOrder } from '../references.ts';
import { K, REFERENCE, SEED, TIE_ORDERS } from './settings.ts';

/** A reference recommender as a baseline: its name, what it does and its lists (ties by catalogue order). */
export interface ReferenceBaseline {
	name: string;
	description: string;
	lists: RankedList<number>[];
}

/** The reference script's three recommenders at the test cut, with the spread over tie orders (prints them). */
export function reproduceReference(g: GroceriesData, held: HeldOut[]): { figures: ReproducedFigure[]; baselines: ReferenceBaseline[] } {
	const n = g.items.length;
	const pop = popularityOf(held, n);
	const co = cooccurrence(held, n);
	const orders: TieOrder[] = [null, ...Array.from({ length: TIE_ORDERS }, (_, s) => randomTieOrder(n, SEED + s))];
	const spread = (make: (ties: TieOrder) => RankedList<number>[]) => {
		const ms = orders.map((t) => rankingMetrics(make(t), K));
		const range = (f: (m: RankingMetrics) => number | null): [number, number] => [round(Math.min(...ms.map((m) => f(m)!)), 4), round(Math.max(...ms.map((m) => f(m)!)), 4)];
		return { recall: range((m) => m.recall), hit: range((m) => m.hit) };
	};
	const popular = (t: TieOrder) => rankByScore(pop, t);
	const popLists = (t: TieOrder) => held.map((h) => ({ recommended: popular(t), relevant: h.target }));
	const knnLists = (t: TieOrder) => held.map((h) => ({ recommended: itemKnnList(h, pop, co, popular(t), t), relevant: h.target }));
	const personalLists = (asReference: boolean) => (t: TieOrder) => held.map((h) => ({ recommended: personalThenPopularList(h, n, popular(t), t, asReference), relevant: h.target }));
	const tieNote = `ties broken by catalogue index and ${TIE_ORDERS} seeded random orders`;
	const figures: ReproducedFigure[] = [
		{ name: 'Most popular items', ...spread(popLists), reference: REFERENCE.popularity, note: tieNote },
		{ name: 'Item co-occurrence (item-kNN)', ...spread(knnLists), reference: REFERENCE.itemKnn, note: tieNote },
		{ name: "Member's own most-bought items, then popular (as the reference: the first 10 entries, repeats included)", ...spread(personalLists(true)), reference: REFERENCE.personal, note: `${tieNote}; Python breaks ties among a member's items by first purchase, then by its random set order, so the reference's own figure moves between runs` },
		{ name: "Member's own most-bought items, then popular (repeats skipped, always 10 items)", ...spread(personalLists(false)), reference: { recall: NaN, hit: NaN }, note: 'our fairer variant; not in the reference script' }
	];
	console.log(`\nreference recommenders reproduced on ${held.length.toLocaleString('en-US')} members (range over ${orders.length} tie orders):`);
	printTable(figures.map((f) => ({ recommender: f.name.slice(0, 60), 'recall@10': `${f.recall[0].toFixed(4)}-${f.recall[1].toFixed(4)}`, 'hit@10': `${f.hit[0].toFixed(4)}-${f.hit[1].toFixed(4)}`, reference: Number.isNaN(f.reference.recall) ? '-' : `${f.reference.recall} / ${f.reference.hit}` })));
	return {
		figures: figures.map((f) => (Number.isNaN(f.reference.recall) ? { ...f, reference: { recall: 0, hit: 0 }, note: f.note } : f)),
		baselines: [
			{ name: 'Most popular items', description: 'The 10 items most baskets held, the same for everyone (the reference script\'s popularity).', lists: popLists(null) },
			{ name: 'Item co-occurrence (item-kNN)', description: "Items bought with the member's items, plus re-buys (the reference script's item-kNN), then popular.", lists: knnLists(null) },
			{ name: "Member's own items, then popular", description: "The member's most-bought items, then the most popular ones (repeats skipped, always 10 items).", lists: personalLists(false)(null) }
		]
	};
}
