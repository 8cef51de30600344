/**
 * Steps 4 and 8 of the GMV forecast's training: the forecast from recent sales with the naive
 * forecasts it is chosen beside, and the held-out weeks measured once: the table of every model,
 * and each shipped model's report against the best naive forecast (paired bootstrap of WAPE).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison, NamedMetrics, RegressionMetrics, RegressionReport } from '../../../src/lib/core/artifact/types.ts';
import { conformalRange } from '../../../src/lib/core/conformal.ts';
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import { pairedBootstrap, pick } from '../../../src/lib/core/metrics/bootstrap.ts';
import { trainRecentForecast, varianceBetweenGroups, type RecentTraining } from '../gmv-recent.ts';
import { printTable, round } from '../io.ts';
import { sklearnComparisons } from '../reference.ts';
import { roundRegressionMetrics } from '../regression-report.ts';
import { splitValidation, typicalInputs, type GmvFeatures, type WeeklyRows } from './data.ts';
import type { GmvForestFit } from './forest.ts';
import type { GmvNetworkFit } from './network.ts';
import type { GmvRanges } from './ranges.ts';
import { FIRST_TEST_WEEK, FOREST, NETWORK, SEED, VALIDATION_START } from './settings.ts';

export interface RecentFit {
	recent: RecentTraining;
	metrics: RegressionMetrics;
	seconds: number;
	/** The naive forecasts, the best on validation first: the card compares against the first baseline's interval. */
	baselineRows: NamedMetrics<RegressionMetrics>[];
	/** The best naive forecast's test predictions. */
	baselinePred: number[];
}

/** What the held-out weeks say, beside the reports (built when the artifacts are). */
export interface TestWeeks {
	references: Comparison<RegressionMetrics>[];
	/** Variance of the test GMV between sub-categories. */
	between: number;
	validationWape: { forest: number; network: number };
}

/** Metrics as the GMV artifacts carry them (MAE in rupees to 6 significant digits). */
export const roundMetrics = (m: RegressionMetrics): RegressionMetrics => roundRegressionMetrics(m, 6);

function metricCells(m: RegressionMetrics) {
	return { WAPE: m.wape ?? NaN, MAE: m.mae ?? NaN, MAPE: m.mape ?? NaN, 'R²': m.r2 ?? NaN };
}

/**
 * Step 4: the forecast from recent sales and the naive forecasts (last week, trailing 4-week mean and
 * median), chosen and calibrated on the validation weeks; the best naive one is the one to beat.
 */
export function fitRecentForecast(data: WeeklyRows, features: GmvFeatures): RecentFit {
	const t0 = performance.now();
	const recent = trainRecentForecast(data.rows, { validationStart: VALIDATION_START, firstTestWeek: FIRST_TEST_WEEK, typical: typicalInputs(data.train), seed: SEED });
	const seconds = (performance.now() - t0) / 1000;
	const metrics = regressionMetrics(features.ytest, recent.testPred);
	const best = recent.baselines.reduce((a, b) => (b.validationWape < a.validationWape ? b : a));
	const baselineRows: NamedMetrics<RegressionMetrics>[] = recent.baselines.map((b) => ({ name: b.name, description: b.description, metrics: roundMetrics(b.metrics) }));
	const bestBaselineRow = baselineRows[recent.baselines.indexOf(best)];
	baselineRows.splice(baselineRows.indexOf(bestBaselineRow), 1);
	baselineRows.unshift(bestBaselineRow);
	return { recent, metrics, seconds, baselineRows, baselinePred: best.testPred };
}

/** The forecast from recent GMV on the test weeks, for scripts/gmv_sklearn_reference.py to recheck. */
function exportRecentPredictions(dir: string, data: WeeklyRows, recent: RecentTraining): void {
	const lines = ['week,sub_category,actual,predicted,low,high'];
	data.test.forEach((r, i) => {
		const [low, high] = conformalRange(recent.interval, recent.testPred[i]);
		lines.push([r.week, r.scenario.subCategory, r.gmv, recent.testPred[i], low, high].join(','));
	});
	writeFileSync(join(dir, 'gmv_recent_test_predictions.csv'), lines.join('\n') + '\n');
}

