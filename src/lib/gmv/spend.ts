/**
 * Marketing spend: the form takes a month's budget by channel, the model reads the week's spend
 * allocated to one sub-category. The weekly data spreads each month's investment over 4.3 weeks
 * (a week inside one month carries exactly month / 4.3; `npm run train` checks this against the
 * data), and, as in the original project, a sub-category gets a share of the marketplace's spend
 * in proportion to its share of GMV (measured on the training weeks only).
 */
import { CHANNELS, type Channel } from './schema';

/** Weeks in a month, as the weekly data counts them. */
export const WEEKS_PER_MONTH = 4.3;

export type ChannelSpend = Record<Channel, number>;

export function zeroSpend(): ChannelSpend {
	return Object.fromEntries(CHANNELS.map((c) => [c, 0])) as ChannelSpend;
}

export function totalSpend(spend: ChannelSpend): number {
	let t = 0;
	for (const c of CHANNELS) t += spend[c];
	return t;
}

/** A month's budget by channel (crore) -> the weekly spend the data and the model use. */
export function weeklyFromMonthly(monthly: ChannelSpend): ChannelSpend {
	return Object.fromEntries(CHANNELS.map((c) => [c, monthly[c] / WEEKS_PER_MONTH])) as ChannelSpend;
}

/** Weekly spend -> the monthly budget it corresponds to. */
export function monthlyFromWeekly(weekly: ChannelSpend): ChannelSpend {
	return Object.fromEntries(CHANNELS.map((c) => [c, weekly[c] * WEEKS_PER_MONTH])) as ChannelSpend;
}

/** Scale a spend mix to a new total, keeping its proportions (an all-zero mix is split evenly). */
export function scaleSpend(mix: ChannelSpend, total: number): ChannelSpend {
	const t = totalSpend(mix);
	return Object.fromEntries(
		CHANNELS.map((c) => [c, t > 0 ? (mix[c] / t) * total : total / CHANNELS.length])
	) as ChannelSpend;
}

/**
 * Each sub-category's share of GMV over the given rows (the training weeks), used to allocate
 * the marketplace's spend. Shares sum to 1; a sub-category with no rows gets 0.
 */
export function gmvShares(rows: { subCategory: string; gmv: number }[], subCategories: readonly string[]) {
	const sums = new Map<string, number>(subCategories.map((s) => [s, 0]));
	let total = 0;
	for (const r of rows) {
		sums.set(r.subCategory, (sums.get(r.subCategory) ?? 0) + r.gmv);
		total += r.gmv;
	}
	return Object.fromEntries(subCategories.map((s) => [s, total > 0 ? (sums.get(s) ?? 0) / total : 0]));
}
