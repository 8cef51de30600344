/**
 * Generated invoice lines in the Online Retail layout, for the downloadable sample, tests and the
 * bench. Synthetic and seeded: no row of the real data is copied; product codes, descriptions and
 * customer numbers are made up (descriptions from neutral word lists, e.g. "CERAMIC MUG BLUE").
 *
 * The same seed gives the same invoices in every output format (date format, delimiter, BOM, CRLF,
 * decimal ids): only the writing differs, so every format reads to the same customer table.
 *
 * Customers (shares of `customers`, each type at least one; "occasional" takes the rest):
 *   wholesale   2%   regulars all year: 12-24 invoices of 6-16 lines, 12-144 units a line (multiples
 *                    of 6 or 12) at a bulk price (85% of list); half of them abroad
 *   regular    20%   all year: 4-10 invoices of 3-8 lines, 1-24 units
 *   occasional 31%   2-4 invoices of 2-8 lines, 1-12 units, in a random stretch of the period
 *   one-off    22%   a single invoice of 1-12 lines
 *   lapsed     13%   2-5 invoices of 2-8 lines, all in the first 30% of the period
 *   returner   12%   3-6 invoices of 3-8 lines; 1-2 cancellation invoices ("C" + number, negative
 *                    quantities of items bought earlier) and one negative-quantity line on their last
 *                    ordinary invoice (returning an item of their first)
 * Regular and wholesale invoices are cancelled in part (a C invoice of 1-2 of their lines) 3% of the time.
 * Named customers live in the United Kingdom 85% of the time (wholesale 50%), else in one of ten
 * other countries; ids are distinct 5-digit numbers (12000-18999).
 *
 * Guests (no customer id): about 10% of all invoices, 1-15 lines each, anywhere in the period; 5%
 * of them (at least 2) from country "Unspecified" and 3% (at least 1) cancellations (customers with
 * returns only). The analysis drops the "Unspecified" ones.
 *
 * Lines the cleaning rules remove, added to invoices that also have product lines (so every named
 * customer keeps at least one purchase): POSTAGE lines (stock code POST) on half of the invoices of
 * customers abroad; a manual line (M) on 0.5% of invoices (at least 1); a discount line (D, quantity
 * -1) on some cancellations (at least 1); a free item (unit price 0) on 1.5% of invoices (at least 2).
 *
 * Products: 240 made-up products (5-digit codes, a quarter with a letter suffix like 85123A; list
 * prices 0.29-14.95), picked with a skew so a few products are popular; some descriptions contain
 * a comma or a double quote (written with standard CSV quoting). Dates: invoices fall on random days
 * of the period (with `ambiguousDates`, only days 1-12 of each month), between 08:00 and 19:59,
 * whole minutes; invoice numbers are 6-digit (from 536365), increasing with time; the lines of one
 * invoice are adjacent and share its date and time. With the defaults: about 8,000 lines.
 */
import { seededRandom, shuffled } from '../core/random';
import { MS_PER_DAY, daysFromCivil, isCalendarDate } from '../core/dates';
import { INVOICE_COLUMNS, invoiceLineSchema, type InvoiceColumn } from './schema';

/**
 * '2010-12-01 08:26:00' | '12/1/2010 8:26' | '01/12/2010 08:26' | '1-Dec-2010 08:26' | 'Dec 1, 2010 8:26 AM' |
 * '01 December 2010 08:26' | '12/1/10 8:26 AM' (two-digit year, AM/PM).
 */
export type SampleDateFormat = 'iso' | 'month-first' | 'day-first' | 'day-month-name' | 'month-name-first' | 'long-month' | 'short-year-am-pm';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface InvoiceSampleOptions {
	/** Named customers (with an id); guests come on top. Default 300. */
	customers?: number;
	/** Default 42. */
	seed?: number;
	/** Default 'iso'. */
	dateFormat?: SampleDateFormat;
	/** Default ','; with ';' numbers use a decimal comma ("2,55"). */
	delimiter?: ',' | ';';
	/** Start with a byte order mark. Default false. */
	bom?: boolean;
	/** End lines with CRLF. Default false. */
	crlf?: boolean;
	/** Write ids as 17850.0 (as pandas exports float ids; 17850,0 with ';'). Default false. */
	customerIdDecimal?: boolean;
	/** Start and end of the period (ISO dates), default 2010-12-01 .. 2011-12-09 */
	period?: [string, string];
	/**
	 * Make the day/month order ambiguous on purpose: only dates with day <= 12 (default false). With
	 * 'month-first'/'day-first' and false, at least one date has day > 12 so the order can be told.
	 */
	ambiguousDates?: boolean;
}

