import { readFileSync } from 'node:fs';
import { RandomForestClassifier } from 'ml-random-forest';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../base64.ts';
import { explainClasses, explainPrediction } from './explain.ts';
import { decodeFlatForest, encodeFlatForest, type FlatForest } from './flat.ts';
import { flattenClassificationForest } from './flatten.ts';
import { mostProbableClass, predictForest, predictOne, predictOneAll, predictOutput, predictTrees } from './predict.ts';
import { makeClassificationData } from './synthetic.ts';
import { trainForestClassifier } from './train.ts';

/** The library's leaf distribution for a row in tree t (padded to k classes), through its own objects. */
function libraryLeaf(model: RandomForestClassifier, t: number, row: number[], k: number): number[] {
	const { estimators, indexes } = model as unknown as {
		estimators: { root: { classify(r: number[]): { to1DArray(): number[] } } }[];
		indexes: number[][];
	};
	const d = estimators[t].root.classify(indexes[t].map((c) => row[c])).to1DArray();
	return Array.from({ length: k }, (_, c) => d[c] ?? 0);
}

function expectSameForest(a: FlatForest, b: FlatForest): void {
	for (const key of ['kind', 'nFeatures', 'nTrees', 'nOutputs'] as const) expect(b[key], key).toBe(a[key]);
	for (const key of ['treeOffsets', 'feature', 'threshold', 'right', 'value', 'count'] as const) {
		expect(Array.from(b[key]), key).toEqual(Array.from(a[key]));
	}
}

describe('a flattened ml-random-forest classifier (library bootstrap, 3 classes)', () => {
	const { X, y } = makeClassificationData(500, 8, 3, { nClasses: 3 });
	const trainX = X.slice(0, 400);
	const testX = X.slice(400);
	const model = new RandomForestClassifier({ nEstimators: 7, seed: 11, noOOB: true, replacement: false, treeOptions: { gainThreshold: 0 } });
	model.train(trainX, y.slice(0, 400));
	const flat = flattenClassificationForest(model, trainX, 3);

	it('holds every tree’s leaf distribution bit for bit, so every tree votes as the library does', () => {
		const votes = model.predictionValues(testX);
		for (let r = 0; r < testX.length; r++) {
			for (let t = 0; t < flat.nTrees; t++) {
				const leaf = libraryLeaf(model, t, testX[r], 3);
				const ours = [0, 1, 2].map((c) => predictTrees(flat, testX[r], c)[t]);
				expect(ours).toEqual(leaf);
				expect(mostProbableClass(Float64Array.from(ours), 3)[0]).toBe(votes.get(r, t));
			}
		}
	});

	it('gives the mean of the trees’ distributions, summed in tree order (bit for bit)', () => {
		const got = predictForest(flat, Float64Array.from(testX.flat()), testX.length);
		for (let r = 0; r < testX.length; r++) {
			for (let c = 0; c < 3; c++) {
				let sum = 0;
				for (let t = 0; t < flat.nTrees; t++) sum += libraryLeaf(model, t, testX[r], 3)[c];
				expect(got[r * 3 + c]).toBe(sum / flat.nTrees);
			}
			expect(Math.abs(got[r * 3] + got[r * 3 + 1] + got[r * 3 + 2] - 1)).toBeLessThan(1e-12);
		}
	});

	it('agrees across the batch and one-row paths', () => {
		const rows = Float64Array.from(testX.flat());
		const all = predictForest(flat, rows, testX.length);
		const class2 = predictOutput(flat, rows, testX.length, 2);
		for (let r = 0; r < 10; r++) {
			expect(Array.from(predictOneAll(flat, testX[r]))).toEqual(Array.from(all.subarray(r * 3, r * 3 + 3)));
			expect(predictOne(flat, testX[r], 2)).toBe(all[r * 3 + 2]);
			expect(class2[r]).toBe(all[r * 3 + 2]);
		}
	});

	it('needs a named class for a multi-class forest', () => {
		expect(() => predictOne(flat, testX[0])).toThrow(/name the class/);
		expect(() => predictOne(flat, testX[0], 3)).toThrow(/does not exist/);
	});

	it('accepts the parsed JSON of the model as well as the live model', () => {
		expectSameForest(flat, flattenClassificationForest(JSON.parse(JSON.stringify(model.toJSON())), trainX, 3));
	});

	it('round-trips through bytes and base64 to an identical forest', () => {
		const decoded = decodeFlatForest(base64ToBytes(bytesToBase64(encodeFlatForest(flat))));
		expectSameForest(flat, decoded);
	});

	it('explains each class additively, and the classes’ predictions sum to 1', () => {
		for (const row of testX.slice(0, 20)) {
			const parts = explainClasses(flat, row);
			parts.forEach((e, c) => {
				expect(e.prediction).toBe(predictOne(flat, row, c));
				const total = e.bias + e.contributions.reduce((s, v) => s + v, 0);
				expect(Math.abs(total - e.prediction)).toBeLessThan(1e-12);
			});
			expect(Math.abs(parts.reduce((s, e) => s + e.prediction, 0) - 1)).toBeLessThan(1e-12);
			// Biases are the forest's mean class probabilities over the training rows: they sum to 1 too.
			expect(Math.abs(parts.reduce((s, e) => s + e.bias, 0) - 1)).toBeLessThan(1e-12);
		}
	});
});

