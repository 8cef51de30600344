/**
 * The blend fitted at a cut: popularity and item embeddings learnt without each member's last
 * `cut` baskets, and each member's top 10 from the baskets before the held-out one.
 */
import type { RankingMetrics } from '../../../../src/lib/core/artifact/types.ts';
import type { RankedList } from '../../../../src/lib/core/metrics/ranking.ts';
import { itemCounts } from '../../../../src/lib/group-buy/baskets.ts';
import { popularityScores, shopperScores, topItems, type BlendWeights, type ShopperModel } from '../../../../src/lib/group-buy/shopper.ts';
import { round } from '../../io.ts';
import { trainEmbeddings, type ItemEmbeddings } from '../embeddings.ts';
import { holdOut, trainingBaskets, type GroceriesData, type HeldOut } from '../groceries.ts';
import { basketCounts } from '../references.ts';
import { EMBEDDING, K, SEED } from './settings.ts';

/** The model fitted at a cut, what it learnt from, and the members it is scored on. */
export interface Fitted {
	model: ShopperModel;
	/** Baskets holding each item, before the cut. */
	counts: Float64Array;
	/** Baskets learnt from. */
	baskets: number;
	embeddings: ItemEmbeddings;
	/** Each member's held-out basket and the baskets before it. */
	held: HeldOut[];
	/** Each held-out member's purchases of each item before the held-out basket. */
	memberCounts: Float64Array[];
}

/** Fit popularity and `dims`-dimensional embeddings without each member's last `cut` baskets (prints the embeddings' loss). */
export async function fitAtCut(g: GroceriesData, cut: number, dims: number, weights: BlendWeights): Promise<Fitted> {
	const n = g.items.length;
	const baskets = trainingBaskets(g.members, cut);
	const counts = basketCounts(baskets.flat(), n);
	const t0 = performance.now();
	const embeddings = await trainEmbeddings(baskets, n, { dims, epochs: EMBEDDING.epochs, learningRate: EMBEDDING.learningRate, l2: EMBEDDING.l2, seed: SEED });
	console.log(`${dims}-dimensional embeddings without each member's last ${cut} basket(s): ${embeddings.examples.toLocaleString('en-US')} next baskets, cross-entropy ${embeddings.loss.toFixed(4)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
	const model: ShopperModel = { nItems: n, dims, popularity: popularityScores(counts), itemVectors: embeddings.itemVectors, contextVectors: embeddings.contextVectors, bias: embeddings.bias, weights };
	const held = holdOut(g.members, cut);
	return { model, counts, baskets: baskets.reduce((a, b) => a + b.length, 0), embeddings, held, memberCounts: held.map((h) => itemCounts(h.history, n)) };
}

/** Each held-out member's top 10 under `weights`, beside the basket they bought. */
export function blendLists(f: Fitted, weights: BlendWeights): RankedList<number>[] {
	return f.held.map((h, i) => ({ recommended: topItems(shopperScores(f.model, f.memberCounts[i], weights), K), relevant: h.target }));
}

/** Ranking metrics rounded to 4 digits for the artifact. */
export function roundRanking(m: RankingMetrics): RankingMetrics {
	const r = (v: number | null) => (v === null ? null : round(v, 4));
	return { ...m, recall: r(m.recall), hit: r(m.hit), ndcg: r(m.ndcg) };
}

/** Ranking metrics as the cells of a printed table. */
export const rankingCells = (m: RankingMetrics) => ({ 'recall@10': m.recall ?? NaN, 'hit@10': m.hit ?? NaN, 'NDCG@10': m.ndcg ?? NaN });
