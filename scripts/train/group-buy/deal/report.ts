/**
 * The deal model's report on the test launches: the forest beside the logistic model, the naive
 * baselines and scikit-learn's forest on the same features and rows, with the forest's lead over
 * the item's fill rate as a paired bootstrap.
 */
import type { ClassificationMetrics, ClassificationReport, Comparison, NamedMetrics } from '../../../../src/lib/core/artifact/types.ts';
import { pairedBootstrap, pick } from '../../../../src/lib/core/metrics/bootstrap.ts';
import { classificationMetrics, rocAuc } from '../../../../src/lib/core/metrics/classification.ts';
import { printTable, round } from '../../io.ts';
import { featureCsv, sklearnComparisons } from '../../reference.ts';
import { exportFeatures } from '../export.ts';
import type { DealLaunches } from './data.ts';
import type { DealModels } from './models.ts';
import { flatRows, roundMetrics, rowsOf } from './rows.ts';
import { BOOTSTRAP_RESAMPLES, FOREST, PRIOR_LAUNCHES, SEED } from './settings.ts';

/** Compare the models on the test launches (writes the feature CSVs to `exportFeaturesDir` when given; prints the table). */
export function compareDealModels({ split, base, known }: DealLaunches, models: DealModels, exportFeaturesDir: string | undefined): ClassificationReport {
	const { encoders, testRows, forestP, itemRate } = models;
	const { features } = encoders;
	const baseRateMetrics = classificationMetrics(testRows.y, split.test.map(() => base.baseFillRate));

	// scikit-learn on exactly these features and rows (the train rows are fit + validation, as the reference script).
	const trainAll = rowsOf(split.train, known, encoders);
	const csv = { train: featureCsv(features, 'filled', flatRows(trainAll.X), trainAll.y), test: featureCsv(features, 'filled', flatRows(testRows.X), testRows.y) };
	if (exportFeaturesDir) exportFeatures(exportFeaturesDir, 'deal', csv);
	const references = sklearnComparisons<ClassificationMetrics>('group-buy-deal', csv, roundMetrics);

	const itemRateRow: NamedMetrics<ClassificationMetrics> = { name: "Item's fill rate alone", description: `The item's past fill rate in the history half, shrunk towards the base rate by ${PRIOR_LAUNCHES} launches, used as the probability.`, metrics: roundMetrics(models.itemRateMetrics) };
	const baseRateRow: NamedMetrics<ClassificationMetrics> = { name: 'Base rate for every deal', description: `Every deal gets the history half's fill rate (${(base.baseFillRate * 100).toFixed(1)}%).`, metrics: roundMetrics(baseRateMetrics) };
	const aucOf = (p: ArrayLike<number>) => (rows: Uint32Array) => rocAuc(pick(testRows.y, rows), pick(p, rows));
	const d = pairedBootstrap(testRows.y.length, aucOf(forestP), aucOf(itemRate), { seed: SEED, metric: 'rocAuc', baseline: itemRateRow.name, resamples: BOOTSTRAP_RESAMPLES });
	if (!d) throw new Error('ROC AUC is undefined on the test launches');
	const report: ClassificationReport = {
		task: 'classification',
		rowNoun: { one: 'launch', many: 'launches' },
		model: roundMetrics(models.forestMetrics),
		baselines: [itemRateRow, baseRateRow],
		comparisons: [
			{ name: 'Logistic regression', description: `L2 logistic regression on the same features (launch counts as log1p), fitted on the same launches: the other model for comparison.`, role: 'shipped-model', metrics: roundMetrics(models.logisticMetrics) } satisfies Comparison<ClassificationMetrics>,
			...references
		],
		headline: { metric: 'rocAuc', lowerIsBetter: false },
		vsBestBaseline: { metric: d.metric, baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
	};
	console.log(`\ndeal fill on ${testRows.y.length.toLocaleString('en-US')} test launches (forest trained in ${models.forestSeconds.toFixed(0)} s, ${models.calibration.method} calibration):`);
	const cells = (m: ClassificationMetrics) => ({ 'ROC AUC': m.rocAuc ?? NaN, 'PR AUC': m.prAuc ?? NaN, Brier: m.brier ?? NaN, 'log loss': m.logLoss ?? NaN });
	printTable([
		{ model: `Flat forest, ${FOREST.trees} trees, calibrated`, ...cells(models.forestMetrics) },
		{ model: 'Logistic regression', ...cells(models.logisticMetrics) },
		{ model: itemRateRow.name, ...cells(models.itemRateMetrics) },
		{ model: baseRateRow.name, ...cells(baseRateMetrics) },
		...references.map((r) => ({ model: r.name, ...cells(r.metrics) }))
	]);
	console.log(`forest minus item fill rate, ROC AUC: ${d.difference.toFixed(4)} (95% paired bootstrap ${d.low.toFixed(4)} to ${d.high.toFixed(4)})`);
	return report;
}
