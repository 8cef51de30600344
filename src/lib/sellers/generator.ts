/**
 * The synthetic marketplace: a seeded simulation of collectors joining, collecting, wishing, buying,
 * and some of them starting to sell. No public data of this kind exists, so the demo, the tests and
 * training all use it; every distribution and parameter is in `DEFAULT_MARKET` (documented in the
 * README and the model card from `MARKET_PARAMETER_TABLE`). Pure, no DOM.
 *
 * One user, month by month from the month they join:
 * - Joins: `firstMonthJoins` x (1 + `monthlyGrowth`)^month x `joinSeason` of the calendar month (a Q4
 *   peak); the join day is uniform in the month. A share `migrating.share` of joins are sellers moving
 *   over from another marketplace (below).
 * - Engagement λ ~ LogNormal(`engagement.logMean`, `engagement.logSd`), fixed per user: it scales every
 *   rate of the user, so their activity is correlated across months and event kinds, and heavy-tailed.
 * - Zero inflation: a month is active with probability a ~ Beta(`activeShare`) (fixed per user; the
 *   join month is always active); the user stops for good with probability `churnPerMonth` a month.
 * - In an active month, one shared noise ε ~ Gamma(`monthNoiseShape`, 1 / shape) (mean 1), then
 *   collection adds, wish-list adds and orders ~ Poisson(rate x λ x ε x `activitySeason`); an order's
 *   amount ~ LogNormal(log of its category's price level, `itemLogSd`); a category's price level ~
 *   LogNormal(`price.logMean`, `price.logSd`).
 * - Categories: popularity ∝ (rank + 1)^-`popularityExponent` over the 28 categories; each user has 1,
 *   2 or 3 favourites (`favouriteCounts`) drawn by popularity, with Dirichlet(1) weights. An event's
 *   category is a favourite with probability `ownMix[kind]`, else drawn from the whole market: by
 *   popularity for collection adds and orders, by popularity x desirability (LogNormal(0,
 *   `desirabilityLogSd`) per category) for wish-list adds, by popularity x supply (LogNormal(0,
 *   `supplyLogSd`)) for listings. So a category's inventory against its wish-list adds spans orders
 *   of magnitude.
 * - Becoming a seller: at the start of each month after the join month the user starts selling with
 *   probability min(`conversion.cap`, logistic(intercept + b1 ln(1 + collection size) + b2 ln(1 +
 *   orders in the last 3 months) + b3 ln(1 + wish-list adds in the last 3 months) + b4 ln λ + b5
 *   focus)), where focus is the main favourite's share of the user's favourite weights; the
 *   first listing falls on a uniform day of that month (a sign-up event the same day when
 *   `signupEvents`).
 * - As a seller: quality q = exp(q0 + q1 ln λ + q2 ln(1 + collection size) + q3 focus + N(0, `noiseSd`)). Each
 *   month listings ~ Poisson(`listingsPerMonth` x q) (plus the first listing), sales ~
 *   Poisson(`salesPerMonth` x q x demand of the seller's main category), with demand = (desirability
 *   / supply)^`demandExponent` normalised to a popularity-weighted mean of 1. From the month after
 *   the first listing, the seller goes quiet for good with probability `quitBase` + `quitLowQuality` x
 *   exp(-q) a month. A sale's amount is drawn like an order's. Buying goes on as before.
 * - Migrating sellers: list within `listingWithinDays` days of joining, with 0..`buyerEventsMax`
 *   buyer events before, engagement scaled by `engagementScale`, and quality ~
 *   LogNormal(`qualityLogMean`, `qualityLogSd`).
 */
import { SHORT_MONTHS } from '../core/dates';
import { beta, cumulativeSums, gamma, logNormal, normal, poisson, seededRandom, weightedIndex } from '../core/random';
import { monthOf, monthStart } from './calendar';
import { DEMO_CATEGORIES } from './categories';
import { EventKind } from './events';

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

