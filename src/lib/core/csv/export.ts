/**
 * Writing CSV: RFC 4180 quoting, CRLF line endings, and text cells a spreadsheet could run as a
 * formula made inert. Pure, no DOM.
 */
import type { CellValue, ColumnSpec, TableSchema } from '../schema';

export interface CsvColumn {
	key: string;
	label?: string;
}

export interface ToCsvOptions {
	/** Header text: canonical keys (default, re-readable by intake) or labels. */
	header?: 'key' | 'label';
	/** Start with a UTF-8 byte-order mark so Excel reads "₹" and other non-ASCII text correctly. */
	bom?: boolean;
}

/**
 * Does text start (after any spaces) with a character that makes Excel, LibreOffice or Google Sheets
 * read it as a formula: = + - @ tab or carriage return?
 */
export function looksLikeFormula(text: string): boolean {
	let i = 0;
	while (i < text.length && text.charCodeAt(i) === 32) i++;
	if (i === text.length) return false;
	const c = text[i];
	return c === '=' || c === '+' || c === '-' || c === '@' || c === '\t' || c === '\r';
}

/** One cell as CSV text: numbers as they are, text defused against formulas and quoted when needed. */
export function csvCell(value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = looksLikeFormula(value) ? `'${value}` : value;
	let needsQuotes = false;
	for (let i = 0; i < text.length && !needsQuotes; i++) {
		const c = text.charCodeAt(i);
		needsQuotes = c === 34 || c === 44 || c === 10 || c === 13 || c === 59;
	}
	return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV document: a header row, then one line per row, every line ending in CRLF. Values typed as
 * numbers are written as numbers (so -12.5 stays -12.5); strings that a spreadsheet would evaluate
 * ("=SUM(A1)", "-12", "@x") get a leading single quote.
 */
export function toCsv(
	columns: readonly CsvColumn[],
	rows: readonly Record<string, CellValue | undefined>[],
	options: ToCsvOptions = {}
): string {
	const useLabel = options.header === 'label';
	const lines: string[] = [columns.map((c) => csvCell(useLabel ? (c.label ?? c.key) : c.key)).join(',')];
	const keys = columns.map((c) => c.key);
	for (const row of rows) {
		let line = '';
		for (let i = 0; i < keys.length; i++) {
			if (i > 0) line += ',';
			line += csvCell(row[keys[i]]);
		}
		lines.push(line);
	}
	return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** An example value for a column without one, inside its bounds. */
function fallbackExample(column: ColumnSpec): CellValue {
	switch (column.type) {
		case 'number':
		case 'integer': {
			const lo = column.min ?? (column.max !== undefined ? Math.min(0, column.max) : 0);
			return column.type === 'integer' ? Math.ceil(lo) : lo;
		}
		case 'category':
			return column.categories?.[0] ?? 'example';
		case 'boolean':
			return 'no';
		case 'date':
			return '2024-01-01';
		case 'text':
			return 'example';
	}
}

/** The example value of a column, typed the way the column reads it (numbers as numbers). */
function exampleValue(column: ColumnSpec): CellValue {
	const example = column.example;
	if (example === undefined || example === '') return column.required ? fallbackExample(column) : null;
	if ((column.type === 'number' || column.type === 'integer') && typeof example === 'string') {
		const n = Number(example);
		return Number.isFinite(n) ? n : example;
	}
	return example;
}

/** A downloadable template: the canonical keys as the header and one example row. */
export function templateCsv(schema: TableSchema, options: Omit<ToCsvOptions, 'header'> = {}): string {
	const row: Record<string, CellValue> = {};
	for (const column of schema.columns) row[column.key] = exampleValue(column);
	return toCsv(schema.columns, [row], options);
}
