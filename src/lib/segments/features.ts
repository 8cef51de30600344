/**
 * From invoice lines to one row per customer, streaming: `createCustomerAggregator()` takes lines one
 * at a time (`addLine` with the split text fields of a CSV row, `addFields` with the values the byte
 * scan found, or `addInvoiceLine` with typed values),
 * reads and cleans each at once (clean.ts), and keeps only a few typed columns per kept line (about
 * 40 bytes: customer, invoice and product indexes, quantity, line value, date code, row number).
 * `finish()` hands those columns to `buildCustomerTable` (customerTable.ts: dates resolved, customer
 * features in a few passes, columnar typed arrays). It can be called again with another date order (when the user answers the question)
 * without reading the file again. `npm run train` and the browser worker share this code. Pure, no DOM.
 *
 * The features themselves are defined, and computed, in customerTable.ts.
 */
import type { RowIssue } from '../core/schema';
import { extraLinesIn, spansLinesHint } from '../core/csv/messages';
import { notANumberReason, parseNumber, quoted } from '../core/csv/validate';
import { msToDateCode, type DateOrder } from '../core/dates';
import { overflowReason } from '../core/plausibility';
import { firstRemovalRule } from './clean';
import { buildCustomerTable, CUSTOMER_FEATURES, type CustomerFeature, type CustomerTable, type FinishOptions, type KeptLines } from './customerTable';
import { InvoiceDates, type DatesState } from './invoiceDates';
import { InvoiceLookups, type LookupState } from './invoiceLookups';
import { KeptLineColumns } from './keptLineColumns';
import { ReadingTally, type TallyState } from './readingTally';
import { INVOICE_COLUMNS, invoiceLineSchema, type InvoiceColumn } from './schema';

export { buildCustomerTable, CUSTOMER_FEATURES, RECENT_WINDOW_DAYS, type CustomerFeature, type CustomerTable, type FinishOptions, type ReadLines } from './customerTable';


/** How a marketer reads each feature. */
export const CUSTOMER_FEATURE_INFO: Record<CustomerFeature, { label: string; unit?: string; help: string }> = {
	grossRevenue: { label: 'Gross revenue', help: 'Sum of quantity × unit price over the customer’s purchases.' },
	recencyDays: { label: 'Days since last purchase', unit: 'days', help: 'Calendar days from the last purchase to the last date in the data.' },
	invoices: { label: 'Invoices', help: 'Distinct invoices with at least one purchase.' },
	itemsBought: { label: 'Items bought', unit: 'items', help: 'Units purchased.' },
	distinctProducts: { label: 'Distinct products', help: 'Different stock codes purchased.' },
	frequency: {
		label: 'Purchase frequency',
		unit: 'invoices/day',
		help: 'Invoices per day between the first and the last purchase (both days included; a single day counts as 1).'
	},
	itemsReturned: { label: 'Items returned', unit: 'items', help: 'Units returned or cancelled.' },
	returnShare: { label: 'Share returned', unit: '%', help: 'Items returned ÷ items bought (at most 100%).' }
};


/** A line with typed values (for training code and tests that do not start from CSV text). */
export interface InvoiceLine {
	invoice: string;
	stockCode: string;
	quantity: number;
	unitPrice: number;
	/** Milliseconds since the epoch (UTC wall-clock time). */
	date: number;
	/** Null or '' when the line has no customer. */
	customerId: string | number | null;
	country?: string | null;
}

export interface CustomerAggregatorOptions {
	/**
	 * Position of each column in the split fields (from the header match); -1 or absent for an optional
	 * column the file lacks. Default: the export's order (InvoiceNo, StockCode, Description, Quantity,
	 * InvoiceDate, UnitPrice, CustomerID, Country).
	 */
	columns?: Partial<Record<InvoiceColumn, number>>;
	/** Fields in the header: a row with a different count (and non-blank extras) is unreadable. Default: none checked. */
	fieldCount?: number;
	/** Accept "2,55" for 2.55 (semicolon- and tab-separated files). */
	decimalComma?: boolean;
	/** Issues kept (all are counted). Default 100. */
	maxIssues?: number;
	/** About how many lines will come (e.g. file size / 80): storage is sized once instead of grown by copying. */
	expectedLines?: number;
}