export type SampleCustomerType = 'wholesale' | 'regular' | 'occasional' | 'one-off' | 'lapsed' | 'returner';

export interface InvoiceSample {
	text: string;
	/** Data lines (without the header). */
	lines: number;
	/** Named customers (each has at least one purchase the analysis keeps). */
	customers: number;
	/** Named customers by type. */
	byType: Record<SampleCustomerType, number>;
	/** Invoices without a customer id (including the "Unspecified" ones and guest cancellations). */
	guestInvoices: number;
}

const SHARES: [SampleCustomerType, number][] = [
	['wholesale', 0.02],
	['regular', 0.2],
	['one-off', 0.22],
	['lapsed', 0.13],
	['returner', 0.12]
];

const OTHER_COUNTRIES = ['Germany', 'France', 'EIRE', 'Spain', 'Netherlands', 'Belgium', 'Switzerland', 'Portugal', 'Norway', 'Australia'];

const MATERIALS = ['CERAMIC', 'ENAMEL', 'GLASS', 'WOODEN', 'PAPER', 'COTTON', 'TIN', 'WICKER', 'FELT', 'ZINC', 'BAMBOO', 'LINEN'];
const ITEMS = [
	'MUG',
	'BOWL',
	'JUG',
	'TEA TOWEL',
	'CANDLE HOLDER',
	'PHOTO FRAME',
	'STORAGE TIN',
	'LUNCH BOX',
	'NOTEBOOK',
	'CUSHION COVER',
	'DOORSTOP',
	'COASTER',
	'GIFT BAG',
	'WALL CLOCK',
	'KEY RING',
	'PLANT POT',
	'SHOPPING BAG',
	'EGG CUP',
	'TRAY',
	'PEG BAG'
];
const COLOURS = ['BLUE', 'GREEN', 'IVORY', 'GREY', 'PINK', 'YELLOW', 'WHITE', 'NAVY', 'MINT', 'ORANGE'];
const PATTERNS = ['STRIPED', 'SPOTTY', 'CHECKED', 'PLAIN', 'WAVY'];
const WORDS = ['HELLO', 'MORNING', 'GARDEN', 'WEEKEND', 'TEA TIME'];
const LIST_CENTS = [29, 42, 55, 65, 85, 125, 145, 165, 210, 255, 295, 375, 425, 495, 595, 795, 1275, 1495];

interface Product {
	code: string;
	description: string;
	cents: number;
}

interface Line {
	code: string;
	description: string;
	quantity: number;
	/** Unit price in cents (whole numbers keep the written prices exact). */
	cents: number;
}

