/**
 * Matching a CSV header row to a schema's columns. Matching ignores a byte-order mark, case, and the
 * characters users vary most (spaces, `_`, `-`, `.`), and accepts a column's key, label or aliases.
 * Pure functions, no DOM.
 */
import type { ColumnSpec, TableSchema } from '../schema';

/** Header text reduced to what matching compares: "Product MRP (₹)" and "product_mrp_(₹)" agree. */
export function normaliseHeader(text: string): string {
	let out = '';
	const lower = text.toLowerCase();
	for (let i = 0; i < lower.length; i++) {
		const c = lower[i];
		if (c === '\uFEFF' || c === '_' || c === '-' || c === '.' || c.trim() === '') continue;
		out += c;
	}
	return out;
}

/** A header cell that named a column another header cell had already claimed. */
export interface DuplicateHeader {
	/** The header text as written in the file. */
	header: string;
	/** 0-based position in the header row. */
	index: number;
	/** The canonical key both cells matched; the first cell wins. */
	key: string;
}

export interface HeaderMatch {
	/** For each header position, the canonical key it feeds, or null when the cell is ignored. */
	mapping: (string | null)[];
	/** Header text -> canonical key, for the cells that matched. */
	matched: Record<string, string>;
	/** Labels of required columns the header lacks. */
	missingRequired: string[];
	/** Labels of optional columns the header lacks. */
	missingOptional: string[];
	/** Header cells that matched no column (blank cells are left out). */
	unknown: string[];
	/** Later header cells naming an already-matched column (ignored). */
	duplicates: DuplicateHeader[];
}

/** Normalised spelling -> column, built from keys, labels and aliases. The first column claiming a spelling keeps it. */
export function headerLookup(schema: TableSchema): Map<string, ColumnSpec> {
	const lookup = new Map<string, ColumnSpec>();
	const claim = (spelling: string, column: ColumnSpec) => {
		const norm = normaliseHeader(spelling);
		if (norm !== '' && !lookup.has(norm)) lookup.set(norm, column);
	};
	// Keys first, then labels, then aliases, so a key is never shadowed by another column's label.
	for (const column of schema.columns) claim(column.key, column);
	for (const column of schema.columns) claim(column.label, column);
	for (const column of schema.columns) for (const alias of column.aliases ?? []) claim(alias, column);
	return lookup;
}

/** Match a file's header cells to the schema's columns. */
export function matchHeaders(headerCells: readonly string[], schema: TableSchema): HeaderMatch {
	const lookup = headerLookup(schema);
	const mapping: (string | null)[] = [];
	const matched: Record<string, string> = {};
	const unknown: string[] = [];
	const duplicates: DuplicateHeader[] = [];
	const seen = new Set<string>();

	headerCells.forEach((raw, index) => {
		const header = raw.replace(/^\uFEFF/, '').trim();
		const column = lookup.get(normaliseHeader(header));
		if (!column) {
			mapping.push(null);
			if (header !== '') unknown.push(header);
			return;
		}
		if (seen.has(column.key)) {
			mapping.push(null);
			duplicates.push({ header, index, key: column.key });
			return;
		}
		seen.add(column.key);
		mapping.push(column.key);
		matched[header] = column.key;
	});

	const missingRequired: string[] = [];
	const missingOptional: string[] = [];
	for (const column of schema.columns) {
		if (seen.has(column.key)) continue;
		(column.required ? missingRequired : missingOptional).push(column.label);
	}
	return { mapping, matched, missingRequired, missingOptional, unknown, duplicates };
}
