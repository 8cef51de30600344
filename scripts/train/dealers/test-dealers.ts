/**
 * Step 3 of the dealer model's training: the test dealers' last three months, scored once, beside
 * the naive close-rate baselines and the other family's best candidate; paired bootstraps over
 * whole test dealers (a dealer's months are not independent) and the issue's target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Comparison, NamedMetrics, PairedDifference, RegressionMetrics, RegressionReport } from '../../../src/lib/core/artifact/types.ts';
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import { pairedBootstrap } from '../../../src/lib/core/metrics/bootstrap.ts';
import type { TargetCheck } from '../../../src/lib/dealers/artifacts.ts';
import type { PeerReference } from '../../../src/lib/dealers/peers.ts';
import type { ScoredNetwork } from '../../../src/lib/dealers/score.ts';
import { takeRows } from '../dealers-models.ts';
import { printTable, round } from '../io.ts';
import { featureCsv, sklearnComparisons } from '../reference.ts';
import { roundRegressionMetrics } from '../regression-report.ts';
import { score, type CandidateChoice } from './candidates.ts';
import { rateByRegionMonth, type DealerData } from './data.ts';
import { SPLIT_SEED } from './settings.ts';

/** The test months' predictions of the model, the other family and both baselines (in the order of `DealerData.testPick`). */
interface TestPredictions {
	model: number[];
	other: number[];
	national: number[];
	region: number[];
	nationalRate: number;
}

export interface TestDealers {
	/** The chosen model on the test dealers' whole table. */
	testScored: ScoredNetwork;
	report: RegressionReport;
	target: TargetCheck;
}

type TestMetrics = Record<'model' | 'other' | 'national' | 'region', RegressionMetrics>;

type DealerWape = (pred: ArrayLike<number>) => (dealers: Uint32Array) => number | null;

/** Metrics as the dealer artifact carries them (MAE in sales to 4 significant digits). */
const roundMetrics = (m: RegressionMetrics): RegressionMetrics => roundRegressionMetrics(m, 4);

function cells(m: RegressionMetrics) {
	return { WAPE: m.wape ?? NaN, 'MAE (sales)': m.mae ?? NaN, MAPE: m.mape ?? NaN, 'R²': m.r2 ?? NaN };
}

function exportFeatures(dir: string, csv: { train: string; test: string }, predictions: Record<string, number[]>) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'dealers_train.csv'), csv.train);
	writeFileSync(join(dir, 'dealers_test.csv'), csv.test);
	const keys = Object.keys(predictions);
	const lines = [keys.join(','), ...predictions[keys[0]].map((_, i) => keys.map((k) => predictions[k][i]).join(','))];
	writeFileSync(join(dir, 'dealers_test_predictions.csv'), lines.join('\n') + '\n');
	console.log(`features and test predictions exported to ${dir}`);
}

/** Baselines: naive close rates from the training dealers (national, and by region and month). */
function testPredictions(data: DealerData, testScored: ScoredNetwork, otherScored: ScoredNetwork): TestPredictions {
	const { table, trainRows, testPick, test } = data;
	const sales = table.funnel.sales;
	const pick = (v: Float64Array) => testPick.map((k) => v[k]);
	const trainTable = { sales: trainRows.reduce((a, r) => a + sales[r], 0), leads: trainRows.reduce((a, r) => a + table.funnel.leads[r], 0) };
	const nationalRate = trainTable.sales / trainTable.leads;
	const regionMonthRate = rateByRegionMonth(table, trainRows, table.funnel.sales, table.funnel.leads);
	const testRows = testPick.map((k) => test.rows[k]);
	const national = testRows.map((r) => table.funnel.leads[r] * nationalRate);
	const region = testRows.map((r) => table.funnel.leads[r] * regionMonthRate[table.region[r]][table.month[r]]);
	return { model: pick(testScored.expected), other: pick(otherScored.expected), national, region, nationalRate };
}

/** WAPE of a prediction over the test months of a resample of whole test dealers. */
function dealerWape(data: DealerData, testScored: ScoredNetwork): DealerWape {
	const yTest = data.yTest;
	const dealerOfPick = data.testPick.map((k) => testScored.dealers.dealerOfRow[k]);
	const picksOfDealer: number[][] = Array.from({ length: testScored.dealers.count }, () => []);
	dealerOfPick.forEach((d, i) => picksOfDealer[d].push(i));
	return (pred: ArrayLike<number>) => (dealers: Uint32Array) => {
		let err = 0;
		let sum = 0;
		for (const d of dealers) for (const i of picksOfDealer[d]) {
			err += Math.abs(yTest[i] - pred[i]);
			sum += yTest[i];
		}
		return sum > 0 ? err / sum : null;
	};
}

/** The model's WAPE minus the best baseline's over resamples of whole test dealers (unrounded). */
function vsBestBaseline(wapeOn: DealerWape, dealers: number, model: number[], baseline: number[], name: string): PairedDifference {
	const vs = pairedBootstrap(dealers, wapeOn(model), wapeOn(baseline), { seed: SPLIT_SEED, metric: 'wape', baseline: name, resamples: 2000 });
	if (!vs) throw new Error('WAPE is undefined on the test dealers');
	return vs;
}