export interface CustomerAggregator {
	/** Read one CSV row (fields as split by the parser; `rowNumber`: spreadsheet row, header = 1). */
	addLine(fields: readonly string[], rowNumber: number): void;
	/**
	 * Read one line from its values as found (the byte reader's entry): the texts as written (trimmed
	 * here), quantity and price already read as numbers (NaN: unreadable, and the text says why).
	 * `stockKey` (optional, ≥ 0): a small number the caller gives every line whose stock code is
	 * written the same (the byte scan's interning number), so the product is found in an array
	 * rather than a Map; a hint only (checked against the text).
	 */
	addFields(
		invoice: string,
		stockCode: string,
		quantity: number,
		quantityText: string,
		price: number,
		priceText: string,
		dateText: string,
		customerText: string,
		country: string,
		rowNumber: number,
		stockKey?: number
	): void;
	/** Add one line given as typed values. */
	addInvoiceLine(line: InvoiceLine, rowNumber: number): void;
	/** Record a problem found outside the line's values (e.g. by the CSV parser); counted and listed. */
	addIssue(issue: RowIssue): void;
	/** Count a line that could not be read at all (NUL bytes, an unclosed quote, …) and list why. */
	addUnreadable(issue: RowIssue): void;
	/** Non-blank lines added so far. */
	readonly linesRead: number;
	/** Lines swallowed by unreadable records that ran over several lines (a stray quote), not counted in `linesRead`. */
	readonly extraLines: number;
	/** The date order the lines read so far prove ('ambiguous': ask the user before `finish`). */
	readonly dateOrder: DateOrder;
	/** Up to 5 distinct day/month date texts whose order the values cannot show, for the question. */
	readonly ambiguousDateExamples: readonly string[];
	/** Compute the customer table. Throws when the date order is 'ambiguous' and none is given. */
	finish(options?: FinishOptions): CustomerTable;
	/** Everything read so far, as plain data (typed arrays can be transferred to another thread). */
	exportState(): AggregatorState;
	/**
	 * Add the lines another aggregator read from the part of the file that follows this one's
	 * (`rowOffset`: the rows before that part, header included). The result is what one aggregator
	 * reading both parts in order would hold.
	 */
	absorb(state: AggregatorState, rowOffset: number): void;
}

/** An aggregator's lines, lookups, counts and date votes, for reading a file in parts on several threads. */
export interface AggregatorState extends KeptLines, LookupState, TallyState, DatesState {}

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

const notANumber = notANumberReason;


