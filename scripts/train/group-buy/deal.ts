/**
 * Will a group deal fill: a classification flat forest (balanced per-tree samples, quantile-binned
 * training) on BeiBei's launches, calibrated on validation launches, beside a logistic model, the
 * item's fill rate alone (the naive baseline) and scikit-learn's forest on the same features.
 * Features, forest size and calibration are chosen on validation launches (the last 20% of the
 * training launches); the test launches (the reference script's last 30%) are scored once.
 */
import { join } from 'node:path';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ClassificationMetrics, type ClassificationReport, type Comparison, type InputRange, type NamedMetrics } from '../../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../../src/lib/core/base64.ts';
import { calibrateMany, fitIsotonic, fitPlatt, type Calibration } from '../../../src/lib/core/calibration.ts';
import { encodeFlatForest } from '../../../src/lib/core/forest/flat.ts';
import { predictOutput } from '../../../src/lib/core/forest/predict.ts';
import { trainForestClassifier } from '../../../src/lib/core/forest/train.ts';
import { fitLogistic, predictLogistic } from '../../../src/lib/core/logistic.ts';
import { brierScore, classificationMetrics, rocAuc } from '../../../src/lib/core/metrics/classification.ts';
import { pairedBootstrap, pick } from '../../../src/lib/core/metrics/bootstrap.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import { GROUP_BUY_TOOL, type DealArtifact, type DealSelectionRow } from '../../../src/lib/group-buy/artifact.ts';
import { allDealFeatures, DEAL_FEATURE_LABELS, DEAL_HISTORY_FIELDS, dealFeatures, logisticInputs, type DealEncoders, type DealFeature, type DealHistory } from '../../../src/lib/group-buy/deal.ts';
import { hashFiles, printTable, round, writeArtifact } from '../io.ts';
import { featureCsv, sklearnComparisons } from '../reference.ts';
import { readLaunches, splitLaunches, type Launch, TRAIN_SHARE } from './beibei.ts';
import { exportFeatures } from './export.ts';

const VERSION = '1.0.0';
const SEED = 20260111;
const PRIOR_LAUNCHES = 5;
const VALIDATION_SHARE = 0.2;
const BASE_FEATURES: DealFeature[] = ['itemLaunches', 'itemFillRate', 'organiserLaunches', 'organiserFillRate'];
/** An extra feature is kept only when it adds this much validation ROC AUC. */
const FEATURE_GAIN = 0.002;
/** Candidates of the forest's size; within this much validation AUC of the best, the smallest forest wins (it ships to phones). */
const FOREST = { trees: 100, selectionTrees: 30, perClass: [2000, 5000], minNumSamples: [20, 80, 250], maxBins: 64, tolerance: 0.001 };
const BOOTSTRAP_RESAMPLES = 300;
/** Filled deals BeiBei keeps per organiser (tune.txt and test.txt hold one each). */
const ORGANISER_FILL_CAP = 2;

interface Rows {
	X: number[][];
	y: number[];
}

function rowsOf(launches: readonly Launch[], history: (l: Launch) => DealHistory, enc: DealEncoders): Rows {
	return { X: launches.map((l) => dealFeatures(history(l), enc)), y: launches.map((l) => l.filled) };
}

function flatRows(X: number[][]): Float64Array {
	return Float64Array.from(X.flat());
}

function forestScores(rows: Rows, train: Rows, opts: { trees: number; perClass: number; minNumSamples: number }) {
	const { flat } = trainForestClassifier(train.X, train.y, { nEstimators: opts.trees, seed: SEED, sampling: 'balanced', perClass: opts.perClass, minNumSamples: opts.minNumSamples, maxBins: FOREST.maxBins });
	return { flat, scores: predictOutput(flat, flatRows(rows.X), rows.y.length) };
}

