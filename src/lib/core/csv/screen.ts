/**
 * The plausibility rules (core/plausibility.ts) over validated rows: every number column is checked
 * for extreme magnitudes and every date column for dates far outside the file's bulk. Rows that
 * fail are taken out and reported by row, column and reason. Used by the shared intake after all
 * rows are read, so every tool that reads through it gets the rules without code of its own.
 * Pure, no DOM.
 */
import { ABSURD_MAGNITUDE, DateTally, MagnitudeTally, dateReason, noImplausible, outlierReason, type ImplausibleCounts } from '../plausibility';
import type { ParsedRow, RowIssue, TableSchema } from '../schema';

export interface Screened {
	rows: ParsedRow[];
	rowNumbers: number[];
	/** One issue per value found implausible, in row order. */
	issues: RowIssue[];
	/** Rows taken out, by the first rule that took them. */
	counts: ImplausibleCounts;
}

function dateMs(value: unknown): number {
	if (typeof value !== 'string' || value.length < 10) return NaN;
	return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
}

/** Take out the rows with implausible values. Rows and row numbers are parallel, in file order. */
export function screenRows(rows: readonly ParsedRow[], rowNumbers: readonly number[], schema: TableSchema): Screened {
	const numeric = schema.columns.filter((c) => c.type === 'number' || c.type === 'integer');
	const dated = schema.columns.filter((c) => c.type === 'date');
	const tallies = numeric.map(() => new MagnitudeTally());
	const dateTallies = dated.map(() => new DateTally());
	// Column by column (one property read per row each), then each column's limit once: 100,000 rows x 20 columns pass in tens of ms.
	numeric.forEach((c, j) => {
		const tally = tallies[j];
		for (let i = 0; i < rows.length; i++) {
			const v = rows[i][c.key];
			if (typeof v === 'number') tally.add(v);
		}
	});
	for (const row of rows) dated.forEach((c, j) => dateTallies[j].add(dateMs(row[c.key])));
	// A magnitude at or below its column's limit (which is below ABSURD_MAGNITUDE) is never an outlier: outlierReason need not be asked.
	const limits = tallies.map((t) => Math.min(t.limit(), ABSURD_MAGNITUDE * (1 - Number.EPSILON)));
	const keys = numeric.map((c) => c.key);
	const windows = dateTallies.map((t) => t.window());
	const kept: ParsedRow[] = [];
	const keptNumbers: number[] = [];
	const issues: RowIssue[] = [];
	const counts = noImplausible();
	rows.forEach((row, i) => {
		const rowNumber = rowNumbers[i];
		let rule: 'date' | 'outlier' | null = null;
		for (let j = 0; j < keys.length; j++) {
			const v = row[keys[j]];
			if (typeof v !== 'number' || (v < 0 ? -v : v) <= limits[j]) continue;
			const c = numeric[j];
			const reason = outlierReason(v, tallies[j], c.label.toLowerCase());
			if (reason === null) continue;
			issues.push({ row: rowNumber, column: c.label, reason });
			rule ??= 'outlier';
		}
		dated.forEach((c, j) => {
			const v = row[c.key];
			if (v === null || v === undefined) return;
			const reason = dateReason(dateMs(v), windows[j]);
			if (reason === null) return;
			issues.push({ row: rowNumber, column: c.label, reason });
			rule ??= 'date';
		});
		if (rule === null) {
			kept.push(row);
			keptNumbers.push(rowNumber);
		} else counts[rule]++;
	});
	return { rows: kept, rowNumbers: keptNumbers, issues, counts };
}

/** Two issue lists in row order merged into one, in row order, at most `max` long. */
export function mergeIssues(a: readonly RowIssue[], b: readonly RowIssue[], max: number): RowIssue[] {
	if (b.length === 0) return a.slice(0, max);
	if (a.length === 0) return b.slice(0, max);
	const out: RowIssue[] = [];
	let i = 0;
	let j = 0;
	while (out.length < max && (i < a.length || j < b.length)) {
		if (j >= b.length || (i < a.length && a[i].row <= b[j].row)) out.push(a[i++]);
		else out.push(b[j++]);
	}
	return out;
}
