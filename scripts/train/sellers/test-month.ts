/**
 * Step 3 of the seller finder's training: the test month, measured once. The naive baselines
 * (calibrated on the same month as the model), the comparisons (TensorFlow.js network, 12-feature
 * forest, scikit-learn reference) and paired bootstraps of the model against the better baseline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassificationMetrics, ClassificationReport, NamedMetrics, PairedDifference } from '../../../src/lib/core/artifact/types.ts';
import { calibrateMany } from '../../../src/lib/core/calibration.ts';
import { averagePrecision } from '../../../src/lib/core/metrics/classification.ts';
import { pairedBootstrap, pick } from '../../../src/lib/core/metrics/bootstrap.ts';
import { SELLERS_TOOL } from '../../../src/lib/sellers/model.ts';
import { printTable, round } from '../io.ts';
import { featureCsv, sklearnComparisons } from '../reference.ts';
import { bootstrapScorers } from './bootstrap.ts';
import { stack, type SplitPlan, type TrainingMarket } from './data.ts';
import { calibratedBaseline, calibratedMetricsOf, chooseCalibration } from './evaluate.ts';
import type { FittedForest } from './final.ts';
import { trainNetwork } from './network.ts';
import { columnsOf, K, RESAMPLES, SEED } from './settings.ts';

/** The naive rules on the test month: their metrics, their rankings and calibrated probabilities (same order). */
export interface TestBaselines {
	baselines: NamedMetrics<ClassificationMetrics>[];
	scores: Float64Array[];
	probabilities: Float64Array[];
}

/** What the test month says about the shipped model against its baselines. */
export interface TestComparison {
	/** PR AUC against the baseline with the best PR AUC (absent when the bootstrap cannot run). */
	vs: ReturnType<typeof pairedBootstrap>;
	/** Every headline figure against the better rule on that figure. */
	testVsBestBaseline: PairedDifference[];
}

/** Baselines, calibrated on the same month so their Brier scores compare. */
export function measureBaselines(market: TrainingMarket, plan: SplitPlan, main: FittedForest): TestBaselines {
	const { te, cal } = main;
	const ordersCols = columnsOf(['orders_3m']);
	const calOrders = stack(market, plan.calibration, plan.calibration, ordersCols).X;
	const testOrders = stack(market, plan.test, plan.test, ordersCols).X;
	const probabilities = [calibratedBaseline(cal.recentAdds, cal.y, te.recentAdds), calibratedBaseline(calOrders, cal.y, testOrders)];
	const baselines: NamedMetrics<ClassificationMetrics>[] = [
		{
			name: 'Collection adds, last 90 days',
			description: 'Rank users by their collection adds in the last 90 days; probabilities from isotonic calibration on the calibration month.',
			metrics: calibratedMetricsOf(te.y, te.recentAdds, probabilities[0])
		},
		{
			name: 'Orders, last 3 months',
			description: 'Rank users by their orders in the last 3 months; probabilities from isotonic calibration on the calibration month.',
			metrics: calibratedMetricsOf(te.y, testOrders, probabilities[1])
		}
	];
	return { baselines, scores: [te.recentAdds, testOrders], probabilities };
}

/** Writes the chosen features of the training, calibration and test rows as CSV files (for outside tools). */
function exportFeatures(dir: string, features: string[], main: FittedForest, train: string): void {
	const { cal, te } = main;
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'sellers_train.csv'), train);
	writeFileSync(join(dir, 'sellers_calibration.csv'), featureCsv(features, 'y', cal.X, Array.from(cal.y)));
	writeFileSync(join(dir, 'sellers_test.csv'), featureCsv(features, 'y', te.X, Array.from(te.y)));
	console.log(`features exported to ${dir}`);
}

