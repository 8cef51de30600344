import { describe, expect, it } from 'vitest';
import { nextBasketPairs, trainEmbeddings } from './embeddings.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';

/** Small seeded members: two tastes (items 0-4 or 5-9), baskets of 2-4 items. */
function members(count: number, seed: number): number[][][] {
	const random = seededRandom(seed);
	return Array.from({ length: count }, (_, m) => {
		const offset = m % 2 ? 5 : 0;
		return Array.from({ length: 3 + Math.floor(random() * 3) }, () => {
			const basket = new Set<number>();
			const size = 2 + Math.floor(random() * 3);
			while (basket.size < size) basket.add(offset + Math.floor(random() * 5));
			return [...basket].sort((a, b) => a - b);
		});
	});
}

describe('next-basket pairs', () => {
	it('spreads each predicted basket over its earlier purchases and its items, one example each', () => {
		// Member 1: [0,1] then [2] then [0,3]; member 2 has one basket (nothing to predict).
		const { pairs, examples } = nextBasketPairs([[[0, 1], [2], [0, 3]], [[4]]], 5);
		expect(examples).toBe(2);
		const at = (i: number, j: number) => pairs[i * 5 + j];
		// [2] from {0: 1/2, 1: 1/2}; [0,3] from {0: 1/3, 1: 1/3, 2: 1/3}, each item half.
		expect(at(0, 2)).toBeCloseTo(0.5, 12);
		expect(at(1, 2)).toBeCloseTo(0.5, 12);
		expect(at(0, 0)).toBeCloseTo(1 / 6, 12);
		expect(at(2, 3)).toBeCloseTo(1 / 6, 12);
		expect(pairs.reduce((a, v) => a + v, 0)).toBeCloseTo(2, 12);
		expect(at(4, 4)).toBe(0);
	});
});

describe('trainEmbeddings', () => {
	const data = members(40, 5);
	const opts = { dims: 4, epochs: 30, learningRate: 0.05, l2: 1e-3, seed: 11 };

	it('gives identical bytes for the same baskets and seed', async () => {
		const a = await trainEmbeddings(data, 10, opts);
		const b = await trainEmbeddings(data, 10, opts);
		expect(Buffer.from(b.itemVectors.buffer).equals(Buffer.from(a.itemVectors.buffer))).toBe(true);
		expect(Buffer.from(b.contextVectors.buffer).equals(Buffer.from(a.contextVectors.buffer))).toBe(true);
		expect(b.loss).toBe(a.loss);
		const c = await trainEmbeddings(data, 10, { ...opts, seed: 12 });
		expect(Buffer.from(c.itemVectors.buffer).equals(Buffer.from(a.itemVectors.buffer))).toBe(false);
	});

	it('learns the two tastes: a shopper of items 0-4 is pointed to items 0-4', async () => {
		const e = await trainEmbeddings(data, 10, { ...opts, epochs: 200 });
		const u = Array.from({ length: 4 }, (_, d) => (e.itemVectors[0 * 4 + d] + e.itemVectors[1 * 4 + d]) / 2);
		const logit = (j: number) => u.reduce((s, v, d) => s + v * e.contextVectors[j * 4 + d], 0) + e.bias[j];
		const own = [0, 1, 2, 3, 4].map(logit);
		const other = [5, 6, 7, 8, 9].map(logit);
		expect(Math.min(...own)).toBeGreaterThan(Math.max(...other));
	});
});
