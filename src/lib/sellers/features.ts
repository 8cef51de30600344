/**
 * The one feature transform of the seller finder, shared by `npm run train`, the upload worker and
 * the one-collector form: from the activity log to one row per candidate user, as of a month.
 *
 * As of month t means: using every event up to the end of month t, and nothing after. The
 * candidates are the users who did something as buyers (a collection add, a wish-list add or an
 * order) in the 6 months t-5..t and have never listed or sold before the end of t (a seller sign-up
 * event alone does not make a seller). For each, the features (months numbered back from t: 1 is t
 * itself, 2 is t-1, 3 is t-2):
 *
 *   collection_adds_1..3, orders_1..3, order_amount_1..3, wishlist_adds_1..3   the original 12
 *   collection_adds_3m, orders_3m, order_amount_3m, wishlist_adds_3m   their sums over the 3 months
 *   tenure_months        months from the user's first buyer event to the end of t (days / 30.4375)
 *   days_since_active    days from the last buyer event to the last day of t (0 = active that day)
 *   collection_size      collection adds ever, up to the end of t
 *   orders_total         orders ever
 *   wishlist_total       wish-list adds ever
 *   active_months        months among t-5..t with at least one buyer event (1..6)
 *   categories           distinct categories of the user's buyer events ever
 *   top_category_share   share of the user's collection adds in their largest category (0 when none)
 *
 * Also kept per candidate, for the score: collection adds by category in the last 90 days up to the
 * end of t (the "recent collection"). Labels (`labelAt`) say whether a candidate became an active
 * seller: first listing (or sale) in months t+1..t+3 AND at least 3 sales in the 183 days from that
 * day on (that day included); they need data up to 183 days past the end of t+3. Pure, no DOM.
 */
import { monthEnd, monthOfDay, monthStart } from './calendar';
import { EventKind } from './events';
import { NO_CATEGORY, indexByUser, type EventLog, type UserIndex } from './log';

export const ORIGINAL_FEATURES = [
	'collection_adds_1',
	'collection_adds_2',
	'collection_adds_3',
	'orders_1',
	'orders_2',
	'orders_3',
	'order_amount_1',
	'order_amount_2',
	'order_amount_3',
	'wishlist_adds_1',
	'wishlist_adds_2',
	'wishlist_adds_3'
] as const;

export const EXTRA_FEATURES = [
	'collection_adds_3m',
	'orders_3m',
	'order_amount_3m',
	'wishlist_adds_3m',
	'tenure_months',
	'days_since_active',
	'collection_size',
	'orders_total',
	'wishlist_total',
	'active_months',
	'categories',
	'top_category_share'
] as const;

export const ALL_FEATURES = [...ORIGINAL_FEATURES, ...EXTRA_FEATURES] as const;
export type FeatureName = (typeof ALL_FEATURES)[number];

/** Buyer events are the kinds up to this one (collection add, wish-list add, order). */
const LAST_BUYER_KIND = EventKind.order;

/** Months of buyer activity that make a user a candidate (t-5..t). */
export const CANDIDATE_WINDOW_MONTHS = 6;
/** Months after t in which the first listing must fall for a positive label. */
export const LISTING_WINDOW_MONTHS = 3;
/** Days from the first listing in which the sales are counted (about 6 months). */
export const ACTIVE_WINDOW_DAYS = 183;
/** Sales in that window that make an active seller. */
export const ACTIVE_MIN_SALES = 3;
/** Days of recent collection the score uses. */
export const RECENT_DAYS = 90;

/** One row per candidate user as of a month. */
export interface FeatureTable {
	asOfMonth: number;
	/** Column names of `X`, in order (ALL_FEATURES). */
	names: readonly FeatureName[];
	/** Candidates' user indices (into the log's `userIds`), ascending. */
	users: Uint32Array;
	/** Row-major features, `names.length` per candidate. */
	X: Float64Array;
	/** Candidate i's recent collection adds by category: `recentCategory/recentCount[recentOffsets[i] .. recentOffsets[i+1])`. */
	recentOffsets: Uint32Array;
	recentCategory: Uint16Array;
	recentCount: Uint32Array;
}

/** The log with its per-user index (built once, reused for every month). */
export interface IndexedLog {
	log: EventLog;
	index: UserIndex;
	/** First day of listing or sale per user (Infinity when never). */
	sellerFrom: Float64Array;
	/** Sales in the ACTIVE_WINDOW_DAYS from `sellerFrom` on, per user. */
	salesAfterStart: Uint32Array;
}

