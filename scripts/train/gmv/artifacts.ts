/**
 * Step 9 of the GMV forecast's training: the artifacts. forest.json (the forest without recent GMV
 * and, inside it, the forecast from recent GMV), network.json, and context.json (calendars, budgets,
 * the start week and the page's first answer from the shipped models).
 */
import { join } from 'node:path';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Comparison, type InputRange, type Provenance, type RegressionMetrics } from '../../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../../src/lib/core/base64.ts';
import { encodeFlatForest } from '../../../src/lib/core/forest/flat.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import type { GmvContext, GmvForestArtifact, GmvNetworkArtifact } from '../../../src/lib/gmv/artifacts.ts';
import { GMV_TOOL } from '../../../src/lib/gmv/artifacts.ts';
import { weekDays, weekStart, type GmvCalendar } from '../../../src/lib/gmv/calendar.ts';
import type { GmvScenario } from '../../../src/lib/gmv/features.ts';
import { forestModel, networkModel } from '../../../src/lib/gmv/predict.ts';
import { RECENT_FEATURES, RECENT_WEEKS } from '../../../src/lib/gmv/recent.ts';
import { CHANNELS } from '../../../src/lib/gmv/schema.ts';
import { WEEKS_PER_MONTH, type ChannelSpend } from '../../../src/lib/gmv/spend.ts';
import { startPredictions } from '../../../src/lib/gmv/startWeek.ts';
import { RECENT } from '../gmv-recent.ts';
import { hashFiles, round, writeArtifact } from '../io.ts';
import { mapValues, typicalInputs, type GmvFeatures, type GmvFiles, type WeeklyRows } from './data.ts';
import type { GmvForestFit } from './forest.ts';
import type { GmvNetworkFit } from './network.ts';
import { roundInterval, type GmvRanges } from './ranges.ts';
import { FIRST_TEST_WEEK, FOREST, NETWORK, SEED, START, VALIDATION_START, VERSION } from './settings.ts';
import { roundMetrics, testReport, type RecentFit, type TestWeeks } from './test-weeks.ts';

/** Everything the training steps produced that the artifacts record. */
export interface GmvTraining {
	files: GmvFiles;
	data: WeeklyRows;
	calendar: GmvCalendar;
	monthlyBudget: Record<string, ChannelSpend>;
	features: GmvFeatures;
	recent: RecentFit;
	forest: GmvForestFit;
	network: GmvNetworkFit;
	ranges: GmvRanges;
	testWeeks: TestWeeks;
}

function rangesOf(scenarios: GmvScenario[]): Record<string, InputRange> {
	const pick: Record<string, (s: GmvScenario) => number> = {
		product_mrp: (s) => s.productMrp,
		discount: (s) => s.discount,
		sla: (s) => s.sla,
		procurement_sla: (s) => s.procurementSla,
		NPS: (s) => s.nps,
		...Object.fromEntries(CHANNELS.map((c) => [c, (s: GmvScenario) => s.weeklySpend[c]]))
	};
	return mapValues(pick, (f) => {
		const v = scenarios.map(f);
		return { min: round(Math.min(...v)), max: round(Math.max(...v)), p01: round(quantile(v, 0.01)), p99: round(quantile(v, 0.99)) };
	});
}

function scaleRange(r: InputRange, k: number): InputRange {
	return { min: round(r.min * k), max: round(r.max * k), p01: round(r.p01 * k), p99: round(r.p99 * k) };
}

function columnMeans(X: Float64Array, width: number): number[] {
	const sums = new Array<number>(width).fill(0);
	for (let i = 0; i < X.length; i++) sums[i % width] += X[i];
	return sums.map((s) => s / (X.length / width));
}

function provenanceOf(files: GmvFiles, data: WeeklyRows): Provenance {
	return {
		source: 'ElecKart weekly market-mix data (Indian consumer-electronics marketplace), July 2015 to June 2016: weekly GMV of 14 product sub-categories with prices, discounts, SLAs, marketing spend by channel, NPS and sale weeks.',
		licence: 'From a public course capstone; no licence stated. Used for training and evaluation only; no rows are shipped.',
		synthetic: false,
		rows: data.rows.length,
		period: ['2015-07-01', '2016-06-30'],
		split: `Time split: weeks 1-${FIRST_TEST_WEEK - 1} train, the last weeks ${FIRST_TEST_WEEK}-${data.lastWeek} (${weekStart(FIRST_TEST_WEEK)} onwards) of every sub-category held out.`,
		trainRows: data.train.length,
		testRows: data.test.length,
		dataHash: hashFiles(files.all)
	};
}

