/**
 * Top-k recommendation metrics averaged over users, with binary relevance: recall@k (relevant items
 * in the list / relevant items), hit@k (at least one relevant item in the list) and NDCG@k (DCG with
 * gains 1 / log2(rank + 1), divided by the best DCG possible with that many relevant items). Users
 * with no relevant item are left out (and counted). An item listed twice counts once. Pure TS.
 */
import type { RankingMetrics } from '../artifact/types';

/** One user's recommendations (best first) and the items that turned out relevant (e.g. the held-out basket). */
export interface RankedList<T = string | number> {
	recommended: readonly T[];
	relevant: ReadonlySet<T> | readonly T[];
}

/** Per-user values (only users with a relevant item), for averaging or a paired bootstrap over users. */
export interface PerUserRanking {
	recall: Float64Array;
	hit: Float64Array;
	ndcg: Float64Array;
	/** Users left out because nothing was relevant to them. */
	skipped: number;
}

/** recall@k, hit@k and NDCG@k of every user with at least one relevant item. */
export function rankingPerUser<T>(lists: readonly RankedList<T>[], k: number): PerUserRanking {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
	const recall: number[] = [];
	const hit: number[] = [];
	const ndcg: number[] = [];
	let skipped = 0;
	for (const { recommended, relevant } of lists) {
		const rel = relevant instanceof Set ? relevant : new Set(relevant as readonly T[]);
		if (rel.size === 0) {
			skipped++;
			continue;
		}
		const seen = new Set<T>();
		let hits = 0;
		let dcg = 0;
		for (let i = 0, rank = 0; i < recommended.length && rank < k; i++) {
			const item = recommended[i];
			if (seen.has(item)) continue;
			seen.add(item);
			if (rel.has(item)) {
				hits++;
				dcg += 1 / Math.log2(rank + 2);
			}
			rank++;
		}
		let ideal = 0;
		for (let r = 0; r < Math.min(k, rel.size); r++) ideal += 1 / Math.log2(r + 2);
		recall.push(hits / rel.size);
		hit.push(hits > 0 ? 1 : 0);
		ndcg.push(dcg / ideal);
	}
	return { recall: Float64Array.from(recall), hit: Float64Array.from(hit), ndcg: Float64Array.from(ndcg), skipped };
}

function mean(values: ArrayLike<number>): number | null {
	if (values.length === 0) return null;
	let s = 0;
	for (let i = 0; i < values.length; i++) s += values[i];
	return s / values.length;
}

/** recall@k, hit@k and NDCG@k averaged over the users with at least one relevant item. */
export function rankingMetrics<T>(lists: readonly RankedList<T>[], k: number): RankingMetrics {
	const per = rankingPerUser(lists, k);
	const users = per.recall.length;
	const m: RankingMetrics = { users, k, recall: mean(per.recall), hit: mean(per.hit), ndcg: mean(per.ndcg) };
	if (users === 0) {
		const reason = lists.length === 0 ? 'no users to score' : 'no user has a relevant item';
		m.undefinedBecause = { recall: reason, hit: reason, ndcg: reason };
	}
	return m;
}