export function indexLog(log: EventLog): IndexedLog {
	const index = indexByUser(log);
	const nUsers = log.userIds.length;
	const sellerFrom = new Float64Array(nUsers).fill(Infinity);
	const salesAfterStart = new Uint32Array(nUsers);
	const { offsets, order } = index;
	for (let u = 0; u < nUsers; u++) {
		for (let j = offsets[u]; j < offsets[u + 1]; j++) {
			const e = order[j];
			const kind = log.kind[e];
			if (kind === EventKind.listing || kind === EventKind.sale) {
				if (sellerFrom[u] === Infinity) sellerFrom[u] = log.day[e];
				if (kind === EventKind.sale && log.day[e] < sellerFrom[u] + ACTIVE_WINDOW_DAYS) salesAfterStart[u]++;
			}
		}
	}
	return { log, index, sellerFrom, salesAfterStart };
}

/**
 * The last full month of the log: the month of its last event when that event falls on the month's
 * last day, else the month before. NaN for an empty log.
 */
export function lastFullMonth(log: Pick<EventLog, 'lastDay'>): number {
	if (!Number.isFinite(log.lastDay)) return NaN;
	const m = monthOfDay(log.lastDay);
	return log.lastDay === monthEnd(m) - 1 ? m : m - 1;
}

/** Whether labels at month t are fully observed in data ending before day `dataEnd` (exclusive). */
export function isLabelable(t: number, dataEnd: number): boolean {
	return monthEnd(t + LISTING_WINDOW_MONTHS) - 1 + ACTIVE_WINDOW_DAYS <= dataEnd;
}

// Column positions in ALL_FEATURES (plain constants: this loop runs once per event).
const C_ADDS = 0;
const C_ORDERS = 3;
const C_AMOUNT = 6;
const C_WISH = 9;
const C_SUMS = 12;
const C_TENURE = 16;
const C_SINCE = 17;
const C_COLLECTION = 18;
const C_ORDERS_TOTAL = 19;
const C_WISH_TOTAL = 20;
const C_ACTIVE = 21;
const C_CATEGORIES = 22;
const C_TOP_SHARE = 23;