describe('ml-random-forest quirks, pinned', () => {
	const { X, y } = makeClassificationData(300, 6, 9);

	it('predictProbability counts hard votes and starts from the first tree’s label, not its vote', () => {
		const model = new RandomForestClassifier({ nEstimators: 5, seed: 2, noOOB: true });
		model.train(X, y);
		const votes = model.predictionValues(X.slice(0, 60)).to2DArray();
		const lib = model.predictProbability(X.slice(0, 60), 1);
		votes.forEach((v, r) => {
			// reduce() without an initial value: the accumulator starts at v[0] (a label) and only
			// trees 1.. are counted, each as 1e6 / nTrees.
			const quirk = Math.round(v.slice(1).reduce((p, label) => (label === 1 ? p + 1e6 / v.length : p), v[0])) / 1e6;
			expect(lib[r]).toBe(quirk);
		});
		// All five trees voting 1 gives 0.800001, not 1.
		const unanimous = votes.findIndex((v) => v.every((label) => label === 1));
		expect(unanimous).toBeGreaterThanOrEqual(0);
		expect(lib[unanimous]).toBe(0.800001);
		// A one-tree forest never calls the reducer: it returns the label / 1e6.
		const one = new RandomForestClassifier({ nEstimators: 1, seed: 2, noOOB: true });
		one.train(X, y);
		const oneVotes = one.predict(X.slice(0, 20));
		one.predictProbability(X.slice(0, 20), 1).forEach((p, r) => expect(p).toBe(oneVotes[r] === 1 ? 0.000001 : 0));
	});

	it('defaults: gain threshold 0.01 for the classifier’s trees, features drawn with replacement', () => {
		const model = new RandomForestClassifier({ nEstimators: 20, seed: 4, noOOB: true });
		model.train(X, y);
		const { indexes, estimators } = (model.toJSON() as { baseModel: { indexes: number[][]; estimators: { options: { gainThreshold: number } }[] } }).baseModel;
		expect(estimators[0].options.gainThreshold).toBe(0.01);
		expect(indexes.some((cols) => new Set(cols).size < cols.length)).toBe(true);
	});

	it('a gain threshold of 0.01 grows smaller trees than 0 on the same rows', () => {
		const size = (gainThreshold: number) => {
			const m = new RandomForestClassifier({ nEstimators: 3, seed: 4, noOOB: true, replacement: false, treeOptions: { gainThreshold } });
			m.train(X, y);
			return flattenClassificationForest(m, X).feature.length;
		};
		expect(size(0.01)).toBeLessThan(size(0));
	});

	it('labels must be 0..K-1: a pure class-0 leaf holds a distribution of length 1, padded to K', () => {
		const m = new RandomForestClassifier({ nEstimators: 2, seed: 4, noOOB: true, replacement: false });
		m.train(X, y);
		const flat = flattenClassificationForest(m, X);
		expect(flat.nOutputs).toBe(2);
		for (let i = 0; i < flat.feature.length; i++) {
			if (flat.feature[i] >= 0) continue;
			expect(flat.value[2 * i] + flat.value[2 * i + 1]).toBeCloseTo(1, 12);
		}
	});
});

