/**
 * GMV training, the part about recent sales: the naive forecasts a planner would use (last week,
 * the trailing 4-week mean and median), the forecast from recent sales (a forest on the log ratio
 * of the week's GMV to the trailing median, shrunk toward that median), chosen on validation weeks
 * inside training only, its split-conformal range, and the test figures reported once.
 */
import type { NamedMetrics, RegressionMetrics } from '../../src/lib/core/artifact/types.ts';
import { conformalCoverage, fitLogConformal, type LogConformalInterval } from '../../src/lib/core/conformal.ts';
import { encodeFlatForest } from '../../src/lib/core/forest/flat.ts';
import { flattenRegressionForest } from '../../src/lib/core/forest/flatten.ts';
import { quantiseForest } from '../../src/lib/core/forest/quantise.ts';
import { predictForest } from '../../src/lib/core/forest/predict.ts';
import { trainForestRegressor } from '../../src/lib/core/forest/train.ts';
import { regressionMetrics } from '../../src/lib/core/metrics.ts';
import { bytesToBase64 } from '../../src/lib/core/base64.ts';
import type { GmvScenario } from '../../src/lib/gmv/features.ts';
import { gmvFromLogRatio, logRatioTarget, median, RECENT_FEATURES, recentFromRows, writeRecentFeatures, type RecentEncoders, type RecentTypical } from '../../src/lib/gmv/recent.ts';

export interface RecentRow {
	week: number;
	gmv: number;
	scenario: GmvScenario;
	/** GMV of the same sub-category in the 4 weeks before (present ones, most recent first). */
	recent: number[] | null;
}

/**
 * `leafDigits`: the shipped forest is quantised (`quantiseForest`: short split values that route every
 * training row as before, leaf values to the fewest of these significant digits) when that is no worse
 * on the validation weeks, within `quantiseTolerance` WAPE (the precision the card shows): it is most
 * of the bytes a phone downloads before its first answer.
 */
export const RECENT = { trees: 100, leafSizes: [5, 10, 20], maxFeatures: [0.5, 1.0], shrinks: [0, 0.25, 0.5, 0.75, 1], nominal: 0.8, leafDigits: [3, 4, 5], quantiseTolerance: 0.0005 };

/** The naive forecasts, by name, from a row's recent GMV. */
export const NAIVE: { name: string; description: string; of: (recent: number[]) => number }[] = [
	{ name: 'Last week', description: "The sub-category's GMV the week before (a one-step-ahead naive forecast, using actuals).", of: (r) => r[0] },
	{ name: 'Trailing 4-week mean', description: "The mean of the sub-category's GMV over the four weeks before, using actuals.", of: (r) => r.reduce((a, v) => a + v, 0) / r.length },
	{ name: 'Trailing 4-week median', description: "The median of the sub-category's GMV over the four weeks before, using actuals.", of: (r) => median(r) }
];

/** Every row with its recent GMV (from the data's own earlier weeks). */
export function withRecent<T extends { week: number; gmv: number; scenario: GmvScenario }>(rows: T[]): (T & { recent: number[] | null })[] {
	const recent = recentFromRows(rows.map((r) => ({ subCategory: r.scenario.subCategory, week: r.week, gmv: r.gmv })));
	return rows.map((r, i) => ({ ...r, recent: recent[i] }));
}

function matrix(rows: RecentRow[], enc: RecentEncoders): Float64Array {
	const out = new Float64Array(rows.length * RECENT_FEATURES.length);
	rows.forEach((r, i) => writeRecentFeatures(r.scenario, r.recent as number[], enc, out, i));
	return out;
}

function toRows(X: Float64Array, width: number): number[][] {
	return Array.from({ length: X.length / width }, (_, i) => Array.from(X.subarray(i * width, (i + 1) * width)));
}

/** The forest on `rows`, quantised to `leafDigits` (null: as trained). */
function fitForest(rows: RecentRow[], enc: RecentEncoders, leaf: number, maxFeatures: number, seed: number, leafDigits: number | null = null) {
	const width = RECENT_FEATURES.length;
	const Xflat = matrix(rows, enc);
	const X = toRows(Xflat, width);
	const y = rows.map((r) => logRatioTarget(r.gmv, r.recent as number[]));
	const flat = flattenRegressionForest(trainForestRegressor(X, y, { nEstimators: RECENT.trees, maxFeatures, minNumSamples: leaf, seed }), X);
	return leafDigits === null ? flat : quantiseForest(flat, { leafDigits, trainX: Xflat });
}

function predictRows(flat: ReturnType<typeof fitForest>, rows: RecentRow[], enc: RecentEncoders): Float64Array {
	const f = predictForest(flat, matrix(rows, enc), rows.length);
	return Float64Array.from(rows, (r, i) => gmvFromLogRatio(f[i], r.recent as number[], enc.shrink));
}

export interface RecentTraining {
	encoders: RecentEncoders;
	leaf: number;
	maxFeatures: number;
	forest: string;
	interval: LogConformalInterval;
	/** Predictions on the test rows, in their order. */
	testPred: Float64Array;
	/** The naive forecasts on validation and test rows. */
	baselines: (NamedMetrics<RegressionMetrics> & { validationWape: number; testPred: number[] })[];
	/** The shipped forest's leaf digits (null: not quantised), and the validation WAPE with and without. */
	quantised: { leafDigits: number | null; wape: number; fullWape: number };
	/** Every candidate's validation WAPE, for the log and the card's details. */
	candidates: { leaf: number; maxFeatures: number; shrink: number; wape: number }[];
	validationWape: number;
}

