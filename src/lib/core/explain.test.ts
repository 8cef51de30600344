import { describe, expect, it } from 'vitest';
import { sampledShapley } from './explain';

describe('sampled Shapley values', () => {
	const predict = (rows: Float64Array, n: number) => Float64Array.from({ length: n }, (_, i) => {
		const [a, b, c, d] = rows.subarray(i * 4, i * 4 + 4);
		return 3 * a + 2 * b * c + Math.max(0, d);
	});
	it('adds up exactly to prediction minus reference', () => {
		const e = sampledShapley(predict, [1, 2, 3, 4], [0, 0, 0, 0], ['a', 'bc', 'bc', 'd'], 16, 3);
		expect(e.reference).toBe(0);
		expect(e.prediction).toBe(3 + 12 + 4);
		const sum = [...e.contributions.values()].reduce((x, y) => x + y, 0);
		expect(sum).toBeCloseTo(e.prediction - e.reference, 10);
	});
	it('recovers additive effects exactly and splits interactions', () => {
		const e = sampledShapley(predict, [1, 2, 3, 4], [0, 0, 0, 0], ['a', 'b', 'c', 'd'], 200, 5);
		expect(e.contributions.get('a')).toBeCloseTo(3, 10);
		expect(e.contributions.get('d')).toBeCloseTo(4, 10);
		// b*c interaction of 12, shared: each gets 6 exactly in expectation, close with 200 orderings
		expect(e.contributions.get('b')! + e.contributions.get('c')!).toBeCloseTo(12, 10);
		expect(e.contributions.get('b')).toBeGreaterThan(4);
		expect(e.contributions.get('c')).toBeGreaterThan(4);
	});
	it('is deterministic for a seed', () => {
		const a = sampledShapley(predict, [1, 2, 3, 4], [0, 0, 0, 0], ['a', 'b', 'c', 'd'], 8, 7);
		const b = sampledShapley(predict, [1, 2, 3, 4], [0, 0, 0, 0], ['a', 'b', 'c', 'd'], 8, 7);
		expect([...a.contributions]).toEqual([...b.contributions]);
	});
});
