/**
 * The cleaning rules of the Insiders analysis, as data and small functions, and the report that
 * makes them visible ("removed 2,525 lines with unit price below 0.04", …). The streaming customer
 * aggregator (features.ts) applies them line by line and fills the counts. Pure, no DOM.
 *
 * The rules, in the order they are tried (a line removed by one rule is counted under that rule
 * only, so the counts add up to the lines removed):
 *   1. unit price below 0.04 (free samples, adjustments, bad-debt write-offs);
 *   2. stock codes that are not products: POST, D, M, PADS, DOT, CRUK, S, AMAZONFEE, m, DCGSSBOY,
 *      DCGSSGIRL, B (matched exactly, case-sensitive: `m` and `M` are both listed);
 *   3. countries "European Community" and "Unspecified" (case and surrounding spaces ignored);
 *   4. a quantity of exactly zero (moves nothing; not in the original rules, counted in case a file has them).
 * Lines that cannot be genuine are left out as implausible and listed by row (core/plausibility has
 * the rules and their thresholds): quantity × unit price overflows; a date far outside the file's
 * bulk of dates (or before 1990, or from 2100 on); a quantity, unit price or line value of 1e15 or
 * more, or over a million times its column's median. None of them touches the Online Retail data.
 * Then, on the lines kept:
 *   - a negative quantity is a return, and so is every line of an invoice starting with C (a
 *     cancellation); returned items count as the absolute quantity;
 *   - a line with no customer id gets a new id, one per invoice (`guest-<invoice>`), as in the
 *     original, so the model can place it; the analysis (analysis.ts) then counts these invoices
 *     apart and keeps them out of the Insiders, the rules and the forecast.
 */
import { PLAUSIBILITY_RULES, type ImplausibleCounts } from '../core/plausibility';
import type { DateOrder } from '../core/dates';
import { formatDecimal } from '../core/decimalText';

export const MIN_UNIT_PRICE = 0.04;

/** Stock codes of postage, fees, discounts and manual entries: not products a customer chose. */
export const DROPPED_STOCK_CODES: readonly string[] = [
	'POST',
	'D',
	'M',
	'PADS',
	'DOT',
	'CRUK',
	'S',
	'AMAZONFEE',
	'm',
	'DCGSSBOY',
	'DCGSSGIRL',
	'B'
];

export const DROPPED_COUNTRIES: readonly string[] = ['European Community', 'Unspecified'];

const droppedStockCodes = new Set(DROPPED_STOCK_CODES);
const droppedCountries = new Set(DROPPED_COUNTRIES.map((c) => c.toLowerCase()));

/** Why a readable line is left out, in the order the rules are tried. */
export const REMOVAL_RULES = ['low-price', 'stock-code', 'country', 'zero-quantity'] as const;
export type RemovalRule = (typeof REMOVAL_RULES)[number];

/** Whether a stock code is on the dropped list (exact, case-sensitive; the code should be trimmed). */
export function isDroppedStockCode(stockCode: string): boolean {
	return droppedStockCodes.has(stockCode);
}

/** Whether a country is on the dropped list (case and surrounding spaces ignored). */
export function isDroppedCountry(country: string): boolean {
	return droppedCountries.has(country.trim().toLowerCase());
}

/**
 * The first rule that removes a line, or null when the line is kept, from what was decided about its
 * stock code and country (the aggregator decides those once per distinct value). The one place the
 * rule order lives.
 */
export function firstRemovalRule(unitPrice: number, stockCodeDropped: boolean, countryDropped: boolean, quantity: number): RemovalRule | null {
	if (unitPrice < MIN_UNIT_PRICE) return 'low-price';
	if (stockCodeDropped) return 'stock-code';
	if (countryDropped) return 'country';
	if (quantity === 0) return 'zero-quantity';
	return null;
}

/** The first rule that removes a line, or null when the line is kept. */
export function removalRule(unitPrice: number, stockCode: string, country: string | null, quantity: number): RemovalRule | null {
	return firstRemovalRule(unitPrice, isDroppedStockCode(stockCode), country !== null && isDroppedCountry(country), quantity);
}

/** An invoice number starting with C (or c) marks a cancellation. */
export function isCancellation(invoice: string): boolean {
	const c = invoice.charCodeAt(0);
	return c === 67 || c === 99;
}

/**
 * A customer id as written, made comparable: surrounding spaces go, and a whole number written with a
 * zero fraction (`17850.0`, `17850.00`, and `17850,0` when `decimalComma`) loses the fraction, so a
 * spreadsheet that turned ids into decimals still matches. Anything else is kept as written. '' means
 * no customer.
 */
export function normaliseCustomerId(text: string, decimalComma = false): string {
	let s = text;
	const len = s.length;
	if (len !== 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(len - 1) <= 32)) s = s.trim();
	let end = s.length;
	while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
	if (end === s.length || end < 2) return s;
	const point = s.charCodeAt(end - 1);
	if (point !== 46 && !(decimalComma && point === 44)) return s;
	for (let i = 0; i < end - 1; i++) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return s;
	}
	return s.slice(0, end - 1);
}

/** The id given to the customer of an invoice without a customer id. */
export function guestCustomerId(invoice: string): string {
	return `guest-${invoice}`;
}

