/**
 * Step 6 of the budget planner's training: the held-out weeks (44 to the end), measured once: the
 * response model beside two naive forecasts, its WAPE against the best of them (paired bootstrap),
 * and how often the 80% weekly range held the actual GMV.
 */
import type { NamedMetrics, RegressionMetrics } from '../../../src/lib/core/artifact/types.ts';
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import { pairedBootstrap, pick, type PairedBootstrapResult } from '../../../src/lib/core/metrics/bootstrap.ts';
import { range80 } from '../../../src/lib/gmv/mix/range.ts';
import { weeklyGmv } from '../../../src/lib/gmv/mix/response.ts';
import { printTable } from '../io.ts';
import { roundRegressionMetrics } from '../regression-report.ts';
import type { PlannerWeeks } from './data.ts';
import type { ResidualRatio, ShippedFit } from './fit.ts';
import type { ShippedGrouping } from './selection.ts';
import { FIRST_TEST_WEEK, SEED } from './settings.ts';

/** What the held-out weeks say about the shipped fit. */
export interface PlannerTestWeeks {
	trainRows: number[];
	testRows: Uint32Array;
	model: RegressionMetrics;
	/** The naive forecasts' metrics, rounded as the artifact carries them. */
	baselines: NamedMetrics<RegressionMetrics>[];
	/** The model's WAPE minus the best naive forecast's. */
	vsBest: PairedBootstrapResult;
	/** Test weeks whose actual GMV fell inside the 80% range. */
	held: number;
}

/** Metrics as the planner's artifact carries them (MAE in rupees to 6 significant digits). */
export const roundPlannerMetrics = (m: RegressionMetrics): RegressionMetrics => roundRegressionMetrics(m, 6);

/** The shipped fit on the held-out weeks, beside the naive forecasts, with the 80% range's coverage; prints the table. */
export function measureTestWeeks(weeks: PlannerWeeks, { groups, data }: ShippedGrouping, fit: ShippedFit, residualRatio: ResidualRatio): PlannerTestWeeks {
	const { gmv, sale } = weeks;
	const testRows = Uint32Array.from(weeks.rowsIn(FIRST_TEST_WEEK, Infinity));
	const actual = pick(gmv, testRows);
	const pred = pick(weeklyGmv(fit.params, data.spend, sale), testRows);
	const model = regressionMetrics(actual, pred);

	const trainRows = weeks.rowsIn(1, FIRST_TEST_WEEK);
	const mean = (rows: number[]) => rows.reduce((s, i) => s + gmv[i], 0) / rows.length;
	const saleMean = mean(trainRows.filter((i) => sale[i] === 1));
	const plainMean = mean(trainRows.filter((i) => sale[i] === 0));
	const noMarketing = Float64Array.from(testRows, (i) => (sale[i] ? saleMean : plainMean));
	const trailing = Float64Array.from(testRows, (i) => mean(weeks.rowsIn(weeks.weeks[i].week - 4, weeks.weeks[i].week)));
	const baselines: NamedMetrics<RegressionMetrics>[] = [
		{ name: 'Average week, sale or not', description: 'The training weeks’ average GMV, separately for sale weeks and other weeks: no effect of marketing at all.', metrics: roundPlannerMetrics(regressionMetrics(actual, noMarketing)) },
		{ name: 'Trailing 4-week average', description: 'The marketplace’s mean GMV over the four weeks before, from actuals (a one-step-ahead naive forecast).', metrics: roundPlannerMetrics(regressionMetrics(actual, trailing)) }
	];
	const best = baselines.reduce((a, b) => ((b.metrics.wape ?? Infinity) < (a.metrics.wape ?? Infinity) ? b : a));
	const bestPred = best === baselines[0] ? noMarketing : trailing;
	const wapeOf = (p: ArrayLike<number>) => (rows: Uint32Array) => regressionMetrics(pick(actual, rows), pick(p, rows)).wape;
	const vsBest = pairedBootstrap(testRows.length, wapeOf(pred), wapeOf(bestPred), { seed: SEED, metric: 'wape', baseline: best.name, resamples: 2000 });
	if (!vsBest) throw new Error('WAPE undefined on the test weeks');

	const held = rangeHeld(weeks, data, fit, residualRatio, testRows, actual);
	console.log(`\nheld-out weeks ${FIRST_TEST_WEEK}-${weeks.weeks.at(-1)!.week} (${testRows.length} weeks):`);
	printTable([
		{ model: `Response model, ${groups.length} groups`, WAPE: model.wape ?? NaN, 'R²': model.r2 ?? NaN },
		...baselines.map((b) => ({ model: b.name, WAPE: b.metrics.wape ?? NaN, 'R²': b.metrics.r2 ?? NaN }))
	]);
	console.log(`WAPE minus ${best.name}: ${vsBest.difference.toFixed(3)} (95% ${vsBest.low.toFixed(3)} to ${vsBest.high.toFixed(3)}); 80% range held ${held} of ${testRows.length} test weeks`);
	return { trainRows, testRows, model, baselines, vsBest, held };
}

/** Test weeks whose actual GMV lies inside the 80% weekly range of the bootstrap refits. */
function rangeHeld(weeks: PlannerWeeks, data: ShippedGrouping['data'], fit: ShippedFit, residualRatio: ResidualRatio, testRows: Uint32Array, actual: Float64Array): number {
	const bootPreds = fit.bootstrap.map((p) => pick(weeklyGmv(p, data.spend, weeks.sale), testRows));
	let held = 0;
	testRows.forEach((_, j) => {
		const [lo, hi] = range80(bootPreds.map((p) => p[j]), residualRatio);
		if (actual[j] >= lo && actual[j] <= hi) held++;
	});
	return held;
}
