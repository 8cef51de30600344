/**
 * `screenRows` (screen.ts) over rows held as columns: the same plausibility rules, the same
 * problems in the same order, the same counts. Columnar schemas have no date columns, so only the
 * magnitude rule applies. Pure, no DOM.
 */
import { ABSURD_MAGNITUDE, MagnitudeTally, noImplausible, outlierReason, type ImplausibleCounts } from '../plausibility';
import type { RowIssue } from '../schema';
import type { RowColumns } from './columns';

export interface ScreenedColumns {
	/** 1 for a row kept. */
	keep: Uint8Array;
	kept: number;
	/** One issue per value found implausible, in row order. */
	issues: RowIssue[];
	counts: ImplausibleCounts;
}

export function screenColumns(columns: RowColumns, rowNumbers: readonly number[]): ScreenedColumns {
	const specs = columns.schema.columns;
	const numeric = specs.flatMap((c, j) => (c.type === 'number' || c.type === 'integer' ? [j] : []));
	if (specs.some((c) => c.type === 'date')) throw new Error('screenColumns: a columnar schema has no date columns');
	const n = columns.count;
	const tallies = numeric.map((j) => {
		const tally = new MagnitudeTally();
		const values = columns.values[j];
		for (let i = 0; i < n; i++) {
			const v = values[i];
			if (v === v) tally.add(v);
		}
		return tally;
	});
	const limits = tallies.map((t) => Math.min(t.limit(), ABSURD_MAGNITUDE * (1 - Number.EPSILON)));
	const keep = new Uint8Array(n).fill(1);
	let kept = n;
	const issues: RowIssue[] = [];
	const counts = noImplausible();
	// Row by row, so the problems come in row order (then column order), as screenRows lists them.
	const flagged = new Uint8Array(n);
	for (let k = 0; k < numeric.length; k++) {
		const values = columns.values[numeric[k]];
		const limit = limits[k];
		for (let i = 0; i < n; i++) {
			const v = values[i];
			if (v === v && (v < 0 ? -v : v) > limit) flagged[i] = 1;
		}
	}
	for (let i = 0; i < n; i++) {
		if (!flagged[i]) continue;
		let outlier = false;
		for (let k = 0; k < numeric.length; k++) {
			const v = columns.values[numeric[k]][i];
			if (v !== v || (v < 0 ? -v : v) <= limits[k]) continue;
			const c = specs[numeric[k]];
			const reason = outlierReason(v, tallies[k], c.label.toLowerCase());
			if (reason === null) continue;
			issues.push({ row: rowNumbers[i], column: c.label, reason });
			outlier = true;
		}
		if (outlier) {
			keep[i] = 0;
			kept--;
			counts.outlier++;
		}
	}
	return { keep, kept, issues, counts };
}
