/**
 * The GMV budget planner's response model (src/lib/gmv/mix): marketplace weekly GMV against spend by
 * group of channels, with carry-over and saturation. Channels are grouped by the correlation of their
 * monthly spend; the number of groups and the ridge are chosen on validation weeks 34-43 (fitted on
 * the weeks before), the shipped fit uses weeks 1-43 and is tested once on weeks 44-53 beside naive
 * baselines. Moving-block bootstrap refits give the planner its uncertainty. Seeded and deterministic.
 */
import { join } from 'node:path';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type InputRange, type NamedMetrics, type RegressionMetrics } from '../../src/lib/core/artifact/types.ts';
import { quantile, regressionMetrics } from '../../src/lib/core/metrics.ts';
import { pairedBootstrap, pick } from '../../src/lib/core/metrics/bootstrap.ts';
import { seededRandom } from '../../src/lib/core/random.ts';
import { GMV_TOOL } from '../../src/lib/gmv/artifacts.ts';
import { PLANNER_MODEL_ID, type PlannerArtifact } from '../../src/lib/gmv/mix/artifact.ts';
import { groupSeries, observedMonths, weeklyTotals, type WeekTotal } from '../../src/lib/gmv/mix/data.ts';
import { BOUNDS, fitMix, type MixData } from '../../src/lib/gmv/mix/fit.ts';
import { clusterByCorrelation, correlationMatrix } from '../../src/lib/gmv/mix/grouping.ts';
import { range80 } from '../../src/lib/gmv/mix/range.ts';
import { weeklyGmv, type MixGroup, type MixParams } from '../../src/lib/gmv/mix/response.ts';
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../../src/lib/gmv/schema.ts';
import { hashFiles, printTable, readSmallCsv, round, writeArtifact } from './io.ts';

const VERSION = '2.0.0';
const SEED = 20260108;
const FIRST_VALIDATION_WEEK = 34;
const FIRST_TEST_WEEK = 44;
const CHOICES = { groups: [1, 2, 3, 4], ridge: [0, 0.1, 0.5] };
const BOOTSTRAP = { refits: 100, block: 4 };
const SAMPLES = 500;
/** Column of each channel in MediaInvestment.csv. */
const MEDIA_COLUMN: Record<Channel, string> = {
	TV: 'TV', Digital: 'Digital', Sponsorship: 'Sponsorship', ContentMarketing: 'Content Marketing',
	OnlineMarketing: 'Online marketing', Affiliates: 'Affiliates', SEM: 'SEM', Radio: 'Radio', Other: 'Other'
};