interface Invoice {
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
interface Habit {
	invoices: [number, number];
	lines: [number, number];
	quantities: readonly number[];
	/** Share of the list price paid. */
	price: number;
}

const HABITS: Record<SampleCustomerType, Habit> = {
	wholesale: { invoices: [12, 24], lines: [6, 16], quantities: [12, 24, 24, 36, 48, 48, 72, 96, 144], price: 0.85 },
	regular: { invoices: [4, 10], lines: [3, 8], quantities: [1, 2, 3, 4, 6, 6, 8, 12, 12, 24], price: 1 },
	occasional: { invoices: [2, 4], lines: [2, 8], quantities: [1, 1, 2, 2, 3, 4, 6, 12], price: 1 },
	'one-off': { invoices: [1, 1], lines: [1, 12], quantities: [1, 2, 3, 4, 6, 12], price: 1 },
	lapsed: { invoices: [2, 5], lines: [2, 8], quantities: [1, 1, 2, 2, 3, 4, 6, 12], price: 1 },
	returner: { invoices: [3, 6], lines: [3, 8], quantities: [1, 2, 2, 3, 4, 6, 12], price: 1 }
};
const GUEST_HABIT: Habit = { invoices: [1, 1], lines: [1, 15], quantities: [1, 1, 2, 3, 4, 6, 12], price: 1 };

function isoDay(text: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) throw new Error(`generateInvoiceSample: period dates must be YYYY-MM-DD, not ${JSON.stringify(text)}`);
	return daysFromCivil(+m[1], +m[2], +m[3]);
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(dayNumber: number, minute: number, format: SampleDateFormat): string {
	const date = new Date(dayNumber * MS_PER_DAY);
	const y = date.getUTCFullYear();
	const mo = date.getUTCMonth() + 1;
	const d = date.getUTCDate();
	const h = Math.floor(minute / 60);
	const mi = pad(minute % 60);
	if (format === 'iso') return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${mi}:00`;
	const month = MONTHS[mo - 1];
	const ampm = `${h % 12 === 0 ? 12 : h % 12}:${mi} ${h < 12 ? 'AM' : 'PM'}`;
	switch (format) {
		case 'month-first':
			return `${mo}/${d}/${y} ${h}:${mi}`;
		case 'day-month-name':
			return `${d}-${month.slice(0, 3)}-${y} ${pad(h)}:${mi}`;
		case 'month-name-first':
			return `${month.slice(0, 3)} ${d}, ${y} ${ampm}`;
		case 'long-month':
			return `${pad(d)} ${month} ${y} ${pad(h)}:${mi}`;
		case 'short-year-am-pm':
			return `${mo}/${d}/${pad(y % 100)} ${ampm}`;
		default:
			return `${pad(d)}/${pad(mo)}/${y} ${pad(h)}:${mi}`;
	}
}

/** A field as CSV writes it: quoted when it holds the delimiter, a quote or a line break. */
function csvField(value: string, delimiter: string): string {
	if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
		return `"${value.replaceAll('"', '""')}"`;
	}
	return value;
}

function makeProducts(random: () => number): Product[] {
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
	const codes = new Set<string>();
	const products: Product[] = [];
	while (products.length < 240) {
		const suffix = random() < 0.25 ? 'ABCD'[Math.floor(random() * 4)] : '';
		const code = `${20000 + Math.floor(random() * 70000)}${suffix}`;
		if (codes.has(code)) continue;
		codes.add(code);
		const form = random();
		let description: string;
		if (form < 0.6) description = `${pick(MATERIALS)} ${pick(ITEMS)} ${pick(COLOURS)}`;
		else if (form < 0.82) description = `SET OF ${2 + Math.floor(random() * 5)} ${pick(ITEMS)}S, ${pick(PATTERNS)}`;
		else if (form < 0.92) description = `${pick(ITEMS)} "${pick(WORDS)}" ${pick(COLOURS)}`;
		else description = `${pick(PATTERNS)} ${pick(MATERIALS)} ${pick(ITEMS)}`;
		products.push({ code, description, cents: pick(LIST_CENTS) });
	}
	return products;
}

