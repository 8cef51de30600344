/**
 * The segments tool's artifact: what `npm run train` writes and the page reads. Kept apart from the
 * model (`model.ts`) and the analysis (`analysis.ts`), which it holds both of, so neither imports the other.
 */
import type { ArtifactHeader, ClusteringReport, InputRange } from '../core/artifact/types';
import type { SegmentsAnalysis } from './analysis';
import type { SegmentMap } from './segmentMap';
import type { CleaningReport } from './clean';
import type { CustomerFeature } from './features';
import type { ClusterProfile, SegmentSpace } from './model';

/** One candidate in the model selection. */
export interface SelectionRow {
	space: string;
	k: number;
	silhouette: number;
	/** Adjusted Rand index between the labelings of every pair of seeds. */
	ariMean: number;
	ariMin: number;
	/** Share of customers in the largest cluster (best seed). */
	largestShare: number;
}

/** The plain RFM-quantile segmentation beside the model's top cluster. */
export interface RfmBaseline {
	description: string;
	/** Customers scored 5-5-5 on recency, frequency (invoices) and monetary (revenue) quintiles. */
	top555: { size: number; customerShare: number; revenueShare: number };
	/** Customers with the highest R+F+M total, taken down the scores until they are at least as many as the Insiders. */
	topScore: { minScore: number; size: number; customerShare: number; revenueShare: number };
}

export interface SegmentsArtifact extends ArtifactHeader<ClusteringReport> {
	modelId: 'kmeans';
	modelKind: 'kmeans';
	features: CustomerFeature[];
	space: SegmentSpace;
	k: number;
	/** Centroids in the space; cluster order is by mean revenue, highest first. */
	centroids: number[][];
	/** Index of the Insiders cluster. */
	insiders: number;
	profiles: ClusterProfile[];
	/** Medians of all customers, for "against the rest". */
	overallMedians: Record<CustomerFeature, number>;
	/** Range of every feature over the training customers, for the form's "outside the training range" notes. */
	inputRanges: Record<CustomerFeature, InputRange>;
	/** The 2-D map: principal axes of the training customers in the space. */
	map: SegmentMap;
	/** The full analysis of the training customers: the page's first view, before any upload. */
	analysis: SegmentsAnalysis;
	/** SHA-256 of the training labels (one digit per customer, in file order), to check browser-side assignment against. */
	trainingLabelsHash: string;
	/** How k and the space were chosen: every candidate, the rule in words, the seeds compared. */
	selection: { rows: SelectionRow[]; rule: string; seeds: number[] };
	/** The Insiders beside a plain RFM segmentation of the same customers. */
	rfmBaseline: RfmBaseline;
	/** Share of training customers whose browser-side assignment equals the training label (must be 1). */
	assignmentAgreement: number;
	cleaning: CleaningReport;
}
