/**
 * Sorted row order for a results table: an index array, so 100,000 rows sort without moving them.
 * Stable (ties keep input order in both directions), numbers numerically, text by a numeric-aware
 * collator, and empty cells (null, '', non-finite numbers) last in both directions. Pure: no DOM.
 */
import { columnReader, tableLength, type TableRows } from '$lib/core/table/packedRows';
import { LOCALE } from './format';

export type Cell = number | string | null | undefined;

// Made on the first text sort, not when a page loads: a page's first Intl object loads locale data (a long task).
let collator: Intl.Collator | null = null;

/** Sort keys: numbers as they are, text as its rank among the column's distinct values; NaN = empty. */
function sortKeys(rows: TableRows, key: string, kind: 'number' | 'text'): Float64Array {
	const n = tableLength(rows);
	const cell = columnReader(rows, key);
	const keys = new Float64Array(n);
	if (kind === 'number') {
		for (let i = 0; i < n; i++) {
			const v = cell(i);
			keys[i] = typeof v === 'number' && Number.isFinite(v) ? v : NaN;
		}
		return keys;
	}
	const distinct = new Map<string, number>();
	const texts: (string | null)[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const v = cell(i);
		const t = v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v)) ? null : String(v);
		texts[i] = t;
		if (t !== null && !distinct.has(t)) distinct.set(t, 0);
	}
	const compare = (collator ??= new Intl.Collator(LOCALE, { numeric: true, sensitivity: 'base' })).compare;
	const sorted = Array.from(distinct.keys()).sort(compare);
	// Spellings the collator calls equal ("Item 2", "item 2") share a rank, so they tie.
	let rank = 0;
	for (let r = 0; r < sorted.length; r++) {
		if (r > 0 && compare(sorted[r - 1], sorted[r]) !== 0) rank = r;
		distinct.set(sorted[r], rank);
	}
	for (let i = 0; i < n; i++) {
		const t = texts[i];
		keys[i] = t === null ? NaN : (distinct.get(t) as number);
	}
	return keys;
}

/** Row indices in sorted order. */
export function sortedOrder(
	rows: TableRows | readonly Record<string, Cell>[],
	key: string,
	kind: 'number' | 'text',
	descending: boolean
): Uint32Array {
	const keys = sortKeys(rows as TableRows, key, kind);
	const order = new Uint32Array(keys.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	const sign = descending ? -1 : 1;
	order.sort((a, b) => {
		const x = keys[a];
		const y = keys[b];
		const xEmpty = x !== x;
		const yEmpty = y !== y;
		if (xEmpty || yEmpty) return xEmpty === yEmpty ? a - b : xEmpty ? 1 : -1;
		return x === y ? a - b : x < y ? -sign : sign;
	});
	return order;
}