/** What cleaning did to a file, for the page's "what was removed and why". */
export interface CleaningReport {
	/** Non-blank data lines read. */
	linesRead: number;
	/** Lines that could not be read (text in a number, no invoice, unreadable date, …): see the issues. */
	unreadableLines: number;
	/**
	 * Readable lines left out as implausible, by rule (see core/plausibility). Absent in reports made
	 * before the rules existed (the shipped training data, where they leave out nothing).
	 */
	implausible?: ImplausibleCounts;
	/** Readable lines removed, by the first rule that removed them. */
	removed: Record<RemovalRule, number>;
	/** Lines used for the customer features (purchases and returns). */
	keptLines: number;
	purchaseLines: number;
	/** Return lines: negative quantities, and every line of a cancellation invoice. */
	returnLines: number;
	/** Return lines on cancellation invoices (numbers starting with C). */
	cancellationLines: number;
	/** Distinct cancellation invoices among the kept lines. */
	cancellationInvoices: number;
	/** Invoices with no customer id that got an id of their own (`guest-<invoice>`). */
	guestInvoices: number;
	/** Kept lines that had no customer id. */
	guestLines: number;
	/** Customers with returns but no purchase in the data: left out (they have no revenue or recency). */
	returnOnlyCustomers: number;
	/** Customers in the table (with at least one purchase). */
	customers: number;
	/** How the day/month dates were read. */
	dateOrder: DateOrder;
	/** Why, when no date proved the order and it was decided by plausibility (core/dates). */
	dateOrderWhy?: string;
}

/** What each plausibility rule found, in a few words. */
const IMPLAUSIBLE_WORDS: Readonly<Record<keyof ImplausibleCounts, string>> = {
	overflow: 'whose quantity × unit price overflows',
	date: 'dated far outside the file’s dates',
	outlier: 'with an extreme quantity, price or value'
};

/** Lines left out as implausible, all rules together (0 for reports made before the rules). */
export function implausibleLines(report: CleaningReport): number {
	const i = report.implausible;
	return i ? i.overflow + i.date + i.outlier : 0;
}

/** Lines removed by all rules together. */
export function removedLines(report: CleaningReport): number {
	let n = 0;
	for (const rule of REMOVAL_RULES) n += report.removed[rule];
	return n;
}

const count = (n: number) => formatDecimal(n);

function lines(n: number): string {
	return `${count(n)} line${n === 1 ? '' : 's'}`;
}

function invoices(n: number): string {
	return `${count(n)} invoice${n === 1 ? '' : 's'}`;
}

/** One sentence of the cleaning summary. */
export interface CleaningStep {
	/** A rule id ('low-price', …) or what the sentence is about ('unreadable', 'returns', 'guests', …). */
	id: RemovalRule | 'read' | 'unreadable' | 'implausible' | 'kept' | 'returns' | 'cancellations' | 'guests' | 'return-only' | 'customers';
	count: number;
	text: string;
}

/**
 * The cleaning report in words, one sentence per rule (every listed rule appears, with its count, even
 * when it removed nothing; the zero-quantity rule only when it removed something).
 */
export function cleaningSummary(report: CleaningReport): CleaningStep[] {
	const r = report.removed;
	const steps: CleaningStep[] = [
		{ id: 'read', count: report.linesRead, text: `read ${lines(report.linesRead)}` },
		{
			id: 'unreadable',
			count: report.unreadableLines,
			text: `set aside ${lines(report.unreadableLines)} that could not be read (listed below by row)`
		},
		{ id: 'low-price', count: r['low-price'], text: `removed ${lines(r['low-price'])} with unit price below ${MIN_UNIT_PRICE}` },
		{
			id: 'stock-code',
			count: r['stock-code'],
			text: `removed ${lines(r['stock-code'])} with stock codes that are not products (${DROPPED_STOCK_CODES.join(', ')})`
		},
		{
			id: 'country',
			count: r.country,
			text: `removed ${lines(r.country)} with country ${DROPPED_COUNTRIES.map((c) => `"${c}"`).join(' or ')}`
		}
	];
	const implausible = implausibleLines(report);
	if (implausible > 0) {
		const counts = report.implausible as ImplausibleCounts;
		const why = (Object.keys(PLAUSIBILITY_RULES) as (keyof ImplausibleCounts)[])
			.filter((rule) => counts[rule] > 0)
			.map((rule) => `${count(counts[rule])} ${IMPLAUSIBLE_WORDS[rule]}`);
		steps.splice(2, 0, { id: 'implausible', count: implausible, text: `left out ${lines(implausible)} as implausible (${why.join(', ')}; listed below by row)` });
	}
	if (r['zero-quantity'] > 0) {
		steps.push({ id: 'zero-quantity', count: r['zero-quantity'], text: `removed ${lines(r['zero-quantity'])} with a quantity of zero` });
	}
	steps.push(
		{ id: 'kept', count: report.keptLines, text: `kept ${lines(report.keptLines)}: ${count(report.purchaseLines)} purchases and ${count(report.returnLines)} returns` },
		{
			id: 'cancellations',
			count: report.cancellationLines,
			text: `counted ${lines(report.cancellationLines)} on ${invoices(report.cancellationInvoices)} starting with C as cancellations (returns)`
		},
		{
			id: 'returns',
			count: report.returnLines - report.cancellationLines,
			text: `counted ${lines(report.returnLines - report.cancellationLines)} with a negative quantity on other invoices as returns`
		},
		{
			id: 'guests',
			count: report.guestInvoices,
			text: `set apart ${invoices(report.guestInvoices)} with no customer id (${lines(report.guestLines)}): counted apart, not as customers`
		},
		{
			id: 'return-only',
			count: report.returnOnlyCustomers,
			text: `left out ${count(report.returnOnlyCustomers)} customer${report.returnOnlyCustomers === 1 ? '' : 's'} with returns but no purchase`
		},
		{ id: 'customers', count: report.customers, text: `found ${count(report.customers)} customers with at least one purchase` }
	);
	return steps;
}
