import { describe, expect, it } from 'vitest';
import { explainPrediction } from './explain.ts';
import { flattenRegressionForest } from './flatten.ts';
import { predictOne } from './predict.ts';
import { makeRegressionData } from './synthetic.ts';
import { trainForestRegressor } from './train.ts';

describe('explainPrediction (Saabas)', () => {
	const { X, y } = makeRegressionData(700, 12, 21);
	const trainX = X.slice(0, 600);
	const model = trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 10, seed: 3 });
	const flat = flattenRegressionForest(model, trainX);
	const trainPredictions = model.predict(trainX);

	it('is additive: bias + sum(contributions) = prediction', () => {
		for (const row of X.slice(600)) {
			const { bias, contributions, prediction } = explainPrediction(flat, row);
			expect(prediction).toBe(predictOne(flat, row));
			const total = bias + contributions.reduce((s, c) => s + c, 0);
			expect(Math.abs(total - prediction)).toBeLessThanOrEqual(1e-9 * Math.abs(prediction));
		}
	});

	it('has bias = the mean prediction over the training rows', () => {
		const { bias } = explainPrediction(flat, X[0]);
		const mean = trainPredictions.reduce((s, v) => s + v, 0) / trainPredictions.length;
		expect(Math.abs(bias - mean)).toBeLessThanOrEqual(1e-9 * mean);
	});

	it('gives the strong features larger contributions than the noise columns', () => {
		// Average |contribution| over rows: the Friedman features 0-4 must beat the pure-noise columns 6-11.
		const meanAbs = new Float64Array(12);
		for (const row of X.slice(600)) {
			const { contributions } = explainPrediction(flat, row);
			contributions.forEach((c, f) => (meanAbs[f] += Math.abs(c)));
		}
		const strongest = Math.max(...meanAbs.slice(0, 5));
		const noisiest = Math.max(...meanAbs.slice(6));
		expect(strongest).toBeGreaterThan(3 * noisiest);
		expect(meanAbs[3]).toBeGreaterThan(meanAbs[11]);
	});
});