export async function trainGmvPlanner(opts: { dataDir: string; outDir: string }) {
	const dir = join(opts.dataDir, 'eleckart');
	const weeklyPath = join(dir, 'eleckart_weekly.csv');
	const mediaPath = join(dir, 'MediaInvestment.csv');

	// 1. Weekly marketplace totals and monthly budgets.
	const weeks = weeklyTotals(
		readSmallCsv(weeklyPath).map((r) => ({
			week: Number(r.week),
			gmv: Number(r.gmv),
			sale: Number(r['Holiday.Sale']) === 1,
			spend: Object.fromEntries(CHANNELS.map((c) => [c, Number(r[c] || 0)]))
		}))
	);
	const monthlyBudget: Record<string, Record<string, number>> = {};
	for (const r of readSmallCsv(mediaPath)) monthlyBudget[`${r.Year}-${String(r.Month).padStart(2, '0')}`] = Object.fromEntries(CHANNELS.map((c) => [c, Number(r[MEDIA_COLUMN[c]] || 0)]));
	const gaps = weeks.filter((w) => w.gap).map((w) => w.week);
	console.log(`${weeks.length} weeks; gaps in the data (not fitted, spend kept for carry-over): weeks ${gaps.join(', ')}`);

	// 2. Channel correlation over the 12 months, and the grouping candidates.
	const monthKeys = Object.keys(monthlyBudget).sort();
	const series = CHANNELS.map((c) => monthKeys.map((m) => monthlyBudget[m][c]));
	const corr = correlationMatrix(series);
	const groupingOf = (k: number) => makeGroups(clusterByCorrelation(corr, k), series);

	const gmv = Float64Array.from(weeks, (w) => w.gmv);
	const sale = Float64Array.from(weeks, (w) => (w.sale ? 1 : 0));
	const weightsFor = (from: number, to: number) => Float64Array.from(weeks, (w) => (!w.gap && w.week >= from && w.week < to ? 1 : 0));
	const dataFor = (groups: MixGroup[]): MixData => ({ spend: groupSeries(weeks, groups), sale, gmv });
	const rowsIn = (from: number, to: number) => weeks.map((w, i) => [w, i] as const).filter(([w]) => !w.gap && w.week >= from && w.week < to).map(([, i]) => i);

	// 3. Choice on the validation weeks (fitted on the weeks before them).
	const validationRows = rowsIn(FIRST_VALIDATION_WEEK, FIRST_TEST_WEEK);
	const trials: { k: number; ridge: number; wape: number }[] = [];
	for (const k of CHOICES.groups)
		for (const ridge of CHOICES.ridge) {
			const groups = groupingOf(k);
			const data = dataFor(groups);
			const { params } = fitMix(data, { weights: weightsFor(1, FIRST_VALIDATION_WEEK), seed: SEED, ridge, samples: SAMPLES });
			const pred = weeklyGmv(params, data.spend, sale);
			const m = regressionMetrics(pick(gmv, Uint32Array.from(validationRows)), pick(pred, Uint32Array.from(validationRows)));
			trials.push({ k, ridge, wape: m.wape ?? Infinity });
		}
	printTable(trials.map((t) => ({ groups: t.k, ridge: t.ridge, 'validation WAPE': round(t.wape, 4) })));
	// Best validation WAPE; within 0.005 of it, fewer groups and then more ridge win (the simpler fit).
	const bestWape = Math.min(...trials.map((t) => t.wape));
	const chosen = trials.filter((t) => t.wape <= bestWape + 0.005).sort((a, b) => a.k - b.k || b.ridge - a.ridge)[0];
	console.log(`chosen: ${chosen.k} groups, ridge ${chosen.ridge} (validation WAPE ${chosen.wape.toFixed(3)})`);

	const groups = groupingOf(chosen.k);
	const data = dataFor(groups);
	const fitOpts = { seed: SEED, ridge: chosen.ridge, samples: SAMPLES };

	// 4. Validation residual ratios (from the fit that had not seen the validation weeks): the 80% range.
	const early = fitMix(data, { ...fitOpts, weights: weightsFor(1, FIRST_VALIDATION_WEEK) }).params;
	const earlyPred = weeklyGmv(early, data.spend, sale);
	const ratios = validationRows.map((i) => gmv[i] / earlyPred[i]);
	const residualRatio = { low: round(quantile(ratios, 0.1), 6), high: round(quantile(ratios, 0.9), 6) };

	// 5. The shipped fit (weeks 1-43), its bootstrap refits, and the test weeks once.
	const trainWeights = weightsFor(1, FIRST_TEST_WEEK);
	const { params } = fitMix(data, { ...fitOpts, weights: trainWeights });
	const bootstrap = blockBootstrap(weeks, trainWeights, (weights, b) => fitMix(data, { ...fitOpts, weights, seed: SEED + 1 + b }).params);
	const testRows = Uint32Array.from(rowsIn(FIRST_TEST_WEEK, Infinity));
	const actual = pick(gmv, testRows);
	const pred = pick(weeklyGmv(params, data.spend, sale), testRows);
	const model = regressionMetrics(actual, pred);

	const trainRows = rowsIn(1, FIRST_TEST_WEEK);
	const mean = (rows: number[]) => rows.reduce((s, i) => s + gmv[i], 0) / rows.length;
	const saleMean = mean(trainRows.filter((i) => sale[i] === 1));
	const plainMean = mean(trainRows.filter((i) => sale[i] === 0));
	const noMarketing = Float64Array.from(testRows, (i) => (sale[i] ? saleMean : plainMean));
	const trailing = Float64Array.from(testRows, (i) => mean(rowsIn(weeks[i].week - 4, weeks[i].week)));
	const baselines: NamedMetrics<RegressionMetrics>[] = [
		{ name: 'Average week, sale or not', description: 'The training weeks’ average GMV, separately for sale weeks and other weeks: no effect of marketing at all.', metrics: roundMetrics(regressionMetrics(actual, noMarketing)) },
		{ name: 'Trailing 4-week average', description: 'The marketplace’s mean GMV over the four weeks before, from actuals (a one-step-ahead naive forecast).', metrics: roundMetrics(regressionMetrics(actual, trailing)) }
	];
	const best = baselines.reduce((a, b) => ((b.metrics.wape ?? Infinity) < (a.metrics.wape ?? Infinity) ? b : a));
	const bestPred = best === baselines[0] ? noMarketing : trailing;
	const wapeOf = (p: ArrayLike<number>) => (rows: Uint32Array) => regressionMetrics(pick(actual, rows), pick(p, rows)).wape;
	const d = pairedBootstrap(testRows.length, wapeOf(pred), wapeOf(bestPred), { seed: SEED, metric: 'wape', baseline: best.name, resamples: 2000 });
	if (!d) throw new Error('WAPE undefined on the test weeks');

	// 6. Coverage of the 80% weekly range on the test weeks.
	const bootPreds = bootstrap.map((p) => pick(weeklyGmv(p, data.spend, sale), testRows));
	let held = 0;
	testRows.forEach((_, j) => {
		const [lo, hi] = range80(bootPreds.map((p) => p[j]), residualRatio);
		if (actual[j] >= lo && actual[j] <= hi) held++;
	});
	console.log(`\nheld-out weeks ${FIRST_TEST_WEEK}-${weeks.at(-1)!.week} (${testRows.length} weeks):`);
	printTable([
		{ model: `Response model, ${groups.length} groups`, WAPE: model.wape ?? NaN, 'R²': model.r2 ?? NaN },
		...baselines.map((b) => ({ model: b.name, WAPE: b.metrics.wape ?? NaN, 'R²': b.metrics.r2 ?? NaN }))
	]);
	console.log(`WAPE minus ${best.name}: ${d.difference.toFixed(3)} (95% ${d.low.toFixed(3)} to ${d.high.toFixed(3)}); 80% range held ${held} of ${testRows.length} test weeks`);

	const months = observedMonths(weeks, monthlyBudget, groups);
	const saleWeeksAll = weeks.filter((w) => !w.gap);
	const inputRanges: Record<string, InputRange> = Object.fromEntries(
		groups.map((g, i) => {
			const v = months.map((m) => m.byGroup[i]);
			return [g.id, { min: Math.min(...v), max: Math.max(...v), p01: quantile(v, 0.01), p99: quantile(v, 0.99) }];
		})
	);
	await writeArtifact<PlannerArtifact>(join(opts.outDir, 'gmv', 'planner.json'), {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GMV_TOOL,
		modelId: PLANNER_MODEL_ID,
		version: VERSION,
		modelKind: 'marketing-mix-response',
		label: `Marketing-mix response, ${groups.length} channel groups`,
		features: groups.map((g) => g.id),
		inputRanges,
		provenance: {
			source: 'ElecKart weekly market-mix data (Indian consumer-electronics marketplace), July 2015 to June 2016: the 14 sub-categories’ weekly GMV added up, with weekly marketing spend by channel and sale weeks; monthly media investment.',
			licence: 'From a public course capstone; no licence stated. Used for training and evaluation only; no rows are shipped.',
			synthetic: false,
			rows: weeks.length,
			period: ['2015-07-01', '2016-06-30'],
			split: `Time split: weeks 1-${FIRST_TEST_WEEK - 1} fitted (choices made by fitting weeks 1-${FIRST_VALIDATION_WEEK - 1} and scoring ${FIRST_VALIDATION_WEEK}-${FIRST_TEST_WEEK - 1}), weeks ${FIRST_TEST_WEEK}-${weeks.at(-1)!.week} held out. Weeks ${gaps.join(', ')} are gaps in the data (almost no rows) and are not fitted.`,
			trainRows: trainRows.length,
			testRows: testRows.length,
			dataHash: hashFiles([weeklyPath, mediaPath])
		},
		metrics: {
			task: 'regression',
			rowNoun: { one: 'week', many: 'weeks' },
			model: roundMetrics(model),
			baselines,
			comparisons: [],
			headline: { metric: 'wape', lowerIsBetter: true },
			vsBestBaseline: { metric: d.metric, baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
		},
		hyperparameters: {
			target: 'the marketplace’s weekly GMV (all sub-categories), rupees',
			groups: groups.length,
			grouping: 'average-linkage clustering of channels on 1 − correlation of monthly spend',
			ridge: chosen.ridge,
			chosenFrom: `groups ${CHOICES.groups.join(', ')} × ridge ${CHOICES.ridge.join(', ')}`,
			chosenOn: `validation weeks ${FIRST_VALIDATION_WEEK}-${FIRST_TEST_WEEK - 1} (fitted on weeks 1-${FIRST_VALIDATION_WEEK - 1})`,
			adstock: `geometric, normalised; carry-over ${BOUNDS.decay[0]}-${BOUNDS.decay[1]} a week`,
			saturation: `Hill, shape ${BOUNDS.shape[0]}-${BOUNDS.shape[1]} (concave), half-saturation ${BOUNDS.halfSatShare[0]}-${BOUNDS.halfSatShare[1]} × the group’s largest weekly spend`,
			search: `${SAMPLES} seeded random candidates, then coordinate refinement; base, sale lift and ceilings by least squares kept ≥ 0`,
			bootstrap: `${BOOTSTRAP.refits} refits on moving blocks of ${BOOTSTRAP.block} weeks`,
			seed: SEED
		},
		groups,
		params: roundParams(params),
		bootstrap: bootstrap.map(roundParams),
		residualRatio,
		coverage: { nominal: 0.8, held, weeks: testRows.length },
		months: months.map((m) => ({ ...m, budget: round(m.budget, 6), byGroup: m.byGroup.map((v) => round(v, 6)), gmv: round(m.gmv, 8), saleWeeks: round(m.saleWeeks, 4) })),
		typicalSaleWeeks: round((saleWeeksAll.filter((w) => w.sale).length / saleWeeksAll.length) * 4.3, 3),
		correlation: { channels: [...CHANNELS], matrix: corr.map((r) => r.map((v) => round(v, 3))) },
		contentHash: ''
	});
}

/** Groups from clusters of channel indices, largest spend first, with their within-group shares. */
function makeGroups(clusters: number[][], series: number[][]): MixGroup[] {
	const total = (i: number) => series[i].reduce((a, b) => a + b, 0);
	return clusters
		.map((members) => {
			const sum = members.reduce((a, i) => a + total(i), 0);
			const monthly = series[0].map((_, m) => members.reduce((a, i) => a + series[i][m], 0));
			const sorted = [...members].sort((a, b) => total(b) - total(a));
			return {
				id: '',
				label: sorted.map((i) => CHANNEL_LABELS[CHANNELS[i]]).join(', '),
				channels: sorted.map((i) => CHANNELS[i]),
				channelShares: Object.fromEntries(sorted.map((i) => [CHANNELS[i], round(sum > 0 ? total(i) / sum : 1 / members.length, 6)])),
				observedMonthly: { min: round(Math.min(...monthly), 6), max: round(Math.max(...monthly), 6) },
				sum
			};
		})
		.sort((a, b) => b.sum - a.sum)
		.map(({ sum: _sum, ...g }, i) => ({ ...g, id: `group${i + 1}` }));
}

/** Refits on moving-block bootstrap resamples of the fitted weeks (weights = how often a week was drawn). */
function blockBootstrap(weeks: readonly WeekTotal[], base: Float64Array, refit: (weights: Float64Array, b: number) => MixParams): MixParams[] {
	const rows = [...base.keys()].filter((i) => base[i] > 0);
	const random = seededRandom(SEED ^ 0x5eed);
	const out: MixParams[] = [];
	for (let b = 0; b < BOOTSTRAP.refits; b++) {
		const weights = new Float64Array(weeks.length);
		while (weights.reduce((a, v) => a + v, 0) < rows.length) {
			const start = Math.floor(random() * (rows.length - BOOTSTRAP.block + 1));
			for (let j = 0; j < BOOTSTRAP.block; j++) weights[rows[start + j]] += 1;
		}
		out.push(refit(weights, b));
	}
	return out;
}

function roundParams(p: MixParams): MixParams {
	const r = (v: number) => round(v, 6);
	return { base: r(p.base), saleLift: r(p.saleLift), decay: p.decay.map(r), halfSat: p.halfSat.map(r), shape: p.shape.map(r), ceiling: p.ceiling.map(r) };
}

function roundMetrics(m: RegressionMetrics): RegressionMetrics {
	const r = (v: number | null, digits: number) => (v === null ? null : round(v, digits));
	const out: RegressionMetrics = { n: m.n, wape: r(m.wape, 4), mae: r(m.mae, 6), mape: r(m.mape, 4), r2: r(m.r2, 4) };
	if (m.undefinedBecause) out.undefinedBecause = m.undefinedBecause;
	return out;
}
