/**
 * Deterministic training of random forests with ml-random-forest (Node side): a regressor, and a
 * classifier whose trees may each grow on a class-balanced sample.
 *
 * The library draws its feature subset once per tree (not per split), so `maxFeatures` defaults to
 * 1.0 (every feature in every tree): measured earlier, that matched scikit-learn's quality, while
 * smaller fractions starve whole trees of the strong features. Its classifier draws those features
 * WITH replacement by default (a tree then sees about 63% of the columns, some twice); ours without.
 */

import { RandomForestClassifier, RandomForestRegression } from 'ml-random-forest';
import { seededRandom } from '../random.ts';
import type { FlatForest } from './flat.ts';
import { flattenClassificationForest, flattenRegressionForest } from './flatten.ts';
import { binRows, quantileBinEdges, thresholdsToRaw, type BinEdges } from './bins.ts';
import { growClassificationTree } from './fastSplits.ts';

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

/** Options of {@link trainSubsampledForestRegressor}. */
export interface SubsampledForestOptions {
	nEstimators: number;
	/** 32-bit integer seed for the per-tree samples and feature draws. */
	seed: number;
	/** Rows drawn (with replacement) for each tree, as scikit-learn's `max_samples`. */
	samplesPerTree: number;
	/** Features drawn for each tree (once per tree, without replacement): a fraction in (0, 1] or a count. Default 1.0. */
	maxFeatures?: number;
	maxDepth?: number;
	minNumSamples?: number;
}

/**
 * A regression forest whose every tree grows on its own seeded sample of `samplesPerTree` rows
 * (drawn with replacement), as a flat forest: each tree is a 1-tree ml-random-forest model. The
 * library's split search costs about the square of a node's rows, so a full bootstrap of tens of
 * thousands of rows takes hours; small per-tree samples keep large tables trainable. Predictions
 * are the mean of the trees'. The same inputs and seed always give the same forest.
 */
export function trainSubsampledForestRegressor(X: number[][], y: readonly number[], opts: SubsampledForestOptions): { flat: FlatForest; trees: RandomForestRegression[] } {
	if (X.length === 0 || X.length !== y.length) throw new RangeError(`X has ${X.length} rows but y has ${y.length} values`);
	if (!Number.isInteger(opts.seed) || opts.seed < -0x80000000 || opts.seed > 0xffffffff) throw new RangeError(`seed must be a 32-bit integer, not ${opts.seed}`);
	if (!Number.isInteger(opts.nEstimators) || opts.nEstimators < 1) throw new RangeError(`nEstimators must be a positive integer, not ${opts.nEstimators}`);
	if (!Number.isInteger(opts.samplesPerTree) || opts.samplesPerTree < 2) throw new RangeError(`samplesPerTree must be an integer of at least 2, not ${opts.samplesPerTree}`);
	for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new RangeError(`y[${i}] is not a finite number`);
	const treeOptions: Record<string, number> = {};
	if (opts.minNumSamples !== undefined) treeOptions.minNumSamples = opts.minNumSamples;
	if (opts.maxDepth !== undefined) treeOptions.maxDepth = opts.maxDepth;
	const random = seededRandom(opts.seed);
	const trees: RandomForestRegression[] = [];
	for (let t = 0; t < opts.nEstimators; t++) {
		const sample = Array.from({ length: opts.samplesPerTree }, () => Math.floor(random() * X.length));
		const model = new RandomForestRegression({
			nEstimators: 1,
			maxFeatures: opts.maxFeatures ?? 1.0,
			replacement: false,
			seed: Math.floor(random() * 0x7fffffff),
			treeOptions,
			selectionMethod: 'mean',
			useSampleBagging: false,
			noOOB: true
		});
		model.train(
			sample.map((i) => X[i]),
			sample.map((i) => y[i])
		);
		trees.push(model);
	}
	return { flat: flattenRegressionForest(trees, X), trees };
}

