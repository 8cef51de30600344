/**
 * The marketing-mix response the budget planner uses, in the style of Robyn and Meridian: the
 * marketplace's weekly GMV is a base, a lift in sale weeks, and one saturating response per GROUP
 * of channels to that group's carried-over (adstocked) spend:
 *
 *   GMV(week) = base + saleLift * sale(week) + sum over groups of ceiling * hill(adstock(spend))
 *
 * - Geometric adstock, normalised so that a steady spend x carries over to exactly x:
 *   a(t) = (1 - decay) * x(t) + decay * a(t - 1).
 * - Hill curve x^shape / (x^shape + halfSat^shape) with 0 < shape <= 1 and ceiling >= 0: monotone
 *   and concave by construction, so more spend never buys more than the ceiling and every extra
 *   crore buys less than the one before.
 *
 * Spend is in crore, GMV in rupees. Pure: imported by training (which fits it) and the browser.
 */
import { WEEKS_PER_MONTH } from '../spend';

/** One group of channels that moved together in the data, with its fitted response. */
export interface MixGroup {
	id: string;
	/** In the user's words, e.g. "Sponsorship, search and digital". */
	label: string;
	/** Channel keys (schema CHANNELS) in the group. */
	channels: string[];
	/** Each channel's share of the group's spend over the year (sums to 1): how a group's budget is split back into channels. */
	channelShares: Record<string, number>;
	/** The group's monthly spend seen in the data, crore: smallest and largest month. */
	observedMonthly: { min: number; max: number };
}

/** The fitted parameters: plain numbers, so a bootstrap refit is one more of these. */
export interface MixParams {
	/** Weekly GMV with no marketing and no sale, rupees. */
	base: number;
	/** Extra weekly GMV in a sale week, rupees. */
	saleLift: number;
	/** Per group, in the order of the groups. */
	decay: number[];
	/** Weekly adstocked spend (crore) at which a group reaches half its ceiling. */
	halfSat: number[];
	/** Hill exponent, 0 < shape <= 1. */
	shape: number[];
	/** The most a group can add to weekly GMV, rupees. */
	ceiling: number[];
}

/** Normalised geometric adstock of a weekly series (starting from a steady state at its first week). */
export function adstock(spend: ArrayLike<number>, decay: number): Float64Array {
	const out = new Float64Array(spend.length);
	let carried = spend.length ? spend[0] : 0;
	for (let t = 0; t < spend.length; t++) {
		carried = (1 - decay) * spend[t] + decay * carried;
		out[t] = carried;
	}
	return out;
}

/** Hill saturation in [0, 1): 0 at no spend, 1/2 at `halfSat`. */
export function hill(x: number, halfSat: number, shape: number): number {
	if (x <= 0) return 0;
	const a = Math.pow(x / halfSat, shape);
	return a / (1 + a);
}

/** What group `g` adds to weekly GMV at a steady weekly spend (crore), rupees. */
export function groupWeeklyResponse(p: MixParams, g: number, weeklySpend: number): number {
	return p.ceiling[g] * hill(weeklySpend, p.halfSat[g], p.shape[g]);
}

/**
 * Predicted GMV of a month (rupees) with each group's monthly budget (crore) held steady, and
 * `saleWeeks` of its 4.3 weeks being sale weeks.
 */
export function monthGmv(p: MixParams, monthlyByGroup: readonly number[], saleWeeks: number): number {
	let weekly = p.base;
	for (let g = 0; g < monthlyByGroup.length; g++) weekly += groupWeeklyResponse(p, g, monthlyByGroup[g] / WEEKS_PER_MONTH);
	return weekly * WEEKS_PER_MONTH + p.saleLift * saleWeeks;
}

/** What group `g`'s monthly budget (crore) adds to a month's GMV, rupees. */
export function groupMonthResponse(p: MixParams, g: number, monthly: number): number {
	return groupWeeklyResponse(p, g, monthly / WEEKS_PER_MONTH) * WEEKS_PER_MONTH;
}

/**
 * Marginal return of group `g` at a monthly budget: extra GMV (rupees) per extra rupee of spend,
 * from a central difference of 0.1 crore (one-sided at zero).
 */
export function marginalReturn(p: MixParams, g: number, monthly: number): number {
	const h = 0.05;
	const lo = Math.max(0, monthly - h);
	const hi = monthly + h;
	return (groupMonthResponse(p, g, hi) - groupMonthResponse(p, g, lo)) / ((hi - lo) * CRORE);
}

export const CRORE = 1e7;

/** Weekly GMV the fit predicts for a run of weeks (spend by group per week, crore; sale flags 0/1). */
export function weeklyGmv(p: MixParams, spendByGroup: readonly ArrayLike<number>[], sale: ArrayLike<number>): Float64Array {
	const out = new Float64Array(sale.length).fill(p.base);
	for (let t = 0; t < sale.length; t++) out[t] += p.saleLift * sale[t];
	spendByGroup.forEach((series, g) => {
		const a = adstock(series, p.decay[g]);
		for (let t = 0; t < a.length; t++) out[t] += p.ceiling[g] * hill(a[t], p.halfSat[g], p.shape[g]);
	});
	return out;
}
