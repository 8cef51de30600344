/**
 * The streaming aggregator behind `createCustomerAggregator` (features.ts; its types in
 * customerAggregator.ts): invoice lines in, one at a time, read and cleaned at once; kept lines
 * stored as a few typed columns; `finish()` builds the customer table. Three ways in, one way
 * through:
 *
 *   addLine (a CSV row's split fields) ──┐
 *   addFields (the byte scan's values) ──┴─> read and check the values ─> addClean ─> kept line
 *   addInvoiceLine (typed values, training and tests) ───────────────────────────┘
 *
 * `addClean` applies the cleaning rules (clean.ts, in their one order) and keeps the line or counts
 * its removal. Pure, no DOM.
 */
import type { RowIssue } from '../core/schema';
import { extraLinesIn, spansLinesHint } from '../core/csv/messages';
import { notANumberReason, parseNumber, quoted } from '../core/csv/validate';
import { msToDateCode, type DateOrder } from '../core/dates';
import { overflowReason } from '../core/plausibility';
import { firstRemovalRule } from './clean';
import { buildCustomerTable, type CustomerTable, type FinishOptions } from './customerTable';
import type { AggregatorState, CustomerAggregator, CustomerAggregatorOptions, InvoiceLine } from './customerAggregator';
import { InvoiceDates } from './invoiceDates';
import { InvoiceLookups } from './invoiceLookups';
import { KeptLineColumns } from './keptLineColumns';
import { ReadingTally } from './readingTally';
import { INVOICE_COLUMNS, invoiceLineSchema, usedColumnPositions, type InvoiceColumn, type UsedColumnPositions } from './schema';

const MAX_ISSUES = 100;
/** A column's name in messages ('Invoice date'). */
export const invoiceColumnLabel = (key: InvoiceColumn) => invoiceLineSchema.columns.find((c) => c.key === key)?.label ?? key;
const LABEL = Object.fromEntries(INVOICE_COLUMNS.map((k) => [k, invoiceColumnLabel(k)])) as Record<InvoiceColumn, string>;

/** Trim only when needed (most fields have no surrounding spaces). */
function clip(text: string): string {
	const len = text.length;
	if (len === 0) return text;
	const first = text.charCodeAt(0);
	const last = text.charCodeAt(len - 1);
	return first <= 32 || last <= 32 || first === 160 || last === 160 ? text.trim() : text;
}

function isBlank(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 13 && c !== 160) return false;
	}
	return true;
}

/** Where each used column is in a CSV row's fields (-1: an optional column the file lacks). */
interface FieldPositions extends UsedColumnPositions {
	/** Fields a row needs to hold every used column. */
	minFields: number;
}

function fieldPositions(options: CustomerAggregatorOptions): FieldPositions {
	const at = usedColumnPositions((key) => options.columns?.[key] ?? (options.columns ? -1 : INVOICE_COLUMNS.indexOf(key)));
	const required = [at.invoice, at.stock, at.quantity, at.date, at.price, at.customer];
	if (required.some((i) => i < 0)) throw new Error('createCustomerAggregator: a required column has no position');
	return { ...at, minFields: Math.max(...required, at.country) + 1 };
}

export class InvoiceLineAggregator implements CustomerAggregator {
	private readonly at: FieldPositions;
	private readonly fieldCount: number;
	private readonly decimalComma: boolean;
	private readonly lines: KeptLineColumns;
	private readonly lookups: InvoiceLookups;
	private readonly tally: ReadingTally;
	private readonly dates = new InvoiceDates();

	// The previous kept line's lookups: lines of one invoice usually follow each other.
	private lastInvoiceText = '';
	private lastInvoice = -1;
	private lastCustomerText = '';
	private lastCustomerInvoice = -1;
	private lastCustomer = -1;
	private lastCountry = '';
	private lastCountryDropped = false;

	constructor(options: CustomerAggregatorOptions = {}) {
		this.at = fieldPositions(options);
		this.fieldCount = options.fieldCount ?? 0;
		this.decimalComma = options.decimalComma ?? false;
		this.lines = new KeptLineColumns(options.expectedLines);
		this.lookups = new InvoiceLookups(this.decimalComma);
		this.tally = new ReadingTally(options.maxIssues ?? MAX_ISSUES);
	}