/** The candidates and their features as of month t. */
export function featuresAt(data: IndexedLog, t: number): FeatureTable {
	const { log, index, sellerFrom } = data;
	const { offsets, order } = index;
	const { day, kind: kinds, category, amount } = log;
	const nUsers = log.userIds.length;
	const end = monthEnd(t);
	const windowStart = monthStart(t - CANDIDATE_WINDOW_MONTHS + 1);
	const recentStart = end - RECENT_DAYS;
	const monthStarts = [monthStart(t), monthStart(t - 1), monthStart(t - 2)];
	const width = ALL_FEATURES.length;
	const nCategories = log.categories.length;
	const byCategory = new Uint32Array(nCategories + 1);
	const recentByCategory = new Uint32Array(nCategories + 1);
	const touched: number[] = [];
	const recentTouched: number[] = [];
	const seenCategory = new Uint8Array(nCategories + 1);
	const activeMonth = new Uint8Array(CANDIDATE_WINDOW_MONTHS);
	const firstOfWindowMonth = Array.from({ length: CANDIDATE_WINDOW_MONTHS }, (_, k) => monthStart(t - k));

	const users: number[] = [];
	const X: number[] = [];
	const recentOffsets: number[] = [0];
	const recentCategory: number[] = [];
	const recentCount: number[] = [];
	const row = new Float64Array(width);

	for (let u = 0; u < nUsers; u++) {
		if (sellerFrom[u] < end) continue;
		const first = offsets[u];
		const last = offsets[u + 1];
		// Quick reject: no buyer event in the window (events are in day order).
		let anyRecent = false;
		for (let j = first; j < last; j++) {
			const e = order[j];
			const d = day[e];
			if (d >= end) break;
			if (d >= windowStart && kinds[e] <= LAST_BUYER_KIND) {
				anyRecent = true;
				break;
			}
		}
		if (!anyRecent) continue;

		row.fill(0);
		activeMonth.fill(0);
		let firstBuyer = Infinity;
		let lastBuyer = -Infinity;
		for (let j = first; j < last; j++) {
			const e = order[j];
			const d = day[e];
			if (d >= end) break;
			const kind = kinds[e];
			if (kind > LAST_BUYER_KIND) continue;
			if (d < firstBuyer) firstBuyer = d;
			if (d > lastBuyer) lastBuyer = d;
			const c = category[e];
			const ci = c === NO_CATEGORY ? nCategories : c;
			if (c !== NO_CATEGORY && !seenCategory[ci]) {
				seenCategory[ci] = 1;
				touched.push(ci);
			}
			// Which of the 3 recent months (0 = t), or -1.
			const k = d >= monthStarts[0] ? 0 : d >= monthStarts[1] ? 1 : d >= monthStarts[2] ? 2 : -1;
			if (d >= windowStart) {
				let w = 0;
				while (d < firstOfWindowMonth[w]) w++;
				activeMonth[w] = 1;
			}
			if (kind === EventKind.collectionAdd) {
				row[C_COLLECTION]++;
				if (k >= 0) row[C_ADDS + k]++;
				if (c !== NO_CATEGORY) {
					byCategory[ci]++;
					if (d >= recentStart) {
						if (recentByCategory[ci] === 0) recentTouched.push(ci);
						recentByCategory[ci]++;
					}
				}
			} else if (kind === EventKind.order) {
				row[C_ORDERS_TOTAL]++;
				if (k >= 0) {
					row[C_ORDERS + k]++;
					row[C_AMOUNT + k] += amount[e];
				}
			} else {
				row[C_WISH_TOTAL]++;
				if (k >= 0) row[C_WISH + k]++;
			}
		}
		row[C_TENURE] = (end - firstBuyer) / 30.4375;
		row[C_SINCE] = end - 1 - lastBuyer;
		let active = 0;
		for (let w = 0; w < CANDIDATE_WINDOW_MONTHS; w++) active += activeMonth[w];
		row[C_ACTIVE] = active;
		row[C_CATEGORIES] = touched.length;
		let top = 0;
		for (const ci of touched) {
			if (byCategory[ci] > top) top = byCategory[ci];
			byCategory[ci] = 0;
			seenCategory[ci] = 0;
		}
		touched.length = 0;
		row[C_TOP_SHARE] = row[C_COLLECTION] > 0 ? top / row[C_COLLECTION] : 0;
		for (let k = 0; k < 3; k++) row[C_AMOUNT + k] = Math.round(row[C_AMOUNT + k] * 100) / 100;
		for (let g = 0; g < 4; g++) row[C_SUMS + g] = row[3 * g] + row[3 * g + 1] + row[3 * g + 2];
		row[C_SUMS + 2] = Math.round(row[C_SUMS + 2] * 100) / 100;

		recentTouched.sort((a, b) => a - b);
		for (const ci of recentTouched) {
			recentCategory.push(ci);
			recentCount.push(recentByCategory[ci]);
			recentByCategory[ci] = 0;
		}
		recentTouched.length = 0;
		recentOffsets.push(recentCategory.length);
		users.push(u);
		for (let f = 0; f < width; f++) X.push(row[f]);
	}
	return {
		asOfMonth: t,
		names: ALL_FEATURES,
		users: Uint32Array.from(users),
		X: Float64Array.from(X),
		recentOffsets: Uint32Array.from(recentOffsets),
		recentCategory: Uint16Array.from(recentCategory),
		recentCount: Uint32Array.from(recentCount)
	};
}

/**
 * Labels of the candidates of `table`: 1 when the user's first listing (or sale) falls in months
 * t+1..t+3 and they make at least 3 sales in the 183 days from it. Throws when the data (ending
 * before day `dataEnd`) cannot tell yet.
 */
export function labelAt(data: IndexedLog, table: FeatureTable, dataEnd: number): Uint8Array {
	const t = table.asOfMonth;
	if (!isLabelable(t, dataEnd)) throw new RangeError(`Labels as of month ${t} need data to day ${monthEnd(t + LISTING_WINDOW_MONTHS) - 1 + ACTIVE_WINDOW_DAYS}`);
	const from = monthEnd(t);
	const to = monthEnd(t + LISTING_WINDOW_MONTHS);
	const y = new Uint8Array(table.users.length);
	table.users.forEach((u, i) => {
		const s = data.sellerFrom[u];
		y[i] = s >= from && s < to && data.salesAfterStart[u] >= ACTIVE_MIN_SALES ? 1 : 0;
	});
	return y;
}

/** Columns `names` of a feature table's rows, row-major (for a model trained on a subset). */
export function selectColumns(table: Pick<FeatureTable, 'X' | 'names'>, names: readonly string[]): Float64Array {
	const width = table.names.length;
	const cols = names.map((n) => {
		const c = table.names.indexOf(n as FeatureName);
		if (c < 0) throw new RangeError(`Unknown feature ${n}`);
		return c;
	});
	const nRows = table.X.length / width;
	const out = new Float64Array(nRows * cols.length);
	for (let r = 0; r < nRows; r++) for (let j = 0; j < cols.length; j++) out[r * cols.length + j] = table.X[r * width + cols[j]];
	return out;
}
