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
	/** The cell that was used: its 0-based position and text. */
	usedIndex: number;
	usedHeader: string;
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
	const seen = new Map<string, { index: number; header: string }>();

	headerCells.forEach((raw, index) => {
		const header = raw.replace(/^\uFEFF/, '').trim();
		const column = lookup.get(normaliseHeader(header));
		if (!column) {
			mapping.push(null);
			if (header !== '') unknown.push(header);
			return;
		}
		const used = seen.get(column.key);
		if (used) {
			mapping.push(null);
			duplicates.push({ header, index, key: column.key, usedIndex: used.index, usedHeader: used.header });
			return;
		}
		seen.set(column.key, { index, header });
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

/** A spreadsheet's name for a 0-based column position: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const r = (n - 1) % 26;
		out = String.fromCharCode(65 + r) + out;
		n = (n - r - 1) / 26;
	}
	return out;
}

/** "column 3 (C)" for a 0-based position. */
export function columnPosition(index: number): string {
	return `column ${index + 1} (${columnLetter(index)})`;
}

/**
 * One sentence per column named more than once: which column, where, and which cell was used.
 * E.g. "Price is named twice, in column 3 (C) "MRP" and column 4 (D) "Price": column 3 was used, column 4 ignored."
 */
export function duplicateHeaderNotes(duplicates: readonly DuplicateHeader[], schema: TableSchema): string[] {
	const byKey = new Map<string, DuplicateHeader[]>();
	for (const d of duplicates) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
	return [...byKey.values()].map((list) => {
		const first = list[0];
		const label = schema.columns.find((c) => c.key === first.key)?.label ?? first.key;
		const cells = [{ index: first.usedIndex, header: first.usedHeader }, ...list.map((d) => ({ index: d.index, header: d.header }))];
		const times = cells.length === 2 ? 'twice' : `${cells.length} times`;
		const where = cells.map((c) => `${columnPosition(c.index)} “${c.header}”`);
		const ignored = list.map((d) => `column ${d.index + 1}`);
		return (
			`The column ${label} is named ${times}, in ${where.slice(0, -1).join(', ')} and ${where.at(-1)}: ` +
			`column ${first.usedIndex + 1} was used and ${ignored.join(', ')} ignored.`
		);
	});
}