	get linesRead(): number {
		return this.tally.linesRead;
	}

	get extraLines(): number {
		return this.tally.extraLines;
	}

	get dateOrder(): DateOrder {
		return this.dates.evidence.order;
	}

	get ambiguousDateExamples(): readonly string[] {
		return this.dates.ambiguousExamples;
	}

	/** One CSV row, split: the number of fields checked, then its values read. */
	addLine(fields: readonly string[], row: number): void {
		const { at, fieldCount, tally } = this;
		const found = fields.length;
		if (found !== fieldCount && fieldCount > 0) {
			let bad = found < fieldCount;
			for (let i = fieldCount; !bad && i < found; i++) bad = !isBlank(fields[i]);
			if (bad) {
				tally.linesRead++;
				tally.unreadableLines++;
				const extra = extraLinesIn(fields);
				tally.extraLines += extra;
				tally.issue(row, null, `has ${found} value${found === 1 ? '' : 's'}, but the header has ${fieldCount} columns${spansLinesHint(extra)}`);
				return;
			}
		} else if (found < at.minFields) {
			tally.linesRead++;
			tally.unreadableLines++;
			tally.issue(row, null, `has ${found} value${found === 1 ? '' : 's'}, but ${at.minFields} are needed`);
			return;
		}
		const quantityText = clip(fields[at.quantity]);
		const priceText = clip(fields[at.price]);
		this.addFields(
			fields[at.invoice],
			fields[at.stock],
			parseNumber(quantityText, this.decimalComma),
			quantityText,
			parseNumber(priceText, this.decimalComma),
			priceText,
			fields[at.date],
			fields[at.customer],
			at.country >= 0 ? fields[at.country] : '',
			row
		);
	}

	/** A line's values as found: read, checked, then cleaned. */
	addFields(
		invoiceText: string,
		stockText: string,
		quantity: number,
		quantityText: string,
		price: number,
		priceText: string,
		dateText: string,
		customerText: string,
		countryText: string,
		row: number,
		stockKey = -1
	): void {
		const tally = this.tally;
		tally.linesRead++;
		const invoice = clip(invoiceText);
		const stockCode = clip(stockText);
		const dateCode = this.dates.codeOf(dateText);
		if (invoice.length === 0 || stockCode.length === 0 || quantity !== quantity || price !== price || dateCode < 0) {
			tally.unreadableLines++;
			if (invoice.length === 0) tally.issue(row, LABEL.InvoiceNo, 'is empty');
			if (stockCode.length === 0) tally.issue(row, LABEL.StockCode, 'is empty');
			if (quantity !== quantity) tally.issue(row, LABEL.Quantity, quantityText === '' ? 'is empty' : notANumberReason(quantityText, this.decimalComma));
			if (price !== price) tally.issue(row, LABEL.UnitPrice, priceText === '' ? 'is empty' : notANumberReason(priceText, this.decimalComma));
			if (dateCode < 0) {
				const text = clip(dateText);
				tally.issue(row, LABEL.InvoiceDate, text === '' ? 'is empty' : `${quoted(text)} is not a date (e.g. 2010-12-01 08:26, 12/1/2010 8:26, 01/12/2010 08:26 or 1-Dec-2010)`);
			}
			return;
		}
		const value = quantity * price;
		if (value - value !== 0) {
			this.overflow(row, quantity, price);
			return;
		}
		this.addClean(invoice, stockCode, quantity, price, dateCode, customerText, clip(countryText), row, stockKey);
	}

