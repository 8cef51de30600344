import { describe, expect, it } from 'vitest';
import { fitLogistic, logisticLogit, predictLogistic } from './logistic.ts';

// A small table; the expected values are scikit-learn 1.2's LogisticRegression(C, solver='newton-cg',
// tol=1e-14) on the same features standardised with the population standard deviation.
const X = [[1, 20], [2, 35], [3, 10], [4, 50], [5, 45], [6, 30], [7, 60], [8, 25], [9, 70], [10, 40], [2.5, 55], [7.5, 15]];
const y = [0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0];
const flat = X.flat();

describe('fitLogistic', () => {
	it('matches scikit-learn with a penalty (C = 1, so l2 = 1 / 12)', () => {
		const m = fitLogistic(flat, y, 2, { l2: 1 / 12 });
		expect(m.weights[0]).toBeCloseTo(0.46038704071918685, 8);
		expect(m.weights[1]).toBeCloseTo(1.2384014131998746, 8);
		expect(m.intercept).toBeCloseTo(0.02033988233609641, 8);
		expect(predictLogistic(m, X[0])).toBeCloseTo(0.12610697573266455, 8);
		expect(predictLogistic(m, X[1])).toBeCloseTo(0.32332121473730047, 8);
	});

	it('matches scikit-learn almost without a penalty (C = 1e6)', () => {
		const m = fitLogistic(flat, y, 2, { l2: 1 / (1e6 * 12) });
		expect(m.weights[0]).toBeCloseTo(1.2546503962818656, 7);
		expect(m.weights[1]).toBeCloseTo(3.000830870404083, 7);
		expect(m.intercept).toBeCloseTo(0.03140518765208717, 7);
	});

	it('gives log-odds and probabilities that agree, and is deterministic', () => {
		const a = fitLogistic(flat, y, 2);
		expect(fitLogistic(flat, y, 2)).toEqual(a);
		const z = logisticLogit(a, [4, 50]);
		expect(predictLogistic(a, [4, 50])).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
		// Far outside the data the probability stays within [0, 1] without overflow.
		expect(predictLogistic(a, [1e6, 1e6])).toBe(1);
		expect(predictLogistic(a, [-1e6, -1e6])).toBe(0);
	});

	it('rejects bad input', () => {
		expect(() => fitLogistic(flat, y.map(() => 1), 2)).toThrow(RangeError);
		expect(() => fitLogistic(flat, [...y.slice(1), 2], 2)).toThrow(RangeError);
		expect(() => fitLogistic(flat.slice(1), y, 2)).toThrow(RangeError);
	});
});