/** Step 8: every model on the held-out weeks in one table, then the validation WAPEs and the ranges' test coverage (logged). */
export function compareOnTestWeeks(data: WeeklyRows, features: GmvFeatures, recent: RecentFit, forest: GmvForestFit, network: GmvNetworkFit, ranges: GmvRanges, exportFeaturesDir: string | undefined): TestWeeks {
	const { test, lastWeek } = data;
	const ycheck = splitValidation(data.train).check.map((r) => r.gmv);
	const validationWape = { forest: regressionMetrics(ycheck, forest.validationPred).wape ?? Infinity, network: regressionMetrics(ycheck, network.validationPred).wape ?? Infinity };
	const references = sklearnComparisons('gmv', features.csv, roundMetrics);
	const rowsOut = [
		{ model: `Random forest (${FOREST.nEstimators} trees)`, ...metricCells(forest.metrics), 'train s': forest.seconds },
		{ model: `Network ${NETWORK.hidden.join('-')}`, ...metricCells(network.metrics), 'train s': network.seconds },
		{ model: 'Forecast from recent GMV', ...metricCells(recent.metrics), 'train s': recent.seconds },
		...recent.recent.baselines.map((b) => ({ model: `naive: ${b.name}`, ...metricCells(b.metrics), 'train s': 0 })),
		...references.map((r) => ({ model: r.name, ...metricCells(r.metrics), 'train s': 0 }))
	];
	console.log(`\nheld-out weeks ${FIRST_TEST_WEEK}..${lastWeek}, ${test.length} rows:`);
	printTable(rowsOut);
	const between = varianceBetweenGroups(features.ytest, test.map((r) => r.scenario.subCategory));
	if (exportFeaturesDir) exportRecentPredictions(exportFeaturesDir, data, recent.recent);
	console.log(`validation WAPE (weeks ${VALIDATION_START}-${FIRST_TEST_WEEK - 1}): recent ${recent.recent.validationWape.toFixed(4)}, forest ${validationWape.forest.toFixed(4)}, network ${validationWape.network.toFixed(4)}, ${recent.recent.baselines.map((b) => `${b.name} ${b.validationWape.toFixed(4)}`).join(', ')}`);
	console.log(`80% ranges, test coverage: recent ${recent.recent.interval.testCoverage?.toFixed(3)}, forest ${ranges.forest.testCoverage}, network ${ranges.network.testCoverage}; variance between sub-categories on test: ${between.toFixed(3)}`);
	return { references, between, validationWape };
}

/** A shipped model's report on the test weeks: its metrics, the naive baselines, the comparisons, and its WAPE minus the best baseline's on the same resampled weeks. */
export function testReport(recent: RecentFit, ytest: number[], model: RegressionMetrics, comparisons: Comparison<RegressionMetrics>[], pred: ArrayLike<number>): RegressionReport {
	const wapeOf = (p: ArrayLike<number>) => (rows: Uint32Array) => regressionMetrics(pick(ytest, rows), pick(p, rows)).wape;
	const d = pairedBootstrap(ytest.length, wapeOf(pred), wapeOf(recent.baselinePred), { seed: SEED, metric: 'wape', baseline: recent.baselineRows[0].name, resamples: 2000 });
	if (!d) throw new Error('WAPE is undefined on the test weeks');
	return {
		task: 'regression',
		rowNoun: { one: 'week', many: 'weeks' },
		model: roundMetrics(model),
		baselines: recent.baselineRows,
		comparisons,
		headline: { metric: 'wape', lowerIsBetter: true },
		vsBestBaseline: { metric: d.metric, baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
	};
}