/** The target: WAPE at least 20% below leads x the national close rate, with a bootstrap interval of the ratio. */
function targetCheck(wapeOn: DealerWape, dealers: number, baselines: NamedMetrics<RegressionMetrics>[], p: TestPredictions): TargetCheck {
	const logWape = (pred: ArrayLike<number>) => (rows: Uint32Array) => {
		const w = wapeOn(pred)(rows);
		return w === null || w <= 0 ? null : Math.log(w);
	};
	const improvements = baselines.map((b, k) => {
		const ratio = pairedBootstrap(dealers, logWape(p.model), logWape(k === 0 ? p.national : p.region), { seed: SPLIT_SEED, metric: 'log wape', baseline: b.name, resamples: 2000 })!;
		return { baseline: b.name, improvement: round(1 - Math.exp(ratio.difference), 4), low: round(1 - Math.exp(ratio.high), 4), high: round(1 - Math.exp(ratio.low), 4), level: ratio.level };
	});
	return { statement: 'expected sales at least 20% better (WAPE) than leads x the national close rate on held-out dealer-months', required: 0.2, ...improvements[0], met: improvements[0].improvement >= 0.2, others: improvements.slice(1) };
}

/** Step 3: the test dealers' Oct-Dec, once: the metrics table, the bootstraps and the target (logged). */
export function measureTestDealers(data: DealerData, choice: CandidateChoice, peers: PeerReference, exportFeaturesDir: string | undefined): TestDealers {
	const { yTest, encoders } = data;
	const { chosen, otherFamily } = choice;
	const testScored = score(data.test.table, chosen.parameters, encoders, peers);
	const otherScored = score(data.test.table, otherFamily.parameters, encoders, peers);
	const p = testPredictions(data, testScored, otherScored);
	const metrics: TestMetrics = { model: regressionMetrics(yTest, p.model), other: regressionMetrics(yTest, p.other), national: regressionMetrics(yTest, p.national), region: regressionMetrics(yTest, p.region) };
	const baselines: NamedMetrics<RegressionMetrics>[] = [
		{ name: 'Leads x national close rate', description: `Each dealer-month's leads times the training dealers' sales per lead (${(p.nationalRate * 100).toFixed(2)}%).`, metrics: roundMetrics(metrics.national) },
		{ name: 'Leads x region-month close rate', description: "Each dealer-month's leads times the training dealers' sales per lead in the same region and month.", metrics: roundMetrics(metrics.region) }
	];
	const bestBaseline = baselines.reduce((a, b) => ((b.metrics.wape ?? Infinity) < (a.metrics.wape ?? Infinity) ? b : a));
	const bestBaselinePred = bestBaseline === baselines[0] ? p.national : p.region;
	const wapeOn = dealerWape(data, testScored);
	const vs = vsBestBaseline(wapeOn, testScored.dealers.count, p.model, bestBaselinePred, bestBaseline.name);
	const target = targetCheck(wapeOn, testScored.dealers.count, baselines, p);

	const testRows = data.testPick.map((k) => data.test.rows[k]);
	const csv = { train: featureCsv(data.names, 'sales', data.Xfit, data.yfit), test: featureCsv(data.names, 'sales', takeRows(data.X, data.width, testRows), yTest) };
	if (exportFeaturesDir) exportFeatures(exportFeaturesDir, csv, { model: p.model, national: p.national, region: p.region });
	const references = sklearnComparisons('dealers', csv, roundMetrics);
	const otherRow: Comparison<RegressionMetrics> = { name: otherFamily.name, description: 'The best candidate of the other family, chosen against on the validation dealers.', role: 'shipped-model', metrics: roundMetrics(metrics.other) };
	const report: RegressionReport = {
		task: 'regression',
		rowNoun: { one: 'dealer-month', many: 'dealer-months' },
		model: roundMetrics(metrics.model),
		baselines,
		comparisons: [otherRow, ...references],
		headline: { metric: 'wape', lowerIsBetter: true },
		vsBestBaseline: { metric: vs.metric, baseline: vs.baseline, difference: round(vs.difference, 4), low: round(vs.low, 4), high: round(vs.high, 4), level: vs.level, resamples: vs.resamples, seed: vs.seed }
	};
	console.log(`\nheld-out: ${data.split.test.length} test dealers x Oct-Dec = ${yTest.length} dealer-months`);
	printTable([
		{ model: chosen.name, ...cells(metrics.model) },
		{ model: otherFamily.name, ...cells(metrics.other) },
		...report.baselines.map((b) => ({ model: b.name, ...cells(b.metrics) })),
		...references.map((r) => ({ model: r.name, ...cells(r.metrics) }))
	]);
	printGains(metrics, vs, target);
	return { testScored, report, target };
}

/** The model's WAPE against both baselines, and the target's intervals. */
function printGains(metrics: TestMetrics, vs: PairedDifference, target: TargetCheck): void {
	const gain = (b: RegressionMetrics) => 1 - metrics.model.wape! / b.wape!;
	console.log(`WAPE ${(gain(metrics.national) * 100).toFixed(1)}% below leads x national rate, ${(gain(metrics.region) * 100).toFixed(1)}% below leads x region-month rate; model - best baseline ${vs.difference.toFixed(4)} [${vs.low.toFixed(4)}, ${vs.high.toFixed(4)}]`);
	for (const i of [target, ...target.others]) console.log(`  improvement over ${i.baseline}: ${(i.improvement * 100).toFixed(1)}% (${i.level * 100}% interval over dealers ${(i.low * 100).toFixed(1)}%..${(i.high * 100).toFixed(1)}%)`);
}
