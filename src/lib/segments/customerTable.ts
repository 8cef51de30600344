/**
 * From the kept invoice lines (the columns a customer aggregator holds) to one row per customer:
 * `buildCustomerTable` resolves the dates (the day/month order is decided from the whole file; see
 * core/dates), sets aside implausible lines, and computes the customer features in a few passes over
 * the columns, returning columnar typed arrays. Pure, no DOM.
 *
 * The features, per customer with at least one purchase (purchases: kept lines with a positive
 * quantity on an invoice not starting with C; returns: the other kept lines):
 *   grossRevenue      sum of quantity x unit price over purchases
 *   recencyDays       calendar days from the customer's last purchase to the last date in the data
 *                     (the latest kept line of any customer, purchase or return); 0 = bought that day
 *   invoices          distinct invoices with at least one purchase
 *   itemsBought       sum of quantities purchased
 *   distinctProducts  distinct stock codes purchased
 *   frequency         invoices per day of the active span; the span counts calendar days from the
 *                     first to the last purchase, both included, so a customer who bought on a single
 *                     day has a span of 1 day and a frequency equal to that day's invoices
 *   itemsReturned     sum of the absolute quantities returned
 *   returnShare       itemsReturned / itemsBought, capped at 1 (returns of items bought before the
 *                     data starts can exceed what was bought in it); 0 when nothing was bought
 * Days are calendar days of the dates as written (UTC arithmetic, no time-zone shifts).
 */
import type { RowIssue } from '../core/schema';
import { quoted } from '../core/csv/validate';
import { DateOrderEvidence, MS_PER_DAY, dateCodeToMs, isDayMonthCode, unpackDateCode, type DateOrder } from '../core/dates';
import type { CleaningReport, RemovalRule } from './clean';
import { screenInvoiceLines } from './implausible';
import { invoiceLineSchema } from './schema';

/** The customer features, in model order. */
export const CUSTOMER_FEATURES = [
	'grossRevenue',
	'recencyDays',
	'invoices',
	'itemsBought',
	'distinctProducts',
	'frequency',
	'itemsReturned',
	'returnShare'
] as const;
export type CustomerFeature = (typeof CUSTOMER_FEATURES)[number];

/** One customer row per index, columnar. */
export interface CustomerTable {
	count: number;
	/** Customer ids as written (`17850.0` -> `17850`); `guest-<invoice>` for an invoice with no customer. */
	ids: string[];
	/** 1 where the id was made for an invoice with no customer. */
	guest: Uint8Array;
	features: Record<CustomerFeature, Float64Array>;
	/** First and last purchase, milliseconds since the epoch (UTC, as written). */
	firstPurchase: Float64Array;
	lastPurchase: Float64Array;
	/**
	 * Gross revenue of the purchases in the last `recentWindowDays` days of the data (at most a year):
	 * the run rate behind the revenue forecast.
	 */
	recentRevenue: Float64Array;
	recentWindowDays: number;
	/**
	 * Every purchase line's day (days since 1970-01-01) and value, grouped by customer: the lines of
	 * customer i are `purchaseStart[i]` to `purchaseStart[i + 1]` (the forecast's backtests sum them by day).
	 */
	purchaseStart: Int32Array;
	purchaseDay: Int32Array;
	purchaseValue: Float64Array;
	/** Earliest and latest date of the kept lines (NaN when there are none). */
	firstDate: number;
	lastDate: number;
	report: CleaningReport;
	/** The first `maxIssues` unreadable lines in row order, and how many problems there were in all. */
	issues: RowIssue[];
	issueCount: number;
}

export interface FinishOptions {
	/**
	 * How to read day/month dates. Default: what the data proves. When the data proves nothing
	 * ('ambiguous', see `dateOrder`), the caller must ask the user and pass 'month-first' or 'day-first'.
	 */
	dateOrder?: DateOrder;
}