export const DEFAULT_MARKET: MarketParams = {
	seed: 20170101,
	startMonth: monthOf(2017, 1),
	months: 24,
	firstMonthJoins: 60,
	monthlyGrowth: 0.04,
	joinSeason: [1, 0.9, 0.95, 0.95, 1, 1, 1, 1, 1.05, 1.3, 1.6, 1.9],
	activitySeason: [0.9, 0.9, 0.95, 1, 1, 1, 1, 1, 1, 1.05, 1.2, 1.35],
	engagement: { logMean: -0.3, logSd: 1.0 },
	activeShare: { a: 1.3, b: 1.7 },
	churnPerMonth: 0.04,
	monthNoiseShape: 1.0,
	rates: { collectionAdd: 2.4, wishlistAdd: 1.3, order: 0.7 },
	categories: DEMO_CATEGORIES,
	popularityExponent: 1.1,
	favouriteCounts: [0.5, 0.3, 0.2],
	ownMix: { collectionAdd: 0.9, wishlistAdd: 0.3, order: 0.9, listing: 0.15 },
	supplyLogSd: 1.6,
	desirabilityLogSd: 0.9,
	price: { logMean: Math.log(30), logSd: 0.6 },
	itemLogSd: 0.5,
	conversion: { intercept: -10.3, collection: 0.9, orders: 0.25, wishlist: 0.1, engagement: 0, focus: 2.5, cap: 0.15 },
	seller: { q0: -2.0, q1: 0.3, q2: 0.35, q3: 1.5, noiseSd: 0.6, listingsPerMonth: 2.5, salesPerMonth: 0.9, quitBase: 0.15, quitLowQuality: 0.35, demandExponent: 0.3 },
	migrating: { share: 0.04, buyerEventsMax: 2, listingWithinDays: 14, engagementScale: 0.2, qualityLogMean: Math.log(2.5), qualityLogSd: 0.5 },
	signupEvents: true
};

/** Where generated events go (an EventLogBuilder fits). */
export interface EventSink {
	internUser(id: string): number;
	internCategory(name: string): number;
	add(user: number, day: number, kind: number, category: number, amount: number): void;
}

