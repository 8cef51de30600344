/**
 * The invoice sample's buyers: how many named customers of each type, their ids, and the invoices
 * each type makes (with cancellations and returns); then the guests, who buy without an id. See the
 * top of ../sample.ts for the shares and habits in words.
 */
import { shuffled } from '../../core/random';
import type { Habit, Invoice, SampleDraws } from './draws';

/** The kinds of named customer the sample has. */
export type SampleCustomerType = 'wholesale' | 'regular' | 'occasional' | 'one-off' | 'lapsed' | 'returner';

const SHARES: [SampleCustomerType, number][] = [
	['wholesale', 0.02],
	['regular', 0.2],
	['one-off', 0.22],
	['lapsed', 0.13],
	['returner', 0.12]
];

const OTHER_COUNTRIES = ['Germany', 'France', 'EIRE', 'Spain', 'Netherlands', 'Belgium', 'Switzerland', 'Portugal', 'Norway', 'Australia'];

const HABITS: Record<SampleCustomerType, Habit> = {
	wholesale: { invoices: [12, 24], lines: [6, 16], quantities: [12, 24, 24, 36, 48, 48, 72, 96, 144], price: 0.85 },
	regular: { invoices: [4, 10], lines: [3, 8], quantities: [1, 2, 3, 4, 6, 6, 8, 12, 12, 24], price: 1 },
	occasional: { invoices: [2, 4], lines: [2, 8], quantities: [1, 1, 2, 2, 3, 4, 6, 12], price: 1 },
	'one-off': { invoices: [1, 1], lines: [1, 12], quantities: [1, 2, 3, 4, 6, 12], price: 1 },
	lapsed: { invoices: [2, 5], lines: [2, 8], quantities: [1, 1, 2, 2, 3, 4, 6, 12], price: 1 },
	returner: { invoices: [3, 6], lines: [3, 8], quantities: [1, 2, 2, 3, 4, 6, 12], price: 1 }
};
const GUEST_HABIT: Habit = { invoices: [1, 1], lines: [1, 15], quantities: [1, 1, 2, 3, 4, 6, 12], price: 1 };

/** How many named customers of each type: each type's share (at least one), "occasional" takes the rest. */
export function customersByType(customerCount: number): Record<SampleCustomerType, number> {
	const byType: Record<SampleCustomerType, number> = { wholesale: 0, regular: 0, occasional: 0, 'one-off': 0, lapsed: 0, returner: 0 };
	let assigned = 0;
	for (const [type, share] of SHARES) {
		const n = Math.min(customerCount - assigned, Math.max(1, Math.round(share * customerCount)));
		byType[type] = n;
		assigned += n;
	}
	byType.occasional = customerCount - assigned;
	return byType;
}

/** Every named customer's type, in a shuffled order so ids and types are not related. */
export function shuffledTypes(byType: Record<SampleCustomerType, number>, random: () => number): SampleCustomerType[] {
	return shuffled(
		(Object.keys(byType) as SampleCustomerType[]).flatMap((type) => Array.from({ length: byType[type] }, () => type)),
		random
	);
}

/** `count` distinct 5-digit customer ids (12000-18999), in a random order. */
export function customerIds(count: number, random: () => number): number[] {
	const ids = shuffled(
		Array.from({ length: 7000 }, (_, i) => 12000 + i),
		random
	).slice(0, count);
	if (ids.length < count) throw new Error('generateInvoiceSample: at most 7,000 customers');
	return ids;
}

/** A named customer's country: the United Kingdom 85% of the time (wholesale 50%), else one of ten others. */
function customerCountry(draws: SampleDraws, type: SampleCustomerType): string {
	return draws.random() < (type === 'wholesale' ? 0.5 : 0.85) ? 'United Kingdom' : draws.pick(OTHER_COUNTRIES);
}

/** The stretch of the period (first and last allowed day) a customer of this type buys in. */
function buyingStretch(draws: SampleDraws, type: SampleCustomerType): [number, number] {
	const lastDay = draws.lastDay;
	let lo = 0;
	let hi = lastDay;
	if (type === 'lapsed') hi = Math.floor(lastDay * 0.3);
	else if (type === 'occasional' || type === 'returner') {
		const span = Math.max(1, Math.floor(lastDay * (0.3 + 0.7 * draws.random())));
		lo = draws.int(0, lastDay - span);
		hi = lo + span;
	}
	return [lo, hi];
}

/**
 * The cancellations of a customer's purchases (`own`, in time order): a returner cancels 1-2 of
 * them and returns an item of their first on their last; a regular or wholesale customer cancels
 * part of an invoice 3% of the time. Adds the returned line to `own`'s last invoice.
 */
function cancellationsOf(draws: SampleDraws, type: SampleCustomerType, own: Invoice[]): Invoice[] {
	const cancellations: Invoice[] = [];
	if (type === 'returner') {
		const n = draws.int(1, 2);
		for (let k = 0; k < n; k++) cancellations.push(draws.cancel(own[draws.int(0, own.length - 2)], draws.int(1, 3)));
		const returned = draws.pick(own[0].lines);
		own[own.length - 1].lines.push({ ...returned, quantity: -draws.int(1, returned.quantity) });
	} else if (type === 'regular' || type === 'wholesale') {
		for (const invoice of own) if (draws.random() < 0.03) cancellations.push(draws.cancel(invoice, draws.int(1, 2)));
	}
	return cancellations;
}

/** One named customer's invoices: their purchases in time order, and their cancellations. */
export function customerInvoices(draws: SampleDraws, type: SampleCustomerType, customer: string): { purchases: Invoice[]; cancellations: Invoice[] } {
	const habit = HABITS[type];
	const country = customerCountry(draws, type);
	const [lo, hi] = buyingStretch(draws, type);
	const count = draws.int(habit.invoices[0], habit.invoices[1]);
	const purchases: Invoice[] = [];
	for (let i = 0; i < count; i++) {
		purchases.push({ cancellation: false, day: draws.int(lo, hi), minute: draws.int(480, 1199), customer, country, lines: draws.linesOf(habit) });
	}
	purchases.sort((a, b) => a.day - b.day || a.minute - b.minute);
	return { purchases, cancellations: cancellationsOf(draws, type, purchases) };
}

/**
 * The guests' invoices (no customer id), about 10% of all: 1-15 lines anywhere in the period; 5%
 * of them (at least 2) from "Unspecified", and 3% more (at least 1) cancelling some of them.
 */
export function guestInvoices(draws: SampleDraws, namedInvoices: number): Invoice[] {
	const guestCount = Math.max(1, Math.round(namedInvoices * 0.11));
	const unspecified = new Set(shuffled([...Array(guestCount).keys()], draws.random).slice(0, Math.min(guestCount, Math.max(2, Math.round(guestCount * 0.05)))));
	const guestCancellations = Math.max(1, Math.round(guestCount * 0.03));
	const guests: Invoice[] = [];
	for (let g = 0; g < guestCount; g++) {
		const country = unspecified.has(g) ? 'Unspecified' : draws.random() < 0.9 ? 'United Kingdom' : draws.pick(OTHER_COUNTRIES);
		guests.push({ cancellation: false, day: draws.int(0, draws.lastDay), minute: draws.int(480, 1199), customer: '', country, lines: draws.linesOf(GUEST_HABIT) });
	}
	for (let g = 0; g < guestCancellations; g++) {
		const original = guests[draws.int(0, guestCount - 1)];
		guests.push(draws.cancel(original, draws.int(1, original.lines.length)));
	}
	return guests;
}
