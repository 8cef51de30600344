import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../core/base64';
import { calibrate, fitPlatt } from '../core/calibration';
import { explainPrediction } from '../core/forest/explain';
import { encodeFlatForest } from '../core/forest/flat';
import { predictOutput } from '../core/forest/predict';
import { makeClassificationData } from '../core/forest/synthetic';
import { trainForestClassifier } from '../core/forest/train';
import { DRIVERS_PER_USER, columnsOf, driversOf, readForestPart, scoreRows } from './model';
import { ALL_FEATURES } from './features';

describe('scoring rows with the shipped model', () => {
	const { X, y } = makeClassificationData(400, 6, 3, { positiveRate: 0.1 });
	const trained = trainForestClassifier(X, y, { nEstimators: 12, seed: 2, sampling: 'balanced', maxDepth: 4 });
	const rows = Float64Array.from(X.flat());
	const raw = predictOutput(trained.flat, rows, X.length);
	const calibration = fitPlatt(raw, y);
	const names = ['a', 'b', 'c', 'd', 'e', 'f'];
	const part = { features: names, forest: bytesToBase64(encodeFlatForest(trained.flat)), calibration };
	const model = readForestPart(part);
	const scored = scoreRows(model, rows, X.length);

	it('gives the calibrated probability of the forest’s score', () => {
		for (let r = 0; r < 50; r++) expect(scored.probability[r]).toBe(calibrate(calibration, raw[r]));
	});

	it('keeps the strongest drivers, in order, adding up to probability minus the average', () => {
		for (let r = 0; r < X.length; r += 7) {
			const d = driversOf(model, rows, r, scored.driverFeature, scored.driverEffect);
			expect(d.length).toBeLessThanOrEqual(DRIVERS_PER_USER);
			for (let k = 1; k < d.length; k++) expect(Math.abs(d[k - 1].effect)).toBeGreaterThanOrEqual(Math.abs(d[k].effect));
			const e = explainPrediction(model.flat, X[r]);
			const k = (scored.probability[r] - scored.baseline) / (e.prediction - e.bias);
			const all = Array.from(e.contributions, (c) => c * k).sort((a, b) => Math.abs(b) - Math.abs(a));
			if (Math.abs(e.prediction - e.bias) > 1e-9) {
				d.forEach((driver, i) => expect(driver.effect).toBeCloseTo(all[i], 6));
				expect(all.reduce((s, v) => s + v, 0)).toBeCloseTo(scored.probability[r] - scored.baseline, 9);
			}
			if (d.length) expect(d[0].value).toBe(X[r][names.indexOf(d[0].feature)]);
		}
	});

	it('refuses a forest that does not match its features', () => {
		expect(() => readForestPart({ ...part, features: ['a'] })).toThrow(/reads 6 features/);
		expect(columnsOf(['orders_1', 'tenure_months'], ALL_FEATURES)).toEqual([3, ALL_FEATURES.indexOf('tenure_months')]);
		expect(() => columnsOf(['nope'], ALL_FEATURES)).toThrow(/does not make/);
	});
});
