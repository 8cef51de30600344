/**
 * What a streaming customer aggregator takes and gives (features.ts creates one; the class is in
 * invoiceAggregator.ts): the ways lines come in, the options, and the state handed between the
 * threads that read one file in parts. Types only.
 */
import type { RowIssue } from '../core/schema';
import type { DateOrder } from '../core/dates';
import type { CustomerTable, FinishOptions, KeptLines } from './customerTable';
import type { DatesState } from './invoiceDates';
import type { LookupState } from './invoiceLookups';
import type { TallyState } from './readingTally';
import type { InvoiceColumn } from './schema';

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
