/** The GMV forecast's training settings: the time split, the models' sizes, the seed, the form's start week. */
import type { GmvScenario } from '../../../src/lib/gmv/features.ts';

export const VERSION = '1.0.0';
export const SEED = 20260101;
export const FIRST_TEST_WEEK = 44;
/** Validation weeks inside training (model choice and the ranges' calibration): 34..43. */
export const VALIDATION_START = 34;
/**
 * The ranges of the models without recent GMV are calibrated on two 10-week folds inside training,
 * each predicted by a model fitted on the weeks before it (the test's own shape: 1 to 10 weeks
 * ahead): weeks 24-33 and the validation weeks 34-43.
 */
export const EARLIER_FOLD_START = 24;
/**
 * The forest: leaf size and depth are chosen on a validation split inside the training weeks (never
 * on the test weeks); within 0.005 WAPE of the best, the smaller forest wins (it ships to phones).
 */
export const FOREST = { nEstimators: 100, maxFeatures: 1.0, selectionTrees: 50, leafSizes: [3, 10, 20], depths: [8, 12], validationWeeks: 10, tolerance: 0.005, leafDigits: [3, 4, 5], quantiseTolerance: 0.0005 };
export const NETWORK = { hidden: [32, 16], epochs: 400, learningRate: 0.01, l2: 1e-4 };
/** The held-out week the form starts from. */
export const START = { week: 48, subCategory: 'CameraAccessory' };

export interface WeekRow {
	week: number;
	gmv: number;
	scenario: GmvScenario;
}

/** A weekly row with the same sub-category's GMV in the weeks before (null when there is none). */
export type GmvRow = WeekRow & { recent: number[] | null };
