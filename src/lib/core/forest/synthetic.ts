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
