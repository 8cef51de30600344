/**
 * The shapes the synthetic marketplace is built from: its parameters, where its events go, and a
 * user's hidden traits. The simulation itself is in ../generator.ts (the market) and ./user.ts (one
 * user); `DEFAULT_MARKET` there documents every parameter's value.
 */

/** Every distribution and parameter of the simulation (see the top of ../generator.ts). */
export interface MarketParams {
	seed: number;
	/** First simulated month (months since 1970-01). */
	startMonth: number;
	months: number;
	firstMonthJoins: number;
	monthlyGrowth: number;
	/** Join multiplier by calendar month, January first. */
	joinSeason: readonly number[];
	/** Activity multiplier by calendar month, January first. */
	activitySeason: readonly number[];
	engagement: { logMean: number; logSd: number };
	activeShare: { a: number; b: number };
	churnPerMonth: number;
	monthNoiseShape: number;
	/** Events per active month at λ = 1, ε = 1. */
	rates: { collectionAdd: number; wishlistAdd: number; order: number };
	categories: readonly string[];
	popularityExponent: number;
	favouriteCounts: readonly number[];
	ownMix: { collectionAdd: number; wishlistAdd: number; order: number; listing: number };
	supplyLogSd: number;
	desirabilityLogSd: number;
	price: { logMean: number; logSd: number };
	itemLogSd: number;
	conversion: { intercept: number; collection: number; orders: number; wishlist: number; engagement: number; focus: number; cap: number };
	seller: {
		q0: number;
		q1: number;
		q2: number;
		q3: number;
		noiseSd: number;
		listingsPerMonth: number;
		salesPerMonth: number;
		quitBase: number;
		quitLowQuality: number;
		demandExponent: number;
	};
	migrating: { share: number; buyerEventsMax: number; listingWithinDays: number; engagementScale: number; qualityLogMean: number; qualityLogSd: number };
	signupEvents: boolean;
}

/** Where generated events go (an EventLogBuilder fits). */
export interface EventSink {
	internUser(id: string): number;
	internCategory(name: string): number;
	add(user: number, day: number, kind: number, category: number, amount: number): void;
}

/**
 * A user's hidden traits, fixed when the user joins: what no activity log shows directly. For
 * analysis only (how well could a model do that knew them, scripts/train/sellers-ceiling.ts).
 */
export interface UserTraits {
	/** ln λ, the engagement that scales every rate of the user. */
	logEngagement: number;
	/** The main favourite's share of the favourites' weight. */
	focus: number;
	/** ln of the demand of the user's main category (it scales a seller's sales). */
	logMainDemand: number;
	/** The chance that a month is active. */
	activeShare: number;
}
