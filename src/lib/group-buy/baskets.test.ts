import { describe, expect, it } from 'vitest';
import { BasketBuilder, compareIds, dayKeyDmy, itemCounts } from './baskets';

describe('baskets', () => {
	it('groups lines into one basket per member and day, in date order, without repeats', () => {
		const b = new BasketBuilder();
		b.add('10', 20150302, 4);
		b.add('2', 20150101, 1);
		b.add('10', 20150101, 3);
		b.add('10', 20150302, 4);
		b.add('10', 20150302, 0);
		const built = b.build();
		expect(built.map((m) => m.member)).toEqual(['2', '10']);
		expect(built[1].baskets).toEqual([[3], [0, 4]]);
		expect(built[1].days).toEqual([20150101, 20150302]);
		expect(Array.from(itemCounts(built[1].baskets, 5))).toEqual([1, 0, 0, 1, 1]);
	});

	it('orders ids numerically, then as text', () => {
		expect(['b', '10', '9', 'a'].sort(compareIds)).toEqual(['9', '10', 'a', 'b']);
	});

	it('reads DD-MM-YYYY dates and refuses impossible ones', () => {
		expect(dayKeyDmy('21-07-2015')).toBe(20150721);
		expect(dayKeyDmy('1/2/2015')).toBe(20150201);
		expect(dayKeyDmy('31-02-2015')).toBeNull();
		expect(dayKeyDmy('2015-07-21')).toBeNull();
	});
});
