/**
 * One user of the synthetic marketplace, month by month from the month they join: buying, perhaps
 * becoming a seller, selling, going quiet. See the top of ../generator.ts for the model in words.
 */
import { beta, cumulativeSums, gamma, logNormal, normal, poisson, weightedIndex } from '../../core/random';
import { monthStart } from '../calendar';
import { EventKind } from '../events';
import type { CategoryFactors } from './factors';
import type { EventSink, MarketParams, UserTraits } from './types';

/** What every user of one run shares: the parameters, the seeded generator, where events go and the market. */
export interface MarketRun {
	params: MarketParams;
	random: () => number;
	sink: EventSink;
	/** The sink's index of each category. */
	categoryIndex: number[];
	factors: CategoryFactors;
	lastMonth: number;
	/** The first day after the simulated months: events from then on are dropped. */
	endDay: number;
}

/** A user's favourite categories, the main one first, with cumulative weights, and the main one's share of the weight. */
interface Favourites {
	cats: number[];
	cum: Float64Array;
	focus: number;
}

function pickFavourites(run: MarketRun): Favourites {
	const { random, factors } = run;
	const n = weightedIndex(random, factors.favouriteCount) + 1;
	const cats: number[] = [];
	while (cats.length < n) {
		const k = weightedIndex(random, factors.byPopularity);
		if (!cats.includes(k)) cats.push(k);
	}
	const weights = cats.map(() => gamma(random, 1));
	// The main favourite first: the user's focus is its share of the favourites' weight.
	const top = weights.indexOf(Math.max(...weights));
	[cats[0], cats[top]] = [cats[top], cats[0]];
	[weights[0], weights[top]] = [weights[top], weights[0]];
	return { cats, cum: cumulativeSums(weights), focus: weights[0] / weights.reduce((a, b) => a + b, 0) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The days of one simulated month a user can act in. */
interface MonthDays {
	/** Months since 1970-01, and 0-11 in the calendar. */
	month: number;
	calendarMonth: number;
	start: number;
	/** First day of the next month. */
	end: number;
	/** The join day in the join month, else the month's first day. */
	from: number;
}

/** A user's life in the market: their hidden traits, what they have done so far, and each month's events. */
class SimulatedUser {
	readonly favourites: Favourites;
	/** Engagement λ. */
	readonly lambda: number;
	/** The chance that a month is active. */
	readonly activeShare: number;
	private collection = 0;
	private readonly recentOrders = [0, 0, 0];
	private readonly recentWishes = [0, 0, 0];
	private churned = false;
	/** First listing day, once a seller (else -1). */
	private sellerFrom = -1;
	private quality = 0;
	private quiet = false;
	/** True once the user converts from buyer to seller (migrating sellers do not convert). */
	converts = false;

	constructor(
		private readonly run: MarketRun,
		readonly user: number,
		private readonly joinDay: number,
		private readonly joinMonth: number,
		private readonly isMigrating: boolean
	) {
		const { random, params } = run;
		this.favourites = pickFavourites(run);
		let lambda = logNormal(random, params.engagement.logMean, params.engagement.logSd);
		if (isMigrating) lambda *= params.migrating.engagementScale;
		this.lambda = lambda;
		this.activeShare = beta(random, params.activeShare.a, params.activeShare.b);
	}

	/** The traits no activity log shows (drawing nothing). */
	traits(): UserTraits {
		return { logEngagement: Math.log(this.lambda), focus: this.favourites.focus, logMainDemand: Math.log(this.run.factors.demand[this.favourites.cats[0]]), activeShare: this.activeShare };
	}

	/** An event's category: a favourite with probability `share`, else drawn from the market by `market`. */
	private own(share: number, market: Float64Array): number {
		const random = this.run.random;
		return random() < share ? this.favourites.cats[weightedIndex(random, this.favourites.cum)] : weightedIndex(random, market);
	}

	/** An order's or a sale's amount in category `k`. */
	private itemAmount(k: number): number {
		return round2(logNormal(this.run.random, Math.log(this.run.factors.priceLevel[k]), this.run.params.itemLogSd));
	}

	/** Send an event to the sink, unless it falls after the simulated months (`k` < 0: no category). */
	private emit(day: number, kind: number, k: number, amount = 0): void {
		if (day < this.run.endDay) this.run.sink.add(this.user, day, kind, k < 0 ? 0xffff : this.run.categoryIndex[k], amount);
	}

	/** A uniform day from `after` to the end of the month. */
	private dayIn(days: MonthDays, after = days.from): number {
		return after + Math.floor(this.run.random() * (days.end - after));
	}

	/** The first listing (and sign-up) of a new seller, on `day`. */
	private firstListing(day: number): void {
		if (this.run.params.signupEvents) this.emit(day, EventKind.sellerSignup, -1);
		this.emit(day, EventKind.listing, this.own(this.run.params.ownMix.listing, this.run.factors.forListing));
	}

	/** A migrating seller: a quality of their own, a few buyer events, and a listing within days of joining. */
	startAsMigratingSeller(): void {
		const { random, params, factors } = this.run;
		this.sellerFrom = this.joinDay + Math.floor(random() * (params.migrating.listingWithinDays + 1));
		this.quality = logNormal(random, params.migrating.qualityLogMean, params.migrating.qualityLogSd);
		const buyerEvents = Math.floor(random() * (params.migrating.buyerEventsMax + 1));
		for (let e = 0; e < buyerEvents; e++) {
			const kind = random() < 0.6 ? EventKind.collectionAdd : EventKind.order;
			const k = this.own(params.ownMix.collectionAdd, factors.byPopularity);
			this.emit(this.joinDay + Math.floor(random() * 30), kind, k, kind === EventKind.order ? this.itemAmount(k) : 0);
		}
		this.firstListing(this.sellerFrom);
	}

	/** Simulate month `m` (from the join month on): becoming a seller, buying, then selling. */
	liveMonth(m: number): void {
		const start = monthStart(m);
		const days: MonthDays = { month: m, calendarMonth: ((m % 12) + 12) % 12, start, end: monthStart(m + 1), from: m === this.joinMonth ? this.joinDay : start };
		if (this.sellerFrom < 0 && m > this.joinMonth && !this.churned) this.maybeStartSelling(days);
		this.buy(days);
		if (this.sellerFrom >= 0 && !this.quiet && this.sellerFrom < days.end) this.sell(days);
	}

	/** Becoming a seller, judged on what the user did before this month. */
	private maybeStartSelling(days: MonthDays): void {
		const { random, params } = this.run;
		const o3 = this.recentOrders[0] + this.recentOrders[1] + this.recentOrders[2];
		const w3 = this.recentWishes[0] + this.recentWishes[1] + this.recentWishes[2];
		const c = params.conversion;
		const focus = this.favourites.focus;
		const logit = c.intercept + c.collection * Math.log1p(this.collection) + c.orders * Math.log1p(o3) + c.wishlist * Math.log1p(w3) + c.engagement * Math.log(this.lambda) + c.focus * focus;
		if (random() < Math.min(c.cap, 1 / (1 + Math.exp(-logit)))) {
			this.converts = true;
			this.sellerFrom = this.dayIn(days);
			const s = params.seller;
			this.quality = Math.exp(s.q0 + s.q1 * Math.log(this.lambda) + s.q2 * Math.log1p(this.collection) + s.q3 * focus + normal(random, 0, s.noiseSd));
			this.firstListing(this.sellerFrom);
		}
	}

	/** Buying in an active month (the join month always is), then the chance of stopping for good. */
	private buy(days: MonthDays): void {
		const { random, params, factors } = this.run;
		const joinMonth = days.month === this.joinMonth;
		let adds = 0;
		let orders = 0;
		let wishes = 0;
		if (!this.churned && (joinMonth || random() < this.activeShare)) {
			const noise = gamma(random, params.monthNoiseShape, 1 / params.monthNoiseShape);
			const share = (days.end - days.from) / (days.end - days.start);
			const scale = this.lambda * noise * params.activitySeason[days.calendarMonth] * share;
			adds = poisson(random, params.rates.collectionAdd * scale);
			wishes = poisson(random, params.rates.wishlistAdd * scale);
			orders = poisson(random, params.rates.order * scale);
			if (joinMonth && !this.isMigrating && adds + wishes + orders === 0) adds = 1;
			for (let e = 0; e < adds; e++) this.emit(e === 0 && joinMonth ? this.joinDay : this.dayIn(days), EventKind.collectionAdd, this.own(params.ownMix.collectionAdd, factors.byPopularity));
			for (let e = 0; e < wishes; e++) this.emit(this.dayIn(days), EventKind.wishlistAdd, this.own(params.ownMix.wishlistAdd, factors.forWishlist));
			for (let e = 0; e < orders; e++) {
				const k = this.own(params.ownMix.order, factors.byPopularity);
				this.emit(this.dayIn(days), EventKind.order, k, this.itemAmount(k));
			}
		}
		this.collection += adds;
		this.recentOrders.unshift(orders);
		this.recentOrders.pop();
		this.recentWishes.unshift(wishes);
		this.recentWishes.pop();
		if (!this.churned && random() < params.churnPerMonth) this.churned = true;
	}

	/** Selling: going quiet for good (from the month after the first listing), else listings and sales. */
	private sell(days: MonthDays): void {
		const { random, params, factors } = this.run;
		const s = params.seller;
		const firstMonth = this.sellerFrom >= days.start;
		if (!firstMonth && random() < s.quitBase + s.quitLowQuality * Math.exp(-this.quality)) {
			this.quiet = true;
			return;
		}
		const after = firstMonth ? this.sellerFrom : days.start;
		const part = (days.end - after) / (days.end - days.start);
		const listings = poisson(random, s.listingsPerMonth * this.quality * part);
		for (let e = 0; e < listings; e++) this.emit(this.dayIn(days, after), EventKind.listing, this.own(params.ownMix.listing, factors.forListing));
		const sales = poisson(random, s.salesPerMonth * this.quality * factors.demand[this.favourites.cats[0]] * part);
		for (let e = 0; e < sales; e++) {
			const k = this.own(params.ownMix.listing, factors.forListing);
			this.emit(this.dayIn(days, after), EventKind.sale, k, this.itemAmount(k));
		}
	}
}

/**
 * Simulate one user from their join day to the last month, sending their events to the run's sink
 * and their hidden traits to `onUser` (which draws nothing); true when they convert from buyer to
 * seller.
 */
export function simulateUser(run: MarketRun, user: number, joinDay: number, joinMonth: number, isMigrating: boolean, onUser?: (user: number, traits: UserTraits) => void): boolean {
	const simulated = new SimulatedUser(run, user, joinDay, joinMonth, isMigrating);
	onUser?.(user, simulated.traits());
	if (isMigrating) simulated.startAsMigratingSeller();
	for (let m = joinMonth; m <= run.lastMonth; m++) simulated.liveMonth(m);
	return simulated.converts;
}
