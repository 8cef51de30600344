import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.ts';
import { encodeFlatForest, type FlatForest } from './flat.ts';
import { shareOf } from './fastSplits.ts';
import { makeClassificationData } from './synthetic.ts';
import { trainForestClassifier, type ForestClassifierOptions } from './train.ts';

function expectSameForest(a: FlatForest, b: FlatForest): void {
	for (const key of ['kind', 'nFeatures', 'nTrees', 'nOutputs'] as const) expect(b[key], key).toBe(a[key]);
	for (const key of ['treeOffsets', 'feature', 'threshold', 'right', 'value', 'count'] as const) {
		expect(Array.from(b[key]), key).toEqual(Array.from(a[key]));
	}
	expect(Array.from(encodeFlatForest(b))).toEqual(Array.from(encodeFlatForest(a)));
}

/** A library tree as plain data: split columns and values, leaf distributions (what the flattener reads, and more). */
function treeShape(model: { toJSON(): unknown }): unknown {
	const json = JSON.parse(JSON.stringify(model.toJSON())) as { baseModel: { indexes: number[][]; estimators: { root: unknown }[] } };
	const strip = (node: Record<string, unknown>): unknown =>
		node.left && node.right
			? { column: node.splitColumn, value: node.splitValue, left: strip(node.left as Record<string, unknown>), right: strip(node.right as Record<string, unknown>) }
			: { distribution: node.distribution };
	return { indexes: json.baseModel.indexes, root: strip(json.baseModel.estimators[0].root as Record<string, unknown>) };
}

/** Train both ways; the flat forests and every tree must be identical. */
function expectIdentical(X: number[][], y: number[], opts: ForestClassifierOptions) {
	const library = trainForestClassifier(X, y, opts);
	const fast = trainForestClassifier(X, y, { ...opts, fastSplits: true });
	expectSameForest(library.flat, fast.flat);
	expect(fast.trees.map(treeShape)).toEqual(library.trees.map(treeShape));
	return library;
}

describe('shareOf (1/n added k times, as ml-cart builds a class share)', () => {
	it('equals the repeated sum bit for bit', () => {
		const random = seededRandom(5);
		for (let n = 1; n <= 400; n++) {
			let s = 0;
			for (let k = 1; k <= n; k++) {
				s += 1 / n;
				expect(shareOf(k, n)).toBe(s);
			}
		}
		for (let r = 0; r < 8; r++) {
			const n = 1000 + Math.floor(random() * 30000);
			let s = 0;
			let same = true;
			for (let k = 1; k <= n; k++) {
				s += 1 / n;
				if (shareOf(k, n) !== s) same = false;
			}
			expect(same, `n = ${n}`).toBe(true);
		}
		expect(shareOf(0, 7)).toBe(0);
	});
});

describe('fastSplits grows the trees ml-cart grows', () => {
	const rare = makeClassificationData(1200, 8, 21, { positiveRate: 0.05 });

	it('on continuous features, balanced samples, several depths and leaf sizes', () => {
		for (const [maxDepth, minNumSamples] of [
			[3, 3],
			[6, 3],
			[8, 20],
			[Infinity, 3]
		]) {
			const lib = expectIdentical(rare.X, rare.y, { nEstimators: 5, seed: 31, sampling: 'balanced', perClass: 150, maxDepth, minNumSamples });
			expect(lib.flat.treeOffsets[lib.flat.nTrees]).toBeGreaterThan(5 * 7);
		}
	});

	it('on quantile bins (many ties), as the seller forest trains, with the library default gain threshold', () => {
		expectIdentical(rare.X, rare.y, { nEstimators: 6, seed: 7, sampling: 'balanced', perClass: 200, maxDepth: 8, minNumSamples: 15, maxBins: 8 });
		expectIdentical(rare.X, rare.y, { nEstimators: 4, seed: 8, sampling: 'balanced', perClass: 200, maxDepth: 6, maxBins: 5, gainThreshold: 0.01 });
	});

	it('on three classes, bootstrap samples and a random half of the features per tree', () => {
		const three = makeClassificationData(500, 10, 4, { nClasses: 3 });
		expectIdentical(three.X, three.y, { nEstimators: 5, seed: 12, maxDepth: 7, maxFeatures: 0.5 });
		expectIdentical(three.X, three.y, { nEstimators: 3, seed: 13, maxBins: 6, minNumSamples: 10 });
	});

	it('on integer features with labels that change inside runs of equal values', () => {
		const random = seededRandom(99);
		const X = Array.from({ length: 800 }, () => Array.from({ length: 5 }, (_, f) => Math.floor(random() * (f + 2))));
		const y = X.map((row) => (random() < 0.2 + 0.15 * row[0] + 0.1 * row[3] ? 1 : 0));
		expectIdentical(X, y, { nEstimators: 6, seed: 2, sampling: 'balanced', perClass: 250, maxDepth: 9, minNumSamples: 5 });
	});
});
