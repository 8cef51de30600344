/**
 * The plausibility rules of core/plausibility over the kept invoice lines of a customer aggregator
 * (features.ts): dates far outside the file's bulk, and extreme quantities, unit prices or line
 * values. Such lines are set aside (their resolved date becomes NaN, as for a date that cannot be
 * read) and listed by row, column and reason. Pure, no DOM.
 */
import { DateTally, MagnitudeTally, MS_PER_DAY, dateReason, noImplausible, outlierReason, type ImplausibleCounts } from '../core/plausibility';
import type { RowIssue } from '../core/schema';
import { invoiceLineSchema, type InvoiceColumn } from './schema';

const label = (key: InvoiceColumn) => invoiceLineSchema.columns.find((c) => c.key === key)?.label ?? key;
const DATE = label('InvoiceDate');
const QUANTITY = label('Quantity');
const PRICE = label('UnitPrice');
const VALUE = `${QUANTITY} × ${PRICE}`;

export interface ScreenedLines {
	/** Lines set aside, by the rule that set them aside (a late date first, else an extreme value). */
	counts: ImplausibleCounts;
	/** The first `maxIssues` problems (a line can have several: one per column). */
	issues: RowIssue[];
	issueCount: number;
}

/**
 * Set aside the lines (the first `n` of the columns) whose date, quantity, unit price or line value
 * is implausible: `ms[i]` becomes NaN. Lines whose `ms` is already NaN are skipped.
 */
export function screenInvoiceLines(n: number, ms: Float64Array, quantity: Float64Array, value: Float64Array, row: Int32Array, maxIssues: number): ScreenedLines {
	const dates = new DateTally();
	const quantities = new MagnitudeTally();
	const prices = new MagnitudeTally();
	const values = new MagnitudeTally();
	// Lines of one invoice share a date: count each run of equal dates once.
	let runDate = NaN;
	let run = 0;
	for (let i = 0; i < n; i++) {
		const t = ms[i];
		if (t !== t) continue;
		if (t === runDate) run++;
		else {
			if (run > 0) dates.add(runDate, run);
			runDate = t;
			run = 1;
		}
		const q = quantity[i];
		quantities.add(q);
		values.add(value[i]);
		if (q !== 0) prices.add(value[i] / q);
	}
	if (run > 0) dates.add(runDate, run);
	const window = dates.window();
	const limitQ = quantities.limit();
	const limitP = prices.limit();
	const limitV = values.limit();
	const fromMs = window.fromDay * MS_PER_DAY;
	const toMs = (window.toDay + 1) * MS_PER_DAY;
	const counts = noImplausible();
	const issues: RowIssue[] = [];
	let issueCount = 0;
	const note = (i: number, column: string, reason: string | null) => {
		if (reason === null) return;
		issueCount++;
		if (issues.length < maxIssues) issues.push({ row: row[i], column, reason });
	};
	for (let i = 0; i < n; i++) {
		const t = ms[i];
		if (t !== t) continue;
		const q = quantity[i] < 0 ? -quantity[i] : quantity[i];
		const v = value[i] < 0 ? -value[i] : value[i];
		const p = q === 0 ? 0 : v / q;
		const lateDate = t < fromMs || t >= toMs;
		if (!lateDate && q <= limitQ && p <= limitP && v <= limitV) continue;
		if (lateDate) {
			counts.date++;
			note(i, DATE, dateReason(t, window));
		} else counts.outlier++;
		if (q > limitQ) note(i, QUANTITY, outlierReason(quantity[i], quantities, 'quantity'));
		if (p > limitP) note(i, PRICE, outlierReason(p, prices, 'unit price'));
		if (v > limitV && q <= limitQ && p <= limitP) note(i, VALUE, outlierReason(value[i], values, 'line value'));
		ms[i] = NaN;
	}
	return { counts, issues, issueCount };
}
