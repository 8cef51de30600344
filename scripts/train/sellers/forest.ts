/** Training the seller forest: balanced per-tree samples on quantile bins, mapped back to raw thresholds. */
import { trainForestClassifier } from '../../../src/lib/core/forest/train.ts';
import { fillInternalNodes, type FlatForest } from '../../../src/lib/core/forest/flat.ts';
import { roundSignificant } from '../../../src/lib/core/forest/quantise.ts';
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
	/** Leaf values rounded to this many significant digits for shipping (quantise.ts); absent = exact. */
	leafDigits?: number;
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
		maxFeatures: config.maxFeatures ?? 1,
		fastSplits: true
	});
	thresholdsToRaw(trained.flat, edges);
	return config.leafDigits === undefined ? trained.flat : roundLeaves(trained.flat, config.leafDigits);
}

/**
 * A copy of `flat` with every leaf value rounded to `digits` significant digits and the internal
 * nodes refilled from them, as the decoder refills them (split values untouched).
 */
export function roundLeaves(flat: FlatForest, digits: number): FlatForest {
	const k = flat.nOutputs;
	const value = flat.value.map((v, j) => (flat.feature[Math.floor(j / k)] < 0 ? roundSignificant(v, digits) : v));
	const out: FlatForest = { ...flat, value, count: flat.count.slice() };
	fillInternalNodes(out);
	return out;
}