/** Options of {@link trainForestClassifier}. */
export interface ForestClassifierOptions {
	/** Number of trees. */
	nEstimators: number;
	/** 32-bit integer seed for the per-tree samples and feature draws. */
	seed: number;
	/**
	 * How each tree's rows are drawn, with replacement:
	 * - `bootstrap`: as many rows as the training set, uniformly (the usual random forest);
	 * - `balanced`: `perClass` rows of every class (equal positives and negatives), the usual answer
	 *   to a positive rate under 1%, and small samples keep the library's slow tree learner fast.
	 * Default `bootstrap`.
	 */
	sampling?: 'bootstrap' | 'balanced';
	/** Balanced sampling: rows drawn from each class per tree. Default: the size of the smallest class. */
	perClass?: number;
	/** Features drawn for each tree (once per tree, without replacement): a fraction in (0, 1] or a count. Default 1.0. */
	maxFeatures?: number;
	/** Maximum tree depth (root is depth 0). Default unlimited. */
	maxDepth?: number;
	/** A node with this many sampled rows or fewer becomes a leaf. Library default 3. */
	minNumSamples?: number;
	/**
	 * A split is kept only when its Gini gain (the node's impurity minus the size-weighted impurity
	 * of its two sides, NOT weighted by the node's share of all rows as scikit-learn's
	 * `min_impurity_decrease` is) exceeds this. The library's default is 0.01, which stops early on
	 * rare classes; ours is 0, as scikit-learn's.
	 */
	gainThreshold?: number;
	/**
	 * Train on quantile bins of at most this many values per feature (see `bins.ts`): much faster on
	 * features with many distinct values; the returned flat forest still predicts on raw values, its
	 * thresholds mapped back to the raw edges. Default: train on raw values.
	 */
	maxBins?: number;
	/**
	 * Grow each tree with `fastSplits.ts` instead of ml-cart's own split search: the same trees (same
	 * features drawn by the library from the same seed, same splits, same leaf distributions, bit for
	 * bit), much faster on large samples. Default false.
	 */
	fastSplits?: boolean;
}

/** A trained classifier: the flat forest to ship, and the library's 1-tree models it came from. */
export interface TrainedForestClassifier {
	flat: FlatForest;
	nClasses: number;
	/** One 1-tree library forest per tree, each trained on its own sample (for checks against the library). */
	trees: RandomForestClassifier[];
	/** Balanced sampling: rows of each class drawn per tree; null for bootstrap samples. */
	perClass: number | null;
	/** With `maxBins`: the bin edges the library trees were trained on (their thresholds are bin indices); else null. */
	binEdges: BinEdges | null;
}

/**
 * Train a random-forest classifier: every tree is its own 1-tree ml-random-forest model, grown on
 * its own sample (see `sampling`), and all of them are flattened into one classification
 * FlatForest whose probability is the mean of the trees' leaf distributions. Labels must be the
 * integers 0..K-1 with every class present. The same inputs and seed always give the same forest.
 */
export function trainForestClassifier(X: number[][], y: readonly number[], opts: ForestClassifierOptions): TrainedForestClassifier {
	if (X.length === 0 || X.length !== y.length) {
		throw new RangeError(`X has ${X.length} rows but y has ${y.length} labels`);
	}
	if (!Number.isInteger(opts.seed) || opts.seed < -0x80000000 || opts.seed > 0xffffffff) {
		throw new RangeError(`seed must be a 32-bit integer, not ${opts.seed}`);
	}
	if (!Number.isInteger(opts.nEstimators) || opts.nEstimators < 1) {
		throw new RangeError(`nEstimators must be a positive integer, not ${opts.nEstimators}`);
	}
	let nClasses = 0;
	for (let i = 0; i < y.length; i++) {
		if (!Number.isInteger(y[i]) || y[i] < 0) throw new RangeError(`y[${i}] is ${y[i]}: labels must be the integers 0..K-1`);
		nClasses = Math.max(nClasses, y[i] + 1);
	}
	const byClass: number[][] = Array.from({ length: nClasses }, () => []);
	y.forEach((label, i) => byClass[label].push(i));
	const emptyClass = byClass.findIndex((rows) => rows.length === 0);
	if (nClasses < 2 || emptyClass >= 0) {
		throw new RangeError(nClasses < 2 ? 'Only one class in y: a classifier needs at least two' : `No row has label ${emptyClass}: labels must be 0..K-1, all present`);
	}
	const sampling = opts.sampling ?? 'bootstrap';
	const perClass = opts.perClass ?? Math.min(...byClass.map((rows) => rows.length));
	if (sampling === 'balanced' && (!Number.isInteger(perClass) || perClass < 1)) {
		throw new RangeError(`perClass must be a positive integer, not ${perClass}`);
	}
	const treeOptions: Record<string, number> = { gainThreshold: opts.gainThreshold ?? 0 };
	if (opts.minNumSamples !== undefined) treeOptions.minNumSamples = opts.minNumSamples;
	if (opts.maxDepth !== undefined) treeOptions.maxDepth = opts.maxDepth;

	const binEdges = opts.maxBins !== undefined ? quantileBinEdges(X, opts.maxBins) : null;
	const rows = binEdges ? binRows(X, binEdges) : X;
	const random = seededRandom(opts.seed);
	const draw = (n: number) => Math.floor(random() * n);
	const trees: RandomForestClassifier[] = [];
	for (let t = 0; t < opts.nEstimators; t++) {
		let sample: number[] = [];
		if (sampling === 'balanced') {
			const drawn = byClass.map((rows) => Array.from({ length: perClass }, () => rows[draw(rows.length)]));
			sample = speedOrder(drawn);
		} else {
			for (let i = 0; i < X.length; i++) sample.push(draw(X.length));
		}
		const forestOptions = {
			nEstimators: 1,
			maxFeatures: opts.maxFeatures ?? 1.0,
			replacement: false,
			seed: Math.floor(random() * 0x7fffffff),
			treeOptions,
			useSampleBagging: false,
			noOOB: true
		};
		if (opts.fastSplits) {
			trees.push(fastTree(rows, y, sample, forestOptions, treeOptions));
			continue;
		}
		const model = new RandomForestClassifier(forestOptions);
		model.train(
			sample.map((i) => rows[i]),
			sample.map((i) => y[i])
		);
		trees.push(model);
	}
	const flat = flattenClassificationForest(trees, rows, nClasses);
	if (binEdges) thresholdsToRaw(flat, binEdges);
	return { flat, nClasses, trees, perClass: sampling === 'balanced' ? perClass : null, binEdges };
}