function roundMetrics(m: ClassificationMetrics): ClassificationMetrics {
	const r = (v: number | null) => (v === null ? null : round(v, 4));
	const out: ClassificationMetrics = { ...m, rocAuc: r(m.rocAuc), prAuc: r(m.prAuc), brier: r(m.brier), logLoss: r(m.logLoss) };
	if (m.reliability) out.reliability = m.reliability.map((b) => ({ ...b, low: round(b.low, 4), high: round(b.high, 4), meanPredicted: b.meanPredicted === null ? null : round(b.meanPredicted, 4), observedRate: b.observedRate === null ? null : round(b.observedRate, 4) }));
	return out;
}

function rangeOf(values: number[]): InputRange {
	const sorted = Float64Array.from(values).sort();
	return { min: sorted[0], max: sorted[sorted.length - 1], p01: quantile(sorted, 0.01), p99: quantile(sorted, 0.99) };
}

export async function trainDeal(opts: { dataDir: string; outDir: string; exportFeaturesDir?: string }): Promise<DealArtifact> {
	let t0 = performance.now();
	const { launches, files } = readLaunches(opts.dataDir);
	const split = splitLaunches(launches);
	const { history } = split;
	const base = { baseFillRate: round(history.baseFillRate, 10), priorLaunches: PRIOR_LAUNCHES };
	const nFit = Math.floor(split.train.length * (1 - VALIDATION_SHARE));
	const fit = split.train.slice(0, nFit);
	const validation = split.train.slice(nFit);
	console.log(`BeiBei: ${split.total.toLocaleString('en-US')} launches; history half ${history.launches.toLocaleString('en-US')} (fill rate ${history.baseFillRate.toFixed(4)}); train ${split.train.length.toLocaleString('en-US')} (fit ${fit.length.toLocaleString('en-US')} + validation ${validation.length.toLocaleString('en-US')}), test ${split.test.length.toLocaleString('en-US')} (${((performance.now() - t0) / 1000).toFixed(1)} s to read)`);
	const known = (l: Launch) => history.of(l);

	// 1. Features: does the organiser's record of joining others' deals add anything on validation?
	t0 = performance.now();
	const selection: DealSelectionRow[] = [];
	const tryForest = (features: DealFeature[], perClass: number, minNumSamples: number) => {
		const enc = { ...base, features };
		const { flat, scores } = forestScores(rowsOf(validation, known, enc), rowsOf(fit, known, enc), { trees: FOREST.selectionTrees, perClass, minNumSamples });
		const row: DealSelectionRow = { features: features.join(' + '), perClass, minNumSamples, trees: FOREST.selectionTrees, validationRocAuc: round(rocAuc(validation.map((l) => l.filled), scores)!, 4), nodes: flat.feature.length, chosen: false };
		selection.push(row);
		return row;
	};
	const first = { perClass: FOREST.perClass[0], minNumSamples: FOREST.minNumSamples[0] };
	// The item's record alone, to show how much the organiser's record adds (see the cap below).
	const itemOnly = tryForest(['itemLaunches', 'itemFillRate'], first.perClass, first.minNumSamples);
	const baseRow = tryForest(BASE_FEATURES, first.perClass, first.minNumSamples);
	const withJoins = tryForest([...BASE_FEATURES, 'organiserJoins'], first.perClass, first.minNumSamples);
	const features = withJoins.validationRocAuc >= baseRow.validationRocAuc + FEATURE_GAIN ? [...BASE_FEATURES, 'organiserJoins' as const] : BASE_FEATURES;

	// 2. Forest size on validation: the smallest forest within FOREST.tolerance AUC of the best.
	for (const perClass of FOREST.perClass)
		for (const minNumSamples of FOREST.minNumSamples) {
			if (selection.some((r) => r.features === features.join(' + ') && r.perClass === perClass && r.minNumSamples === minNumSamples)) continue;
			tryForest(features, perClass, minNumSamples);
		}
	const candidates = selection.filter((r) => r.features === features.join(' + '));
	const best = Math.max(...candidates.map((r) => r.validationRocAuc));
	const chosen = candidates.filter((r) => r.validationRocAuc >= best - FOREST.tolerance).sort((a, b) => a.nodes - b.nodes)[0];
	chosen.chosen = true;
	console.log(`\ndeal model selection on ${validation.length.toLocaleString('en-US')} validation launches (${FOREST.selectionTrees} trees each, ${((performance.now() - t0) / 1000).toFixed(0)} s):`);
	printTable(selection.map((r) => ({ features: r.features, perClass: r.perClass, minSamples: r.minNumSamples, 'val AUC': r.validationRocAuc, nodes: r.nodes, chosen: r.chosen ? 'yes' : '' })));

	// 3. The forest on the fit launches; calibration chosen and fitted on validation launches.
	t0 = performance.now();
	const encoders: DealEncoders = { ...base, features };
	const fitRows = rowsOf(fit, known, encoders);
	const valRows = rowsOf(validation, known, encoders);
	const testRows = rowsOf(split.test, known, encoders);
	const { flat, scores: valScores } = forestScores(valRows, fitRows, { trees: FOREST.trees, perClass: chosen.perClass, minNumSamples: chosen.minNumSamples });
	const forestSeconds = (performance.now() - t0) / 1000;
	const calibration = chooseCalibration(valScores, valRows.y);
	const testScores = predictOutput(flat, flatRows(testRows.X), testRows.y.length);
	const forestP = calibrateMany(calibration, testScores);
	const forestMetrics = classificationMetrics(testRows.y, forestP);

	// 4. Logistic model on the same features (counts as log1p), fitted on the fit launches.
	const logistic = fitLogistic(Float64Array.from(fitRows.X.flatMap((r) => logisticInputs(r, features))), fitRows.y, features.length, { l2: 1e-6 });
	const logisticP = testRows.X.map((r) => predictLogistic(logistic, logisticInputs(r, features)));
	const logisticMetrics = classificationMetrics(testRows.y, logisticP);

	// 5. Naive baselines: the item's (shrunk) fill rate alone, and the base rate for everyone.
	const itemRate = split.test.map((l) => allDealFeatures(known(l), base).itemFillRate);
	const itemRateMetrics = classificationMetrics(testRows.y, itemRate);

	// BeiBei keeps at most 2 filled deals per organiser (one in tune.txt, one in test.txt: the
	// paper's own evaluation split) but every failed one. An organiser whose 2 fills are both in the
	// counted half cannot fill again in this data, and the model learns that. How well does it rank
	// the launches the cap does not decide?
	const maxFills = split.train.reduce((m, l) => Math.max(m, known(l).organiserFills), 0);
	const open = split.test.map((l, i) => (known(l).organiserFills < ORGANISER_FILL_CAP ? i : -1)).filter((i) => i >= 0);
	const atOpen = (p: ArrayLike<number>) => rocAuc(pick(testRows.y, Uint32Array.from(open)), pick(p, Uint32Array.from(open)));
	const cap = {
		organiserFillCap: ORGANISER_FILL_CAP,
		largestOrganiserFillsSeen: maxFills,
		capped: { launches: split.test.length - open.length, filled: split.test.filter((l) => known(l).organiserFills >= ORGANISER_FILL_CAP).reduce((a, l) => a + l.filled, 0) },
		open: { launches: open.length, forestRocAuc: round(atOpen(forestP)!, 4), itemRateRocAuc: round(atOpen(itemRate)!, 4), logisticRocAuc: round(atOpen(logisticP)!, 4) },
		itemOnlyValidationRocAuc: itemOnly.validationRocAuc,
		allValidationRocAuc: baseRow.validationRocAuc
	};
	console.log(`organisers' fills in the counted half: at most ${maxFills}. Test launches whose organiser already has ${ORGANISER_FILL_CAP} fills: ${cap.capped.launches.toLocaleString('en-US')} (${cap.capped.filled} filled). On the other ${open.length.toLocaleString('en-US')}: forest ROC AUC ${cap.open.forestRocAuc}, item fill rate ${cap.open.itemRateRocAuc}, logistic ${cap.open.logisticRocAuc}. Validation: item features alone ${cap.itemOnlyValidationRocAuc}, with the organiser's ${cap.allValidationRocAuc}.`);
	const baseRateMetrics = classificationMetrics(testRows.y, split.test.map(() => base.baseFillRate));

	// 6. scikit-learn on exactly these features and rows (the train rows are fit + validation, as the reference script).
	const trainAll = rowsOf(split.train, known, encoders);
	const csv = { train: featureCsv(features, 'filled', flatRows(trainAll.X), trainAll.y), test: featureCsv(features, 'filled', flatRows(testRows.X), testRows.y) };
	if (opts.exportFeaturesDir) exportFeatures(opts.exportFeaturesDir, 'deal', csv);
	const references = sklearnComparisons<ClassificationMetrics>('group-buy-deal', csv, roundMetrics);

	const itemRateRow: NamedMetrics<ClassificationMetrics> = { name: "Item's fill rate alone", description: `The item's past fill rate in the history half, shrunk towards the base rate by ${PRIOR_LAUNCHES} launches, used as the probability.`, metrics: roundMetrics(itemRateMetrics) };
	const baseRateRow: NamedMetrics<ClassificationMetrics> = { name: 'Base rate for every deal', description: `Every deal gets the history half's fill rate (${(base.baseFillRate * 100).toFixed(1)}%).`, metrics: roundMetrics(baseRateMetrics) };
	const aucOf = (p: ArrayLike<number>) => (rows: Uint32Array) => rocAuc(pick(testRows.y, rows), pick(p, rows));
	const d = pairedBootstrap(testRows.y.length, aucOf(forestP), aucOf(itemRate), { seed: SEED, metric: 'rocAuc', baseline: itemRateRow.name, resamples: BOOTSTRAP_RESAMPLES });
	if (!d) throw new Error('ROC AUC is undefined on the test launches');
	const report: ClassificationReport = {
		task: 'classification',
		rowNoun: { one: 'launch', many: 'launches' },
		model: roundMetrics(forestMetrics),
		baselines: [itemRateRow, baseRateRow],
		comparisons: [
			{ name: 'Logistic regression', description: `L2 logistic regression on the same features (launch counts as log1p), fitted on the same launches: the other model for comparison.`, role: 'shipped-model', metrics: roundMetrics(logisticMetrics) } satisfies Comparison<ClassificationMetrics>,
			...references
		],
		headline: { metric: 'rocAuc', lowerIsBetter: false },
		vsBestBaseline: { metric: d.metric, baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
	};
	console.log(`\ndeal fill on ${testRows.y.length.toLocaleString('en-US')} test launches (forest trained in ${forestSeconds.toFixed(0)} s, ${calibration.method} calibration):`);
	const cells = (m: ClassificationMetrics) => ({ 'ROC AUC': m.rocAuc ?? NaN, 'PR AUC': m.prAuc ?? NaN, Brier: m.brier ?? NaN, 'log loss': m.logLoss ?? NaN });
	printTable([
		{ model: `Flat forest, ${FOREST.trees} trees, calibrated`, ...cells(forestMetrics) },
		{ model: 'Logistic regression', ...cells(logisticMetrics) },
		{ model: itemRateRow.name, ...cells(itemRateMetrics) },
		{ model: baseRateRow.name, ...cells(baseRateMetrics) },
		...references.map((r) => ({ model: r.name, ...cells(r.metrics) }))
	]);
	console.log(`forest minus item fill rate, ROC AUC: ${d.difference.toFixed(4)} (95% paired bootstrap ${d.low.toFixed(4)} to ${d.high.toFixed(4)})`);

	// 7. The artifact.
	const trainHistories = split.train.map(known);
	const typical = Object.fromEntries(DEAL_HISTORY_FIELDS.map((k) => [k, Math.round(quantile(trainHistories.map((h) => h[k]), 0.5))])) as unknown as DealHistory;
	const inputRanges = Object.fromEntries(DEAL_HISTORY_FIELDS.map((k) => [k, rangeOf(trainHistories.map((h) => h[k]))]));
	return writeArtifact<DealArtifact>(join(opts.outDir, GROUP_BUY_TOOL, 'deal.json'), {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GROUP_BUY_TOOL,
		modelId: 'deal',
		version: VERSION,
		contentHash: '',
		modelKind: 'random-forest-classification',
		label: `Random forest, ${FOREST.trees} trees, ${calibration.method} calibration`,
		features: features.map((f) => DEAL_FEATURE_LABELS[f]),
		inputRanges,
		provenance: {
			source: 'BeiBei group-buying records (Sweetnow/group-buying-recommendation, ICDE 2021): who launched a group deal on which item, who joined, and whether it filled. IDs only.',
			licence: 'MIT (the repository\'s LICENSE). Only model parameters and aggregate counts are shipped.',
			synthetic: false,
			rows: split.total,
			period: ['', ''],
			split: `No timestamps: all ${split.total.toLocaleString('en-US')} launches shuffled with Python's random.Random(42) (as ../shared/bench/groupbuy_baselines.py); the first half is only counted (each item's and organiser's launches and fills, who joined), the second half is predicted: its first ${TRAIN_SHARE * 100}% train (of which the last ${VALIDATION_SHARE * 100}% validate), the last ${Math.round((1 - TRAIN_SHARE) * 100)}% test. No launch's own outcome enters its features; a counted launch may have happened after the one it informs.`,
			trainRows: fit.length,
			testRows: split.test.length,
			dataHash: hashFiles(files)
		},
		metrics: report,
		hyperparameters: { library: 'ml-random-forest 2.1.0 (flat forest)', trees: FOREST.trees, sampling: `balanced: ${chosen.perClass} filled + ${chosen.perClass} failed launches per tree`, minSamplesToSplit: chosen.minNumSamples, trainingBins: FOREST.maxBins, calibration: `${calibration.method}, fitted on ${validation.length} validation launches`, chosenOn: `${validation.length} validation launches (the last ${VALIDATION_SHARE * 100}% of the training launches)`, seed: SEED },
		encoders,
		forest: bytesToBase64(encodeFlatForest(flat)),
		calibration: roundCalibration(calibration),
		logistic: { ...logistic, mean: logistic.mean.map((v) => round(v, 10)), std: logistic.std.map((v) => round(v, 10)), weights: logistic.weights.map((v) => round(v, 10)), intercept: round(logistic.intercept, 10) },
		selection,
		cap,
		typical,
		history: { launches: history.launches, fills: history.fills, items: history.itemLaunches.size, organisers: history.organiserLaunches.size }
	});
}

/**
 * Isotonic or Platt: each is fitted on one half of the validation launches and scored (Brier) on
 * the other half; the better one is then fitted on all validation launches.
 */
function chooseCalibration(scores: ArrayLike<number>, y: readonly number[]): Calibration {
	const half = Math.floor(y.length / 2);
	const a = { s: Array.from(scores).slice(0, half), y: y.slice(0, half) };
	const b = { s: Array.from(scores).slice(half), y: y.slice(half) };
	const iso = brierScore(b.y, calibrateMany(fitIsotonic(a.s, a.y), b.s))!;
	const platt = brierScore(b.y, calibrateMany(fitPlatt(a.s, a.y), b.s))!;
	console.log(`calibration on half the validation launches, Brier on the other half: isotonic ${iso.toFixed(5)}, Platt ${platt.toFixed(5)}`);
	return iso <= platt ? fitIsotonic(scores, y) : fitPlatt(scores, y);
}

function roundCalibration(c: Calibration): Calibration {
	if (c.method === 'platt') return { ...c, a: round(c.a, 10), b: round(c.b, 10) };
	return { ...c, x: c.x.map((v) => round(v, 10)), y: c.y.map((v) => round(v, 10)) };
}