/** Create a streaming aggregator from invoice lines to customer features. */
export function createCustomerAggregator(options: CustomerAggregatorOptions = {}): CustomerAggregator {
	const col = (key: InvoiceColumn) => options.columns?.[key] ?? (options.columns ? -1 : INVOICE_COLUMNS.indexOf(key));
	const iInvoice = col('InvoiceNo');
	const iStock = col('StockCode');
	const iQuantity = col('Quantity');
	const iDate = col('InvoiceDate');
	const iPrice = col('UnitPrice');
	const iCustomer = col('CustomerID');
	const iCountry = col('Country');
	const required = [iInvoice, iStock, iQuantity, iDate, iPrice, iCustomer];
	if (required.some((i) => i < 0)) throw new Error('createCustomerAggregator: a required column has no position');
	const minFields = Math.max(...required, iCountry) + 1;
	const fieldCount = options.fieldCount ?? 0;
	const decimalComma = options.decimalComma ?? false;

	const lines = new KeptLineColumns(options.expectedLines);
	const lookups = new InvoiceLookups(decimalComma);
	const tally = new ReadingTally(options.maxIssues ?? MAX_ISSUES);
	const dates = new InvoiceDates();

	// The previous kept line's lookups: lines of one invoice usually follow each other.
	let lastInvoiceText = '';
	let lastInvoice = -1;
	let lastCustomerText = '';
	let lastCustomerInvoice = -1;
	let lastCustomer = -1;
	let lastCountry = '';
	let lastCountryDropped = false;

	/** Apply the cleaning rules to one readable line, and keep it or count its removal. */
	const addClean = (invoiceText: string, stockCode: string, quantity: number, price: number, dateCode: number, customerText: string, country: string, row: number, stockKey: number) => {
		const product = lookups.productOf(stockCode, stockKey);
		if (country.length !== 0 && country !== lastCountry) {
			lastCountry = country;
			lastCountryDropped = lookups.isDroppedCountry(country);
		}
		const rule = firstRemovalRule(price, lookups.productDropped[product], country.length !== 0 && lastCountryDropped, quantity);
		if (rule !== null) {
			tally.removed[rule]++;
			return;
		}
		let invoice = lastInvoice;
		if (invoiceText !== lastInvoiceText) {
			invoice = lastInvoice = lookups.invoiceOf(invoiceText);
			lastInvoiceText = invoiceText;
		}
		let customer = lastCustomer;
		if (customerText !== lastCustomerText || invoice !== lastCustomerInvoice) {
			customer = lastCustomer = lookups.customerOf(customerText, invoice, invoiceText);
			lastCustomerText = customerText;
			lastCustomerInvoice = invoice;
		}
		if (lookups.customerGuest[customer] === 1) tally.guestLines++;
		lines.push(customer, invoice, product, quantity, quantity * price, dateCode, row);
	};

	/** A line's values as found: read, checked, then cleaned. */
	const addFields: CustomerAggregator['addFields'] = (invoiceText, stockText, quantity, quantityText, price, priceText, dateText, customerText, countryText, row, stockKey = -1) => {
		tally.linesRead++;
		const invoice = clip(invoiceText);
		const stockCode = clip(stockText);
		const dateCode = dates.codeOf(dateText);
		if (invoice.length === 0 || stockCode.length === 0 || quantity !== quantity || price !== price || dateCode < 0) {
			tally.unreadableLines++;
			if (invoice.length === 0) tally.issue(row, LABEL.InvoiceNo, 'is empty');
			if (stockCode.length === 0) tally.issue(row, LABEL.StockCode, 'is empty');
			if (quantity !== quantity) tally.issue(row, LABEL.Quantity, quantityText === '' ? 'is empty' : notANumber(quantityText, decimalComma));
			if (price !== price) tally.issue(row, LABEL.UnitPrice, priceText === '' ? 'is empty' : notANumber(priceText, decimalComma));
			if (dateCode < 0) {
				const text = clip(dateText);
				tally.issue(row, LABEL.InvoiceDate, text === '' ? 'is empty' : `${quoted(text)} is not a date (e.g. 2010-12-01 08:26, 12/1/2010 8:26, 01/12/2010 08:26 or 1-Dec-2010)`);
			}
			return;
		}
		const value = quantity * price;
		if (value - value !== 0) {
			overflow(row, quantity, price);
			return;
		}
		addClean(invoice, stockCode, quantity, price, dateCode, customerText, clip(countryText), row, stockKey);
	};

	/** One CSV row, split: the number of fields checked, then its values read. */
	const addLine = (fields: readonly string[], row: number) => {
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
		} else if (found < minFields) {
			tally.linesRead++;
			tally.unreadableLines++;
			tally.issue(row, null, `has ${found} value${found === 1 ? '' : 's'}, but ${minFields} are needed`);
			return;
		}
		const quantityText = clip(fields[iQuantity]);
		const priceText = clip(fields[iPrice]);
		addFields(
			fields[iInvoice],
			fields[iStock],
			parseNumber(quantityText, decimalComma),
			quantityText,
			parseNumber(priceText, decimalComma),
			priceText,
			fields[iDate],
			fields[iCustomer],
			iCountry >= 0 ? fields[iCountry] : '',
			row
		);
	};

	const overflow = (row: number, quantity: number, price: number) => {
		tally.overflowLines++;
		tally.issue(row, `${LABEL.Quantity} × ${LABEL.UnitPrice}`, overflowReason(quantity, price, 'the line value') ?? 'overflows');
	};

	/** A line with typed values (training code, tests). */
	const addInvoiceLine = (line: InvoiceLine, row: number) => {
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
		dates.vote(dateCode);
		const value = line.quantity * line.unitPrice;
		if (value - value !== 0) {
			overflow(row, line.quantity, line.unitPrice);
			return;
		}
		const customer = line.customerId === null ? '' : String(line.customerId);
		addClean(invoice, stockCode, line.quantity, line.unitPrice, dateCode, customer, (line.country ?? '').trim(), row, -1);
	};

	const finish = (finishOptions: FinishOptions = {}): CustomerTable =>
		buildCustomerTable(
			{
				...lines,
				evidence: dates.evidence,
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

	return {
		addLine,
		addFields,
		addInvoiceLine,
		addIssue: (problem: RowIssue) => tally.issue(problem.row, problem.column, problem.reason),
		addUnreadable: (problem: RowIssue) => {
			tally.linesRead++;
			tally.unreadableLines++;
			tally.issue(problem.row, problem.column, problem.reason);
		},
		get linesRead() {
			return tally.linesRead;
		},
		get extraLines() {
			return tally.extraLines;
		},
		get dateOrder() {
			return dates.evidence.order;
		},
		get ambiguousDateExamples() {
			return dates.ambiguousExamples;
		},
		finish,
		exportState: (): AggregatorState => ({ ...lines.copy(), ...lookups.copy(), ...tally.copy(), ...dates.copy() }),
		absorb: (other: AggregatorState, rowOffset: number) => {
			const renumbered = lookups.absorb(other);
			lines.append(other, renumbered.customers, renumbered.invoices, renumbered.products, rowOffset);
			tally.absorb(other, rowOffset);
			dates.absorb(other);
		}
	};
}

/** The chosen features of every customer, row-major (customer i's features at i * keys.length). */
export function featureMatrix(table: CustomerTable, keys: readonly CustomerFeature[] = CUSTOMER_FEATURES): Float64Array {
	const m = keys.length;
	const out = new Float64Array(table.count * m);
	keys.forEach((key, j) => {
		const column = table.features[key];
		for (let i = 0; i < table.count; i++) out[i * m + j] = column[i];
	});
	return out;
}
