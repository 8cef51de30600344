import { describe, expect, it } from 'vitest';
import { decodeFlatForest, encodeFlatForest } from './flat';
import { flattenRegressionForest } from './flatten';
import { predictForest } from './predict';
import { quantiseForest, roundSignificant, shortestSplit } from './quantise';
import { trainForestRegressor } from './train';

function data(n: number) {
	const X: number[][] = [];
	const y: number[] = [];
	for (let i = 0; i < n; i++) {
		const a = Math.sin(i * 12.9898) * 1000;
		const b = Math.cos(i * 78.233) * 3.7;
		X.push([a, b]);
		y.push(1e6 + 3.3 * a + 1e5 * b + (i % 7) * 123.456);
	}
	return { X, y };
}

describe('quantiseForest', () => {
	const { X, y } = data(300);
	const flat = flattenRegressionForest(trainForestRegressor(X, y, { nEstimators: 10, maxFeatures: 1, minNumSamples: 3, seed: 7 }), X);
	const Xf = Float64Array.from(X.flat());
	const q = quantiseForest(flat, { leafDigits: 3, trainX: Xf });

	it('rounds leaf values to the digits asked for and keeps the forest shape', () => {
		expect(Array.from(q.feature)).toEqual(Array.from(flat.feature));
		for (let i = 0; i < q.feature.length; i++) if (q.feature[i] < 0) expect(q.value[i]).toBe(roundSignificant(flat.value[i], 3));
	});

	it('sends every training row to the same leaves: same predictions as unrounded splits with rounded leaves', () => {
		const leavesOnly = quantiseForest({ ...flat, threshold: flat.threshold }, { leafDigits: 3, trainX: Xf });
		// Same routing: rebuilding with the original split values predicts the same on training rows.
		const original = { ...leavesOnly, threshold: flat.threshold };
		expect(Array.from(predictForest(q, Xf, X.length))).toEqual(Array.from(predictForest(original, Xf, X.length)));
	});

	it('predicts exactly what its encoded bytes predict, close to the original, in fewer bytes', () => {
		const decoded = decodeFlatForest(encodeFlatForest(q));
		const a = predictForest(q, Xf, X.length);
		expect(Array.from(predictForest(decoded, Xf, X.length))).toEqual(Array.from(a));
		const b = predictForest(flat, Xf, X.length);
		for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]) / Math.abs(b[i])).toBeLessThan(0.01);
		expect(encodeFlatForest(q).length).toBeLessThan(encodeFlatForest(flat).length);
	});

	it('picks the shortest split value between the training values around it', () => {
		expect(shortestSplit(1.5, 1, 2)).toBe(2);
		expect(shortestSplit(0.30000000000000004, 0.25, 0.3125)).toBe(0.3125);
		const s = shortestSplit(1000.123456, 1000.1, 1000.2);
		expect(s > 1000.1 && s <= 1000.2).toBe(true);
		expect(shortestSplit(5, -Infinity, Infinity)).toBe(4);
	});

	it('leaves zero, NaN and infinities alone and refuses nonsense', () => {
		expect(roundSignificant(0, 3)).toBe(0);
		expect(roundSignificant(123456, 3)).toBe(123000);
		expect(roundSignificant(-0.00123456, 2)).toBe(-0.0012);
		expect(Number.isNaN(roundSignificant(NaN, 3))).toBe(true);
		expect(() => quantiseForest(flat, { leafDigits: 0, trainX: Xf })).toThrow(RangeError);
		expect(() => quantiseForest(flat, { leafDigits: 3, trainX: [1, 2, 3] })).toThrow(RangeError);
	});
});
