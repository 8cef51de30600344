import { describe, expect, it } from 'vitest';
import { dayOf, monthOf } from './calendar';
import { EventKind } from './events';
import { ALL_FEATURES, featuresAt, indexLog, isLabelable, labelAt, lastFullMonth, selectColumns, type FeatureTable } from './features';
import { EventLogBuilder } from './log';

const JUNE = monthOf(2018, 6);
type Row = [string, string, keyof typeof EventKind, string?, number?];

function logOf(rows: Row[]) {
	const b = new EventLogBuilder();
	for (const [user, date, kind, category, amount] of rows) {
		const [y, m, d] = date.split('-').map(Number);
		b.add(b.internUser(user), dayOf(y, m, d), EventKind[kind], category ? b.internCategory(category) : 0xffff, amount ?? 0);
	}
	return b.finish();
}

function featuresOf(table: FeatureTable, userIndex: number): Record<string, number> {
	const i = Array.from(table.users).indexOf(userIndex);
	if (i < 0) throw new Error('not a candidate');
	const w = table.names.length;
	return Object.fromEntries(table.names.map((n, j) => [n, table.X[i * w + j]]));
}

describe('features as of a month', () => {
	const log = logOf([
		['a', '2018-01-10', 'collectionAdd', 'Funko Pop'],
		['a', '2018-04-02', 'collectionAdd', 'Funko Pop'],
		['a', '2018-04-20', 'order', 'Amiibo', 10.5],
		['a', '2018-05-05', 'wishlistAdd', 'Amiibo'],
		['a', '2018-06-01', 'collectionAdd', 'Funko Pop'],
		['a', '2018-06-30', 'order', 'Funko Pop', 4.25],
		['a', '2018-06-30', 'collectionAdd', 'Amiibo'],
		['a', '2018-07-01', 'collectionAdd', 'Funko Pop'], // after June: not counted
		['b', '2017-11-01', 'collectionAdd', 'Coins'], // active only long ago: not a candidate
		['c', '2018-03-01', 'collectionAdd', 'Coins'],
		['c', '2018-05-01', 'listing', 'Coins'], // already a seller
		['d', '2018-06-15', 'wishlistAdd', 'Coins'],
		['d', '2018-06-16', 'sellerSignup'], // a sign-up alone does not make a seller
		['e', '2018-07-02', 'order', 'Coins', 3] // joins after June
	]);
	const data = indexLog(log);
	const table = featuresAt(data, JUNE);

	it('keeps users active as buyers in the last 6 months who never listed or sold', () => {
		expect(Array.from(table.users, (u) => log.userIds[u])).toEqual(['a', 'd']);
	});

	it('counts the 12 monthly features (1 = the month itself) and their sums', () => {
		const f = featuresOf(table, 0);
		expect([f.collection_adds_1, f.collection_adds_2, f.collection_adds_3]).toEqual([2, 0, 1]);
		expect([f.orders_1, f.orders_2, f.orders_3]).toEqual([1, 0, 1]);
		expect([f.order_amount_1, f.order_amount_2, f.order_amount_3]).toEqual([4.25, 0, 10.5]);
		expect([f.wishlist_adds_1, f.wishlist_adds_2, f.wishlist_adds_3]).toEqual([0, 1, 0]);
		expect([f.collection_adds_3m, f.orders_3m, f.order_amount_3m, f.wishlist_adds_3m]).toEqual([3, 2, 14.75, 1]);
	});

	it('adds tenure, recency, totals, active months, categories and focus', () => {
		const f = featuresOf(table, 0);
		expect(f.tenure_months).toBeCloseTo((dayOf(2018, 7, 1) - dayOf(2018, 1, 10)) / 30.4375, 10);
		expect(f.days_since_active).toBe(0);
		expect(f.collection_size).toBe(4);
		expect(f.orders_total).toBe(2);
		expect(f.wishlist_total).toBe(1);
		expect(f.active_months).toBe(4); // January, April, May, June of January..June
		expect(f.categories).toBe(2);
		expect(f.top_category_share).toBe(0.75);
		const d = featuresOf(table, 3);
		expect(d.days_since_active).toBe(15);
		expect(d.top_category_share).toBe(0);
	});

	it('keeps the last 90 days of collection adds by category', () => {
		const i = 0;
		const cats = Array.from(table.recentCategory.subarray(table.recentOffsets[i], table.recentOffsets[i + 1]), (c) => log.categories[c]);
		const counts = Array.from(table.recentCount.subarray(table.recentOffsets[i], table.recentOffsets[i + 1]));
		expect(Object.fromEntries(cats.map((c, k) => [c, counts[k]]))).toEqual({ 'Funko Pop': 2, Amiibo: 1 });
	});

	it('selects named columns', () => {
		const X = selectColumns(table, ['orders_1', 'collection_size']);
		expect(Array.from(X.subarray(0, 2))).toEqual([1, 4]);
		expect(() => selectColumns(table, ['nope'])).toThrow(/Unknown feature/);
		expect(table.names).toBe(ALL_FEATURES);
	});
});

