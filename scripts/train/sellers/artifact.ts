/**
 * Step 5 of the seller finder's training: the model artifact (model.json) assembled from what the
 * earlier steps measured.
 */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ClassificationMetrics, type ClassificationReport, type InputRange, type NamedMetrics } from '../../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../../src/lib/core/base64.ts';
import { encodeFlatForest } from '../../../src/lib/core/forest/flat.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import { monthLabel } from '../../../src/lib/sellers/calendar.ts';
import { ALL_FEATURES } from '../../../src/lib/sellers/features.ts';
import { marketParameterTable } from '../../../src/lib/sellers/generator.ts';
import { FEATURE_LABELS } from '../../../src/lib/sellers/labels.ts';
import { SELLERS_TOOL, type ForestPart, type SellersModelArtifact } from '../../../src/lib/sellers/model.ts';
import { round } from '../io.ts';
import type { CoverageRows } from './coverage.ts';
import { describeSplit, stack, type SplitPlan, type TrainingMarket } from './data.ts';
import { calibratedMetricsOf, CALIBRATION_LISTS } from './evaluate.ts';
import type { FittedForest } from './final.ts';
import type { CandidateChoice, LeafRounding } from './selection.ts';
import { columnsOf, COVERAGE, SELECTION_RULE, SPREAD, TARGET, TRAINING_MARKET, TREES, VERSION } from './settings.ts';
import type { TestBaselines, TestComparison } from './test-month.ts';

/** Everything the training steps produced that the artifact records. */
export interface SellersTraining {
	market: TrainingMarket;
	plan: SplitPlan;
	choice: CandidateChoice;
	leafRounding: LeafRounding;
	main: FittedForest;
	perUser: FittedForest;
	test: TestBaselines;
	modelMetrics: ClassificationMetrics;
	comparisons: ClassificationReport['comparisons'];
	comparison: TestComparison;
	coverageRows: CoverageRows;
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

const period = (): [string, string] => [monthLabel(TRAINING_MARKET.startMonth), monthLabel(TRAINING_MARKET.startMonth + TRAINING_MARKET.months - 1)];

function perUserReport(fit: FittedForest, baselines: NamedMetrics<ClassificationMetrics>[]): ClassificationReport {
	return { task: 'classification', rowNoun: { one: 'candidate user', many: 'candidate users' }, model: calibratedMetricsOf(fit.te.y, fit.rawTest, fit.pTest), baselines, comparisons: [], headline: { metric: 'prAuc', lowerIsBetter: false } };
}

function part(fit: FittedForest, label: string): ForestPart & { label: string } {
	return { features: [...fit.names], forest: bytesToBase64(encodeFlatForest(fit.flat)), calibration: fit.choice.calibration, countSpread: fit.countSpread, label };
}

function testReport(t: SellersTraining): ClassificationReport {
	const vs = t.comparison.vs;
	return {
		task: 'classification',
		rowNoun: { one: 'candidate user', many: 'candidate users' },
		model: t.modelMetrics,
		baselines: t.test.baselines,
		comparisons: t.comparisons,
		headline: { metric: 'prAuc', lowerIsBetter: false },
		...(vs ? { vsBestBaseline: { metric: vs.metric, baseline: vs.baseline, difference: round(vs.difference, 4), low: round(vs.low, 4), high: round(vs.high, 4), level: vs.level, resamples: vs.resamples, seed: vs.seed } } : {})
	};
}

function hyperparameters(choice: CandidateChoice, method: string): SellersModelArtifact['hyperparameters'] {
	const config = choice.chosen.config;
	return {
		trees: TREES,
		maxDepth: config.maxDepth,
		minNumSamples: config.minNumSamples,
		rowsPerClassPerTree: config.perClass,
		sampling: 'balanced (equal positives and negatives, with replacement)',
		trainingBins: config.maxBins,
		gainThreshold: 0,
		features: choice.chosen.set,
		calibration: method
	};
}

function splitMonths(plan: SplitPlan): SellersModelArtifact['split'] {
	return {
		description: describeSplit(plan),
		train: [monthLabel(plan.train[0]), monthLabel(plan.train[1])],
		validation: [monthLabel(plan.validation[0]), monthLabel(plan.validation[1])],
		calibration: monthLabel(plan.calibration),
		test: monthLabel(plan.test),
		coverage: [monthLabel(plan.coverage[0]), monthLabel(plan.coverage[1])]
	};
}

function calibrationChoice(main: FittedForest, plan: SplitPlan): SellersModelArtifact['calibrationChoice'] {
	return {
		method: main.choice.method,
		heldOutLogLoss: main.choice.heldOutLogLoss,
		heldOutListError: main.choice.heldOutListError,
		note: `Chosen on ${monthLabel(plan.calibration)} alone: each method fitted on one half of its users and scored on the other, both ways round, by how well it predicts the number of active sellers in that half's top ${CALIBRATION_LISTS.map((x) => `${x * 100}%`).join(' and ')} of scores (the sum of (expected - actual)² / expected; the page's lists come from the top), not by log loss over all rows, which the bulk of near-zero probabilities decides. Ranking figures come from the forest's own score, which breaks the ties of a calibration step exactly as the page does.`
	};
}

function coverage(t: SellersTraining): SellersModelArtifact['coverage'] {
	const { plan, main } = t;
	return {
		level: COVERAGE.level,
		months: [monthLabel(plan.coverage[0]), monthLabel(plan.coverage[1])],
		bySize: t.coverageRows,
		note:
			`Lists: the top N by score for the 3 lowest-stock categories, for all categories and for random sets of 3, in each held-out month. The interval treats users as independent with the probabilities shown, times one factor common to the list for the calibration's own uncertainty (log-scale SD ${main.countSpread}, from ${SPREAD.resamples} refits of the calibration on resamples of ${monthLabel(plan.calibration)}); it leaves out users influencing one another and any effect of the invitation itself.`
	};
}

/** The unsealed artifact (contentHash empty); keys in the order the shipped file has them. */
export function buildSellersArtifact(t: SellersTraining): SellersModelArtifact {
	const { market, plan, main } = t;
	const log = market.data.log;
	return {
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
			period: period(),
			split: describeSplit(plan),
			trainRows: main.tr.n,
			testRows: main.te.n,
			dataHash: `generator seed ${TRAINING_MARKET.seed}`
		},
		metrics: testReport(t),
		hyperparameters: hyperparameters(t.choice, main.choice.method),
		target: TARGET,
		perUser: { ...part(t.perUser, 'Random forest on the original 12 monthly counts'), metrics: perUserReport(t.perUser, t.test.baselines) },
		featureLabels: Object.fromEntries(ALL_FEATURES.map((f) => [f, FEATURE_LABELS[f]])),
		generator: { parameters: marketParameterTable(TRAINING_MARKET), seed: TRAINING_MARKET.seed, months: TRAINING_MARKET.months, users: market.truth.users, events: log.n, period: period() },
		split: splitMonths(plan),
		selection: t.choice.selection,
		selectionRule: SELECTION_RULE,
		validationRules: t.choice.validationRules,
		leafRounding: t.leafRounding,
		testVsBestBaseline: t.comparison.testVsBestBaseline,
		calibrationChoice: calibrationChoice(main, plan),
		coverage: coverage(t)
	};
}
