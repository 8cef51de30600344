/** Training the seller forest: balanced per-tree samples on quantile bins, mapped back to raw thresholds. */
import { trainForestClassifier } from '../../../src/lib/core/forest/train.ts';
import type { FlatForest } from '../../../src/lib/core/forest/flat.ts';
import { binnedRows, quantileBinEdges, thresholdsToRaw } from './bins.ts';

export interface ForestConfig {
	trees: number;
	maxDepth: number;
	/** A node with this many sampled rows or fewer becomes a leaf. */
	minNumSamples: number;
	/** Rows of each class drawn (with replacement) for every tree. */
	perClass: number;
	/** Quantile bins per feature for training (plus tail bins, see bins.ts). */
	maxBins: number;
	/** Share of the features each tree draws (once per tree). Default 1. */
	maxFeatures?: number;
}

export function trainSellerForest(X: Float64Array, y: Uint8Array, width: number, config: ForestConfig, seed: number): FlatForest {
	const edges = quantileBinEdges(X, width, config.maxBins);
	const rows = binnedRows(X, width, edges);
	const trained = trainForestClassifier(rows, Array.from(y), {
		nEstimators: config.trees,
		seed,
		sampling: 'balanced',
		perClass: config.perClass,
		maxDepth: config.maxDepth,
		minNumSamples: config.minNumSamples,
		gainThreshold: 0,
		maxFeatures: config.maxFeatures ?? 1
	});
	thresholdsToRaw(trained.flat, edges);
	return trained.flat;
}
