/**
 * Deterministic training of a regression random forest with ml-random-forest (Node side).
 *
 * The library draws its feature subset once per tree (not per split), so `maxFeatures` defaults to
 * 1.0 (every feature in every tree): measured earlier, that matched scikit-learn's quality, while
 * smaller fractions starve whole trees of the strong features.
 */

import { RandomForestRegression } from 'ml-random-forest';

/** Options of {@link trainForestRegressor}. */
export interface ForestRegressorOptions {
	/** Number of trees. */
	nEstimators: number;
	/**
	 * Features drawn for each tree (once per tree). A number in (0, 1] is a fraction of the columns
	 * (so `1` means all of them); an integer above 1 is a count. Default 1.0.
	 */
	maxFeatures?: number;
	/** 32-bit integer seed for the bootstrap samples and the feature draws. */
	seed: number;
	/** Draw the per-tree features with replacement. Default false. */
	replacement?: boolean;
	/** A node with this many bootstrap rows or fewer becomes a leaf. Library default 3. */
	minNumSamples?: number;
	/** Maximum tree depth (root is depth 0). Default unlimited. */
	maxDepth?: number;
	/**
	 * A split is kept only when its summed squared error of the two sides exceeds this (the library's
	 * regression "gain" is that error). Library default 0.
	 */
	gainThreshold?: number;
	/** Compute out-of-bag predictions (slower; see `model.predictOOB()`). Default false. */
	oob?: boolean;
}

/**
 * Train ml-random-forest's `RandomForestRegression` on `X` (rows of features) and `y`.
 * The same inputs and seed always give the same model (identical `toJSON()`).
 * Returns the library model; flatten it with `flattenRegressionForest` for shipping.
 */
export function trainForestRegressor(
	X: number[][],
	y: number[],
	opts: ForestRegressorOptions
): RandomForestRegression {
	if (X.length === 0 || X.length !== y.length) {
		throw new RangeError(`X has ${X.length} rows but y has ${y.length} values`);
	}
	if (!Number.isInteger(opts.seed) || opts.seed < -0x80000000 || opts.seed > 0xffffffff) {
		throw new RangeError(`seed must be a 32-bit integer, not ${opts.seed}`);
	}
	if (!Number.isInteger(opts.nEstimators) || opts.nEstimators < 1) {
		throw new RangeError(`nEstimators must be a positive integer, not ${opts.nEstimators}`);
	}
	for (let i = 0; i < y.length; i++) {
		if (!Number.isFinite(y[i])) throw new RangeError(`y[${i}] is not a finite number`);
	}
	const treeOptions: Record<string, number> = {};
	if (opts.minNumSamples !== undefined) treeOptions.minNumSamples = opts.minNumSamples;
	if (opts.maxDepth !== undefined) treeOptions.maxDepth = opts.maxDepth;
	if (opts.gainThreshold !== undefined) treeOptions.gainThreshold = opts.gainThreshold;
	const model = new RandomForestRegression({
		nEstimators: opts.nEstimators,
		maxFeatures: opts.maxFeatures ?? 1.0,
		replacement: opts.replacement ?? false,
		seed: opts.seed,
		treeOptions,
		selectionMethod: 'mean',
		useSampleBagging: true,
		noOOB: !opts.oob
	});
	model.train(X, y);
	return model;
}