/** What the simulation did, for tests and the model card. */
export interface MarketTruth {
	users: number;
	/** Users who converted from buying (not migrating), and migrating sellers. */
	converted: number;
	migrating: number;
	/** Per category: popularity share, supply and desirability factors, price level. */
	popularity: number[];
	supply: number[];
	desirability: number[];
	priceLevel: number[];
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

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Run the simulation, sending every event to `sink`, and each user's hidden traits to `onUser` when
 * given (it draws nothing, so the events are the same either way). Deterministic for the same
 * parameters.
 */
export function generateMarket(params: MarketParams, sink: EventSink, onUser?: (user: number, traits: UserTraits) => void): MarketTruth {
	const random = seededRandom(params.seed);
	const K = params.categories.length;
	const categoryIndex = params.categories.map((name) => sink.internCategory(name));

	// Market-level category factors.
	const popularityRaw = Array.from({ length: K }, (_, k) => Math.pow(k + 1, -params.popularityExponent));
	const popTotal = popularityRaw.reduce((a, b) => a + b, 0);
	const popularity = popularityRaw.map((p) => p / popTotal);
	const supply = Array.from({ length: K }, () => logNormal(random, 0, params.supplyLogSd));
	const desirability = Array.from({ length: K }, () => logNormal(random, 0, params.desirabilityLogSd));
	const priceLevel = Array.from({ length: K }, () => logNormal(random, params.price.logMean, params.price.logSd));
	const rawDemand = desirability.map((d, k) => Math.pow(d / supply[k], params.seller.demandExponent));
	const demandMean = rawDemand.reduce((s, d, k) => s + d * popularity[k], 0);
	const demand = rawDemand.map((d) => d / demandMean);
	const byPopularity = cumulativeSums(popularity);
	const forWishlist = cumulativeSums(popularity.map((p, k) => p * desirability[k]));
	const forListing = cumulativeSums(popularity.map((p, k) => p * supply[k]));
	const favouriteCount = cumulativeSums(params.favouriteCounts);

	let users = 0;
	let converted = 0;
	let migrating = 0;
	const lastMonth = params.startMonth + params.months - 1;
	const endDay = monthStart(lastMonth + 1);

	for (let m = params.startMonth; m <= lastMonth; m++) {
		const calendarMonth = ((m % 12) + 12) % 12;
		const start = monthStart(m);
		const days = monthStart(m + 1) - start;
		const expected = params.firstMonthJoins * Math.pow(1 + params.monthlyGrowth, m - params.startMonth) * params.joinSeason[calendarMonth];
		const joins = poisson(random, expected);
		for (let j = 0; j < joins; j++) {
			const id = `u${String(100001 + users).padStart(6, '0')}`;
			users++;
			const user = sink.internUser(id);
			const joinDay = start + Math.floor(random() * days);
			const isMigrating = random() < params.migrating.share;
			if (isMigrating) migrating++;
			if (simulateUser(user, joinDay, m, isMigrating)) converted++;
		}
	}

	function pickFavourites(): { cats: number[]; cum: Float64Array; focus: number } {
		const n = weightedIndex(random, favouriteCount) + 1;
		const cats: number[] = [];
		while (cats.length < n) {
			const k = weightedIndex(random, byPopularity);
			if (!cats.includes(k)) cats.push(k);
		}
		const weights = cats.map(() => gamma(random, 1));
		// The main favourite first: the user's focus is its share of the favourites' weight.
		const top = weights.indexOf(Math.max(...weights));
		[cats[0], cats[top]] = [cats[top], cats[0]];
		[weights[0], weights[top]] = [weights[top], weights[0]];
		return { cats, cum: cumulativeSums(weights), focus: weights[0] / weights.reduce((a, b) => a + b, 0) };
	}

	/** Simulate one user from their join day; true when they convert from buyer to seller. */
	function simulateUser(user: number, joinDay: number, joinMonth: number, isMigrating: boolean): boolean {
		const favourites = pickFavourites();
		const own = (share: number, market: Float64Array): number =>
			random() < share ? favourites.cats[weightedIndex(random, favourites.cum)] : weightedIndex(random, market);
		let lambda = logNormal(random, params.engagement.logMean, params.engagement.logSd);
		if (isMigrating) lambda *= params.migrating.engagementScale;
		const activeShare = beta(random, params.activeShare.a, params.activeShare.b);
		onUser?.(user, { logEngagement: Math.log(lambda), focus: favourites.focus, logMainDemand: Math.log(demand[favourites.cats[0]]), activeShare });
		const itemAmount = (k: number) => round2(logNormal(random, Math.log(priceLevel[k]), params.itemLogSd));
		const emit = (day: number, kind: number, k: number, amount = 0) => {
			if (day < endDay) sink.add(user, day, kind, k < 0 ? 0xffff : categoryIndex[k], amount);
		};

		let collection = 0;
		const recentOrders = [0, 0, 0];
		const recentWishes = [0, 0, 0];
		let churned = false;
		let sellerFrom = -1; // first listing day, once a seller
		let quality = 0;
		let quiet = false;
		let converts = false;

		if (isMigrating) {
			sellerFrom = joinDay + Math.floor(random() * (params.migrating.listingWithinDays + 1));
			quality = logNormal(random, params.migrating.qualityLogMean, params.migrating.qualityLogSd);
			const buyerEvents = Math.floor(random() * (params.migrating.buyerEventsMax + 1));
			for (let e = 0; e < buyerEvents; e++) {
				const kind = random() < 0.6 ? EventKind.collectionAdd : EventKind.order;
				const k = own(params.ownMix.collectionAdd, byPopularity);
				emit(joinDay + Math.floor(random() * 30), kind, k, kind === EventKind.order ? itemAmount(k) : 0);
			}
			if (params.signupEvents) emit(sellerFrom, EventKind.sellerSignup, -1);
			emit(sellerFrom, EventKind.listing, own(params.ownMix.listing, forListing));
		}
		const mainCategory = favourites.cats[0];

		for (let m = joinMonth; m <= lastMonth; m++) {
			const calendarMonth = ((m % 12) + 12) % 12;
			const start = monthStart(m);
			const end = monthStart(m + 1);
			const from = m === joinMonth ? joinDay : start;
			const span = end - from;
			const share = span / (end - start);
			const dayIn = (after = from) => after + Math.floor(random() * (end - after));

			// Becoming a seller, judged on what the user did before this month.
			if (sellerFrom < 0 && m > joinMonth && !churned) {
				const o3 = recentOrders[0] + recentOrders[1] + recentOrders[2];
				const w3 = recentWishes[0] + recentWishes[1] + recentWishes[2];
				const c = params.conversion;
				const logit =
					c.intercept + c.collection * Math.log1p(collection) + c.orders * Math.log1p(o3) + c.wishlist * Math.log1p(w3) + c.engagement * Math.log(lambda) + c.focus * favourites.focus;
				if (random() < Math.min(c.cap, 1 / (1 + Math.exp(-logit)))) {
					converts = true;
					sellerFrom = dayIn();
					const s = params.seller;
					quality = Math.exp(s.q0 + s.q1 * Math.log(lambda) + s.q2 * Math.log1p(collection) + s.q3 * favourites.focus + normal(random, 0, s.noiseSd));
					if (params.signupEvents) emit(sellerFrom, EventKind.sellerSignup, -1);
					emit(sellerFrom, EventKind.listing, own(params.ownMix.listing, forListing));
				}
			}

			// Buying.
			let adds = 0;
			let orders = 0;
			let wishes = 0;
			if (!churned && (m === joinMonth || random() < activeShare)) {
				const noise = gamma(random, params.monthNoiseShape, 1 / params.monthNoiseShape);
				const scale = lambda * noise * params.activitySeason[calendarMonth] * share;
				adds = poisson(random, params.rates.collectionAdd * scale);
				wishes = poisson(random, params.rates.wishlistAdd * scale);
				orders = poisson(random, params.rates.order * scale);
				if (m === joinMonth && !isMigrating && adds + wishes + orders === 0) adds = 1;
				for (let e = 0; e < adds; e++) emit(e === 0 && m === joinMonth ? joinDay : dayIn(), EventKind.collectionAdd, own(params.ownMix.collectionAdd, byPopularity));
				for (let e = 0; e < wishes; e++) emit(dayIn(), EventKind.wishlistAdd, own(params.ownMix.wishlistAdd, forWishlist));
				for (let e = 0; e < orders; e++) {
					const k = own(params.ownMix.order, byPopularity);
					emit(dayIn(), EventKind.order, k, itemAmount(k));
				}
			}
			collection += adds;
			recentOrders.unshift(orders);
			recentOrders.pop();
			recentWishes.unshift(wishes);
			recentWishes.pop();
			if (!churned && random() < params.churnPerMonth) churned = true;

			// Selling.
			if (sellerFrom >= 0 && !quiet && sellerFrom < end) {
				const firstMonth = sellerFrom >= start;
				if (!firstMonth && random() < params.seller.quitBase + params.seller.quitLowQuality * Math.exp(-quality)) quiet = true;
				else {
					const after = firstMonth ? sellerFrom : start;
					const part = (end - after) / (end - start);
					const listings = poisson(random, params.seller.listingsPerMonth * quality * part);
					for (let e = 0; e < listings; e++) emit(dayIn(after), EventKind.listing, own(params.ownMix.listing, forListing));
					const sales = poisson(random, params.seller.salesPerMonth * quality * demand[mainCategory] * part);
					for (let e = 0; e < sales; e++) {
						const k = own(params.ownMix.listing, forListing);
						emit(dayIn(after), EventKind.sale, k, itemAmount(k));
					}
				}
			}
		}
		return converts;
	}

	return { users, converted, migrating, popularity, supply, desirability, priceLevel };
}

/** One row per parameter: what it is, its value (as text) and its distribution, for the README and model card. */
export interface ParameterRow {
	parameter: string;
	value: string;
	meaning: string;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const fixed = (x: number, d = 2) => String(Math.round(x * 10 ** d) / 10 ** d);

/** The generator's parameters as a table (the README and the model card show it). */
export function marketParameterTable(p: MarketParams = DEFAULT_MARKET): ParameterRow[] {
	const season = (s: readonly number[]) => s.map((v, i) => (v === 1 ? '' : `${SHORT_MONTHS[i]} ${v}`)).filter(Boolean).join(', ') + '; other months 1';
	const c = p.conversion;
	const s = p.seller;
	return [
		{ parameter: 'joins', value: `${p.firstMonthJoins} in the first month, +${pct(p.monthlyGrowth)} a month`, meaning: 'Poisson number of new users a month; join day uniform in the month' },
		{ parameter: 'join season', value: season(p.joinSeason), meaning: 'multiplier of joins by calendar month (Q4 peak)' },
		{ parameter: 'engagement λ', value: `LogNormal(${fixed(p.engagement.logMean)}, ${fixed(p.engagement.logSd)})`, meaning: 'per user; scales all their activity (correlated, heavy-tailed)' },
		{ parameter: 'active months', value: `Beta(${p.activeShare.a}, ${p.activeShare.b}) chance a month is active`, meaning: 'per user; zero inflation (the join month is always active)' },
		{ parameter: 'churn', value: pct(p.churnPerMonth) + ' a month', meaning: 'the user stops buying for good' },
		{ parameter: 'month noise ε', value: `Gamma(${p.monthNoiseShape}, 1/${p.monthNoiseShape})`, meaning: 'shared by all event kinds of a user-month (mean 1)' },
		{ parameter: 'activity season', value: season(p.activitySeason), meaning: 'multiplier of activity by calendar month' },
		{ parameter: 'collection adds', value: `Poisson(${p.rates.collectionAdd} λ ε)`, meaning: 'per active month' },
		{ parameter: 'wish-list adds', value: `Poisson(${p.rates.wishlistAdd} λ ε)`, meaning: 'per active month' },
		{ parameter: 'orders', value: `Poisson(${p.rates.order} λ ε)`, meaning: 'per active month; amount LogNormal(ln category price, ' + p.itemLogSd + ')' },
		{ parameter: 'category price level', value: `LogNormal(ln ${Math.round(Math.exp(p.price.logMean))}, ${p.price.logSd})`, meaning: 'per category, in currency units' },
		{ parameter: 'categories', value: `${p.categories.length}, popularity ∝ (rank+1)^-${p.popularityExponent}`, meaning: 'skewed category popularity' },
		{ parameter: 'favourite categories', value: p.favouriteCounts.map((v, i) => `${i + 1}: ${pct(v)}`).join(', '), meaning: 'per user, drawn by popularity, Dirichlet(1) weights' },
		{ parameter: 'own-mix share', value: `collection ${p.ownMix.collectionAdd}, orders ${p.ownMix.order}, wish list ${p.ownMix.wishlistAdd}, listings ${p.ownMix.listing}`, meaning: 'chance an event is in a favourite category (else drawn from the market)' },
		{ parameter: 'supply, desirability', value: `LogNormal(0, ${p.supplyLogSd}), LogNormal(0, ${p.desirabilityLogSd})`, meaning: 'per category; tilt listings and wish-list adds (inventory level spans orders of magnitude)' },
		{ parameter: 'conversion', value: `logistic(${c.intercept} + ${c.collection} ln(1+collection) + ${c.orders} ln(1+orders 3m) + ${c.wishlist} ln(1+wish 3m) + ${c.engagement} ln λ + ${c.focus} focus), capped at ${pct(c.cap)}`, meaning: 'chance a month that a buyer starts selling (well under 1% for most)' },
		{ parameter: 'seller quality q', value: `exp(${s.q0} + ${s.q1} ln λ + ${s.q2} ln(1+collection) + ${s.q3} focus + N(0, ${s.noiseSd}))`, meaning: 'per new seller' },
		{ parameter: 'listings, sales', value: `Poisson(${s.listingsPerMonth} q), Poisson(${s.salesPerMonth} q × demand)`, meaning: 'per month as a seller; demand = (desirability/supply)^' + s.demandExponent + ' of the main category' },
		{ parameter: 'going quiet', value: `${s.quitBase} + ${s.quitLowQuality} exp(-q) a month`, meaning: 'chance a seller stops for good, from the month after the first listing' },
		{ parameter: 'migrating sellers', value: `${pct(p.migrating.share)} of joins`, meaning: `list within ${p.migrating.listingWithinDays} days of joining with 0-${p.migrating.buyerEventsMax} buyer events; q ~ LogNormal(ln ${Math.exp(p.migrating.qualityLogMean)}, ${p.migrating.qualityLogSd})` },
		{ parameter: 'seller sign-up event', value: p.signupEvents ? 'yes' : 'no', meaning: 'written on the day of the first listing' }
	];
}
