/**
 * Launches as model rows: each launch's features from what the counted half knows of its item and
 * organiser, and the forest's scores on such rows.
 */
import type { ClassificationMetrics } from '../../../../src/lib/core/artifact/types.ts';
import type { FlatForest } from '../../../../src/lib/core/forest/flat.ts';
import { predictOutput } from '../../../../src/lib/core/forest/predict.ts';
import { trainForestClassifier } from '../../../../src/lib/core/forest/train.ts';
import { dealFeatures, type DealEncoders, type DealHistory } from '../../../../src/lib/group-buy/deal.ts';
import { round } from '../../io.ts';
import type { Launch } from '../beibei.ts';
import { FOREST, SEED } from './settings.ts';

/** Launches as a feature matrix (a row each) and whether each filled. */
export interface Rows {
	X: number[][];
	y: number[];
}

/** The rows of `launches`, each launch's features from its history. */
export function rowsOf(launches: readonly Launch[], history: (l: Launch) => DealHistory, enc: DealEncoders): Rows {
	return { X: launches.map((l) => dealFeatures(history(l), enc)), y: launches.map((l) => l.filled) };
}

/** A feature matrix as one flat array, row after row. */
export function flatRows(X: number[][]): Float64Array {
	return Float64Array.from(X.flat());
}

/** A forest trained on `train` (seeded, balanced per-tree samples) and its raw scores on `rows`. */
export function forestScores(rows: Rows, train: Rows, opts: { trees: number; perClass: number; minNumSamples: number }): { flat: FlatForest; scores: Float64Array } {
	const { flat } = trainForestClassifier(train.X, train.y, { nEstimators: opts.trees, seed: SEED, sampling: 'balanced', perClass: opts.perClass, minNumSamples: opts.minNumSamples, maxBins: FOREST.maxBins });
	return { flat, scores: predictOutput(flat, flatRows(rows.X), rows.y.length) };
}

/** Classification metrics rounded to 4 digits for the artifact. */
export function roundMetrics(m: ClassificationMetrics): ClassificationMetrics {
	const r = (v: number | null) => (v === null ? null : round(v, 4));
	const out: ClassificationMetrics = { ...m, rocAuc: r(m.rocAuc), prAuc: r(m.prAuc), brier: r(m.brier), logLoss: r(m.logLoss) };
	if (m.reliability) out.reliability = m.reliability.map((b) => ({ ...b, low: round(b.low, 4), high: round(b.high, 4), meanPredicted: b.meanPredicted === null ? null : round(b.meanPredicted, 4), observedRate: b.observedRate === null ? null : round(b.observedRate, 4) }));
	return out;
}