describe('trainForestClassifier', () => {
	// About 2% positives.
	const { X, y } = makeClassificationData(1500, 8, 5, { positiveRate: 0.01 });
	const positives = y.filter((v) => v === 1).length;

	it('is rare-positive data (the case balanced samples are for)', () => {
		expect(positives / y.length).toBeGreaterThan(0.005);
		expect(positives / y.length).toBeLessThan(0.06);
	});

	it('draws equal positives and negatives for every tree, and is deterministic', () => {
		const opts = { nEstimators: 15, seed: 77, sampling: 'balanced' as const, maxDepth: 6 };
		const a = trainForestClassifier(X, y, opts);
		const b = trainForestClassifier(X, y, opts);
		expect(a.perClass).toBe(positives);
		expect(Array.from(encodeFlatForest(b.flat))).toEqual(Array.from(encodeFlatForest(a.flat)));
		const c = trainForestClassifier(X, y, { ...opts, seed: 78 });
		expect(Array.from(encodeFlatForest(c.flat))).not.toEqual(Array.from(encodeFlatForest(a.flat)));
		// Each tree's root saw as many of each class: its training distribution is [0.5, 0.5] before splits.
		for (const tree of a.trees) {
			const votes = tree.predictionValues(X.slice(0, 1)).get(0, 0);
			expect([0, 1]).toContain(votes);
		}
		expect(a.flat.nTrees).toBe(15);
		// Depth <= 6: at most 127 nodes a tree.
		for (let t = 0; t < a.flat.nTrees; t++) expect(a.flat.treeOffsets[t + 1] - a.flat.treeOffsets[t]).toBeLessThanOrEqual(127);
	});

	it('lifts the scores of the rare class far above what bootstrap samples give', () => {
		const balanced = trainForestClassifier(X, y, { nEstimators: 15, seed: 1, sampling: 'balanced', maxDepth: 6 });
		const plain = trainForestClassifier(X, y, { nEstimators: 15, seed: 1, maxDepth: 6 });
		const rows = Float64Array.from(X.flat());
		const mean = (p: Float64Array) => p.reduce((s, v) => s + v, 0) / p.length;
		const pb = predictOutput(balanced.flat, rows, X.length);
		const pp = predictOutput(plain.flat, rows, X.length);
		// A plain forest scores near the base rate; a balanced one learnt from half positives, far above it.
		expect(mean(pp)).toBeLessThan(0.06);
		expect(mean(pb)).toBeGreaterThan(3 * mean(pp));
		// Positives rank above negatives in both (on training rows, a sanity check, not a metric).
		const posMean = (p: Float64Array) => mean(p.filter((_, i) => y[i] === 1));
		const negMean = (p: Float64Array) => mean(p.filter((_, i) => y[i] === 0));
		expect(posMean(pb)).toBeGreaterThan(negMean(pb) + 0.2);
	});

	it('reproduces each of its library trees exactly', () => {
		const t = trainForestClassifier(X, y, { nEstimators: 4, seed: 3, sampling: 'balanced' });
		for (const row of X.slice(0, 50)) {
			for (let i = 0; i < 4; i++) expect(predictTrees(t.flat, row, 1)[i]).toBe(libraryLeaf(t.trees[i], 0, row, 2)[1]);
			expect(explainPrediction(t.flat, row).prediction).toBe(predictOne(t.flat, row));
		}
	});

	it('rejects bad labels and options', () => {
		expect(() => trainForestClassifier(X, y.map(() => 0), { nEstimators: 2, seed: 1 })).toThrow(/one class/);
		expect(() => trainForestClassifier(X, y.map((v) => v * 2), { nEstimators: 2, seed: 1 })).toThrow(/No row has label 1/);
		expect(() => trainForestClassifier(X, y.map((v) => v + 0.5), { nEstimators: 2, seed: 1 })).toThrow(/integers/);
		expect(() => trainForestClassifier(X, y.slice(1), { nEstimators: 2, seed: 1 })).toThrow(RangeError);
	});
});

describe('the binary format', () => {
	it('decodes the shipped GMV forest (format 1, regression) and re-encodes it to the same bytes', () => {
		const artifact = JSON.parse(readFileSync(new URL('../../../../model-artifacts/gmv/forest.json', import.meta.url), 'utf8')) as { forest: string };
		const bytes = base64ToBytes(artifact.forest);
		const flat = decodeFlatForest(bytes);
		expect(flat.kind).toBe('regression');
		expect(flat.nOutputs).toBe(1);
		expect(bytesToBase64(encodeFlatForest(flat))).toBe(artifact.forest);
	});

	it('rejects a classification header with fewer than two classes', () => {
		const { X, y } = makeClassificationData(100, 6, 1);
		const bytes = encodeFlatForest(trainForestClassifier(X, y, { nEstimators: 2, seed: 1 }).flat);
		expect(bytes[5]).toBe(1); // kind: classification
		expect(bytes[6]).toBe(2); // classes
		const bad = bytes.slice();
		bad[6] = 1;
		expect(() => decodeFlatForest(bad)).toThrow(/class count/);
	});
});
