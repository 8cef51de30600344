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
import { poisson, seededRandom } from '../core/random';
import { monthOf, monthStart } from './calendar';
import { DEMO_CATEGORIES } from './categories';
import { categoryFactors } from './generator/factors';
import type { EventSink, MarketParams, UserTraits } from './generator/types';
import { simulateUser, type MarketRun } from './generator/user';

export type { EventSink, MarketParams, UserTraits } from './generator/types';

/** The parameters the demo, the tests and training start from (each is described at the top of this file). */
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

/** How many users join in month `m`: Poisson around the first month's joins, grown and made seasonal. */
function joinsIn(params: MarketParams, random: () => number, m: number): number {
	const calendarMonth = ((m % 12) + 12) % 12;
	const expected = params.firstMonthJoins * Math.pow(1 + params.monthlyGrowth, m - params.startMonth) * params.joinSeason[calendarMonth];
	return poisson(random, expected);
}

/**
 * Run the simulation, sending every event to `sink`, and each user's hidden traits to `onUser` when
 * given (it draws nothing, so the events are the same either way). Deterministic for the same
 * parameters.
 */
export function generateMarket(params: MarketParams, sink: EventSink, onUser?: (user: number, traits: UserTraits) => void): MarketTruth {
	const random = seededRandom(params.seed);
	const categoryIndex = params.categories.map((name) => sink.internCategory(name));
	const factors = categoryFactors(params, random);
	const lastMonth = params.startMonth + params.months - 1;
	const run: MarketRun = { params, random, sink, categoryIndex, factors, lastMonth, endDay: monthStart(lastMonth + 1) };

	let users = 0;
	let converted = 0;
	let migrating = 0;
	for (let m = params.startMonth; m <= lastMonth; m++) {
		const start = monthStart(m);
		const days = monthStart(m + 1) - start;
		const joins = joinsIn(params, random, m);
		for (let j = 0; j < joins; j++) {
			const user = sink.internUser(`u${String(100001 + users).padStart(6, '0')}`);
			users++;
			const joinDay = start + Math.floor(random() * days);
			const isMigrating = random() < params.migrating.share;
			if (isMigrating) migrating++;
			if (simulateUser(run, user, joinDay, m, isMigrating, onUser)) converted++;
		}
	}
	const { popularity, supply, desirability, priceLevel } = factors;
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