/** The fields the three files share: format, tool, version, features, input ranges and provenance. */
function artifactHeader(t: GmvTraining) {
	return {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GMV_TOOL,
		version: VERSION,
		features: t.features.names,
		inputRanges: rangesOf(t.data.train.map((r) => r.scenario)),
		provenance: provenanceOf(t.files, t.data),
		contentHash: ''
	} as const;
}

type ArtifactHeader = ReturnType<typeof artifactHeader>;

/** The test-week comparisons every model card shows (the shipped models besides itself). */
function shippedRows(t: GmvTraining): Record<'forest' | 'network' | 'recent', Comparison<RegressionMetrics>> {
	const description = 'Another model shipped for this tool (a comparison, not a baseline).';
	return {
		forest: { name: `Random forest without recent GMV (${FOREST.nEstimators} trees)`, description, role: 'shipped-model', metrics: roundMetrics(t.forest.metrics) },
		network: { name: `Network ${NETWORK.hidden.join('-')} without recent GMV`, description, role: 'shipped-model', metrics: roundMetrics(t.network.metrics) },
		recent: { name: 'Forecast from recent GMV (forest)', description: 'The default model when the recent weeks’ GMV is known (a comparison, not a baseline).', role: 'shipped-model', metrics: roundMetrics(t.recent.metrics) }
	};
}

function recentPart(t: GmvTraining, shipped: ReturnType<typeof shippedRows>): GmvForestArtifact['recent'] {
	const recent = t.recent.recent;
	return {
		label: `Forecast from recent GMV: a random forest of ${RECENT.trees} trees on the log ratio to the trailing ${RECENT_WEEKS}-week median`,
		features: [...RECENT_FEATURES],
		encoders: { typical: recent.encoders.typical, shrink: recent.encoders.shrink },
		forest: recent.forest,
		interval: roundInterval(recent.interval),
		metrics: testReport(t.recent, t.features.ytest, t.recent.metrics, [shipped.forest, shipped.network], recent.testPred),
		validation: {
			weeks: [VALIDATION_START, FIRST_TEST_WEEK - 1],
			wape: round(recent.validationWape, 4),
			baselines: recent.baselines.map((b) => ({ name: b.name, wape: round(b.validationWape, 4) }))
		},
		hyperparameters: { library: 'ml-random-forest 2.1.0', trees: RECENT.trees, minSamplesToSplit: recent.leaf, maxFeatures: recent.maxFeatures, shrinkTowardMedian: recent.encoders.shrink, quantised: recent.quantised.leafDigits === null ? false : `shortest split values that route every training row as before; leaf values to ${recent.quantised.leafDigits} significant digits (validation WAPE ${recent.quantised.wape.toFixed(4)}, unrounded ${recent.quantised.fullWape.toFixed(4)})`, chosenFrom: `leaf sizes ${RECENT.leafSizes.join(', ')} x max features ${RECENT.maxFeatures.join(', ')} x shrink ${RECENT.shrinks.join(', ')}`, chosenOn: `validation weeks ${VALIDATION_START}-${FIRST_TEST_WEEK - 1} (fitted on weeks 2-${VALIDATION_START - 1})`, seed: SEED, target: `log((GMV + 1) / (trailing ${RECENT_WEEKS}-week median + 1))` }
	};
}

async function writeForestArtifact(outDir: string, t: GmvTraining, header: ArtifactHeader, shipped: ReturnType<typeof shippedRows>): Promise<GmvForestArtifact> {
	const { forest, features } = t;
	return writeArtifact<GmvForestArtifact>(join(outDir, 'gmv', 'forest.json'), {
		...header,
		features: features.names,
		modelId: 'forest',
		modelKind: 'random-forest-regression',
		label: `Random forest, ${FOREST.nEstimators} trees`,
		metrics: testReport(t.recent, features.ytest, forest.metrics, [shipped.recent, shipped.network, ...t.testWeeks.references], forest.testPred),
		interval: t.ranges.forest,
		recent: recentPart(t, shipped),
		hyperparameters: { library: 'ml-random-forest 2.1.0', trees: FOREST.nEstimators, maxFeatures: FOREST.maxFeatures, minSamplesToSplit: forest.minNumSamples, maxDepth: forest.maxDepth, quantised: forest.leafDigits === null ? false : `shortest split values that route every training row as before; leaf values to ${forest.leafDigits} significant digits`, chosenFrom: `leaf sizes ${FOREST.leafSizes.join(', ')} x depths ${FOREST.depths.join(', ')}`, chosenOn: `validation weeks ${FIRST_TEST_WEEK - FOREST.validationWeeks}-${FIRST_TEST_WEEK - 1} (inside training)`, bootstrap: true, seed: SEED, target: 'GMV in rupees' },
		encoders: features.encoders,
		forest: bytesToBase64(encodeFlatForest(forest.flat))
	});
}

