/** The dealer model's training settings: the dealer split, the candidates, the interval's level, the seeds. */
import { NETWORK } from '../../../src/lib/dealers/params.ts';
import type { ForestSpec, NetworkSpec } from '../dealers-models.ts';

export const VERSION = '1.0.0';
export const SPLIT_SEED = 20260113;
export const SPLIT = { train: 0.7, validation: 0.15 };
export const TEST_MONTHS = [9, 10, 11];
export const LEVEL = 0.9;
/** Network candidates: no hidden layer (a Poisson GLM with a log link) and a 32-16 network. */
const NETWORK_SPECS: NetworkSpec[] = [
	{ hidden: [], checkpoints: [10, 25], batchSize: 256, learningRate: 0.01, l2: 0, seed: 20260116 },
	{ hidden: [32, 16], checkpoints: [8, 16], batchSize: 256, learningRate: 0.003, l2: 1e-5, seed: 20260114 }
];
const FOREST_SPEC: ForestSpec = { trees: 40, samplesPerTree: 1500, maxDepth: 12, minNumSamples: 20, seed: 20260115 };
/** Within this validation WAPE of the best, the smaller artifact wins. */
export const TOLERANCE = 0.002;

/** A smaller run for tests: fewer dealers, a short network run, a small forest. */
export interface TrainingScale {
	dealers: number;
	networks: NetworkSpec[];
	forest: ForestSpec;
}

export const FULL_SCALE: TrainingScale = { dealers: NETWORK.dealers, networks: NETWORK_SPECS, forest: FOREST_SPEC };
