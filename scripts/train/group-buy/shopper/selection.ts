/**
 * Choosing the blend on validation: every embedding size and blend weight is scored on each
 * member's second-to-last basket, learning without each member's last two baskets.
 */
import { rankingMetrics } from '../../../../src/lib/core/metrics/ranking.ts';
import type { ShopperArtifact } from '../../../../src/lib/group-buy/artifact.ts';
import type { BlendWeights } from '../../../../src/lib/group-buy/shopper.ts';
import { printTable } from '../../io.ts';
import type { GroceriesData } from '../groceries.ts';
import { blendLists, fitAtCut, rankingCells, roundRanking, type Fitted } from './fit.ts';
import { EMBEDDING, GRID, K } from './settings.ts';

/** Every candidate tried (a row each), the chosen weights and embedding size, and the chosen fit at the validation cut. */
export interface BlendChoice {
	selection: ShopperArtifact['selection'];
	weights: BlendWeights;
	dims: number;
	/** The fit without each member's last two baskets, at the chosen size. */
	val: Fitted;
}

/** Try every embedding size and blend weight on validation and choose the highest recall@10 (prints the best few). */
export async function chooseBlend(g: GroceriesData): Promise<BlendChoice> {
	const start: BlendWeights = { popularity: 1, embedding: 0, rebuy: 0 };
	const selection: ShopperArtifact['selection'] = [];
	const fits = new Map<number, Fitted>();
	for (const dims of EMBEDDING.dimsTried) {
		const fitted = await fitAtCut(g, 2, dims, start);
		fits.set(dims, fitted);
		for (const popularity of GRID.popularity)
			for (const embedding of popularity === 0 ? [1] : GRID.embedding)
				for (const rebuy of GRID.rebuy) {
					// Blends without the embeddings do not depend on their size: tried once.
					if (embedding === 0 && dims !== EMBEDDING.dimsTried[0]) continue;
					const weights = { popularity, embedding, rebuy };
					selection.push({ dims, weights, validation: roundRanking(rankingMetrics(blendLists(fitted, weights), K)), chosen: false });
				}
	}
	// Highest validation recall@10; on a tie, the earlier (simpler) candidate.
	const best = selection.reduce((a, b) => (b.validation.recall! > a.validation.recall! ? b : a));
	best.chosen = true;
	const { weights, dims } = best;
	const val = fits.get(dims)!;
	const popularityAlone = selection.find((s) => s.weights.popularity === 1 && s.weights.embedding === 0 && s.weights.rebuy === 0)!;
	console.log(`\nchosen on ${val.held.length.toLocaleString('en-US')} validation members: ${dims} dimensions, popularity ${weights.popularity}, embedding ${weights.embedding}, re-buy ${weights.rebuy} (recall@10 ${best.validation.recall}; popularity alone ${popularityAlone.validation.recall})`);
	printTable(
		[...selection]
			.sort((a, b) => b.validation.recall! - a.validation.recall!)
			.slice(0, 8)
			.map((s) => ({ dims: s.dims, popularity: s.weights.popularity, embedding: s.weights.embedding, rebuy: s.weights.rebuy, ...rankingCells(s.validation) }))
	);
	return { selection, weights, dims, val };
}