/** Comparisons: the TensorFlow.js network, the 12-feature forest, scikit-learn (reference). */
export async function trainComparisons(main: FittedForest, perUser: FittedForest, features: string[], exportFeaturesDir: string | undefined): Promise<ClassificationReport['comparisons']> {
	const { cal, te } = main;
	const t0 = performance.now();
	const net = await trainNetwork(main.tr.X, main.tr.y, main.tr.width, SEED);
	const netCal = chooseCalibration(net.predict(cal.X, cal.n), cal.y, SEED).calibration;
	const netRawTest = net.predict(te.X, te.n);
	const netTest = calibrateMany(netCal, netRawTest);
	console.log(`network trained in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
	const csv = {
		train: featureCsv(features, 'y', main.tr.X, Array.from(main.tr.y)),
		test: featureCsv(features, 'y', cal.X, Array.from(cal.y)) + featureCsv(features, 'y', te.X, Array.from(te.y))
	};
	if (exportFeaturesDir) exportFeatures(exportFeaturesDir, features, main, csv.train);
	const comparisons: ClassificationReport['comparisons'] = [
		{ name: 'Neural network 16-8 (TensorFlow.js)', description: 'Dense network on log1p-standardised features, positives weighted to balance the classes, same months; calibrated on the same month.', role: 'shipped-model', metrics: calibratedMetricsOf(te.y, netRawTest, netTest) },
		...sklearnComparisons<ClassificationMetrics>(SELLERS_TOOL, csv)
	];
	if (perUser !== main) comparisons.splice(1, 0, { name: 'Random forest on the original 12 features', description: 'The model used for files in the per-user layout (12 monthly counts), same months and calibration.', role: 'shipped-model', metrics: calibratedMetricsOf(perUser.te.y, perUser.rawTest, perUser.pTest) });
	return comparisons;
}

function cells(m: ClassificationMetrics) {
	const at = m.atK[0];
	return { 'ROC AUC': m.rocAuc ?? NaN, 'PR AUC': m.prAuc ?? NaN, 'P@100': at?.precision ?? NaN, 'R@100': at?.recall ?? NaN, Brier: m.brier ?? NaN };
}

/** Every headline figure against the better rule on that figure, on the same resamples of the test month (logs one line each). */
function bootstrapHeadlines(main: FittedForest, test: TestBaselines): PairedDifference[] {
	const te = main.te;
	const testBoot = bootstrapScorers(
		te.y,
		[[0, te.n]],
		[{ name: 'model', ranking: main.rawTest, probability: main.pTest }, ...test.baselines.map((b, i) => ({ name: b.name, ranking: test.scores[i], probability: test.probabilities[i] }))],
		['precisionAtK', 'prAuc', 'rocAuc', 'brier'],
		{ k: K, resamples: RESAMPLES, seed: SEED }
	);
	return (['precisionAtK', 'prAuc', 'rocAuc', 'brier'] as const).map((metric) => {
		const lower = metric === 'brier';
		const b = (testBoot.value(1, metric)! < testBoot.value(2, metric)!) === lower ? 1 : 2;
		const d = testBoot.compare(0, b, metric);
		console.log(`test ${metric}, model - ${d.baseline}: ${d.difference.toFixed(5)} [${d.low.toFixed(5)}, ${d.high.toFixed(5)}] (95% paired bootstrap, ${RESAMPLES} resamples)`);
		return { metric: metric === 'precisionAtK' ? `precisionAt${K}` : metric, baseline: d.baseline, difference: round(d.difference, 5), low: round(d.low, 5), high: round(d.high, 5), level: d.level, resamples: d.resamples, seed: d.seed };
	});
}

/** The model against its baselines on the test month: the metrics table, then paired bootstraps. */
export function compareOnTestMonth(main: FittedForest, modelMetrics: ClassificationMetrics, test: TestBaselines, comparisons: ClassificationReport['comparisons']): TestComparison {
	const te = main.te;
	const { baselines } = test;
	const bestBaseline = baselines.reduce((a, b, i) => ((b.metrics.prAuc ?? 0) > (baselines[a].metrics.prAuc ?? 0) ? i : a), 0);
	const vs = pairedBootstrap(
		te.n,
		(rows) => averagePrecision(pick(te.y, rows), pick(main.rawTest, rows)),
		(rows) => averagePrecision(pick(te.y, rows), pick(test.scores[bestBaseline], rows)),
		{ seed: SEED, resamples: 1000, metric: 'prAuc', baseline: baselines[bestBaseline].name }
	);
	printTable([
		{ model: 'random forest (shipped)', ...cells(modelMetrics) },
		...baselines.map((b) => ({ model: b.name, ...cells(b.metrics) })),
		...comparisons.map((c) => ({ model: c.name, ...cells(c.metrics) }))
	]);
	if (vs) console.log(`PR AUC, model - ${vs.baseline}: ${vs.difference.toFixed(4)} [${vs.low.toFixed(4)}, ${vs.high.toFixed(4)}] (95% paired bootstrap)`);
	return { vs, testVsBestBaseline: bootstrapHeadlines(main, test) };
}
