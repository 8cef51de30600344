/**
 * The customer segments' training settings: the seeds, the k and the spaces that compete, the
 * selection rule's thresholds and k-means' stopping rule. Read by every step of
 * scripts/train/segments.ts.
 */
import type { CustomerFeature } from '../../../src/lib/segments/features.ts';
import { SKEWED_FEATURES } from '../../../src/lib/segments/model.ts';

export const VERSION = '1.0.0';
export const SEEDS = [20260101, 20260102, 20260103, 20260104, 20260105];
export const KS = [4, 5, 6, 7, 8, 9, 10];
/** Customers the silhouette is measured on (a seeded sample). */
export const SILHOUETTE_SAMPLE = 2000;
/** The least adjusted Rand index between any two seeds' labelings for a candidate to count as stable. */
export const MIN_ARI = 0.8;
/** A candidate's largest cluster must hold less than this share of the customers. */
export const MAX_LARGEST_SHARE = 0.6;
export const KMEANS = { maxIterations: 300, tolerance: 1e-8 };
export const SOURCE = 'Chen, Sain and Guo (2012), Online Retail, UCI Machine Learning Repository, CC BY 4.0 (https://doi.org/10.24432/C5BW33)';

/** The feature spaces that compete: which features are log1p'd before standardising. */
export const SPACES: { name: string; log: readonly CustomerFeature[] }[] = [
	{ name: 'log1p + standardised, 8 features', log: SKEWED_FEATURES },
	{ name: 'standardised raw, 8 features', log: [] }
];
