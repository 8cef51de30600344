import { describe, expect, it } from 'vitest';
import { flattenRegressionForest } from './flatten.ts';
import { predictForest, predictOne, predictTrees } from './predict.ts';
import { makeRegressionData } from './synthetic.ts';
import { trainForestRegressor } from './train.ts';

describe('FlatForest predictions', () => {
	const { X, y } = makeRegressionData(800, 12, 5);
	const trainX = X.slice(0, 600);
	const testX = X.slice(600);
	const model = trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 12, seed: 7 });
	const flat = flattenRegressionForest(model, trainX);
	const expected = model.predict(testX);

	it('equal the library on held-out rows (bit for bit)', () => {
		const got = predictForest(flat, Float64Array.from(testX.flat()), testX.length);
		expect(got.length).toBe(testX.length);
		for (let i = 0; i < testX.length; i++) {
			expect(Math.abs(got[i] - expected[i])).toBeLessThanOrEqual(1e-9 * Math.abs(expected[i]));
			expect(got[i]).toBe(expected[i]);
		}
	});

	it('equal the library on the training rows', () => {
		const got = predictForest(flat, Float64Array.from(trainX.flat()), trainX.length);
		const lib = model.predict(trainX);
		for (let i = 0; i < trainX.length; i++) expect(got[i]).toBe(lib[i]);
	});

	it('give each tree the prediction the library gives, and predictOne their mean', () => {
		const perTree = model.predictionValues(testX);
		for (let i = 0; i < 20; i++) {
			const trees = predictTrees(flat, testX[i]);
			expect(Array.from(trees)).toEqual(perTree.getRow(i));
			expect(predictOne(flat, testX[i])).toBe(expected[i]);
		}
	});

	it('are not constant (the comparison is meaningful)', () => {
		const got = predictForest(flat, Float64Array.from(testX.flat()), testX.length);
		expect(Math.max(...got) - Math.min(...got)).toBeGreaterThan(5);
	});

	it('send NaN features the way the library does', () => {
		const row = testX[0].slice();
		row[0] = NaN;
		row[3] = NaN;
		expect(predictOne(flat, row)).toBe(model.predict([row])[0]);
	});

	it('reject rows of the wrong length', () => {
		expect(() => predictOne(flat, [1, 2, 3])).toThrow(RangeError);
		expect(() => predictForest(flat, new Float64Array(5), 2)).toThrow(RangeError);
	});
});
