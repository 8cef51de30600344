import { describe, expect, it } from 'vitest';
import { encodeFlatForest } from './flat.ts';
import { flattenRegressionForest } from './flatten.ts';
import { makeRegressionData } from './synthetic.ts';
import { predictForest } from './predict.ts';
import { trainForestRegressor, trainSubsampledForestRegressor } from './train.ts';

describe('trainForestRegressor', () => {
	const { X, y } = makeRegressionData(300, 8, 11);
	const opts = { nEstimators: 6, seed: 1234 };

	it('gives identical models and identical encoded bytes for the same seed', () => {
		const a = trainForestRegressor(X, y, opts);
		const b = trainForestRegressor(X, y, opts);
		expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
		const bytesA = encodeFlatForest(flattenRegressionForest(a, X));
		const bytesB = encodeFlatForest(flattenRegressionForest(b, X));
		expect(Array.from(bytesB)).toEqual(Array.from(bytesA));
	});

	it('gives a different model for a different seed', () => {
		const a = trainForestRegressor(X, y, opts);
		const c = trainForestRegressor(X, y, { ...opts, seed: 99 });
		expect(JSON.stringify(c.toJSON())).not.toBe(JSON.stringify(a.toJSON()));
	});

	it('uses every feature in every tree by default and honours tree options', () => {
		const model = trainForestRegressor(X, y, { ...opts, maxDepth: 2 });
		const json = model.toJSON();
		for (const used of json.baseModel.indexes) expect([...used].sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		const flat = flattenRegressionForest(model, X);
		// Depth <= 2 means at most 7 nodes a tree.
		for (let t = 0; t < flat.nTrees; t++) expect(flat.treeOffsets[t + 1] - flat.treeOffsets[t]).toBeLessThanOrEqual(7);
	});

	it('rejects bad inputs', () => {
		expect(() => trainForestRegressor(X, y.slice(1), opts)).toThrow(RangeError);
		expect(() => trainForestRegressor(X, y, { ...opts, seed: 1.5 })).toThrow(RangeError);
		expect(() => trainForestRegressor(X, y, { ...opts, nEstimators: 0 })).toThrow(RangeError);
	});
});

describe('trainSubsampledForestRegressor', () => {
	const { X, y } = makeRegressionData(400, 6, 3);
	const opts = { nEstimators: 5, seed: 77, samplesPerTree: 80 };

	it('is deterministic, and its flat predictions are the mean of its 1-tree models', () => {
		const a = trainSubsampledForestRegressor(X, y, opts);
		const b = trainSubsampledForestRegressor(X, y, opts);
		expect(Array.from(encodeFlatForest(b.flat))).toEqual(Array.from(encodeFlatForest(a.flat)));
		expect(a.flat.nTrees).toBe(5);
		const flatPred = predictForest(a.flat, Float64Array.from(X.slice(0, 20).flat()), 20);
		X.slice(0, 20).forEach((row, i) => {
			const mean = a.trees.reduce((s, t) => s + (t.predict([row]) as number[])[0], 0) / a.trees.length;
			expect(flatPred[i]).toBeCloseTo(mean, 10);
		});
	});

	it('grows each tree on its own sample and rejects bad options', () => {
		const a = trainSubsampledForestRegressor(X, y, opts);
		const roots = new Set(a.trees.map((t) => JSON.stringify(t.toJSON().baseModel.estimators[0].root).slice(0, 200)));
		expect(roots.size).toBeGreaterThan(1);
		expect(() => trainSubsampledForestRegressor(X, y, { ...opts, samplesPerTree: 1 })).toThrow(RangeError);
		expect(() => trainSubsampledForestRegressor(X, y.slice(1), opts)).toThrow(RangeError);
	});
});