/** Generate a seeded invoice-lines CSV (see the top of this file for what is in it). */
export function generateInvoiceSample(options: InvoiceSampleOptions = {}): InvoiceSample {
	const customerCount = Math.max(1, Math.floor(options.customers ?? 300));
	const random = seededRandom(options.seed ?? 42);
	const dateFormat = options.dateFormat ?? 'iso';
	const delimiter = options.delimiter ?? ',';
	const ambiguous = options.ambiguousDates ?? false;
	const [startText, endText] = options.period ?? ['2010-12-01', '2011-12-09'];

	const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

	// Allowed days of the period (day numbers since 1970-01-01).
	const first = isoDay(startText);
	const last = isoDay(endText);
	if (last < first) throw new Error('generateInvoiceSample: the period ends before it starts');
	const days: number[] = [];
	for (let d = first; d <= last; d++) {
		if (!ambiguous || new Date(d * MS_PER_DAY).getUTCDate() <= 12) days.push(d);
	}
	if (days.length === 0) throw new Error('generateInvoiceSample: the period has no day from 1 to 12');
	const lastDay = days.length - 1;

	const products = makeProducts(random);
	// Skewed popularity: low indexes are picked far more often.
	const product = () => products[Math.floor(products.length * Math.pow(random(), 1.8))];

	// Customer types, in a shuffled order so ids and types are not related.
	const byType: Record<SampleCustomerType, number> = { wholesale: 0, regular: 0, occasional: 0, 'one-off': 0, lapsed: 0, returner: 0 };
	let assigned = 0;
	for (const [type, share] of SHARES) {
		const n = Math.min(customerCount - assigned, Math.max(1, Math.round(share * customerCount)));
		byType[type] = n;
		assigned += n;
	}
	byType.occasional = customerCount - assigned;
	const types = shuffled(
		(Object.keys(byType) as SampleCustomerType[]).flatMap((type) => Array.from({ length: byType[type] }, () => type)),
		random
	);
	const ids = shuffled(
		Array.from({ length: 7000 }, (_, i) => 12000 + i),
		random
	).slice(0, customerCount);
	if (ids.length < customerCount) throw new Error('generateInvoiceSample: at most 7,000 customers');

	const invoices: Invoice[] = [];
	const linesOf = (habit: Habit): Line[] => {
		const n = int(habit.lines[0], habit.lines[1]);
		const chosen = new Set<Product>();
		for (let tries = 0; chosen.size < n && tries < n * 10; tries++) chosen.add(product());
		return [...chosen].map((p) => ({
			code: p.code,
			description: p.description,
			quantity: pick(habit.quantities),
			cents: Math.max(10, Math.round(p.cents * habit.price))
		}));
	};
	/** A cancellation of some lines of `original`, a little later. */
	const cancel = (original: Invoice, lineCount: number): Invoice => {
		const day = Math.min(lastDay, original.day + int(0, 15));
		const minute = day === original.day ? Math.min(1439, original.minute + int(1, 120)) : int(480, 1199);
		const lines = shuffled(original.lines, random)
			.slice(0, lineCount)
			.map((l) => ({ ...l, quantity: -int(1, l.quantity) }));
		return { cancellation: true, day, minute, customer: original.customer, country: original.country, lines };
	};

	let namedInvoices = 0;
	types.forEach((type, c) => {
		const habit = HABITS[type];
		const customer = String(ids[c]);
		const country = random() < (type === 'wholesale' ? 0.5 : 0.85) ? 'United Kingdom' : pick(OTHER_COUNTRIES);
		// The stretch of the period the customer buys in.
		let lo = 0;
		let hi = lastDay;
		if (type === 'lapsed') hi = Math.floor(lastDay * 0.3);
		else if (type === 'occasional' || type === 'returner') {
			const span = Math.max(1, Math.floor(lastDay * (0.3 + 0.7 * random())));
			lo = int(0, lastDay - span);
			hi = lo + span;
		}
		const count = int(habit.invoices[0], habit.invoices[1]);
		const own: Invoice[] = [];
		for (let i = 0; i < count; i++) {
			own.push({ cancellation: false, day: int(lo, hi), minute: int(480, 1199), customer, country, lines: linesOf(habit) });
		}
		own.sort((a, b) => a.day - b.day || a.minute - b.minute);
		const cancellations: Invoice[] = [];
		if (type === 'returner') {
			const n = int(1, 2);
			for (let k = 0; k < n; k++) cancellations.push(cancel(own[int(0, own.length - 2)], int(1, 3)));
			const returned = pick(own[0].lines);
			own[own.length - 1].lines.push({ ...returned, quantity: -int(1, returned.quantity) });
		} else if (type === 'regular' || type === 'wholesale') {
			for (const invoice of own) if (random() < 0.03) cancellations.push(cancel(invoice, int(1, 2)));
		}
		namedInvoices += own.length;
		invoices.push(...own, ...cancellations);
	});

	// Guests: about 10% of all invoices.
	const guestCount = Math.max(1, Math.round(namedInvoices * 0.11));
	const unspecified = new Set(shuffled([...Array(guestCount).keys()], random).slice(0, Math.min(guestCount, Math.max(2, Math.round(guestCount * 0.05)))));
	const guestCancellations = Math.max(1, Math.round(guestCount * 0.03));
	const guests: Invoice[] = [];
	for (let g = 0; g < guestCount; g++) {
		const country = unspecified.has(g) ? 'Unspecified' : random() < 0.9 ? 'United Kingdom' : pick(OTHER_COUNTRIES);
		guests.push({ cancellation: false, day: int(0, lastDay), minute: int(480, 1199), customer: '', country, lines: linesOf(GUEST_HABIT) });
	}
	for (let g = 0; g < guestCancellations; g++) {
		const original = guests[int(0, guestCount - 1)];
		guests.push(cancel(original, int(1, original.lines.length)));
	}
	invoices.push(...guests);

	// Day/month files must be able to prove their order: one date with a day above 12.
	if (!ambiguous && !invoices.some((i) => new Date(days[i.day] * MS_PER_DAY).getUTCDate() > 12)) {
		const late = days.findIndex((d) => new Date(d * MS_PER_DAY).getUTCDate() > 12);
		const guest = guests.find((i) => !i.cancellation && i.country !== 'Unspecified');
		if (late >= 0 && guest) guest.day = late;
		else if (dateFormat !== 'iso') throw new Error('generateInvoiceSample: the period has no day above 12, so the date order cannot be told');
	}

	// Lines the cleaning rules remove.
	const purchases = invoices.filter((i) => !i.cancellation);
	for (const invoice of purchases) {
		if (invoice.country !== 'United Kingdom' && invoice.customer !== '' && random() < 0.5) {
			invoice.lines.unshift({ code: 'POST', description: 'POSTAGE', quantity: int(1, 3), cents: pick([1500, 1800, 4000]) });
		}
	}
	const some = (items: Invoice[], share: number, least: number) =>
		shuffled(items, random).slice(0, Math.min(items.length, Math.max(least, Math.round(items.length * share))));
	for (const invoice of some(purchases, 0.005, 1)) invoice.lines.push({ code: 'M', description: 'Manual', quantity: 1, cents: int(100, 3000) });
	for (const invoice of some(purchases, 0.015, 2)) {
		const p = product();
		invoice.lines.splice(int(0, invoice.lines.length), 0, { code: p.code, description: p.description, quantity: int(1, 12), cents: 0 });
	}
	const namedCancellations = invoices.filter((i) => i.cancellation && i.customer !== '');
	for (const invoice of some(namedCancellations, 0.2, 1)) invoice.lines.push({ code: 'D', description: 'Discount', quantity: -1, cents: int(500, 2000) });

	// Number the invoices in time order (a stable sort keeps cancellations after their originals).
	const ordered = invoices.map((invoice, i) => ({ invoice, i })).sort((a, b) => a.invoice.day - b.invoice.day || a.invoice.minute - b.invoice.minute || a.i - b.i);

	const comma = delimiter === ';';
	const number = (n: number) => (comma ? String(n).replace('.', ',') : String(n));
	const out: string[] = [INVOICE_COLUMNS.join(delimiter)];
	ordered.forEach(({ invoice }, k) => {
		const no = `${invoice.cancellation ? 'C' : ''}${536365 + k}`;
		const date = dateText(days[invoice.day], invoice.minute, dateFormat);
		const id = invoice.customer === '' ? '' : options.customerIdDecimal ? `${invoice.customer}${comma ? ',' : '.'}0` : invoice.customer;
		for (const line of invoice.lines) {
			const fields: Record<InvoiceColumn, string> = {
				InvoiceNo: no,
				StockCode: line.code,
				Description: line.description,
				Quantity: String(line.quantity),
				InvoiceDate: date,
				UnitPrice: number(line.cents / 100),
				CustomerID: id,
				Country: invoice.country
			};
			out.push(INVOICE_COLUMNS.map((key) => csvField(fields[key], delimiter)).join(delimiter));
		}
	});
	const newline = options.crlf ? '\r\n' : '\n';
	return {
		text: (options.bom ? '\uFEFF' : '') + out.join(newline) + newline,
		lines: out.length - 1,
		customers: customerCount,
		byType,
		guestInvoices: guests.length
	};
}