async function writeNetworkArtifact(outDir: string, t: GmvTraining, header: ArtifactHeader, shipped: ReturnType<typeof shippedRows>): Promise<GmvNetworkArtifact> {
	const { features } = t;
	const network = t.network.network;
	return writeArtifact<GmvNetworkArtifact>(join(outDir, 'gmv', 'network.json'), {
		...header,
		features: features.names,
		modelId: 'network',
		modelKind: 'mlp-regression',
		label: `Neural network ${NETWORK.hidden.join('-')}, trained with TensorFlow.js`,
		metrics: testReport(t.recent, features.ytest, t.network.metrics, [shipped.recent, shipped.forest, ...t.testWeeks.references], t.network.testPred),
		interval: t.ranges.network,
		hyperparameters: { library: 'TensorFlow.js 4 (CPU backend)', layers: NETWORK.hidden.join('-') + '-1', activation: 'relu', epochs: NETWORK.epochs, batch: 'full', optimizer: 'adam', learningRate: NETWORK.learningRate, l2: NETWORK.l2, seed: SEED, target: 'log1p(GMV), standardised' },
		encoders: features.encoders,
		scaler: { mean: network.scaler.mean.map((v) => round(v, 8)), std: network.scaler.std.map((v) => round(v, 8)) },
		target: { ...network.target, mean: round(network.target.mean, 10), std: round(network.target.std, 10) },
		reference: columnMeans(features.Xtrain, features.width).map((v) => round(v, 8)),
		network: network.serialized
	});
}

function startWeekOf(t: GmvTraining): GmvContext['startWeek'] {
	const start = t.data.rows.find((r) => r.week === START.week && r.scenario.subCategory === START.subCategory);
	if (!start) throw new Error(`start week ${START.week} ${START.subCategory} not in the data`);
	return {
		date: weekDays(START.week)[3],
		week: START.week,
		subCategory: START.subCategory,
		productMrp: round(start.scenario.productMrp),
		discount: round(start.scenario.discount),
		sla: round(start.scenario.sla),
		procurementSla: round(start.scenario.procurementSla),
		actualGmv: round(start.gmv, 10),
		recentGmv: (start.recent ?? []).map((v) => round(v, 10))
	};
}

async function writeContext(outDir: string, t: GmvTraining, header: ArtifactHeader, forestArtifact: GmvForestArtifact, networkArtifact: GmvNetworkArtifact): Promise<void> {
	const { validationWape, between } = t.testWeeks;
	const startWeek = startWeekOf(t);
	// The models without recent GMV, ranked on the validation weeks (never on the test weeks).
	const ranking = [
		{ id: forestArtifact.modelId, wape: validationWape.forest },
		{ id: networkArtifact.modelId, wape: validationWape.network }
	].sort((a, b) => a.wape - b.wape);
	const heldOutGmv: Record<string, Record<string, number>> = {};
	for (const r of t.data.rows.filter((r) => r.week >= FIRST_TEST_WEEK - RECENT_WEEKS)) (heldOutGmv[r.scenario.subCategory] ??= {})[String(r.week)] = round(r.gmv, 10);
	const context: GmvContext = {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GMV_TOOL,
		modelId: 'context',
		version: VERSION,
		provenance: header.provenance,
		calendar: t.calendar,
		monthlyBudget: t.monthlyBudget,
		typicalInputs: typicalInputs(t.data.train),
		budgetRanges: Object.fromEntries(CHANNELS.map((c) => [`budget_${c}`, scaleRange(header.inputRanges[c], WEEKS_PER_MONTH)])),
		startWeek,
		heldOutGmv,
		varianceBetweenSubCategories: round(between, 4),
		modelRanking: ranking.map((r) => r.id),
		models: { forest: 'forest.json', network: 'network.json' },
		contentHash: ''
	};
	// The page's first answer, in its HTML before any model is fetched: the shipped models' own.
	context.startPredictions = startPredictions(context, [forestModel(forestArtifact), networkModel(networkArtifact)]);
	await writeArtifact<GmvContext>(join(outDir, 'gmv', 'context.json'), context);
}

/** Step 9: writes forest.json, network.json and context.json under `outDir`/gmv. */
export async function writeGmvArtifacts(outDir: string, t: GmvTraining): Promise<void> {
	const header = artifactHeader(t);
	const shipped = shippedRows(t);
	const forestArtifact = await writeForestArtifact(outDir, t, header, shipped);
	const networkArtifact = await writeNetworkArtifact(outDir, t, header, shipped);
	await writeContext(outDir, t, header, forestArtifact, networkArtifact);
}
