import { describe, expect, it } from 'vitest';
import { embeddingScores, popularityScores, shopperScores, shopperVector, standardise, topItems, type ShopperModel } from './shopper';

/** Four items in 2-D: items 0 and 1 point one way, 2 and 3 the other; item 3 is the most popular. */
function model(weights = { popularity: 1, embedding: 0, rebuy: 0 }): ShopperModel {
	return {
		nItems: 4,
		dims: 2,
		popularity: popularityScores([10, 20, 5, 40]),
		itemVectors: Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]),
		contextVectors: Float32Array.from([1, 0, 1, 0, 0, 1, 0, 1]),
		bias: Float32Array.from([0, 0.1, 0, 0]),
		weights
	};
}

describe('shopper scoring', () => {
	it('standardises, and leaves constant values at zero', () => {
		const z = standardise([1, 2, 3]);
		expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
		expect(z[1]).toBe(0);
		expect(Array.from(standardise([4, 4, 4]))).toEqual([0, 0, 0]);
	});

	it('ranks by popularity alone for a shopper with no purchases', () => {
		expect(topItems(shopperScores(model(), [0, 0, 0, 0]), 4)).toEqual([3, 1, 0, 2]);
		// With no purchases the embedding term is the bias alone: item 1 first.
		expect(topItems(embeddingScores(model(), [0, 0, 0, 0]), 1)).toEqual([1]);
	});

	it("makes the shopper's vector the count-weighted mean of their items' vectors", () => {
		expect(Array.from(shopperVector(model(), [3, 0, 1, 0])!)).toEqual([0.75, 0.25]);
		expect(shopperVector(model(), [0, 0, 0, 0])).toBeNull();
	});

	it('moves items close to the shopper up with the embedding weight, and re-bought ones with the re-buy weight', () => {
		const counts = [0, 0, 2, 0];
		// Popularity alone: 3, 1, 0, 2. The embeddings pull 2 and 3 (the shopper's side) up.
		expect(topItems(shopperScores(model({ popularity: 1, embedding: 2, rebuy: 0 }), counts), 2)).toEqual([3, 2]);
		// Re-buys alone put the bought item first.
		expect(topItems(shopperScores(model({ popularity: 0, embedding: 0, rebuy: 1 }), counts), 1)).toEqual([2]);
	});

	it('breaks ties by catalogue index and rejects a count vector of the wrong length', () => {
		expect(topItems([1, 2, 2, 1], 4)).toEqual([1, 2, 0, 3]);
		expect(() => shopperScores(model(), [1, 2])).toThrow(RangeError);
	});
});
