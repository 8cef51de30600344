import { describe, expect, it } from 'vitest';
import { binOf, binRows, quantileBinEdges, thresholdsToRaw } from './bins.ts';
import { leafOf } from './predict.ts';
import { makeClassificationData } from './synthetic.ts';
import { trainForestClassifier } from './train.ts';

describe('quantile bins', () => {
	it('keeps every distinct value when there are few, and bins by quantile when there are many', () => {
		const X = [[3, 0], [1, 5], [2, 10], [2, 15], [1, 20]];
		const few = quantileBinEdges(X, 4);
		expect(Array.from(few[0])).toEqual([2, 3]);
		// Five distinct values for four bins: cut at the quantiles.
		expect(Array.from(few[1])).toEqual([5, 10, 15]);
		expect(binRows(X, few)).toEqual([[2, 0], [0, 1], [1, 2], [1, 3], [0, 3]]);
		const many = quantileBinEdges(Array.from({ length: 1000 }, (_, i) => [i]), 10);
		expect(Array.from(many[0])).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
	});

	it('puts a value on an edge in the bin that starts there', () => {
		const edges = Float64Array.from([1, 4, 9]);
		expect([0.5, 1, 3.9, 4, 8, 9, 100].map((x) => binOf(edges, x))).toEqual([0, 1, 1, 2, 2, 3, 3]);
	});

	it('rejects values that cannot be binned', () => {
		expect(() => quantileBinEdges([[NaN]], 4)).toThrow(RangeError);
		expect(() => quantileBinEdges([[1]], 1)).toThrow(RangeError);
	});

	it('gives a forest on raw values that routes every row as the binned forest does', () => {
		const { X, y } = makeClassificationData(600, 6, 3, { positiveRate: 0.4 });
		// Many distinct values per feature: the binned forest sees at most 16.
		const edges = quantileBinEdges(X, 16);
		const binned = binRows(X, edges);
		const opts = { nEstimators: 5, seed: 7, sampling: 'balanced', minNumSamples: 5 } as const;
		const { flat } = trainForestClassifier(binned, y, opts);
		const raw = { ...flat, threshold: flat.threshold.slice() };
		thresholdsToRaw(raw, edges);
		// trainForestClassifier's maxBins option does all of this itself.
		const direct = trainForestClassifier(X, y, { ...opts, maxBins: 16 });
		expect(Array.from(direct.flat.threshold)).toEqual(Array.from(raw.threshold));
		expect(Array.from(direct.flat.value)).toEqual(Array.from(raw.value));
		const fresh = makeClassificationData(300, 6, 99).X;
		for (const row of [...X, ...fresh]) {
			const b = row.map((v, f) => binOf(edges[f], v));
			for (let t = 0; t < flat.nTrees; t++) expect(leafOf(raw, t, row)).toBe(leafOf(flat, t, b));
		}
	});
});