	/** A line with typed values (training code, tests). */
	addInvoiceLine(line: InvoiceLine, row: number): void {
		const tally = this.tally;
		tally.linesRead++;
		const invoice = line.invoice.trim();
		const stockCode = line.stockCode.trim();
		const dateCode = msToDateCode(line.date);
		const bad: [string, string][] = [];
		if (invoice === '') bad.push([LABEL.InvoiceNo, 'is empty']);
		if (stockCode === '') bad.push([LABEL.StockCode, 'is empty']);
		if (!Number.isFinite(line.quantity)) bad.push([LABEL.Quantity, `${String(line.quantity)} is not a number`]);
		if (!Number.isFinite(line.unitPrice)) bad.push([LABEL.UnitPrice, `${String(line.unitPrice)} is not a number`]);
		if (dateCode < 0) bad.push([LABEL.InvoiceDate, `${String(line.date)} is not a date`]);
		if (bad.length > 0) {
			tally.unreadableLines++;
			for (const [column, reason] of bad) tally.issue(row, column, reason);
			return;
		}
		this.dates.vote(dateCode);
		const value = line.quantity * line.unitPrice;
		if (value - value !== 0) {
			this.overflow(row, line.quantity, line.unitPrice);
			return;
		}
		const customer = line.customerId === null ? '' : String(line.customerId);
		this.addClean(invoice, stockCode, line.quantity, line.unitPrice, dateCode, customer, (line.country ?? '').trim(), row, -1);
	}

	addIssue(problem: RowIssue): void {
		this.tally.issue(problem.row, problem.column, problem.reason);
	}

	addUnreadable(problem: RowIssue): void {
		this.tally.linesRead++;
		this.tally.unreadableLines++;
		this.tally.issue(problem.row, problem.column, problem.reason);
	}

	finish(finishOptions: FinishOptions = {}): CustomerTable {
		const { lines, lookups, tally } = this;
		return buildCustomerTable(
			{
				...lines,
				evidence: this.dates.evidence,
				maxIssues: tally.maxIssues,
				customerIds: lookups.customerIds,
				customerGuest: lookups.customerGuest,
				invoiceCancelled: lookups.invoiceCancelled,
				productCount: lookups.productDropped.length,
				guestInvoices: lookups.guestInvoices,
				issues: tally.issues,
				issueCount: tally.issueCount,
				linesRead: tally.linesRead,
				unreadableLines: tally.unreadableLines,
				overflowLines: tally.overflowLines,
				removed: tally.removed,
				guestLines: tally.guestLines
			},
			finishOptions
		);
	}

	exportState(): AggregatorState {
		return { ...this.lines.copy(), ...this.lookups.copy(), ...this.tally.copy(), ...this.dates.copy() };
	}

	absorb(other: AggregatorState, rowOffset: number): void {
		const renumbered = this.lookups.absorb(other);
		this.lines.append(other, renumbered.customers, renumbered.invoices, renumbered.products, rowOffset);
		this.tally.absorb(other, rowOffset);
		this.dates.absorb(other);
	}

	/** Apply the cleaning rules to one readable line, and keep it or count its removal. */
	private addClean(invoiceText: string, stockCode: string, quantity: number, price: number, dateCode: number, customerText: string, country: string, row: number, stockKey: number): void {
		const lookups = this.lookups;
		const product = lookups.productOf(stockCode, stockKey);
		if (country.length !== 0 && country !== this.lastCountry) {
			this.lastCountry = country;
			this.lastCountryDropped = lookups.isDroppedCountry(country);
		}
		const rule = firstRemovalRule(price, lookups.productDropped[product], country.length !== 0 && this.lastCountryDropped, quantity);
		if (rule !== null) {
			this.tally.removed[rule]++;
			return;
		}
		let invoice = this.lastInvoice;
		if (invoiceText !== this.lastInvoiceText) {
			invoice = this.lastInvoice = lookups.invoiceOf(invoiceText);
			this.lastInvoiceText = invoiceText;
		}
		let customer = this.lastCustomer;
		if (customerText !== this.lastCustomerText || invoice !== this.lastCustomerInvoice) {
			customer = this.lastCustomer = lookups.customerOf(customerText, invoice, invoiceText);
			this.lastCustomerText = customerText;
			this.lastCustomerInvoice = invoice;
		}
		if (lookups.customerGuest[customer] === 1) this.tally.guestLines++;
		this.lines.push(customer, invoice, product, quantity, quantity * price, dateCode, row);
	}

	private overflow(row: number, quantity: number, price: number): void {
		this.tally.overflowLines++;
		this.tally.issue(row, `${LABEL.Quantity} × ${LABEL.UnitPrice}`, overflowReason(quantity, price, 'the line value') ?? 'overflows');
	}
}
