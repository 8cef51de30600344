/**
 * The seeded draws the invoice sample is made of: whole numbers, picks, products by popularity,
 * an invoice's lines and a cancellation. One generator is shared by every step, so the order of
 * the draws (and so the sample of a seed) stays the same.
 */
import { shuffled } from '../../core/random';
import { makeProducts, type Product } from './products';

/** One line of an invoice. */
export interface Line {
	code: string;
	description: string;
	quantity: number;
	/** Unit price in cents (whole numbers keep the written prices exact). */
	cents: number;
}

/** One invoice, before it is numbered and written. */
export interface Invoice {
	cancellation: boolean;
	/** Index into the allowed days. */
	day: number;
	/** Minute of the day. */
	minute: number;
	/** Customer id, '' for a guest. */
	customer: string;
	country: string;
	lines: Line[];
}

/** How a customer type buys. */
export interface Habit {
	invoices: [number, number];
	lines: [number, number];
	quantities: readonly number[];
	/** Share of the list price paid. */
	price: number;
}

/** The sample's draws from one seeded generator, over the allowed days 0..`lastDay`. */
export class SampleDraws {
	readonly products: Product[];

	constructor(
		readonly random: () => number,
		readonly lastDay: number
	) {
		this.products = makeProducts(random);
	}

	/** A whole number from `lo` to `hi`, both included. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.random() * (hi - lo + 1));
	}

	/** One of `items`, each as likely. */
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.random() * items.length)];
	}

	/** A product, with skewed popularity: low indexes are picked far more often. */
	product(): Product {
		return this.products[Math.floor(this.products.length * Math.pow(this.random(), 1.8))];
	}

	/** The lines of one invoice of a customer with this habit (distinct products). */
	linesOf(habit: Habit): Line[] {
		const n = this.int(habit.lines[0], habit.lines[1]);
		const chosen = new Set<Product>();
		for (let tries = 0; chosen.size < n && tries < n * 10; tries++) chosen.add(this.product());
		return [...chosen].map((p) => ({
			code: p.code,
			description: p.description,
			quantity: this.pick(habit.quantities),
			cents: Math.max(10, Math.round(p.cents * habit.price))
		}));
	}

	/** A cancellation of some lines of `original`, a little later. */
	cancel(original: Invoice, lineCount: number): Invoice {
		const day = Math.min(this.lastDay, original.day + this.int(0, 15));
		const minute = day === original.day ? Math.min(1439, original.minute + this.int(1, 120)) : this.int(480, 1199);
		const lines = shuffled(original.lines, this.random)
			.slice(0, lineCount)
			.map((l) => ({ ...l, quantity: -this.int(1, l.quantity) }));
		return { cancellation: true, day, minute, customer: original.customer, country: original.country, lines };
	}

	/** A random `share` of `items` (at least `least`, at most all of them). */
	some<T>(items: T[], share: number, least: number): T[] {
		return shuffled(items, this.random).slice(0, Math.min(items.length, Math.max(least, Math.round(items.length * share))));
	}
}
