/**
 * Seller finder: a balanced random forest (ml-random-forest, flat form) on the synthetic marketplace
 * (src/lib/sellers/generator.ts), chosen on the validation months by SELECTION_RULE, calibrated on a later month, tested
 * once on the last labelable month beside two naive baselines, a TensorFlow.js network and
 * scikit-learn (reference, when its figures match these features). Also writes the demo
 * marketplace's analysis for the page's first view. See data.ts for the split.
 */
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ClassificationMetrics, type ClassificationReport, type InputRange, type NamedMetrics } from '../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../src/lib/core/base64.ts';
import { calibrateMany } from '../../src/lib/core/calibration.ts';
import { encodeFlatForest, type FlatForest } from '../../src/lib/core/forest/flat.ts';
import { predictOutput } from '../../src/lib/core/forest/predict.ts';
import { quantile } from '../../src/lib/core/metrics.ts';
import { averagePrecision } from '../../src/lib/core/metrics/classification.ts';
import { pairedBootstrap, pick } from '../../src/lib/core/metrics/bootstrap.ts';
import { monthLabel } from '../../src/lib/sellers/calendar.ts';
import {
	ACTIVE_MIN_SALES,
	ACTIVE_WINDOW_DAYS,
	ALL_FEATURES,
	CANDIDATE_WINDOW_MONTHS,
	LISTING_WINDOW_MONTHS,
	ORIGINAL_FEATURES,
	RECENT_DAYS
} from '../../src/lib/sellers/features.ts';
import { DEFAULT_MARKET, marketParameterTable, type MarketParams } from '../../src/lib/sellers/generator.ts';
import { FEATURE_LABELS } from '../../src/lib/sellers/labels.ts';
import { SELLERS_TOOL, type ForestPart, type SellersModelArtifact, type TargetDefinition } from '../../src/lib/sellers/model.ts';
import { printTable, round, writeArtifact } from './io.ts';
import { featureCsv, sklearnComparisons } from './reference.ts';
import { buildMarket, describeSplit, planSplit, stack, type TrainingMarket } from './sellers/data.ts';
import { writeDemo } from './sellers/demo.ts';
import { calibratedBaseline, CALIBRATION_LISTS, calibratedMetricsOf, chooseCalibration, measureCountSpread, measureCoverage, metricsOf } from './sellers/evaluate.ts';
import { bootstrapScorers, monthRanges, type BootMetric, type PairedInterval, type Scorer } from './sellers/bootstrap.ts';
import { roundLeaves, trainSellerForest, type ForestConfig } from './sellers/forest.ts';
import { trainNetwork } from './sellers/network.ts';

const VERSION = '1.0.0';
const SEED = 20170102;
/** The training marketplace: 4 years, far more users than the shipped sample. */
export const TRAINING_MARKET: MarketParams = { ...DEFAULT_MARKET, seed: 20170103, months: 48, firstMonthJoins: 1500 };
const FEATURE_SETS: Record<string, readonly string[]> = { 'all 24': ALL_FEATURES, 'original 12': ORIGINAL_FEATURES };
/** Trees of every candidate on validation, and of the shipped forests: what is chosen is what ships. */
const TREES = 60;
/**
 * The shapes that compete on the validation months (each with both feature sets). Depth 4 / 400 and
 * depth 6 / 1,500 are the earlier shapes (depth 6 was chosen on rolling-origin validation,
 * scripts/train/sellers-explore.ts, and shipped with 150 trees); depth 8 with at least 150 sampled
 * rows per split and 8,000 + 8,000 rows per tree is the shape an earlier session found better on
 * validation precision at 100, affordable since fastSplits (core/forest/fastSplits.ts) grows the
 * library's trees in a fraction of its time; the last two are its neighbours (half the rows, two
 * levels deeper).
 */
const GRID: Omit<ForestConfig, 'trees'>[] = [
	{ maxDepth: 4, minNumSamples: 3, perClass: 400, maxBins: 16 },
	{ maxDepth: 6, minNumSamples: 50, perClass: 1500, maxBins: 16 },
	{ maxDepth: 8, minNumSamples: 150, perClass: 8000, maxBins: 16 },
	{ maxDepth: 8, minNumSamples: 150, perClass: 4000, maxBins: 16 },
	{ maxDepth: 10, minNumSamples: 150, perClass: 8000, maxBins: 16 }
];
/** Precision is judged among each month's top K users: one invitation round. */
const K = 100;
/** Resamples of the paired bootstraps (validation and test). */
const RESAMPLES = 1000;
/**
 * The selection rule, fixed before any test figure was seen. Written into the artifact and shown
 * on the model card.
 */