/** Split one CSV line at the delimiters outside quotes, keeping each field as written (quotes included). */
function splitRaw(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let start = 0;
	let inQuotes = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === '"') inQuotes = !inQuotes;
		else if (c === delimiter && !inQuotes) {
			fields.push(line.slice(start, i));
			start = i + 1;
		}
	}
	fields.push(line.slice(start));
	return fields;
}

const BROKEN_KINDS = ['quantity-text', 'unreadable-date', 'empty-invoice', 'price-text', 'too-few-fields'] as const;
const labelOf = (key: InvoiceColumn) => invoiceLineSchema.columns.find((c) => c.key === key)?.label ?? key;

/**
 * Broken lines for bad-input tests: returns the text with damaged lines inserted and, for each, its
 * spreadsheet row number (header = 1) and the column label the reader's message will name (e.g.
 * 'Quantity', 'Invoice date', 'Unit price', 'Invoice'). Damage kinds: text in Quantity ("six"), an
 * unreadable date ("someday"), an empty invoice, text in the unit price, a line with too few fields
 * (column null). Each damaged line is a copy of a good line with one thing broken, inserted next to
 * it, so the good lines read exactly as before. `count` (default 5, one of each kind) cycles the kinds.
 */
export function withBrokenLines(
	sample: InvoiceSample,
	options: { seed?: number; count?: number } = {}
): { text: string; broken: { row: number; column: string | null; kind: string }[] } {
	const random = seededRandom(options.seed ?? 7);
	const count = Math.max(0, Math.floor(options.count ?? BROKEN_KINDS.length));
	let text = sample.text;
	const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
	if (bom) text = text.slice(1);
	const newline = text.includes('\r\n') ? '\r\n' : '\n';
	const rows = text.split(newline);
	const trailing = rows[rows.length - 1] === '' ? rows.pop() : undefined;
	const header = rows[0];
	const delimiter = header.includes(';') ? ';' : ',';
	const dataLines = rows.length - 1;
	if (dataLines < 1) throw new Error('withBrokenLines: the sample has no lines');
	const at = (key: InvoiceColumn) => INVOICE_COLUMNS.indexOf(key);

	// Damaged copies, each inserted after a chosen good line (data line index 1..dataLines).
	const inserts: { after: number; line: string; kind: string; column: string | null }[] = [];
	for (let k = 0; k < count; k++) {
		const kind = BROKEN_KINDS[k % BROKEN_KINDS.length];
		const after = 1 + Math.floor(random() * dataLines);
		const fields = splitRaw(rows[after], delimiter);
		let column: string | null = null;
		if (kind === 'quantity-text') {
			fields[at('Quantity')] = 'six';
			column = labelOf('Quantity');
		} else if (kind === 'unreadable-date') {
			fields[at('InvoiceDate')] = 'someday';
			column = labelOf('InvoiceDate');
		} else if (kind === 'empty-invoice') {
			fields[at('InvoiceNo')] = '';
			column = labelOf('InvoiceNo');
		} else if (kind === 'price-text') {
			fields[at('UnitPrice')] = 'n/a';
			column = labelOf('UnitPrice');
		} else fields.length = 5;
		inserts.push({ after, line: fields.join(delimiter), kind, column });
	}
	inserts.sort((a, b) => a.after - b.after);

	const out: string[] = [header];
	const broken: { row: number; column: string | null; kind: string }[] = [];
	let next = 0;
	for (let i = 1; i < rows.length; i++) {
		out.push(rows[i]);
		while (next < inserts.length && inserts[next].after === i) {
			const { line, kind, column } = inserts[next++];
			out.push(line);
			broken.push({ row: out.length, column, kind });
		}
	}
	if (trailing !== undefined) out.push(trailing);
	return { text: bom + out.join(newline), broken };
}