/** The run-rate window of `recentRevenue`: the last year of the data (or all of it, when shorter). */
export const RECENT_WINDOW_DAYS = 365;

/** The invoice lines kept, columnar: the first `size` entries of each array (indexes into the lookups). */
export interface KeptLines {
	size: number;
	lineCustomer: Int32Array;
	lineInvoice: Int32Array;
	lineProduct: Int32Array;
	lineRow: Int32Array;
	lineQuantity: Float64Array;
	lineValue: Float64Array;
	lineDate: Float64Array;
}

/** What a customer aggregator read: the kept lines, lookups and counts. */
export interface ReadLines extends KeptLines {
	customerIds: readonly string[];
	customerGuest: ArrayLike<number>;
	invoiceCancelled: ArrayLike<boolean>;
	productCount: number;
	evidence: DateOrderEvidence;
	maxIssues: number;
	issues: RowIssue[];
	issueCount: number;
	linesRead: number;
	unreadableLines: number;
	overflowLines: number;
	removed: Record<RemovalRule, number>;
	guestInvoices: number;
	guestLines: number;
}

const DATE_LABEL = invoiceLineSchema.columns.find((c) => c.key === 'InvoiceDate')?.label ?? 'InvoiceDate';

/** A date code written back as text, for messages ("2/30/2010 8:26"). */
function codeText(code: number): string {
	const [year, a, b, msOfDay] = unpackDateCode(code);
	const minutes = Math.floor(msOfDay / 60000);
	const time = msOfDay === 0 ? '' : ` ${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
	return isDayMonthCode(code) ? `${a}/${b}/${year}${time}` : `${year}-${a}-${b}${time}`;
}

/** What one pass over the kept lines (dates not NaN) counts: returns per customer, purchase lines per customer, the date range. */
interface LineTally {
	/** Purchase lines of customer c: counted at `bucketStart[c + 1]`, then summed up so that they start at `bucketStart[c]`. */
	bucketStart: Int32Array;
	/** Items returned per customer (absolute quantities of returns and cancellations). */
	returned: Float64Array;
	purchaseLines: number;
	returnLines: number;
	cancellationLines: number;
	cancellationInvoices: number;
	/** Earliest and latest date of the kept lines (±Infinity when none). */
	firstDate: number;
	lastDate: number;
}

/** Count the kept lines: purchases (a positive quantity, not cancelled) per customer, returns and cancellations, and the date range. */
function tallyLines(n: number, ms: Float64Array, customer: Int32Array, invoice: Int32Array, quantity: Float64Array, invoiceCancelled: ArrayLike<boolean>, customers: number): LineTally {
	const bucketStart = new Int32Array(customers + 1);
	const returned = new Float64Array(customers);
	const cancelledSeen = new Uint8Array(invoiceCancelled.length);
	let purchaseLines = 0;
	let returnLines = 0;
	let cancellationLines = 0;
	let cancellationInvoices = 0;
	let firstDate = Infinity;
	let lastDate = -Infinity;
	for (let i = 0; i < n; i++) {
		const t = ms[i];
		if (t !== t) continue;
		if (t < firstDate) firstDate = t;
		if (t > lastDate) lastDate = t;
		const c = customer[i];
		const q = quantity[i];
		const inv = invoice[i];
		if (invoiceCancelled[inv]) {
			cancellationLines++;
			if (cancelledSeen[inv] === 0) {
				cancelledSeen[inv] = 1;
				cancellationInvoices++;
			}
			returnLines++;
			returned[c] += q < 0 ? -q : q;
		} else if (q < 0) {
			returnLines++;
			returned[c] -= q;
		} else {
			purchaseLines++;
			bucketStart[c + 1]++;
		}
	}
	for (let c = 0; c < customers; c++) bucketStart[c + 1] += bucketStart[c];
	return { bucketStart, returned, purchaseLines, returnLines, cancellationLines, cancellationInvoices, firstDate, lastDate };
}

/** The purchase lines grouped by customer (customer c's at `bucketStart[c]` to `bucketStart[c + 1]`, in line order). */
interface GroupedPurchases {
	ms: Float64Array;
	day: Int32Array;
	quantity: Float64Array;
	value: Float64Array;
	product: Int32Array;
	invoice: Int32Array;
}

/**
 * Each purchase line's date, quantity, value, product and invoice, copied to its customer's group in
 * one pass (a counting sort): the per-customer pass then reads each customer's lines one after the
 * other, in line order (so its sums add the same numbers in the same order as a pass over the lines).
 */
function groupPurchases(
	n: number,
	ms: Float64Array,
	customer: Int32Array,
	invoice: Int32Array,
	product: Int32Array,
	quantity: Float64Array,
	value: Float64Array,
	invoiceCancelled: ArrayLike<boolean>,
	bucketStart: Int32Array,
	purchaseLines: number
): GroupedPurchases {
	const grouped: GroupedPurchases = {
		ms: new Float64Array(purchaseLines),
		day: new Int32Array(purchaseLines),
		quantity: new Float64Array(purchaseLines),
		value: new Float64Array(purchaseLines),
		product: new Int32Array(purchaseLines),
		invoice: new Int32Array(purchaseLines)
	};
	const { ms: groupedMs, day, quantity: groupedQuantity, value: groupedValue, product: groupedProduct, invoice: groupedInvoice } = grouped;
	const fill = bucketStart.slice(0, bucketStart.length - 1);
	// Lines of one invoice share a date: its day is worked out once per run of equal dates.
	let runMs = NaN;
	let runDay = 0;
	for (let i = 0; i < n; i++) {
		const t = ms[i];
		const inv = invoice[i];
		const q = quantity[i];
		if (t !== t || invoiceCancelled[inv] || q < 0) continue;
		if (t !== runMs) {
			runMs = t;
			runDay = Math.floor(t / MS_PER_DAY);
		}
		const at = fill[customer[i]]++;
		groupedMs[at] = t;
		day[at] = runDay;
		groupedQuantity[at] = q;
		groupedValue[at] = value[i];
		groupedProduct[at] = product[i];
		groupedInvoice[at] = inv;
	}
	return grouped;
}

/** Every line's date in milliseconds (NaN: no calendar date in this order), and those lines listed. */
function resolveDates(n: number, date: Float64Array, row: Int32Array, order: DateOrder, maxIssues: number): { ms: Float64Array; issues: RowIssue[]; count: number } {
	const ms = new Float64Array(n);
	const issues: RowIssue[] = [];
	let count = 0;
	const orderWords = order === 'day-first' ? 'day first' : 'month first';
	// Lines of one invoice share a date code: it is resolved once per run.
	let lastCode = -1;
	let lastMs = NaN;
	for (let i = 0; i < n; i++) {
		const code = date[i];
		if (code !== lastCode) {
			lastCode = code;
			lastMs = dateCodeToMs(code, order);
		}
		const t = lastMs;
		ms[i] = t;
		if (t !== t) {
			count++;
			if (issues.length < maxIssues) issues.push({ row: row[i], column: DATE_LABEL, reason: `${quoted(codeText(date[i]))} is not a date when read ${orderWords}` });
		}
	}
	return { ms, issues, count };
}

/** One row per customer with at least one purchase (in order of first appearance), and how many customers only returned. */
interface CustomerRows {
	count: number;
	ids: string[];
	guest: Uint8Array;
	features: Record<CustomerFeature, Float64Array>;
	first: Float64Array;
	last: Float64Array;
	recentOut: Float64Array;
	purchaseStart: Int32Array;
	returnOnlyCustomers: number;
}

/**
 * The customer rows from the grouped purchase lines. Customers without a purchase have no lines in
 * `grouped`, so its groups are already the rows' purchases, in row order.
 */
function customerRows(
	grouped: GroupedPurchases,
	tally: LineTally,
	customerIds: readonly string[],
	customerGuest: ArrayLike<number>,
	productCount: number,
	invoiceCount: number,
	lastDay: number,
	recentFrom: number
): CustomerRows {
	const { bucketStart, returned } = tally;
	const customers = customerIds.length;
	const productStamp = new Int32Array(productCount).fill(-1);
	const invoiceStamp = new Int32Array(invoiceCount).fill(-1);
	let count = 0;
	for (let c = 0; c < customers; c++) if (bucketStart[c + 1] > bucketStart[c]) count++;
	const features = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, new Float64Array(count)])) as Record<CustomerFeature, Float64Array>;
	const ids: string[] = new Array(count);
	const guest = new Uint8Array(count);
	const first = new Float64Array(count);
	const last = new Float64Array(count);
	const recentOut = new Float64Array(count);
	const purchaseStart = new Int32Array(count + 1);
	const { ms: groupedMs, quantity: groupedQuantity, value: groupedValue, product: groupedProduct, invoice: groupedInvoice } = grouped;
	let returnOnlyCustomers = 0;
	let out = 0;
	for (let c = 0; c < customers; c++) {
		const start = bucketStart[c];
		const end = bucketStart[c + 1];
		if (end === start) {
			if (returned[c] > 0) returnOnlyCustomers++;
			continue;
		}
		// The customer's purchase lines in line order: the same sums as adding them up line by line.
		let revenue = 0;
		let recent = 0;
		let bought = 0;
		let firstPurchase = Infinity;
		let lastPurchase = -Infinity;
		let invoices = 0;
		let products = 0;
		for (let k = start; k < end; k++) {
			const t = groupedMs[k];
			const v = groupedValue[k];
			revenue += v;
			if (t >= recentFrom) recent += v;
			bought += groupedQuantity[k];
			if (t < firstPurchase) firstPurchase = t;
			if (t > lastPurchase) lastPurchase = t;
			const p = groupedProduct[k];
			if (productStamp[p] !== c) {
				productStamp[p] = c;
				products++;
			}
			const inv = groupedInvoice[k];
			if (invoiceStamp[inv] !== c) {
				invoiceStamp[inv] = c;
				invoices++;
			}
		}
		const firstDay = Math.floor(firstPurchase / MS_PER_DAY);
		const lastPurchaseDay = Math.floor(lastPurchase / MS_PER_DAY);
		ids[out] = customerIds[c];
		guest[out] = customerGuest[c];
		first[out] = firstPurchase;
		last[out] = lastPurchase;
		recentOut[out] = recent;
		features.grossRevenue[out] = revenue;
		features.recencyDays[out] = lastDay - lastPurchaseDay;
		features.invoices[out] = invoices;
		features.itemsBought[out] = bought;
		features.distinctProducts[out] = products;
		features.frequency[out] = invoices / (lastPurchaseDay - firstDay + 1);
		features.itemsReturned[out] = returned[c];
		features.returnShare[out] = bought > 0 ? Math.min(1, returned[c] / bought) : 0;
		out++;
		purchaseStart[out] = end;
	}
	return { count, ids, guest, features, first, last, recentOut, purchaseStart, returnOnlyCustomers };
}

export function buildCustomerTable(read: ReadLines, finishOptions: FinishOptions = {}): CustomerTable {
	const { evidence, size, maxIssues, customerIds, customerGuest, invoiceCancelled, productCount, issues, issueCount, linesRead, unreadableLines, overflowLines, removed, guestInvoices, guestLines } = read;
	const { lineCustomer, lineInvoice, lineProduct, lineQuantity, lineValue, lineDate, lineRow } = read;
	let order = finishOptions.dateOrder ?? evidence.order;
	// Decided by plausibility (no value proved the order, and nobody was asked): the reason, for the report.
	const guess = !finishOptions.dateOrder && evidence.firstAbove12 === 0 && evidence.secondAbove12 === 0 ? evidence.plausible : null;
	const dateOrderWhy = guess && guess.order === order ? guess.why : undefined;
	if (evidence.dayMonth === 0) order = 'iso';
	else if (order === 'iso' || order === 'ambiguous') {
		order = evidence.order;
		if (order === 'ambiguous') {
			throw new Error('The day/month order of the dates cannot be told from the data: ask the user, then finish({ dateOrder }).');
		}
	}
	const n = size;
	const customers = customerIds.length;
	const invoiceCount = invoiceCancelled.length;
	const customer = lineCustomer;
	const invoice = lineInvoice;
	const product = lineProduct;
	const quantity = lineQuantity;
	const value = lineValue;
	const date = lineDate;
	const row = lineRow;

	// 1. Resolve dates; a line whose date is no calendar date in this order is set aside.
	const { ms, issues: lateIssues, count: lateCount } = resolveDates(n, date, row, order, maxIssues);

	// 1b. Implausible lines (core/plausibility): dates far outside the file's bulk, extreme quantities,
	// prices or line values. They are set aside like unreadable dates (ms = NaN) and listed.
	const implausible = screenInvoiceLines(n, ms, quantity, value, row, maxIssues);
	// 2. Purchases per customer, returns, the date range; then the purchase lines grouped by customer.
	const tally = tallyLines(n, ms, customer, invoice, quantity, invoiceCancelled, customers);
	const { bucketStart, purchaseLines, returnLines, cancellationLines, cancellationInvoices, firstDate, lastDate } = tally;
	const grouped = groupPurchases(n, ms, customer, invoice, product, quantity, value, invoiceCancelled, bucketStart, purchaseLines);
	const lastDay = Math.floor(lastDate / MS_PER_DAY);
	const firstDayOfData = Math.floor(firstDate / MS_PER_DAY);
	const recentWindowDays = Number.isFinite(lastDay) ? Math.min(RECENT_WINDOW_DAYS, lastDay - firstDayOfData + 1) : 0;
	// A purchase counts as recent on one of the last `recentWindowDays` calendar days.
	const recentFrom = (lastDay - recentWindowDays + 1) * MS_PER_DAY;

	// 3. Output rows: customers with at least one purchase, in order of first appearance.
	const rows = customerRows(grouped, tally, customerIds, customerGuest, productCount, invoiceCount, lastDay, recentFrom);
	const { count, ids, guest, features, first, last, recentOut, purchaseStart, returnOnlyCustomers } = rows;

	// Issues: those found while reading and those found now, merged in row order.
	let allIssues = issues;
	const found = lateIssues.concat(implausible.issues);
	if (found.length > 0) allIssues = [...issues, ...found].sort((a, b) => a.row - b.row).slice(0, maxIssues);
	const implausibleKept = implausible.counts.date + implausible.counts.outlier;
	const kept = n - lateCount - implausibleKept;
	return {
		count,
		ids,
		guest,
		features,
		firstPurchase: first,
		lastPurchase: last,
		recentRevenue: recentOut,
		recentWindowDays,
		purchaseStart,
		purchaseDay: grouped.day,
		purchaseValue: grouped.value,
		firstDate: kept > 0 ? firstDate : NaN,
		lastDate: kept > 0 ? lastDate : NaN,
		report: {
			linesRead,
			unreadableLines: unreadableLines + lateCount,
			implausible: { ...implausible.counts, overflow: overflowLines },
			removed: { ...removed },
			keptLines: kept,
			purchaseLines,
			returnLines,
			cancellationLines,
			cancellationInvoices,
			guestInvoices,
			guestLines,
			returnOnlyCustomers,
			customers: count,
			dateOrder: order,
			...(dateOrderWhy ? { dateOrderWhy } : {})
		},
		issues: allIssues,
		issueCount: issueCount + lateCount + implausible.issueCount
	};
}
