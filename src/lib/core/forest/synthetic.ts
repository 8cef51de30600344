/**
 * Seeded synthetic regression data for the forest's tests and benchmark: a Friedman #1 style target
 * (nonlinear, with interactions) plus a discrete feature with ties, the rest pure noise columns.
 */

import { normal, seededRandom } from '../random.ts';

/** Rows of features `X` and targets `y`. */
export interface RegressionData {
	X: number[][];
	y: number[];
}

/**
 * `nRows` rows of `nFeatures` (at least 6) features. Features 0-4 and 6+ are uniform in [0, 1);
 * feature 5 is an integer 0-5 (ties). Target:
 * 50 + 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + 2 x5 x4 + noise(sd 1); always positive.
 */
export function makeRegressionData(nRows: number, nFeatures: number, seed: number): RegressionData {
	if (nFeatures < 6) throw new RangeError('makeRegressionData needs at least 6 features');
	const random = seededRandom(seed);
	const X: number[][] = [];
	const y: number[] = [];
	for (let i = 0; i < nRows; i++) {
		const row = Array.from({ length: nFeatures }, () => random());
		row[5] = Math.floor(row[5] * 6);
		const target =
			50 +
			10 * Math.sin(Math.PI * row[0] * row[1]) +
			20 * (row[2] - 0.5) ** 2 +
			10 * row[3] +
			5 * row[4] +
			2 * row[5] * row[4] +
			normal(random);
		X.push(row);
		y.push(target);
	}
	return { X, y };
}

/** Rows of features `X` and integer class labels `y` (0..K-1). */
export interface ClassificationData {
	X: number[][];
	y: number[];
}

/**
 * `nRows` rows of `nFeatures` (at least 6) features, built as {@link makeRegressionData}'s, with a
 * label from the same signal. Binary (`nClasses` 2, the default): class 1 with probability
 * `sigmoid(4 (signal - cut))`, the cut set so about `positiveRate` of rows are positive (default
 * 0.3). More classes: the signal cut at equal quantiles, with 10% of labels replaced at random.
 */
export function makeClassificationData(
	nRows: number,
	nFeatures: number,
	seed: number,
	opts: { nClasses?: number; positiveRate?: number } = {}
): ClassificationData {
	const { X, y: signal } = makeRegressionData(nRows, nFeatures, seed);
	const random = seededRandom(seed ^ 0x5bd1e995);
	const nClasses = opts.nClasses ?? 2;
	const sorted = [...signal].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	const scale = (sorted[sorted.length - 1] - sorted[0]) / 8 || 1;
	let y: number[];
	if (nClasses === 2) {
		const cut = at(1 - (opts.positiveRate ?? 0.3));
		y = signal.map((s) => (random() < 1 / (1 + Math.exp((-4 * (s - cut)) / scale)) ? 1 : 0));
	} else {
		const cuts = Array.from({ length: nClasses - 1 }, (_, c) => at((c + 1) / nClasses));
		y = signal.map((s) => (random() < 0.1 ? Math.floor(random() * nClasses) : cuts.filter((c) => s >= c).length));
	}
	return { X, y };
}
