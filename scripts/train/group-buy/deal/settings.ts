/**
 * The deal-fill model's training settings: the seed, the shrinkage of the fill rates, the share of
 * training launches that validate, the features and forest sizes that compete, and BeiBei's cap on
 * an organiser's filled deals. Read by every step of scripts/train/group-buy/deal.ts.
 */
import type { DealFeature } from '../../../../src/lib/group-buy/deal.ts';

export const VERSION = '1.0.0';
export const SEED = 20260111;
/** Launches a fill rate is shrunk towards the base rate by. */
export const PRIOR_LAUNCHES = 5;
/** The last share of the training launches that validate. */
export const VALIDATION_SHARE = 0.2;
/** The item's and the organiser's record: the features every candidate has. */
export const BASE_FEATURES: DealFeature[] = ['itemLaunches', 'itemFillRate', 'organiserLaunches', 'organiserFillRate'];
/** An extra feature is kept only when it adds this much validation ROC AUC. */
export const FEATURE_GAIN = 0.002;
/** Candidates of the forest's size; within this much validation AUC of the best, the smallest forest wins (it ships to phones). */
export const FOREST = { trees: 100, selectionTrees: 30, perClass: [2000, 5000], minNumSamples: [20, 80, 250], maxBins: 64, tolerance: 0.001 };
export const BOOTSTRAP_RESAMPLES = 300;
/** Filled deals BeiBei keeps per organiser (tune.txt and test.txt hold one each). */
export const ORGANISER_FILL_CAP = 2;