/** Rows of every class but the first put first in a balanced sample (see {@link speedOrder}). */
const EARLY_ROWS = 64;

/**
 * The order of a balanced sample's rows that keeps ml-cart fast. ml-cart tries a split wherever the
 * label changes along a feature sorted stably, so rows grouped by class (all of class 0, then all
 * of class 1) give few candidates per distinct value; but it counts classes with
 * `labels.indexOf(label) === i`, which scans to the first row of a label, so a node whose class-1
 * rows all come after its class-0 rows costs (class-0 rows x class-1 rows) per count. Putting
 * `EARLY_ROWS` rows of every other class first, then class 0, then the rest, keeps both costs
 * small: the big nodes near the root almost always hold some of those early rows. Only the order
 * changes, never which rows are drawn.
 */
function speedOrder(drawn: number[][]): number[] {
	const early = drawn.slice(1).flatMap((rows) => rows.slice(0, EARLY_ROWS));
	const rest = drawn.slice(1).flatMap((rows) => rows.slice(EARLY_ROWS));
	return [...early, ...drawn[0], ...rest];
}

/**
 * The 1-tree library forest `new RandomForestClassifier(forestOptions).train(sample rows, labels)`
 * would give, grown by `fastSplits.ts`. The library draws the tree's features from its seed alone
 * (the rows play no part), so a library forest trained on two dummy rows as wide as the data gives
 * exactly those features, in the library's order; the tree is then grown on them and loaded into a
 * library model, so callers get the same object either way.
 */
function fastTree(
	rows: readonly (readonly number[])[],
	y: readonly number[],
	sample: readonly number[],
	forestOptions: { nEstimators: number; maxFeatures: number; replacement: boolean; seed: number; treeOptions: Record<string, number>; useSampleBagging: boolean; noOOB: boolean },
	treeOptions: Record<string, number>
): RandomForestClassifier {
	const width = rows[0].length;
	const draw = new RandomForestClassifier({ ...forestOptions, treeOptions: { minNumSamples: 2 } });
	draw.train([new Array<number>(width).fill(0), new Array<number>(width).fill(1)], [0, 1]);
	const drawn = draw.toJSON();
	const root = growClassificationTree(rows, y, sample, drawn.baseModel.indexes[0], {
		minNumSamples: treeOptions.minNumSamples ?? 3,
		maxDepth: treeOptions.maxDepth ?? Infinity,
		gainThreshold: treeOptions.gainThreshold || 0
	});
	const options = { gainFunction: 'gini', splitFunction: 'mean', minNumSamples: 3, maxDepth: Infinity, gainThreshold: 0.01, ...treeOptions, kind: 'classifier' };
	const model = { name: 'RFClassifier', baseModel: { ...drawn.baseModel, treeOptions, estimators: [{ options, root, name: 'DTClassifier' }] } };
	return RandomForestClassifier.load(model as unknown as Parameters<typeof RandomForestClassifier.load>[0]);
}