/**
 * Fit on weeks before `validationStart`, choose leaf size, features per split and shrinkage on
 * weeks validationStart..firstTestWeek-1, calibrate the range there, refit on all training weeks.
 */
export function trainRecentForecast(all: RecentRow[], opts: { validationStart: number; firstTestWeek: number; typical: Record<string, RecentTypical>; seed: number }): RecentTraining {
	const usable = all.filter((r) => r.recent !== null);
	const fit = usable.filter((r) => r.week < opts.validationStart);
	const check = usable.filter((r) => r.week >= opts.validationStart && r.week < opts.firstTestWeek);
	const train = usable.filter((r) => r.week < opts.firstTestWeek);
	const test = usable.filter((r) => r.week >= opts.firstTestWeek);
	if (test.length !== all.filter((r) => r.week >= opts.firstTestWeek).length) throw new Error('a test week has no recent GMV');
	const wape = (rows: RecentRow[], pred: ArrayLike<number>) => regressionMetrics(rows.map((r) => r.gmv), pred).wape ?? Infinity;

	const candidates: RecentTraining['candidates'] = [];
	for (const leaf of RECENT.leafSizes)
		for (const maxFeatures of RECENT.maxFeatures) {
			const flat = fitForest(fit, { typical: opts.typical, shrink: 1 }, leaf, maxFeatures, opts.seed);
			for (const shrink of RECENT.shrinks) candidates.push({ leaf, maxFeatures, shrink, wape: wape(check, predictRows(flat, check, { typical: opts.typical, shrink })) });
		}
	const best = candidates.reduce((a, c) => (c.wape < a.wape - 1e-12 ? c : a));
	const encoders: RecentEncoders = { typical: opts.typical, shrink: best.shrink };
	console.log(`recent-GMV forest: validation WAPE by leaf size / max features / shrink:`);
	for (const c of candidates) console.log(`  leaf ${c.leaf}, features ${c.maxFeatures}, shrink ${c.shrink}: ${c.wape.toFixed(4)}`);
	console.log(`  chosen: leaf ${best.leaf}, features ${best.maxFeatures}, shrink ${best.shrink} (validation WAPE ${best.wape.toFixed(4)})`);

	// The shipped forest is quantised, to the fewest leaf digits that are no worse on the validation weeks.
	const fullPred = predictRows(fitForest(fit, encoders, best.leaf, best.maxFeatures, opts.seed), check, encoders);
	const fullWape = wape(check, fullPred);
	let quantised: RecentTraining['quantised'] = { leafDigits: null, wape: fullWape, fullWape };
	let calPred = fullPred;
	for (const leafDigits of RECENT.leafDigits) {
		const pred = predictRows(fitForest(fit, encoders, best.leaf, best.maxFeatures, opts.seed, leafDigits), check, encoders);
		const w = wape(check, pred);
		console.log(`  quantised (short splits, ${leafDigits}-digit leaves): validation WAPE ${w.toFixed(4)} against ${fullWape.toFixed(4)} unrounded`);
		if (w <= fullWape + RECENT.quantiseTolerance) {
			quantised = { leafDigits, wape: w, fullWape };
			calPred = pred;
			break;
		}
	}

	// The range: residuals on the validation weeks of the chosen model fitted without them.
	const interval = fitLogConformal(check.map((r) => r.gmv), calPred, RECENT.nominal);

	const flat = fitForest(train, encoders, best.leaf, best.maxFeatures, opts.seed, quantised.leafDigits);
	const testPred = predictRows(flat, test, encoders);
	interval.testCoverage = conformalCoverage(interval, test.map((r) => r.gmv), testPred);
	interval.testRows = test.length;

	const baselines = NAIVE.map((b) => {
		const testPred = test.map((r) => b.of(r.recent as number[]));
		return {
			name: b.name,
			description: b.description,
			metrics: regressionMetrics(test.map((r) => r.gmv), testPred),
			validationWape: wape(check, check.map((r) => b.of(r.recent as number[]))),
			testPred
		};
	});
	return { encoders, leaf: best.leaf, maxFeatures: best.maxFeatures, forest: bytesToBase64(encodeFlatForest(flat)), interval, testPred, baselines, candidates, quantised, validationWape: quantised.wape };
}

/** Share of the test rows' variance that lies between sub-categories (the part R² gets for knowing which one it is). */
export function varianceBetweenGroups(values: number[], groups: string[]): number {
	const mean = values.reduce((a, v) => a + v, 0) / values.length;
	const byGroup = new Map<string, number[]>();
	values.forEach((v, i) => (byGroup.get(groups[i]) ?? byGroup.set(groups[i], []).get(groups[i])!).push(v));
	let between = 0;
	for (const vs of byGroup.values()) {
		const m = vs.reduce((a, v) => a + v, 0) / vs.length;
		between += vs.length * (m - mean) ** 2;
	}
	const total = values.reduce((a, v) => a + (v - mean) ** 2, 0);
	return total > 0 ? between / total : 0;
}
