/**
 * The market-level category factors of the synthetic marketplace: popularity, supply, desirability,
 * price level and the demand a seller meets, with the cumulative weights events are drawn by.
 */
import { cumulativeSums, logNormal } from '../../core/random';
import type { MarketParams } from './types';

/** What each category is like across the whole market (one entry per category). */
export interface CategoryFactors {
	/** Share of the market, ∝ (rank + 1)^-popularityExponent. */
	popularity: number[];
	supply: number[];
	desirability: number[];
	/** A typical item's price, in currency units. */
	priceLevel: number[];
	/** (desirability / supply)^demandExponent, normalised to a popularity-weighted mean of 1. */
	demand: number[];
	/** Cumulative weights to draw a category by popularity (collection adds, orders). */
	byPopularity: Float64Array;
	/** … by popularity x desirability (wish-list adds). */
	forWishlist: Float64Array;
	/** … by popularity x supply (listings and sales). */
	forListing: Float64Array;
	/** Cumulative weights to draw how many favourite categories a user has (1, 2, 3, …). */
	favouriteCount: Float64Array;
}

/** The categories' factors, drawn from `random` (supply, then desirability, then price level). */
export function categoryFactors(params: MarketParams, random: () => number): CategoryFactors {
	const K = params.categories.length;
	const popularityRaw = Array.from({ length: K }, (_, k) => Math.pow(k + 1, -params.popularityExponent));
	const popTotal = popularityRaw.reduce((a, b) => a + b, 0);
	const popularity = popularityRaw.map((p) => p / popTotal);
	const supply = Array.from({ length: K }, () => logNormal(random, 0, params.supplyLogSd));
	const desirability = Array.from({ length: K }, () => logNormal(random, 0, params.desirabilityLogSd));
	const priceLevel = Array.from({ length: K }, () => logNormal(random, params.price.logMean, params.price.logSd));
	const rawDemand = desirability.map((d, k) => Math.pow(d / supply[k], params.seller.demandExponent));
	const demandMean = rawDemand.reduce((s, d, k) => s + d * popularity[k], 0);
	const demand = rawDemand.map((d) => d / demandMean);
	return {
		popularity,
		supply,
		desirability,
		priceLevel,
		demand,
		byPopularity: cumulativeSums(popularity),
		forWishlist: cumulativeSums(popularity.map((p, k) => p * desirability[k])),
		forListing: cumulativeSums(popularity.map((p, k) => p * supply[k])),
		favouriteCount: cumulativeSums(params.favouriteCounts)
	};
}
