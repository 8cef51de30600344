import { describe, expect, it } from 'vitest';
import { dayOf, monthOf } from './calendar';
import { EventKind } from './events';
import { indexLog } from './features';
import { EventLogBuilder } from './log';
import { compareLevels, inventoryLevels, lowestCategories, monthlyActivity } from './market';

function logOf(rows: [string, [number, number, number], keyof typeof EventKind, string?][]) {
	const b = new EventLogBuilder();
	for (const [user, [y, m, d], kind, category] of rows) b.add(b.internUser(user), dayOf(y, m, d), EventKind[kind], category ? b.internCategory(category) : 0xffff, 0);
	return b.finish();
}

describe('inventory levels', () => {
	const log = logOf([
		['s', [2018, 4, 5], 'listing', 'Coins'],
		['s', [2018, 5, 5], 'listing', 'Coins'],
		['s', [2018, 6, 5], 'listing', 'Coins'],
		['s', [2018, 3, 5], 'listing', 'Coins'], // outside June's 3 months
		['s', [2018, 6, 6], 'listing', 'Stamps'],
		['a', [2018, 6, 1], 'wishlistAdd', 'Coins'],
		['a', [2018, 6, 2], 'wishlistAdd', 'Stamps'],
		['b', [2018, 6, 3], 'wishlistAdd', 'Stamps'],
		['b', [2018, 5, 3], 'wishlistAdd', 'Barbie'], // May only: no June demand
		['b', [2018, 6, 3], 'collectionAdd', 'Amiibo']
	]);
	const june = monthOf(2018, 6);
	const levels = inventoryLevels(log, june);

	it('divides 3 months of listings by the month’s wish-list adds, lowest first', () => {
		const by = Object.fromEntries(levels.map((l) => [l.name, l]));
		expect(by.Coins).toMatchObject({ listings: 3, wishlistAdds: 1, level: 3 });
		expect(by.Stamps).toMatchObject({ listings: 1, wishlistAdds: 2, level: 0.5 });
		expect(by.Barbie.level).toBeNull();
		expect(levels.map((l) => l.name)).toEqual(['Stamps', 'Coins', 'Amiibo', 'Barbie']);
	});

	it('keeps 6 months of history and picks the lowest categories with demand', () => {
		const coins = levels.find((l) => l.name === 'Coins')!;
		expect(coins.history).toHaveLength(6);
		expect(coins.history[5]).toBe(3);
		expect(coins.history[4]).toBeNull(); // no wish-list adds for Coins in May
		expect(lowestCategories(levels, 3).map((c) => log.categories[c])).toEqual(['Stamps', 'Coins']);
		expect(compareLevels({ level: 1, name: 'b', wishlistAdds: 4 }, { level: 1, name: 'a', wishlistAdds: 4 })).toBeGreaterThan(0);
	});

	it('puts the most wished-for first among equal levels (no listings at all is the usual tie)', () => {
		const none = (name: string, wishlistAdds: number) => ({ name, level: 0, wishlistAdds });
		const order = [none('Coins', 3), none('Retro video games', 74), none('Comic books', 8), { name: 'Amiibo', level: 0.6, wishlistAdds: 20 }, none('Diecast cars', 19)]
			.sort(compareLevels)
			.map((l) => l.name);
		expect(order).toEqual(['Retro video games', 'Diecast cars', 'Comic books', 'Coins', 'Amiibo']);
		// The same count of wish-list adds falls back to the name.
		expect(compareLevels(none('b', 5), none('a', 5))).toBeGreaterThan(0);
	});
});

describe('monthly activity', () => {
	it('counts events, active users, active and new sellers by month', () => {
		const log = logOf([
			['a', [2018, 1, 5], 'collectionAdd', 'Coins'],
			['a', [2018, 1, 6], 'order', 'Coins'],
			['b', [2018, 1, 7], 'wishlistAdd', 'Coins'],
			['a', [2018, 2, 5], 'listing', 'Coins'],
			['a', [2018, 3, 5], 'sale', 'Coins'],
			['b', [2018, 3, 5], 'listing', 'Coins'],
			['b', [2018, 3, 6], 'order', 'Coins']
		]);
		const rows = monthlyActivity(log, indexLog(log).index, monthOf(2018, 3));
		expect(rows.map((r) => [r.orders, r.collectionAdds, r.wishlistAdds, r.activeUsers, r.activeSellers, r.newSellers])).toEqual([
			[1, 1, 1, 2, 0, 0],
			[0, 0, 0, 0, 1, 1],
			[1, 0, 0, 1, 2, 1]
		]);
	});
});
