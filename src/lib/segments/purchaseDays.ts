/**
 * Every customer's purchases as distinct days with that day's revenue, sorted by day: what the
 * BG/NBD and Gamma-Gamma models count as transactions (one a day at most, as the CLV libraries do
 * with daily data), and each customer's history as of any cut date. Pure, no DOM.
 */
import type { CustomerTable } from './features';

export interface PurchaseDays {
	/** Days of customer i are `start[i]` to `start[i + 1]`. */
	start: Int32Array;
	/** Days since 1970-01-01, ascending within a customer. */
	day: Int32Array;
	/** Revenue of the customer's purchase lines that day. */
	value: Float64Array;
}

/**
 * Distinct purchase days of every customer of a table (lines of a day summed), or of the customers at
 * `rows` of it only (numbered 0, 1, … in that order).
 */
export function purchaseDays(table: Pick<CustomerTable, 'count' | 'purchaseStart' | 'purchaseDay' | 'purchaseValue'>, rows?: ArrayLike<number>): PurchaseDays {
	const n = rows ? rows.length : table.count;
	const start = new Int32Array(n + 1);
	const day = new Int32Array(table.purchaseDay.length);
	const value = new Float64Array(table.purchaseDay.length);
	let at = 0;
	for (let i = 0; i < n; i++) {
		const row = rows ? rows[i] : i;
		const from = table.purchaseStart[row];
		const to = table.purchaseStart[row + 1];
		// Lines are usually in time order already; sort (stably) only when they are not.
		let sorted = true;
		for (let k = from + 1; k < to && sorted; k++) sorted = table.purchaseDay[k - 1] <= table.purchaseDay[k];
		const order = sorted ? null : Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => table.purchaseDay[a] - table.purchaseDay[b] || a - b);
		start[i] = at;
		for (let j = 0; j < to - from; j++) {
			const k = order ? order[j] : from + j;
			const d = table.purchaseDay[k];
			if (at > start[i] && day[at - 1] === d) value[at - 1] += table.purchaseValue[k];
			else {
				day[at] = d;
				value[at] = table.purchaseValue[k];
				at++;
			}
		}
	}
	start[n] = at;
	return { start, day: day.slice(0, at), value: value.slice(0, at) };
}

/** One customer's history as of a cut: repeat purchase days, the days from the first to the last and to the cut, the mean value of the repeats. */
export interface HistoryAtCut {
	/** Customers who bought before the cut (indexes into the table). */
	customer: Int32Array;
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	/** Mean revenue of the repeat purchase days (0 when x = 0). */
	meanRepeat: Float64Array;
}

/**
 * Histories of the customers (all, or `only`) who bought before `cut` (the first day not seen),
 * measured in days to the last day seen (`cut - 1`), as lifetimes' summary_data_from_transaction_data.
 */
export function historiesAt(p: PurchaseDays, cut: number, only?: ArrayLike<number>): HistoryAtCut {
	const count = only ? only.length : p.start.length - 1;
	const customer: number[] = [];
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const mean: number[] = [];
	for (let j = 0; j < count; j++) {
		const i = only ? only[j] : j;
		const from = p.start[i];
		let to = from;
		while (to < p.start[i + 1] && p.day[to] < cut) to++;
		if (to === from) continue;
		const first = p.day[from];
		let repeat = 0;
		for (let k = from + 1; k < to; k++) repeat += p.value[k];
		customer.push(i);
		x.push(to - from - 1);
		tx.push(p.day[to - 1] - first);
		T.push(cut - 1 - first);
		mean.push(to - from > 1 ? repeat / (to - from - 1) : 0);
	}
	return { customer: Int32Array.from(customer), x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), meanRepeat: Float64Array.from(mean) };
}
