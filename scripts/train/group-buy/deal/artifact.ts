/**
 * The deal artifact: the forest, its calibration and the logistic model, the encoders, the
 * selection, the cap figures, a typical launch's history and where the data came from.
 */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ClassificationReport, type InputRange } from '../../../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../../../src/lib/core/base64.ts';
import { encodeFlatForest } from '../../../../src/lib/core/forest/flat.ts';
import { quantile } from '../../../../src/lib/core/metrics.ts';
import { GROUP_BUY_TOOL, type DealArtifact } from '../../../../src/lib/group-buy/artifact.ts';
import { DEAL_FEATURE_LABELS, DEAL_HISTORY_FIELDS, type DealHistory } from '../../../../src/lib/group-buy/deal.ts';
import { hashFiles, round } from '../../io.ts';
import { TRAIN_SHARE } from '../beibei.ts';
import { roundCalibration } from './calibration.ts';
import type { DealLaunches } from './data.ts';
import type { DealModels } from './models.ts';
import type { DealChoice } from './selection.ts';
import { FOREST, SEED, VALIDATION_SHARE, VERSION } from './settings.ts';

/** Every step's result the artifact is built from. */
export interface DealTraining {
	launches: DealLaunches;
	choice: DealChoice;
	models: DealModels;
	cap: DealArtifact['cap'];
	report: ClassificationReport;
}

/** The smallest, largest, 1st and 99th percentile of a feature. */
function rangeOf(values: number[]): InputRange {
	const sorted = Float64Array.from(values).sort();
	return { min: sorted[0], max: sorted[sorted.length - 1], p01: quantile(sorted, 0.01), p99: quantile(sorted, 0.99) };
}

/** The deal artifact, its content hash still empty (writeArtifact fills it). */
export function buildDealArtifact({ launches, choice, models, cap, report }: DealTraining): DealArtifact {
	const { split, files, fit, validation, known } = launches;
	const { history } = split;
	const { features, chosen, selection } = choice;
	const { encoders, calibration, logistic } = models;
	const trainHistories = split.train.map(known);
	const typical = Object.fromEntries(DEAL_HISTORY_FIELDS.map((k) => [k, Math.round(quantile(trainHistories.map((h) => h[k]), 0.5))])) as unknown as DealHistory;
	const inputRanges = Object.fromEntries(DEAL_HISTORY_FIELDS.map((k) => [k, rangeOf(trainHistories.map((h) => h[k]))]));
	return {
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
		forest: bytesToBase64(encodeFlatForest(models.flat)),
		calibration: roundCalibration(calibration),
		logistic: { ...logistic, mean: logistic.mean.map((v) => round(v, 10)), std: logistic.std.map((v) => round(v, 10)), weights: logistic.weights.map((v) => round(v, 10)), intercept: round(logistic.intercept, 10) },
		selection,
		cap,
		typical,
		history: { launches: history.launches, fills: history.fills, items: history.itemLaunches.size, organisers: history.organiserLaunches.size }
	};
}
