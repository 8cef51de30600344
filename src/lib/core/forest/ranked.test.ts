import { describe, expect, it } from 'vitest';
import { flattenRegressionForest } from './flatten.ts';
import { predictForest } from './predict.ts';
import { COMPLETE_DEPTH, manyRowPredictor, predictRanked, rankForest, rankRows } from './ranked.ts';
import { makeRegressionData } from './synthetic.ts';
import { trainForestRegressor } from './train.ts';

/** Rows with NaN, infinities, -0, values equal to split values and beyond every split. */
function awkwardRows(X: number[][], flat: ReturnType<typeof flattenRegressionForest>): Float64Array {
	const rows = X.map((r) => r.slice());
	const splitValues = Array.from(flat.threshold).filter((v) => v === v);
	rows.forEach((r, i) => {
		const j = i % r.length;
		if (i % 7 === 0) r[j] = NaN;
		else if (i % 7 === 1) r[j] = splitValues[i % splitValues.length];
		else if (i % 7 === 2) r[j] = i % 2 ? Infinity : -Infinity;
		else if (i % 7 === 3) r[j] = -0;
		else if (i % 7 === 4) r[j] = 1e9;
	});
	return Float64Array.from(rows.flat());
}

describe('a ranked forest', () => {
	const { X, y } = makeRegressionData(900, 9, 11);
	const trainX = X.slice(0, 600);
	const testX = X.slice(600);
	for (const [name, maxDepth] of [
		['shallow trees (ranked)', 6],
		['trees as deep as a ranked forest goes', COMPLETE_DEPTH],
		['deeper trees (walked by predictForest)', undefined]
	] as const) {
		const flat = flattenRegressionForest(trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 9, seed: 3, maxDepth }), trainX);
		const ranked = rankForest(flat);
		const predict = manyRowPredictor(flat, 0);

		it(`${name}: predicts exactly what predictForest predicts`, () => {
			expect(ranked === null).toBe(maxDepth === undefined);
			if (ranked) expect(ranked.depth).toBeLessThanOrEqual(maxDepth ?? 0);
			for (const rows of [Float64Array.from(testX.flat()), Float64Array.from(trainX.flat()), awkwardRows(testX, flat)]) {
				const n = rows.length / 9;
				// Every count of rows modulo 4 (the walk takes four at a time).
				for (const m of [n, n - 1, n - 2, n - 3, 1]) {
					const want = predictForest(flat, rows, m);
					const got = predict(rows, m);
					if (ranked) expect(predictRanked(ranked, rows, m)).toEqual(got);
					expect(got.length).toBe(m);
					for (let i = 0; i < m; i++) expect(Object.is(got[i], want[i]) || got[i] === want[i]).toBe(true);
				}
			}
		});
	}

	it('refuses a classifier and rows too short', () => {
		const flat = flattenRegressionForest(trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 2, seed: 1, maxDepth: 5 }), trainX);
		expect(() => rankForest({ ...flat, kind: 'classification', nOutputs: 2 })).toThrow(RangeError);
		expect(() => predictRanked(rankForest(flat)!, new Float64Array(5), 2)).toThrow(RangeError);
	});

	it('ranks every value as a count of the split values at or below it, repeated values included', () => {
		const flat = flattenRegressionForest(trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 20, seed: 4, maxDepth: 10 }), trainX);
		const ranked = rankForest(flat)!;
		expect(Math.max(...ranked.splits.map((s) => s.length))).toBeGreaterThan(8);
		// Rows that repeat a few values per feature (as a month's budget does), awkward ones among them.
		const base = awkwardRows(testX, flat);
		const rows = new Float64Array(base.length * 3);
		for (let i = 0; i < rows.length; i++) rows[i] = base[(i * 7) % 60 < 30 ? i % base.length : i % 90];
		const n = rows.length / 9;
		const ranks = rankRows(ranked, rows, n);
		for (let i = 0; i < rows.length; i++) {
			const x = rows[i];
			const s = ranked.splits[i % 9];
			const want = x !== x ? s.length : s.filter((v) => v <= x).length;
			expect(ranks[i]).toBe(want);
		}
	});
});
