/**
 * Baskets from a purchase log: a basket is one member on one day (the Groceries layout: member,
 * date, item), holding the distinct items bought; a member's baskets are kept in date order. Used
 * by training (the Groceries file) and the page (an uploaded purchase log). Pure TS, no DOM.
 */
import { MS_PER_DAY, dateCodeToMs, isDayMonthCode, scanDate } from '../core/dates';

/** One member's baskets, oldest first; each basket the sorted distinct catalogue indices bought that day. */
export interface MemberBaskets {
	member: string;
	baskets: number[][];
	/** The day of each basket (any key that sorts in date order, e.g. 20150721). */
	days: number[];
}

/** Collects purchase lines, then groups them into baskets. */
export class BasketBuilder {
	private readonly members = new Map<string, Map<number, Set<number>>>();

	add(member: string, day: number, item: number): void {
		let days = this.members.get(member);
		if (!days) this.members.set(member, (days = new Map()));
		let basket = days.get(day);
		if (!basket) days.set(day, (basket = new Set()));
		basket.add(item);
	}

	get memberCount(): number {
		return this.members.size;
	}

	/** Every member's baskets, members in natural order (numerically when ids are numbers). */
	build(): MemberBaskets[] {
		const names = [...this.members.keys()].sort(compareIds);
		return names.map((member) => {
			const byDay = this.members.get(member)!;
			const days = [...byDay.keys()].sort((a, b) => a - b);
			return { member, days, baskets: days.map((d) => [...byDay.get(d)!].sort((a, b) => a - b)) };
		});
	}
}

/** Member ids in natural order: numbers by value, then text. */
export function compareIds(a: string, b: string): number {
	const x = Number(a);
	const y = Number(b);
	const xn = a.trim() !== '' && Number.isFinite(x);
	const yn = b.trim() !== '' && Number.isFinite(y);
	if (xn && yn) return x - y || (a < b ? -1 : a > b ? 1 : 0);
	if (xn !== yn) return xn ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

/** How many of the baskets hold each item (a re-bought item counts once per basket). */
export function itemCounts(baskets: readonly (readonly number[])[], nItems: number): Float64Array {
	const counts = new Float64Array(nItems);
	for (const basket of baskets) for (const item of basket) counts[item]++;
	return counts;
}

/** The day key of a DD-MM-YYYY date (the Groceries layout) as YYYYMMDD, or null when it is not a real date (read by core/dates). */
export function dayKeyDmy(text: string): number | null {
	const code = scanDate(text);
	if (code < 0 || !isDayMonthCode(code)) return null;
	const ms = dateCodeToMs(code, 'day-first');
	if (ms !== ms || ms % MS_PER_DAY !== 0) return null;
	const date = new Date(ms);
	return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
