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
import { overflowReason } from '../core/plausibility';
import {
	type RemovalRule,
	firstRemovalRule,
	guestCustomerId,
	isCancellation,
	isDroppedCountry,
	isDroppedStockCode,
	normaliseCustomerId
} from './clean';
import { DateOrderEvidence, type DateOrderVotes, isDayMonthCode, msToDateCode, scanDate, unpackDateCode, type DateOrder } from '../core/dates';
import { INVOICE_COLUMNS, invoiceLineSchema, type InvoiceColumn } from './schema';
import { buildCustomerTable, CUSTOMER_FEATURES, type CustomerFeature, type CustomerTable, type FinishOptions, type KeptLines } from './customerTable';

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
		rowNumber: number
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

/** An aggregator's lines, lookups and counts, for reading a file in parts on several threads. */
export interface AggregatorState extends KeptLines {
	invoices: string[];
	/** Per invoice, its guest customer's index (-1: none). */
	invoiceGuest: Int32Array;
	products: string[];
	customerIds: string[];
	customerGuest: Uint8Array;
	linesRead: number;
	unreadableLines: number;
	/** Lines left out because quantity × unit price overflows. */
	overflowLines: number;
	/** Lines swallowed by unreadable records that ran over several lines (a stray quote). */
	extraLines: number;
	removed: Record<RemovalRule, number>;
	guestLines: number;
	issues: RowIssue[];
	issueCount: number;
	evidence: DateOrderVotes;
	ambiguousExamples: string[];
	/** The date text and code of the first line that voted on the date order (null: none). */
	firstVote: { text: string; code: number } | null;
}

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
	const maxIssues = options.maxIssues ?? MAX_ISSUES;

	// Kept lines, columnar (grown by doubling): customer, invoice and product indexes, quantity,
	// line value (quantity x price), date code, spreadsheet row.
	let size = 0;
	let capacity = Math.max(4096, Math.ceil(options.expectedLines ?? 0));
	let lineCustomer = new Int32Array(capacity);
	let lineInvoice = new Int32Array(capacity);
	let lineProduct = new Int32Array(capacity);
	let lineRow = new Int32Array(capacity);
	let lineQuantity = new Float64Array(capacity);
	let lineValue = new Float64Array(capacity);
	let lineDate = new Float64Array(capacity);
	const grow = () => {
		capacity *= 2;
		const int = (a: Int32Array) => {
			const b = new Int32Array(capacity);
			b.set(a);
			return b;
		};
		const float = (a: Float64Array) => {
			const b = new Float64Array(capacity);
			b.set(a);
			return b;
		};
		lineCustomer = int(lineCustomer);
		lineInvoice = int(lineInvoice);
		lineProduct = int(lineProduct);
		lineRow = int(lineRow);
		lineQuantity = float(lineQuantity);
		lineValue = float(lineValue);
		lineDate = float(lineDate);
	};

	// Date-order evidence; a run of lines with the same date text (one invoice) votes once.
	const evidence = new DateOrderEvidence();
	const ambiguousExamples: string[] = [];

	// Invoices: index, cancellation flag, and the guest customer made for it (-1: none yet).
	const invoiceIndex = new Map<string, number>();
	const invoiceCancelled: boolean[] = [];
	const invoiceGuest: number[] = [];
	// Products: index, and whether the code is on the dropped list (decided once per code).
	const productIndex = new Map<string, number>();
	const productDropped: boolean[] = [];
	// Countries as written -> dropped or not (decided once per spelling).
	const countryDropped = new Map<string, boolean>();
	// Customers: raw text -> index (one lookup per line), normalised id -> index (once per spelling).
	const customerByText = new Map<string, number>();
	const customerById = new Map<string, number>();
	const customerIds: string[] = [];
	const customerGuest: number[] = [];

	let linesRead = 0;
	let unreadableLines = 0;
	let overflowLines = 0;
	let extraLines = 0;
	const removed: Record<RemovalRule, number> = { 'low-price': 0, 'stock-code': 0, country: 0, 'zero-quantity': 0 };
	let guestLines = 0;
	let guestInvoices = 0;
	const issues: RowIssue[] = [];
	let issueCount = 0;

	// The previous line's lookups (see addClean) and date text.
	let lastInvoiceText = '';
	let lastInvoice = -1;
	let lastCustomerText = '';
	let lastCustomerInvoice = -1;
	let lastCustomer = -1;
	let lastCountry = '';
	let lastCountryDropped = false;
	let lastDateText = '';
	let lastDateCode = -1;
	let firstVote: { text: string; code: number } | null = null;

	const issue = (row: number, column: string | null, reason: string) => {
		issueCount++;
		if (issues.length < maxIssues) issues.push({ row, column, reason });
	};

	const invoiceOf = (invoice: string): number => {
		let index = invoiceIndex.get(invoice);
		if (index === undefined) {
			index = invoiceCancelled.length;
			invoiceIndex.set(invoice, index);
			invoiceCancelled.push(isCancellation(invoice));
			invoiceGuest.push(-1);
		}
		return index;
	};

	const productOf = (stockCode: string): number => {
		let index = productIndex.get(stockCode);
		if (index === undefined) {
			index = productDropped.length;
			productIndex.set(stockCode, index);
			productDropped.push(isDroppedStockCode(stockCode));
		}
		return index;
	};

	const newCustomer = (id: string, guest: boolean): number => {
		const index = customerIds.length;
		customerIds.push(id);
		customerGuest.push(guest ? 1 : 0);
		return index;
	};

	/** Customer index of a kept line; `text` is the id as written ('' for none). */
	const customerOf = (text: string, invoice: number, invoiceText: string): number => {
		let index = customerByText.get(text);
		if (index !== undefined) return index;
		const id = normaliseCustomerId(text, decimalComma);
		if (id === '') {
			guestLines++;
			index = invoiceGuest[invoice];
			if (index < 0) {
				index = newCustomer(guestCustomerId(invoiceText), true);
				invoiceGuest[invoice] = index;
				guestInvoices++;
			}
			return index;
		}
		index = customerById.get(id);
		if (index === undefined) {
			index = newCustomer(id, false);
			customerById.set(id, index);
		}
		customerByText.set(text, index);
		return index;
	};

	/** Apply the rules to one readable line and keep it or count its removal. */
	const addClean = (invoiceText: string, stockCode: string, quantity: number, price: number, dateCode: number, customerText: string, country: string, row: number) => {
		const product = productOf(stockCode);
		if (country.length !== 0 && country !== lastCountry) {
			let dropped = countryDropped.get(country);
			if (dropped === undefined) {
				dropped = isDroppedCountry(country);
				countryDropped.set(country, dropped);
			}
			lastCountry = country;
			lastCountryDropped = dropped;
		}
		const rule = firstRemovalRule(price, productDropped[product], country.length !== 0 && lastCountryDropped, quantity);
		if (rule !== null) {
			removed[rule]++;
			return;
		}
		// Lines of one invoice usually follow each other: reuse the previous line's lookups.
		let invoice = lastInvoice;
		if (invoiceText !== lastInvoiceText) {
			invoice = lastInvoice = invoiceOf(invoiceText);
			lastInvoiceText = invoiceText;
		}
		let customer = lastCustomer;
		if (customerText !== lastCustomerText || invoice !== lastCustomerInvoice) {
			customer = lastCustomer = customerOf(customerText, invoice, invoiceText);
			lastCustomerText = customerText;
			lastCustomerInvoice = invoice;
		} else if (customerGuest[customer] === 1) guestLines++;
		if (size === capacity) grow();
		lineCustomer[size] = customer;
		lineInvoice[size] = invoice;
		lineProduct[size] = product;
		lineQuantity[size] = quantity;
		lineValue[size] = quantity * price;
		lineDate[size] = dateCode;
		lineRow[size] = row;
		size++;
	};

	const noteDate = (code: number, text: string) => {
		evidence.add(code);
		if (ambiguousExamples.length < 5 && isDayMonthCode(code)) {
			const [, a, b] = unpackDateCode(code);
			if (a <= 12 && b <= 12 && a !== b && !ambiguousExamples.includes(text)) ambiguousExamples.push(text);
		}
	};

	const addLine = (fields: readonly string[], row: number) => {
		const found = fields.length;
		if (found !== fieldCount && fieldCount > 0) {
			let bad = found < fieldCount;
			for (let i = fieldCount; !bad && i < found; i++) bad = !isBlank(fields[i]);
			if (bad) {
				linesRead++;
				unreadableLines++;
				const extra = extraLinesIn(fields);
				extraLines += extra;
				issue(row, null, `has ${found} value${found === 1 ? '' : 's'}, but the header has ${fieldCount} columns${spansLinesHint(extra)}`);
				return;
			}
		} else if (found < minFields) {
			linesRead++;
			unreadableLines++;
			issue(row, null, `has ${found} value${found === 1 ? '' : 's'}, but ${minFields} are needed`);
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

	const addFields = (
		invoiceText: string,
		stockText: string,
		quantity: number,
		quantityText: string,
		price: number,
		priceText: string,
		dateText: string,
		customerText: string,
		countryText: string,
		row: number
	) => {
		linesRead++;
		const invoice = clip(invoiceText);
		const stockCode = clip(stockText);
		let dateCode = lastDateCode;
		if (dateText !== lastDateText || dateCode < 0) {
			dateCode = lastDateCode = scanDate(dateText);
			lastDateText = dateText;
			if (dateCode >= 0) {
				firstVote ??= { text: dateText, code: dateCode };
				noteDate(dateCode, dateText);
			}
		}
		if (invoice.length === 0 || stockCode.length === 0 || quantity !== quantity || price !== price || dateCode < 0) {
			unreadableLines++;
			if (invoice.length === 0) issue(row, LABEL.InvoiceNo, 'is empty');
			if (stockCode.length === 0) issue(row, LABEL.StockCode, 'is empty');
			if (quantity !== quantity) issue(row, LABEL.Quantity, quantityText === '' ? 'is empty' : notANumber(quantityText, decimalComma));
			if (price !== price) issue(row, LABEL.UnitPrice, priceText === '' ? 'is empty' : notANumber(priceText, decimalComma));
			if (dateCode < 0) {
				const text = clip(dateText);
				issue(row, LABEL.InvoiceDate, text === '' ? 'is empty' : `${quoted(text)} is not a date (e.g. 2010-12-01 08:26, 12/1/2010 8:26, 01/12/2010 08:26 or 1-Dec-2010)`);
			}
			return;
		}
		const product = quantity * price;
		if (product - product !== 0) {
			overflow(row, quantity, price);
			return;
		}
		addClean(invoice, stockCode, quantity, price, dateCode, customerText, clip(countryText), row);
	};

	const overflow = (row: number, quantity: number, price: number) => {
		overflowLines++;
		issue(row, `${LABEL.Quantity} × ${LABEL.UnitPrice}`, overflowReason(quantity, price, 'the line value') ?? 'overflows');
	};

	const addInvoiceLine = (line: InvoiceLine, row: number) => {
		linesRead++;
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
			unreadableLines++;
			for (const [column, reason] of bad) issue(row, column, reason);
			return;
		}
		evidence.add(dateCode);
		const product = line.quantity * line.unitPrice;
		if (product - product !== 0) {
			overflow(row, line.quantity, line.unitPrice);
			return;
		}
		const customer = line.customerId === null ? '' : String(line.customerId);
		addClean(invoice, stockCode, line.quantity, line.unitPrice, dateCode, customer, (line.country ?? '').trim(), row);
	};

	const finish = (finishOptions: FinishOptions = {}): CustomerTable =>
		buildCustomerTable(
			{
				evidence, size, maxIssues, customerIds, customerGuest, invoiceCancelled, productCount: productDropped.length, issues, issueCount,
				linesRead, unreadableLines, overflowLines, removed, guestInvoices, guestLines,
				lineCustomer, lineInvoice, lineProduct, lineQuantity, lineValue, lineDate, lineRow
			},
			finishOptions
		);

	const exportState = (): AggregatorState => ({
		size,
		lineCustomer: lineCustomer.slice(0, size),
		lineInvoice: lineInvoice.slice(0, size),
		lineProduct: lineProduct.slice(0, size),
		lineRow: lineRow.slice(0, size),
		lineQuantity: lineQuantity.slice(0, size),
		lineValue: lineValue.slice(0, size),
		lineDate: lineDate.slice(0, size),
		invoices: [...invoiceIndex.keys()],
		invoiceGuest: Int32Array.from(invoiceGuest),
		products: [...productIndex.keys()],
		customerIds: customerIds.slice(),
		customerGuest: Uint8Array.from(customerGuest),
		linesRead,
		unreadableLines,
		overflowLines,
		extraLines,
		removed: { ...removed },
		guestLines,
		issues: issues.slice(),
		issueCount,
		evidence: evidence.toJSON(),
		ambiguousExamples: ambiguousExamples.slice(),
		firstVote
	});

	const absorb = (other: AggregatorState, rowOffset: number) => {
		// Lookups: the other part's invoices, products and customers in this part's numbering.
		const invoiceMap = Int32Array.from(other.invoices, (text) => invoiceOf(text));
		const productMap = Int32Array.from(other.products, (code) => productOf(code));
		const byId = new Map<string, number>();
		customerIds.forEach((id, index) => byId.set(id, index));
		const customerMap = new Int32Array(other.customerIds.length);
		other.customerIds.forEach((id, c) => {
			let index = byId.get(id);
			if (index === undefined) {
				const guest = other.customerGuest[c] === 1;
				index = newCustomer(id, guest);
				byId.set(id, index);
				if (guest) guestInvoices++;
				else customerById.set(id, index);
			}
			customerMap[c] = index;
		});
		other.invoiceGuest.forEach((c, i) => {
			if (c >= 0 && invoiceGuest[invoiceMap[i]] < 0) invoiceGuest[invoiceMap[i]] = customerMap[c];
		});
		// Lines.
		while (capacity < size + other.size) grow();
		for (let k = 0; k < other.size; k++) {
			const at = size + k;
			lineCustomer[at] = customerMap[other.lineCustomer[k]];
			lineInvoice[at] = invoiceMap[other.lineInvoice[k]];
			lineProduct[at] = productMap[other.lineProduct[k]];
			lineRow[at] = other.lineRow[k] + rowOffset;
			lineQuantity[at] = other.lineQuantity[k];
			lineValue[at] = other.lineValue[k];
			lineDate[at] = other.lineDate[k];
		}
		size += other.size;
		// Counts, problems and the date-order votes (one run of equal dates across the cut votes once).
		linesRead += other.linesRead;
		unreadableLines += other.unreadableLines;
		overflowLines += other.overflowLines;
		extraLines += other.extraLines;
		for (const rule of Object.keys(removed) as RemovalRule[]) removed[rule] += other.removed[rule];
		guestLines += other.guestLines;
		for (const problem of other.issues) if (issues.length < maxIssues) issues.push({ ...problem, row: problem.row + rowOffset });
		issueCount += other.issueCount;
		evidence.merge(other.evidence);
		if (other.firstVote && other.firstVote.text === lastDateText && lastDateCode >= 0) evidence.remove(other.firstVote.code);
		for (const example of other.ambiguousExamples) if (ambiguousExamples.length < 5 && !ambiguousExamples.includes(example)) ambiguousExamples.push(example);
		firstVote ??= other.firstVote;
	};

	return {
		addLine,
		addFields,
		addInvoiceLine,
		addIssue: (problem: RowIssue) => issue(problem.row, problem.column, problem.reason),
		addUnreadable: (problem: RowIssue) => {
			linesRead++;
			unreadableLines++;
			issue(problem.row, problem.column, problem.reason);
		},
		get linesRead() {
			return linesRead;
		},
		get extraLines() {
			return extraLines;
		},
		get dateOrder() {
			return evidence.order;
		},
		get ambiguousDateExamples() {
			return ambiguousExamples;
		},
		finish,
		exportState,
		absorb
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