describe('labels', () => {
	const rows: Row[] = [
		['p', '2018-05-10', 'collectionAdd', 'Coins'],
		['p', '2018-08-20', 'listing', 'Coins'],
		['p', '2018-09-01', 'sale', 'Coins', 5],
		['p', '2018-10-01', 'sale', 'Coins', 5],
		['p', '2019-02-18', 'sale', 'Coins', 5], // day 182 after 2018-08-20: inside
		['q', '2018-05-10', 'collectionAdd', 'Coins'],
		['q', '2018-07-01', 'listing', 'Coins'],
		['q', '2018-07-02', 'sale', 'Coins', 5],
		['q', '2018-07-03', 'sale', 'Coins', 5], // only 2 sales: not active
		['r', '2018-05-10', 'collectionAdd', 'Coins'],
		['r', '2018-10-01', 'listing', 'Coins'], // first listing after t+3
		['r', '2018-10-02', 'sale', 'Coins', 5],
		['r', '2018-10-03', 'sale', 'Coins', 5],
		['r', '2018-10-04', 'sale', 'Coins', 5],
		['s', '2018-05-10', 'collectionAdd', 'Coins'],
		['s', '2018-07-01', 'listing', 'Coins'],
		['s', '2018-07-02', 'sale', 'Coins', 5],
		['s', '2018-07-03', 'sale', 'Coins', 5],
		['s', '2019-01-01', 'sale', 'Coins', 5], // day 184: outside
		['z', '2019-03-31', 'collectionAdd', 'Coins']
	];
	const log = logOf(rows);
	const data = indexLog(log);
	const table = featuresAt(data, JUNE);

	it('needs a first listing in t+1..t+3 and 3 sales in the 183 days from it', () => {
		const y = labelAt(data, table, log.lastDay + 1);
		const byUser = Object.fromEntries(Array.from(table.users, (u, i) => [log.userIds[u], y[i]]));
		expect(byUser).toEqual({ p: 1, q: 0, r: 0, s: 0 });
	});

	it('needs data up to 183 days after the end of t+3', () => {
		// The last possible first listing is 2018-09-30; its window ends 2019-03-31 inclusive.
		expect(isLabelable(JUNE, dayOf(2019, 4, 1))).toBe(true);
		expect(isLabelable(JUNE, dayOf(2019, 3, 31))).toBe(false);
		expect(() => labelAt(data, table, dayOf(2019, 3, 1))).toThrow(/need data/);
	});

	it('takes the last full month of a log', () => {
		expect(lastFullMonth(log)).toBe(monthOf(2019, 3));
		expect(lastFullMonth({ lastDay: dayOf(2019, 3, 30) })).toBe(monthOf(2019, 2));
		expect(lastFullMonth({ lastDay: NaN })).toBeNaN();
	});
});