export const SELECTION_RULE =
	`Every candidate (feature set x shape, ${TREES} trees) is trained on the selection months and scored on the validation months. ` +
	`The chosen one has the highest validation precision at ${K}: the mean over the validation months of the share of active sellers among that month's top ${K} by score ` +
	`(what the growth team acts on: one invitation round of ${K} a month); ties are broken by the higher validation PR AUC (all validation rows). ` +
	`Intervals are 95% paired bootstraps (${RESAMPLES} resamples of the validation rows) against the better naive rule on that metric; they inform, they do not choose. ` +
	`The test month plays no part.`;
/**
 * Leaf values of the shipped forests are rounded to LEAF_DIGITS significant digits (smaller,
 * better-compressing files) when, on the chosen candidate's validation scores, that leaves precision
 * at K unchanged and moves PR AUC by less than LEAF_TOLERANCE; else they ship exact.
 */
const LEAF_DIGITS = 4;
const LEAF_TOLERANCE = 0.0005;
const COVERAGE = { sizes: [100, 500], randomSets: 20, level: 0.9 };
/** Bootstrap refits of the calibration that measure its uncertainty for the interval. */
const SPREAD = { sizes: [100, 500], resamples: 200 };

const TARGET: TargetDefinition = {
	candidateWindowMonths: CANDIDATE_WINDOW_MONTHS,
	listingWindowMonths: LISTING_WINDOW_MONTHS,
	activeWindowDays: ACTIVE_WINDOW_DAYS,
	activeMinSales: ACTIVE_MIN_SALES,
	recentDays: RECENT_DAYS,
	statement:
		`As of the end of a month: of the users who did something as buyers in the last ${CANDIDATE_WINDOW_MONTHS} months and have never listed or sold, ` +
		`who will make a first listing in the next ${LISTING_WINDOW_MONTHS} months AND then at least ${ACTIVE_MIN_SALES} sales in the ${ACTIVE_WINDOW_DAYS} days from that listing (an active seller).`
};

function columnsOf(names: readonly string[]): number[] {
	return names.map((n) => ALL_FEATURES.indexOf(n as (typeof ALL_FEATURES)[number]));
}

function nodes(flat: FlatForest): number {
	return flat.treeOffsets[flat.nTrees];
}

function inputRanges(market: TrainingMarket, range: [number, number]): Record<string, InputRange> {
	const d = stack(market, range[0], range[1], columnsOf(ALL_FEATURES));
	const out: Record<string, InputRange> = {};
	ALL_FEATURES.forEach((name, j) => {
		const v = Float64Array.from({ length: d.n }, (_, i) => d.X[i * d.width + j]);
		let min = Infinity;
		let max = -Infinity;
		for (const x of v) {
			if (x < min) min = x;
			if (x > max) max = x;
		}
		out[name] = { min: round(min), max: round(max), p01: round(quantile(v, 0.01)), p99: round(quantile(v, 0.99)) };
	});
	return out;
}

