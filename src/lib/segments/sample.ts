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
import { seededRandom } from '../core/random';
import { MS_PER_DAY, daysFromCivil, isCalendarDate } from '../core/dates';
import { INVOICE_COLUMNS, invoiceLineSchema, type InvoiceColumn } from './schema';
import { customerIds, customerInvoices, customersByType, guestInvoices, shuffledTypes, type SampleCustomerType } from './sample/customers';
import { SampleDraws, type Invoice } from './sample/draws';
import { addLinesCleaningRemoves } from './sample/removedLines';
import { invoiceRows, type SampleDateFormat } from './sample/writing';

export type { SampleCustomerType } from './sample/customers';
export type { SampleDateFormat } from './sample/writing';

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

function isoDay(text: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) throw new Error(`generateInvoiceSample: period dates must be YYYY-MM-DD, not ${JSON.stringify(text)}`);
	return daysFromCivil(+m[1], +m[2], +m[3]);
}

/** The day of the month of a day number (days since 1970-01-01). */
const dayOfMonth = (dayNumber: number) => new Date(dayNumber * MS_PER_DAY).getUTCDate();

/** The days invoices may fall on (day numbers since 1970-01-01): every day of the period, or with `ambiguous` only days 1-12. */
function allowedDays([startText, endText]: [string, string], ambiguous: boolean): number[] {
	const first = isoDay(startText);
	const last = isoDay(endText);
	if (last < first) throw new Error('generateInvoiceSample: the period ends before it starts');
	const days: number[] = [];
	for (let d = first; d <= last; d++) {
		if (!ambiguous || dayOfMonth(d) <= 12) days.push(d);
	}
	if (days.length === 0) throw new Error('generateInvoiceSample: the period has no day from 1 to 12');
	return days;
}

/** Every named customer's invoices (purchases, then cancellations, customer by customer) and how many purchases. */
function namedInvoices(draws: SampleDraws, types: SampleCustomerType[], ids: number[]): { invoices: Invoice[]; purchases: number } {
	const invoices: Invoice[] = [];
	let purchases = 0;
	types.forEach((type, c) => {
		const own = customerInvoices(draws, type, String(ids[c]));
		purchases += own.purchases.length;
		invoices.push(...own.purchases, ...own.cancellations);
	});
	return { invoices, purchases };
}

/**
 * Day/month files must be able to prove their order: unless dates are ambiguous on purpose, when
 * no invoice falls on a day above 12, a guest's purchase is moved to the first such day.
 */
function proveDateOrder(invoices: Invoice[], guests: Invoice[], days: number[], dateFormat: SampleDateFormat): void {
	if (invoices.some((i) => dayOfMonth(days[i.day]) > 12)) return;
	const late = days.findIndex((d) => dayOfMonth(d) > 12);
	const guest = guests.find((i) => !i.cancellation && i.country !== 'Unspecified');
	if (late >= 0 && guest) guest.day = late;
	else if (dateFormat !== 'iso') throw new Error('generateInvoiceSample: the period has no day above 12, so the date order cannot be told');
}

/** Generate a seeded invoice-lines CSV (see the top of this file for what is in it). */
export function generateInvoiceSample(options: InvoiceSampleOptions = {}): InvoiceSample {
	const customerCount = Math.max(1, Math.floor(options.customers ?? 300));
	const random = seededRandom(options.seed ?? 42);
	const dateFormat = options.dateFormat ?? 'iso';
	const ambiguous = options.ambiguousDates ?? false;
	const days = allowedDays(options.period ?? ['2010-12-01', '2011-12-09'], ambiguous);
	const draws = new SampleDraws(random, days.length - 1);

	const byType = customersByType(customerCount);
	const types = shuffledTypes(byType, random);
	const ids = customerIds(customerCount, random);
	const named = namedInvoices(draws, types, ids);
	const guests = guestInvoices(draws, named.purchases);
	const invoices = [...named.invoices, ...guests];
	if (!ambiguous) proveDateOrder(invoices, guests, days, dateFormat);
	addLinesCleaningRemoves(draws, invoices);

	const rows = invoiceRows(invoices, days, { dateFormat, delimiter: options.delimiter ?? ',', customerIdDecimal: options.customerIdDecimal ?? false });
	const newline = options.crlf ? '\r\n' : '\n';
	return {
		text: (options.bom ? '\uFEFF' : '') + rows.join(newline) + newline,
		lines: rows.length - 1,
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
