import { base64ToBytes, bytesToBase64 } from '../base64.ts';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFlatForest, encodeFlatForest, type FlatForest } from './flat.ts';
import { flattenRegressionForest } from './flatten.ts';
import { leafOf, predictForest } from './predict.ts';
import { seededRandom } from '../random.ts';
import { makeRegressionData } from './synthetic.ts';
import { trainForestRegressor } from './train.ts';

function expectSameForest(a: FlatForest, b: FlatForest): void {
	expect(b.kind).toBe(a.kind);
	expect(b.nFeatures).toBe(a.nFeatures);
	expect(b.nTrees).toBe(a.nTrees);
	expect(b.nOutputs).toBe(a.nOutputs);
	for (const key of ['treeOffsets', 'feature', 'threshold', 'right', 'value', 'count'] as const) {
		expect(Array.from(b[key]), key).toEqual(Array.from(a[key]));
	}
}

describe('flattenRegressionForest', () => {
	const { X, y } = makeRegressionData(700, 12, 8);
	const trainX = X.slice(0, 600);
	const testX = X.slice(600);
	const model = trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 8, seed: 17 });
	const flat = flattenRegressionForest(model, trainX);

	it('lays trees out in preorder with consistent links, counts and values', () => {
		const { treeOffsets, feature, right, count, value } = flat;
		expect(treeOffsets[0]).toBe(0);
		expect(treeOffsets[flat.nTrees]).toBe(feature.length);
		for (let t = 0; t < flat.nTrees; t++) {
			const root = treeOffsets[t];
			expect(count[root]).toBe(trainX.length);
			for (let i = root; i < treeOffsets[t + 1]; i++) {
				if (feature[i] < 0) {
					expect(right[i]).toBe(-1);
					expect(count[i]).toBeGreaterThan(0);
					continue;
				}
				const r = right[i];
				expect(r).toBeGreaterThan(i + 1);
				expect(r).toBeLessThan(treeOffsets[t + 1]);
				expect(count[i]).toBe(count[i + 1] + count[r]);
				const mean = (count[i + 1] * value[i + 1] + count[r] * value[r]) / count[i];
				expect(value[i]).toBeCloseTo(mean, 9);
			}
		}
	});

	it("makes a root value the tree's mean prediction over the training rows", () => {
		for (let t = 0; t < flat.nTrees; t++) {
			let sum = 0;
			for (const row of trainX) sum += flat.value[leafOf(flat, t, row)];
			expect(flat.value[flat.treeOffsets[t]]).toBeCloseTo(sum / trainX.length, 9);
		}
	});

	it('accepts the parsed JSON of the model as well as the live model', () => {
		const parsed = JSON.parse(JSON.stringify(model.toJSON()));
		expectSameForest(flat, flattenRegressionForest(parsed, trainX));
	});

	it('refuses rows that are not the training rows', () => {
		const shifted = trainX.slice(0, 3).map((row) => row.map((v) => v + 10));
		expect(() => flattenRegressionForest(model, shifted)).toThrow(/no row of trainX/);
	});

	it('round-trips through bytes and base64 to an identical forest', () => {
		const bytes = encodeFlatForest(flat);
		const decoded = decodeFlatForest(base64ToBytes(bytesToBase64(bytes)));
		expectSameForest(flat, decoded);
		const rows = Float64Array.from(testX.flat());
		expect(Array.from(predictForest(decoded, rows, testX.length))).toEqual(model.predict(testX));
	});

	it('is much smaller than the library JSON', () => {
		// With only 8 trees the split-value tables are barely shared; scripts/bench/forest.ts measures
		// the 20x raw / 3x gzip targets at 100 trees.
		const json = JSON.stringify(model.toJSON());
		const bytes = encodeFlatForest(flat);
		expect(bytes.length * 15).toBeLessThan(json.length);
		expect(gzipSync(bytes, { level: 9 }).length * 2.5).toBeLessThan(gzipSync(json, { level: 9 }).length);
	});

	it('rejects corrupt bytes', () => {
		const bytes = encodeFlatForest(flat);
		const badMagic = bytes.slice();
		badMagic[0] = 0;
		expect(() => decodeFlatForest(badMagic)).toThrow(/magic/);
		expect(() => decodeFlatForest(bytes.subarray(0, bytes.length - 3))).toThrow(/Truncated/);
		const badVersion = bytes.slice();
		badVersion[4] = 99;
		expect(() => decodeFlatForest(badVersion)).toThrow(/version/);
	});
});

describe('thresholds next to float32 rounding boundaries', () => {
	// Feature 0 takes values 1 + k * 1e-9: all inside one float32 step of 1 (about 1.2e-7), so every
	// split value between them rounds, in float32, to 1 and would send training rows the wrong way.
	const random = seededRandom(4);
	const X: number[][] = [];
	const y: number[] = [];
	for (let k = 0; k < 120; k++) {
		X.push([1 + k * 1e-9, random(), random()]);
		y.push((k < 40 ? 0 : k < 85 ? 10 : 25) + random());
	}
	const model = trainForestRegressor(X, y, { nEstimators: 5, seed: 2 });
	const flat = flattenRegressionForest(model, X);

	it('is a real boundary case: float32 thresholds would misroute training values', () => {
		let misrouted = 0;
		for (let i = 0; i < flat.feature.length; i++) {
			if (flat.feature[i] !== 0) continue;
			const t64 = flat.threshold[i];
			const t32 = Math.fround(t64);
			for (const row of X) if (row[0] < t64 !== row[0] < t32) misrouted++;
		}
		expect(misrouted).toBeGreaterThan(0);
	});

	it('routes every training row as the library does, before and after encoding', () => {
		const expected = model.predict(X);
		const rows = Float64Array.from(X.flat());
		expect(Array.from(predictForest(flat, rows, X.length))).toEqual(expected);
		const decoded = decodeFlatForest(encodeFlatForest(flat));
		expect(Array.from(predictForest(decoded, rows, X.length))).toEqual(expected);
		// The step in y must be learnt from feature 0 alone, so predictions differ across it.
		expect(expected[84]).toBeLessThan(expected[85] - 5);
	});
});
