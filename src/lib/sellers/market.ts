/**
 * What the marketplace looks like month by month, from the activity log: each category's inventory
 * level and the monthly activity lines. Pure, no DOM.
 *
 * Inventory level of a category as of month t (the original project's definition): listings in the
 * category in months t-2..t, divided by wish-list adds in the category in month t. Below 1, the
 * category had fewer new listings in 3 months than collectors wished for in one: stock is short.
 */
import { monthOfDay } from './calendar';
import { EventKind } from './events';
import { NO_CATEGORY, type EventLog, type UserIndex } from './log';

/** Months of listings an inventory level counts. */
export const INVENTORY_MONTHS = 3;
/** Months of history shown for each category. */
export const HISTORY_MONTHS = 6;

export interface CategoryLevel {
	/** Index into the log's categories. */
	category: number;
	name: string;
	/** Listings in months t-2..t. */
	listings: number;
	/** Wish-list adds in month t. */
	wishlistAdds: number;
	/** listings / wishlistAdds; null when there were no wish-list adds (no demand signal). */
	level: number | null;
	/** The level in each of months t-5..t (oldest first), null where undefined. */
	history: (number | null)[];
}

/** Listings and wish-list adds by category and month, for months [first, last]. */
export interface CategoryMonthCounts {
	firstMonth: number;
	months: number;
	categories: number;
	/** [month * categories + category] */
	listings: Uint32Array;
	wishlistAdds: Uint32Array;
}

export function categoryMonthCounts(log: EventLog, firstMonth: number, lastMonth: number): CategoryMonthCounts {
	const months = Math.max(0, lastMonth - firstMonth + 1);
	const K = log.categories.length;
	const listings = new Uint32Array(months * K);
	const wishlistAdds = new Uint32Array(months * K);
	// Month of each day, cached over the log's span of days.
	const monthOfDayCache = new Map<number, number>();
	for (let i = 0; i < log.n; i++) {
		const kind = log.kind[i];
		if (kind !== EventKind.listing && kind !== EventKind.wishlistAdd) continue;
		const c = log.category[i];
		if (c === NO_CATEGORY) continue;
		const d = log.day[i];
		let m = monthOfDayCache.get(d);
		if (m === undefined) monthOfDayCache.set(d, (m = monthOfDay(d)));
		const k = m - firstMonth;
		if (k < 0 || k >= months) continue;
		(kind === EventKind.listing ? listings : wishlistAdds)[k * K + c]++;
	}
	return { firstMonth, months, categories: K, listings, wishlistAdds };
}

/** Inventory level of every category as of month t (with its 6-month history), lowest level first. */
export function inventoryLevels(log: EventLog, t: number, counts = categoryMonthCounts(log, t - HISTORY_MONTHS - INVENTORY_MONTHS + 2, t)): CategoryLevel[] {
	const K = log.categories.length;
	const at = (month: number, c: number) => {
		let listings = 0;
		for (let m = month - INVENTORY_MONTHS + 1; m <= month; m++) {
			const k = m - counts.firstMonth;
			if (k >= 0 && k < counts.months) listings += counts.listings[k * K + c];
		}
		const k = month - counts.firstMonth;
		const wishlistAdds = k >= 0 && k < counts.months ? counts.wishlistAdds[k * K + c] : 0;
		return { listings, wishlistAdds, level: wishlistAdds > 0 ? listings / wishlistAdds : null };
	};
	const out: CategoryLevel[] = [];
	for (let c = 0; c < K; c++) {
		const now = at(t, c);
		const history: (number | null)[] = [];
		for (let m = t - HISTORY_MONTHS + 1; m <= t; m++) history.push(at(m, c).level);
		out.push({ category: c, name: log.categories[c], ...now, history });
	}
	return out.sort(compareLevels);
}

/**
 * Lowest level first; categories without wish-list adds last. Equal levels (most often 0: no
 * listings at all) go most wished-for first, as the same ratio over more wish-list adds is more
 * demand left unmet; then by name.
 */
export function compareLevels(a: Pick<CategoryLevel, 'level' | 'name' | 'wishlistAdds'>, b: Pick<CategoryLevel, 'level' | 'name' | 'wishlistAdds'>): number {
	if (a.level === null || b.level === null) {
		if (a.level !== b.level) return a.level === null ? 1 : -1;
	} else if (a.level !== b.level) return a.level - b.level;
	if (a.wishlistAdds !== b.wishlistAdds) return b.wishlistAdds - a.wishlistAdds;
	return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The `count` categories in shortest supply (lowest level with some demand). */
export function lowestCategories(levels: readonly CategoryLevel[], count = 3): number[] {
	return levels
		.filter((l) => l.level !== null)
		.slice(0, count)
		.map((l) => l.category);
}

/** One month of the activity lines. */
export interface MonthActivity {
	month: number;
	orders: number;
	collectionAdds: number;
	wishlistAdds: number;
	/** Users with any buyer event that month. */
	activeUsers: number;
	/** Users with a listing or a sale that month. */
	activeSellers: number;
	/** Users whose first listing (or sale) fell that month. */
	newSellers: number;
}

/** The monthly activity lines from the first month of the log to `lastMonth`. */
export function monthlyActivity(log: EventLog, index: UserIndex, lastMonth: number): MonthActivity[] {
	if (log.n === 0) return [];
	const first = monthOfDay(log.firstDay);
	const months = lastMonth - first + 1;
	if (months <= 0) return [];
	const rows: MonthActivity[] = Array.from({ length: months }, (_, k) => ({
		month: first + k,
		orders: 0,
		collectionAdds: 0,
		wishlistAdds: 0,
		activeUsers: 0,
		activeSellers: 0,
		newSellers: 0
	}));
	const { offsets, order } = index;
	for (let u = 0; u < log.userIds.length; u++) {
		let lastBuyerMonth = -1;
		let lastSellerMonth = -1;
		let seller = false;
		// Events are in day order within a user, so months only go up.
		let cachedDay = NaN;
		let k = -1;
		for (let j = offsets[u]; j < offsets[u + 1]; j++) {
			const e = order[j];
			const d = log.day[e];
			if (d !== cachedDay) {
				cachedDay = d;
				k = monthOfDay(d) - first;
			}
			if (k >= months) break;
			const kind = log.kind[e];
			const row = rows[k];
			if (kind <= EventKind.order) {
				if (kind === EventKind.order) row.orders++;
				else if (kind === EventKind.collectionAdd) row.collectionAdds++;
				else row.wishlistAdds++;
				if (lastBuyerMonth !== k) {
					row.activeUsers++;
					lastBuyerMonth = k;
				}
			} else if (kind === EventKind.listing || kind === EventKind.sale) {
				if (!seller) {
					seller = true;
					row.newSellers++;
				}
				if (lastSellerMonth !== k) {
					row.activeSellers++;
					lastSellerMonth = k;
				}
			}
		}
	}
	return rows;
}