export async function trainSellers(opts: { outDir: string; exportFeaturesDir?: string }) {
	const started = performance.now();
	const market = buildMarket(TRAINING_MARKET);
	const plan = planSplit(market);
	const log = market.data.log;
	console.log(`synthetic marketplace: ${market.truth.users.toLocaleString('en-US')} users, ${log.n.toLocaleString('en-US')} events, ${monthLabel(TRAINING_MARKET.startMonth)}..${monthLabel(TRAINING_MARKET.startMonth + TRAINING_MARKET.months - 1)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	console.log(describeSplit(plan));
	const positives = (from: number, to: number) => {
		let p = 0;
		let n = 0;
		for (let t = from; t <= to; t++) {
			const m = market.months.get(t)!;
			n += m.y.length;
			p += m.y.reduce((s, v) => s + v, 0);
		}
		return `${n.toLocaleString('en-US')} rows, ${p} positive (${((100 * p) / n).toFixed(2)}%)`;
	};
	console.log(`train ${positives(plan.train[0], plan.train[1])}; validation ${positives(plan.validation[0], plan.validation[1])}; calibration ${positives(plan.calibration, plan.calibration)}; test ${positives(plan.test, plan.test)}`);

	// 1. Choose the features and the forest's shape on the validation months (rule: SELECTION_RULE).
	const validationMonths = monthRanges(Array.from({ length: plan.validation[1] - plan.validation[0] + 1 }, (_, i) => market.months.get(plan.validation[0] + i)!.y.length));
	const vaAll = stack(market, plan.validation[0], plan.validation[1], columnsOf(ALL_FEATURES));
	const vaOrders = stack(market, plan.validation[0], plan.validation[1], columnsOf(['orders_3m'])).X;
	const scorers: Scorer[] = [
		{ name: 'Collection adds, last 90 days', ranking: vaAll.recentAdds },
		{ name: 'Orders, last 3 months', ranking: vaOrders }
	];
	const candidates: { set: string; shape: Omit<ForestConfig, 'trees'>; flat: FlatForest; scores: Float64Array; rocAuc: number }[] = [];
	for (const [set, names] of Object.entries(FEATURE_SETS)) {
		const cols = columnsOf(names);
		const tr = stack(market, plan.selectionTrain[0], plan.selectionTrain[1], cols);
		const va = stack(market, plan.validation[0], plan.validation[1], cols);
		for (const shape of GRID) {
			const t0 = performance.now();
			const flat = trainSellerForest(tr.X, tr.y, tr.width, { ...shape, trees: TREES }, SEED);
			const scores = predictOutput(flat, va.X, va.n);
			const m = metricsOf(va.y, scores, false);
			candidates.push({ set, shape, flat, scores, rocAuc: m.rocAuc! });
			scorers.push({ name: `${set}, depth ${shape.maxDepth}, leaf ${shape.minNumSamples}, ${shape.perClass}+${shape.perClass}`, ranking: scores });
			console.log(`  ${set}, depth ${shape.maxDepth}, leaf ${shape.minNumSamples}, ${shape.perClass}+${shape.perClass} rows/tree: validation PR AUC ${m.prAuc}, ROC AUC ${m.rocAuc}, ${nodes(flat)} nodes (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
		}
	}
	const t1 = performance.now();
	const vBoot = bootstrapScorers(vaAll.y, validationMonths, scorers, ['precisionAtK', 'prAuc'], { k: K, resamples: RESAMPLES, seed: SEED });
	console.log(`validation bootstrap: ${((performance.now() - t1) / 1000).toFixed(0)} s`);
	const bestRule = (metric: BootMetric) => (vBoot.value(0, metric)! >= vBoot.value(1, metric)! ? 0 : 1);
	const selection: SellersModelArtifact['selection'] = candidates.map((c, i) => {
		const at = vBoot.compare(i + 2, bestRule('precisionAtK'), 'precisionAtK');
		const pr = vBoot.compare(i + 2, bestRule('prAuc'), 'prAuc');
		const interval = (d: PairedInterval) => ({ baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4) });
		return { features: c.set, trees: TREES, maxDepth: c.shape.maxDepth, minNumSamples: c.shape.minNumSamples, perClass: c.shape.perClass, prAuc: round(pr.modelValue, 4), rocAuc: c.rocAuc, precisionAtK: round(at.modelValue, 4), precisionVsBestRule: interval(at), prAucVsBestRule: interval(pr), chosen: false };
	});
	let chosenIndex = 0;
	selection.forEach((row, i) => {
		const best = selection[chosenIndex];
		if (row.precisionAtK! > best.precisionAtK! || (row.precisionAtK === best.precisionAtK && row.prAuc > best.prAuc)) chosenIndex = i;
	});
	selection[chosenIndex].chosen = true;
	const validationRules = [0, 1].map((b) => ({ name: scorers[b].name, precisionAtK: round(vBoot.value(b, 'precisionAtK')!, 4), prAuc: round(vBoot.value(b, 'prAuc')!, 4) }));
	printTable([
		...validationRules.map((r) => ({ candidate: r.name, [`P@${K}`]: r.precisionAtK, 'PR AUC': r.prAuc, [`P@${K} vs best rule`]: '', 'PR AUC vs best rule': '' })),
		...selection.map((r) => ({
			candidate: `${r.features}, d${r.maxDepth}, leaf ${r.minNumSamples}, ${r.perClass}${r.chosen ? ' (chosen)' : ''}`,
			[`P@${K}`]: r.precisionAtK!,
			'PR AUC': r.prAuc,
			[`P@${K} vs best rule`]: `${r.precisionVsBestRule!.difference} [${r.precisionVsBestRule!.low}, ${r.precisionVsBestRule!.high}]`,
			'PR AUC vs best rule': `${r.prAucVsBestRule!.difference} [${r.prAucVsBestRule!.low}, ${r.prAucVsBestRule!.high}]`
		}))
	]);
	const chosen = { set: candidates[chosenIndex].set, config: { ...candidates[chosenIndex].shape, trees: TREES } as ForestConfig };

	// Leaf rounding, judged on the chosen candidate's validation scores.
	const chosenCandidate = candidates[chosenIndex];
	const vaChosen = stack(market, plan.validation[0], plan.validation[1], columnsOf(FEATURE_SETS[chosen.set]));
	const rounded = predictOutput(roundLeaves(chosenCandidate.flat, LEAF_DIGITS), vaChosen.X, vaChosen.n);
	const roundBoot = bootstrapScorers(vaChosen.y, validationMonths, [{ name: 'exact', ranking: chosenCandidate.scores }, { name: 'rounded', ranking: rounded }], ['precisionAtK', 'prAuc'], { k: K, resamples: 1, seed: SEED });
	const leafRounding = {
		digits: LEAF_DIGITS,
		validationPrecisionAtK: [round(roundBoot.value(0, 'precisionAtK')!, 4), round(roundBoot.value(1, 'precisionAtK')!, 4)] as [number, number],
		validationPrAuc: [round(roundBoot.value(0, 'prAuc')!, 5), round(roundBoot.value(1, 'prAuc')!, 5)] as [number, number],
		applied: false,
		rule: `Leaf values rounded to ${LEAF_DIGITS} significant digits when, on the chosen candidate's validation scores, precision at ${K} is unchanged and PR AUC moves by less than ${LEAF_TOLERANCE}.`
	};
	leafRounding.applied = roundBoot.value(0, 'precisionAtK') === roundBoot.value(1, 'precisionAtK') && Math.abs(roundBoot.value(0, 'prAuc')! - roundBoot.value(1, 'prAuc')!) < LEAF_TOLERANCE;
	console.log(`leaf rounding to ${LEAF_DIGITS} digits on validation: P@${K} ${leafRounding.validationPrecisionAtK.join(' -> ')}, PR AUC ${leafRounding.validationPrAuc.join(' -> ')}: ${leafRounding.applied ? 'applied' : 'not applied'}`);
	if (leafRounding.applied) chosen.config.leafDigits = LEAF_DIGITS;

	const features = [...FEATURE_SETS[chosen.set]];
	const finalConfig: ForestConfig = chosen.config;
	console.log(`chosen: ${chosen.set} features, depth ${finalConfig.maxDepth}, leaf ${finalConfig.minNumSamples}, ${finalConfig.perClass}+${finalConfig.perClass} rows; final forest of ${TREES} trees on ${monthLabel(plan.train[0])}..${monthLabel(plan.train[1])}`);

	// 2. Final models: the chosen one, and the 12-feature one for the per-user layout.
	const fitPart = (names: readonly string[]) => {
		const cols = columnsOf(names);
		const tr = stack(market, plan.train[0], plan.train[1], cols);
		const flat = trainSellerForest(tr.X, tr.y, tr.width, finalConfig, SEED + 1);
		const cal = stack(market, plan.calibration, plan.calibration, cols);
		const calScores = predictOutput(flat, cal.X, cal.n);
		const choice = chooseCalibration(calScores, cal.y, SEED);
		const countSpread = measureCountSpread(calScores, cal.y, choice.method, { ...SPREAD, seed: SEED });
		const te = stack(market, plan.test, plan.test, cols);
		const rawTest = predictOutput(flat, te.X, te.n);
		const pTest = calibrateMany(choice.calibration, rawTest);
		return { names, cols, flat, choice, countSpread, tr, cal, te, rawTest, pTest };
	};
	const main = fitPart(features);
	const perUser = features.length === ORIGINAL_FEATURES.length ? main : fitPart(ORIGINAL_FEATURES);
	console.log(`calibration: ${main.choice.method} (on halves of ${monthLabel(plan.calibration)}: error of the top lists' counts, isotonic ${main.choice.heldOutListError.isotonic}, Platt ${main.choice.heldOutListError.platt}; log loss, isotonic ${main.choice.heldOutLogLoss.isotonic}, Platt ${main.choice.heldOutLogLoss.platt})`);

	// 3. Baselines, calibrated on the same month so their Brier scores compare.
	const te = main.te;
	const cal = main.cal;
	const ordersCols = columnsOf(['orders_3m']);
	const calOrders = stack(market, plan.calibration, plan.calibration, ordersCols).X;
	const testOrders = stack(market, plan.test, plan.test, ordersCols).X;
	const baselineProbabilities = [calibratedBaseline(cal.recentAdds, cal.y, te.recentAdds), calibratedBaseline(calOrders, cal.y, testOrders)];
	const baselines: NamedMetrics<ClassificationMetrics>[] = [
		{
			name: 'Collection adds, last 90 days',
			description: 'Rank users by their collection adds in the last 90 days; probabilities from isotonic calibration on the calibration month.',
			metrics: calibratedMetricsOf(te.y, te.recentAdds, baselineProbabilities[0])
		},
		{
			name: 'Orders, last 3 months',
			description: 'Rank users by their orders in the last 3 months; probabilities from isotonic calibration on the calibration month.',
			metrics: calibratedMetricsOf(te.y, testOrders, baselineProbabilities[1])
		}
	];
	const baselineScores = [te.recentAdds, testOrders];
	const modelMetrics = calibratedMetricsOf(te.y, main.rawTest, main.pTest);

	// 4. Comparisons: the TensorFlow.js network, the 12-feature forest, scikit-learn (reference).
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
	if (opts.exportFeaturesDir) {
		mkdirSync(opts.exportFeaturesDir, { recursive: true });
		writeFileSync(join(opts.exportFeaturesDir, 'sellers_train.csv'), csv.train);
		writeFileSync(join(opts.exportFeaturesDir, 'sellers_calibration.csv'), featureCsv(features, 'y', cal.X, Array.from(cal.y)));
		writeFileSync(join(opts.exportFeaturesDir, 'sellers_test.csv'), featureCsv(features, 'y', te.X, Array.from(te.y)));
		console.log(`features exported to ${opts.exportFeaturesDir}`);
	}
	const comparisons: ClassificationReport['comparisons'] = [
		{ name: 'Neural network 16-8 (TensorFlow.js)', description: 'Dense network on log1p-standardised features, positives weighted to balance the classes, same months; calibrated on the same month.', role: 'shipped-model', metrics: calibratedMetricsOf(te.y, netRawTest, netTest) },
		...sklearnComparisons<ClassificationMetrics>(SELLERS_TOOL, csv)
	];
	if (perUser !== main) comparisons.splice(1, 0, { name: 'Random forest on the original 12 features', description: 'The model used for files in the per-user layout (12 monthly counts), same months and calibration.', role: 'shipped-model', metrics: calibratedMetricsOf(perUser.te.y, perUser.rawTest, perUser.pTest) });

	// 5. The model against its best baseline on the test month: paired bootstrap of PR AUC.
	const bestBaseline = baselines.reduce((a, b, i) => ((b.metrics.prAuc ?? 0) > (baselines[a].metrics.prAuc ?? 0) ? i : a), 0);
	const vs = pairedBootstrap(
		te.n,
		(rows) => averagePrecision(pick(te.y, rows), pick(main.rawTest, rows)),
		(rows) => averagePrecision(pick(te.y, rows), pick(baselineScores[bestBaseline], rows)),
		{ seed: SEED, resamples: 1000, metric: 'prAuc', baseline: baselines[bestBaseline].name }
	);

	printTable([
		{ model: 'random forest (shipped)', ...cells(modelMetrics) },
		...baselines.map((b) => ({ model: b.name, ...cells(b.metrics) })),
		...comparisons.map((c) => ({ model: c.name, ...cells(c.metrics) }))
	]);
	if (vs) console.log(`PR AUC, model - ${vs.baseline}: ${vs.difference.toFixed(4)} [${vs.low.toFixed(4)}, ${vs.high.toFixed(4)}] (95% paired bootstrap)`);
	// Every headline figure against the better rule on that figure, on the same resamples of the test month.
	const testBoot = bootstrapScorers(
		te.y,
		[[0, te.n]],
		[{ name: 'model', ranking: main.rawTest, probability: main.pTest }, ...baselines.map((b, i) => ({ name: b.name, ranking: baselineScores[i], probability: baselineProbabilities[i] }))],
		['precisionAtK', 'prAuc', 'rocAuc', 'brier'],
		{ k: K, resamples: RESAMPLES, seed: SEED }
	);
	const testVsBestBaseline = (['precisionAtK', 'prAuc', 'rocAuc', 'brier'] as const).map((metric) => {
		const lower = metric === 'brier';
		const b = (testBoot.value(1, metric)! < testBoot.value(2, metric)!) === lower ? 1 : 2;
		const d = testBoot.compare(0, b, metric);
		console.log(`test ${metric}, model - ${d.baseline}: ${d.difference.toFixed(5)} [${d.low.toFixed(5)}, ${d.high.toFixed(5)}] (95% paired bootstrap, ${RESAMPLES} resamples)`);
		return { metric: metric === 'precisionAtK' ? `precisionAt${K}` : metric, baseline: d.baseline, difference: round(d.difference, 5), low: round(d.low, 5), high: round(d.high, 5), level: d.level, resamples: d.resamples, seed: d.seed };
	});

	// 6. Coverage of "how many sellers to expect" on the held-out months after calibration.
	console.log(`calibration spread (log-scale SD of a list's expected count over ${SPREAD.resamples} refits): ${main.countSpread}`);
	const coverageRows = measureCoverage(
		market,
		plan.coverage,
		(m) => {
			const forestScore = predictOutput(main.flat, stack(market, m.month, m.month, main.cols).X, m.y.length);
			return { forestScore, probability: calibrateMany(main.choice.calibration, forestScore) };
		},
		{ ...COVERAGE, seed: SEED, spread: main.countSpread }
	);
	printTable(coverageRows.map((r) => ({ 'list size': r.size, lists: r.lists, covered: r.covered, rate: r.rate, 'mean expected': r.meanExpected, 'mean actual': r.meanActual })));

	const part = (fit: typeof main, label: string): ForestPart & { label: string } => ({ features: [...fit.names], forest: bytesToBase64(encodeFlatForest(fit.flat)), calibration: fit.choice.calibration, countSpread: fit.countSpread, label });
	const provenanceSplit = describeSplit(plan);
	const artifact: SellersModelArtifact = {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: SELLERS_TOOL,
		modelId: 'model',
		version: VERSION,
		contentHash: '',
		modelKind: 'random-forest-classification',
		label: `Random forest, ${TREES} trees, calibrated (${main.choice.method})`,
		features: [...main.names],
		forest: bytesToBase64(encodeFlatForest(main.flat)),
		calibration: main.choice.calibration,
		countSpread: main.countSpread,
		inputRanges: inputRanges(market, plan.train),
		provenance: {
			source: 'Synthetic marketplace from the seeded generator in src/lib/sellers/generator.ts (no public data of this kind exists).',
			licence: 'Generated by this project',
			synthetic: true,
			rows: log.n,
			period: [monthLabel(TRAINING_MARKET.startMonth), monthLabel(TRAINING_MARKET.startMonth + TRAINING_MARKET.months - 1)],
			split: provenanceSplit,
			trainRows: main.tr.n,
			testRows: te.n,
			dataHash: `generator seed ${TRAINING_MARKET.seed}`
		},
		metrics: {
			task: 'classification',
			rowNoun: { one: 'candidate user', many: 'candidate users' },
			model: modelMetrics,
			baselines,
			comparisons,
			headline: { metric: 'prAuc', lowerIsBetter: false },
			...(vs ? { vsBestBaseline: { metric: vs.metric, baseline: vs.baseline, difference: round(vs.difference, 4), low: round(vs.low, 4), high: round(vs.high, 4), level: vs.level, resamples: vs.resamples, seed: vs.seed } } : {})
		},
		hyperparameters: {
			trees: TREES,
			maxDepth: finalConfig.maxDepth,
			minNumSamples: finalConfig.minNumSamples,
			rowsPerClassPerTree: finalConfig.perClass,
			sampling: 'balanced (equal positives and negatives, with replacement)',
			trainingBins: finalConfig.maxBins,
			gainThreshold: 0,
			features: chosen.set,
			calibration: main.choice.method
		},
		target: TARGET,
		perUser: { ...part(perUser, 'Random forest on the original 12 monthly counts'), metrics: perUserReport(perUser, baselines) },
		featureLabels: Object.fromEntries(ALL_FEATURES.map((f) => [f, FEATURE_LABELS[f]])),
		generator: {
			parameters: marketParameterTable(TRAINING_MARKET),
			seed: TRAINING_MARKET.seed,
			months: TRAINING_MARKET.months,
			users: market.truth.users,
			events: log.n,
			period: [monthLabel(TRAINING_MARKET.startMonth), monthLabel(TRAINING_MARKET.startMonth + TRAINING_MARKET.months - 1)]
		},
		split: {
			description: provenanceSplit,
			train: [monthLabel(plan.train[0]), monthLabel(plan.train[1])],
			validation: [monthLabel(plan.validation[0]), monthLabel(plan.validation[1])],
			calibration: monthLabel(plan.calibration),
			test: monthLabel(plan.test),
			coverage: [monthLabel(plan.coverage[0]), monthLabel(plan.coverage[1])]
		},
		selection,
		selectionRule: SELECTION_RULE,
		validationRules,
		leafRounding,
		testVsBestBaseline,
		calibrationChoice: {
			method: main.choice.method,
			heldOutLogLoss: main.choice.heldOutLogLoss,
			heldOutListError: main.choice.heldOutListError,
			note: `Chosen on ${monthLabel(plan.calibration)} alone: each method fitted on one half of its users and scored on the other, both ways round, by how well it predicts the number of active sellers in that half's top ${CALIBRATION_LISTS.map((x) => `${x * 100}%`).join(' and ')} of scores (the sum of (expected - actual)² / expected; the page's lists come from the top), not by log loss over all rows, which the bulk of near-zero probabilities decides. Ranking figures come from the forest's own score, which breaks the ties of a calibration step exactly as the page does.`
		},
		coverage: {
			level: COVERAGE.level,
			months: [monthLabel(plan.coverage[0]), monthLabel(plan.coverage[1])],
			bySize: coverageRows,
			note:
				`Lists: the top N by score for the 3 lowest-stock categories, for all categories and for random sets of 3, in each held-out month. The interval treats users as independent with the probabilities shown, times one factor common to the list for the calibration's own uncertainty (log-scale SD ${main.countSpread}, from ${SPREAD.resamples} refits of the calibration on resamples of ${monthLabel(plan.calibration)}); it leaves out users influencing one another and any effect of the invitation itself.`
		}
	};
	const sealed = await writeArtifact(join(opts.outDir, SELLERS_TOOL, 'model.json'), artifact);
	await writeDemo(opts.outDir, sealed);
	console.log(`sellers trained in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function perUserReport(fit: { te: { y: Uint8Array }; rawTest: Float64Array; pTest: Float64Array }, baselines: NamedMetrics<ClassificationMetrics>[]): ClassificationReport {
	return { task: 'classification', rowNoun: { one: 'candidate user', many: 'candidate users' }, model: calibratedMetricsOf(fit.te.y, fit.rawTest, fit.pTest), baselines, comparisons: [], headline: { metric: 'prAuc', lowerIsBetter: false } };
}

function cells(m: ClassificationMetrics) {
	const at = m.atK[0];
	return { 'ROC AUC': m.rocAuc ?? NaN, 'PR AUC': m.prAuc ?? NaN, 'P@100': at?.precision ?? NaN, 'R@100': at?.recall ?? NaN, Brier: m.brier ?? NaN };
}
