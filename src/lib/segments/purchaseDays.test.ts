import { describe, expect, it } from 'vitest';
import { historiesAt, purchaseDays } from './purchaseDays';

// Customer 0: lines on days 10, 10, 12, 20 (out of order); customer 1: one day; customer 2: first buys on day 30.
const table = {
	count: 3,
	purchaseStart: Int32Array.from([0, 4, 5, 7]),
	purchaseDay: Int32Array.from([12, 10, 20, 10, 15, 30, 31]),
	purchaseValue: Float64Array.from([5, 1, 7, 2, 4, 9, 3])
};

describe('purchase days and histories at a cut', () => {
	it('makes one transaction a day per customer, in day order, lines of a day summed', () => {
		const p = purchaseDays(table);
		expect([...p.start]).toEqual([0, 3, 4, 6]);
		expect([...p.day]).toEqual([10, 12, 20, 15, 30, 31]);
		expect([...p.value]).toEqual([3, 5, 7, 4, 9, 3]);
	});

	it('gives (x, t_x, T, mean repeat value) as of a cut, only for customers who had bought', () => {
		const p = purchaseDays(table);
		const h = historiesAt(p, 21);
		expect([...h.customer]).toEqual([0, 1]);
		expect([...h.x]).toEqual([2, 0]);
		expect([...h.tx]).toEqual([10, 0]);
		expect([...h.T]).toEqual([10, 5]);
		expect([...h.meanRepeat]).toEqual([6, 0]);
		// Before day 20 customer 0 has one repeat; a subset by index.
		const some = historiesAt(p, 20, [0, 2]);
		expect([...some.customer]).toEqual([0]);
		expect([...some.x]).toEqual([1]);
		expect([...some.meanRepeat]).toEqual([5]);
	});
});
