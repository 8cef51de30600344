/**
 * The segments artifact: the shipped model, its profiles and first view, the selection and the
 * baseline, the card's summary and where the data came from.
 */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Provenance } from '../../../src/lib/core/artifact/types.ts';
import { clusteringMetrics } from '../../../src/lib/core/metrics/clustering.ts';
import type { RfmBaseline, SegmentsArtifact } from '../../../src/lib/segments/artifact.ts';
import { SEGMENTS_TOOL } from '../../../src/lib/segments/model.ts';
import { hashFiles, round } from '../io.ts';
import type { TrainingAnalysis } from './assignment.ts';
import type { TrainingCustomers } from './data.ts';
import type { ShippedClusters } from './profiles.ts';
import { selectionRule, type Candidates, type Choice } from './selection.ts';
import { KMEANS, SEEDS, SILHOUETTE_SAMPLE, SOURCE, VERSION } from './settings.ts';

/** Every step's result the artifact is built from. */
export interface SegmentsTraining {
	customers: TrainingCustomers;
	candidates: Candidates;
	choice: Choice;
	shipped: ShippedClusters;
	agreement: number;
	first: TrainingAnalysis;
	baseline: RfmBaseline;
}

/** Where the training data came from, and how (not) it was split. */
function provenanceOf({ table, n, path }: TrainingCustomers): Provenance {
	const dates = [table.firstDate, table.lastDate].map((ms) => new Date(ms).toISOString().slice(0, 10)) as [string, string];
	return {
		source: SOURCE,
		licence: 'CC BY 4.0',
		synthetic: false,
		rows: table.report.linesRead,
		period: dates,
		split: 'None: clustering is unsupervised and uses every customer; stability is measured across seeds.',
		trainRows: n,
		testRows: 0,
		dataHash: hashFiles([path])
	};
}

/** The card's summary: the shipped labels' sizes; separation and stability as measured in the selection. */
function clusterSummaryOf(n: number, { chosen, k, runs }: Choice, { labels }: ShippedClusters) {
	const summary = clusteringMetrics({ labels, k, silhouette: chosen.silhouette, silhouetteSample: Math.min(SILHOUETTE_SAMPLE, n), starts: runs.map((r) => r.labels) });
	return { ...summary, ariMean: round(summary.ariMean!, 4), ariMin: round(summary.ariMin!, 4), largestShare: round(summary.largestShare, 4) };
}

/** The artifact (contentHash still empty: writeArtifact seals it). */
export function buildSegmentsArtifact({ customers, candidates, choice, shipped, agreement, first, baseline }: SegmentsTraining): SegmentsArtifact {
	const { table, n, features } = customers;
	const { chosen, k } = choice;
	const provenance = provenanceOf(customers);
	const clusterSummary = clusterSummaryOf(n, choice, shipped);
	return {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: SEGMENTS_TOOL,
		modelId: 'kmeans',
		version: VERSION,
		contentHash: '',
		modelKind: 'kmeans',
		label: `k-means, ${k} clusters (${chosen.space})`,
		features,
		space: shipped.model.space,
		k,
		centroids: shipped.centroids,
		insiders: shipped.insiders,
		profiles: shipped.profiles,
		overallMedians: shipped.overallMedians,
		inputRanges: first.inputRanges,
		map: first.map,
		analysis: first.analysis,
		trainingLabelsHash: first.trainingLabelsHash,
		metrics: {
			task: 'clustering',
			rowNoun: { one: 'customer', many: 'customers' },
			model: clusterSummary,
			baselines: [],
			comparisons: [],
			headline: { metric: 'silhouette', lowerIsBetter: false }
		},
		selection: { rows: candidates.selection, rule: selectionRule(n), seeds: SEEDS },
		rfmBaseline: baseline,
		assignmentAgreement: agreement,
		cleaning: table.report,
		provenance,
		hyperparameters: {
			algorithm: 'k-means (ml-kmeans), k-means++ start from a seeded generator',
			k,
			maxIterations: KMEANS.maxIterations,
			tolerance: KMEANS.tolerance,
			seeds: SEEDS.length,
			space: chosen.space
		}
	};
}
