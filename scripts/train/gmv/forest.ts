/**
 * Step 5 of the GMV forecast's training: the random forest without recent GMV. Its size is chosen on
 * the last training weeks, its quantisation on the validation weeks, then it is refitted on all
 * training weeks and scored on the test weeks.
 */
import { flattenRegressionForest } from '../../../src/lib/core/forest/flatten.ts';
import type { FlatForest } from '../../../src/lib/core/forest/flat.ts';
import { predictForest } from '../../../src/lib/core/forest/predict.ts';
import { quantiseForest } from '../../../src/lib/core/forest/quantise.ts';
import { trainForestRegressor } from '../../../src/lib/core/forest/train.ts';
import type { RegressionMetrics } from '../../../src/lib/core/artifact/types.ts';
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import { featureCount, featureMatrix, type GmvEncoders } from '../../../src/lib/gmv/features.ts';
import { splitValidation, toRows, type GmvFeatures } from './data.ts';
import { FIRST_TEST_WEEK, FOREST, SEED, type WeekRow } from './settings.ts';

export interface TreeSize {
	minNumSamples: number;
	maxDepth: number;
}

export interface GmvForestFit extends TreeSize {
	/** Leaf digits of the shipped forest (null: not quantised). */
	leafDigits: number | null;
	flat: FlatForest;
	/** Predictions on the validation weeks of the forest fitted before them (quantised as shipped). */
	validationPred: Float64Array;
	testPred: Float64Array;
	metrics: RegressionMetrics;
	seconds: number;
}

/**
 * Validation inside the training weeks: fit on the earlier weeks, score the last ones. The best WAPE
 * wins; candidates within FOREST.tolerance of it are equal, and the one with fewest nodes is kept.
 */
function chooseTreeSize(train: WeekRow[], enc: GmvEncoders): TreeSize {
	const cut = FIRST_TEST_WEEK - FOREST.validationWeeks;
	const fit = train.filter((r) => r.week < cut);
	const check = train.filter((r) => r.week >= cut);
	const width = featureCount(enc);
	const Xfit = toRows(featureMatrix(fit.map((r) => r.scenario), enc), width);
	const Xcheck = featureMatrix(check.map((r) => r.scenario), enc);
	const results: { minNumSamples: number; maxDepth: number; wape: number; nodes: number }[] = [];
	for (const minNumSamples of FOREST.leafSizes)
		for (const maxDepth of FOREST.depths) {
			const lib = trainForestRegressor(Xfit, fit.map((r) => r.gmv), { nEstimators: FOREST.selectionTrees, maxFeatures: FOREST.maxFeatures, minNumSamples, maxDepth, seed: SEED });
			const flat = flattenRegressionForest(lib, Xfit);
			const m = regressionMetrics(check.map((r) => r.gmv), predictForest(flat, Xcheck, check.length));
			const nodes = flat.treeOffsets[flat.nTrees];
			if (m.wape === null || m.r2 === null) throw new Error('validation metrics are undefined');
			console.log(`  leaf size ${minNumSamples}, depth ${maxDepth}: validation WAPE ${m.wape.toFixed(3)}, R² ${m.r2.toFixed(3)}, ${nodes} nodes`);
			results.push({ minNumSamples, maxDepth, wape: m.wape, nodes });
		}
	const bestWape = Math.min(...results.map((r) => r.wape));
	const chosen = results.filter((r) => r.wape <= bestWape + FOREST.tolerance).sort((a, b) => a.nodes - b.nodes)[0];
	console.log(`forest: leaf size ${chosen.minNumSamples}, depth ${chosen.maxDepth} (validation weeks ${cut}-${FIRST_TEST_WEEK - 1})`);
	return chosen;
}

/** A forest of FOREST.nEstimators trees of `size` on `X` (row-major, `width` columns), quantised to `leafDigits` when not null. */
export function fitForest(X: Float64Array, y: number[], width: number, size: TreeSize, leafDigits: number | null): FlatForest {
	const lib = trainForestRegressor(toRows(X, width), y, { nEstimators: FOREST.nEstimators, maxFeatures: FOREST.maxFeatures, minNumSamples: size.minNumSamples, maxDepth: size.maxDepth, seed: SEED });
	const full = flattenRegressionForest(lib, toRows(X, width));
	return leafDigits === null ? full : quantiseForest(full, { leafDigits, trainX: X });
}

/**
 * The shipped forest is quantised (short split values that route every training row as before, leaf
 * values to the fewest digits) when that is no worse on the validation weeks, within the precision
 * the card shows. Returns the digits and the validation predictions (logs each try).
 */
function chooseQuantisation(train: WeekRow[], features: GmvFeatures, size: TreeSize): { leafDigits: number | null; pred: Float64Array } {
	const { encoders, width } = features;
	const validation = splitValidation(train);
	const ycheckForest = validation.check.map((r) => r.gmv);
	const XfitFlat = featureMatrix(validation.fit.map((r) => r.scenario), encoders);
	const calFlat = fitForest(XfitFlat, validation.fit.map((r) => r.gmv), width, size, null);
	const Xcheck = featureMatrix(validation.check.map((r) => r.scenario), encoders);
	const full = predictForest(calFlat, Xcheck, validation.check.length);
	const wapeOf = (p: Float64Array) => regressionMetrics(ycheckForest, p).wape ?? Infinity;
	for (const leafDigits of FOREST.leafDigits) {
		const pred = predictForest(quantiseForest(calFlat, { leafDigits, trainX: XfitFlat }), Xcheck, validation.check.length);
		console.log(`forest quantised (short splits, ${leafDigits}-digit leaves): validation WAPE ${wapeOf(pred).toFixed(4)} against ${wapeOf(full).toFixed(4)} unrounded`);
		if (wapeOf(pred) <= wapeOf(full) + FOREST.quantiseTolerance) return { leafDigits, pred };
	}
	return { leafDigits: null, pred: full };
}

/** Step 5: pick the tree size on the last training weeks, the quantisation on the validation weeks, then refit on all training weeks. */
export function fitGmvForest(train: WeekRow[], features: GmvFeatures): GmvForestFit {
	const t0 = performance.now();
	const size = chooseTreeSize(train, features.encoders);
	const quantised = chooseQuantisation(train, features, size);
	const flat = fitForest(features.Xtrain, features.ytrain, features.width, size, quantised.leafDigits);
	const testPred = predictForest(flat, features.Xtest, features.ytest.length);
	const metrics = regressionMetrics(features.ytest, testPred);
	return { ...size, leafDigits: quantised.leafDigits, flat, validationPred: quantised.pred, testPred, metrics, seconds: (performance.now() - t0) / 1000 };
}
