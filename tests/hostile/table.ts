// Tables as the hostile corpus builds them: header cells and rows of cells, written out as CSV text
// or bytes in any line ending, delimiter and encoding. Generated in the tests, never stored as files.
import Papa from 'papaparse';
import type { ColumnSpec, TableSchema } from '../../src/lib/core/schema';

export interface Table {
	header: string[];
	rows: string[][];
}

export interface WriteOptions {
	delimiter?: string;
	/** One line ending for every line, or one per line (index 0 ends the header). */
	newline?: string | ((line: number) => string);
	/** End the last line too (default true). */
	finalNewline?: boolean;
}

function cell(text: string, delimiter: string): string {
	return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text, quoting cells that need it. */
export function writeTable(table: Table, options: WriteOptions = {}): string {
	const delimiter = options.delimiter ?? ',';
	const newline = options.newline ?? '\n';
	const end = (i: number) => (typeof newline === 'string' ? newline : newline(i));
	const lines = [table.header, ...table.rows].map((cells) => cells.map((c) => cell(c, delimiter)).join(delimiter));
	return lines.map((line, i) => line + (i < lines.length - 1 || options.finalNewline !== false ? end(i) : '')).join('');
}

/** CSV text (comma, LF, one header row) as a table. */
export function readTable(text: string): Table {
	const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',', newline: '\n' });
	const [header, ...rows] = parsed.data;
	return { header, rows };
}

/** A copy with one cell of each listed row set (`column` by header text). */
export function withCells(table: Table, column: string, values: Record<number, string>): Table {
	const at = table.header.indexOf(column);
	if (at < 0) throw new Error(`no column ${column} in ${table.header.join(', ')}`);
	return { header: table.header, rows: table.rows.map((row, i) => (i in values ? row.map((c, j) => (j === at ? values[i] : c)) : row)) };
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** UTF-16 with a byte-order mark, little- or big-endian. */
export function utf16(text: string, littleEndian: boolean): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	out[0] = littleEndian ? 0xff : 0xfe;
	out[1] = littleEndian ? 0xfe : 0xff;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
		out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
	}
	return out;
}

/** Windows-1252 for text of Latin-1 characters (what older Excel writes). */
export function windows1252(text: string): Uint8Array {
	return Uint8Array.from(text, (c) => {
		const code = c.charCodeAt(0);
		if (code > 255) throw new Error(`not Latin-1: ${c}`);
		return code;
	});
}

/**
 * A good table of `n` rows from a schema alone: each column's example value, numbers varied a
 * little row by row (within the column's bounds), categories in turn, dates a day apart. What a
 * tool with no sample generator of its own gets in the hostile suite.
 */
export function schemaTable(schema: TableSchema, n = 60): Table {
	const value = (c: ColumnSpec, i: number): string => {
		switch (c.type) {
			case 'number':
			case 'integer': {
				const base = typeof c.example === 'number' ? c.example : Number(c.example) || (c.min ?? 0) + 1;
				let v = base * (1 + ((i % 7) - 3) / 50);
				if (c.type === 'integer') v = Math.round(v);
				if (c.min !== undefined) v = Math.max(c.min, v);
				if (c.max !== undefined) v = Math.min(c.max, v);
				return String(c.type === 'integer' ? v : Math.round(v * 1000) / 1000);
			}
			case 'category':
				return c.categories?.[i % c.categories.length] ?? String(c.example ?? 'x');
			case 'boolean':
				return i % 2 === 0 ? '1' : '0';
			case 'date': {
				const start = typeof c.example === 'string' && /^\d{4}-\d\d-\d\d/.test(c.example) ? Date.parse(c.example.slice(0, 10)) : Date.UTC(2020, 0, 1);
				return new Date(start + i * 86_400_000).toISOString().slice(0, 10);
			}
			default:
				return c.example === undefined || c.example === '' ? `${c.key}-${i + 1}` : `${c.example}${i % 3 === 0 ? '' : `-${i}`}`;
		}
	};
	const columns = schema.columns.filter((c) => c.required || (c.example !== undefined && c.example !== ''));
	return { header: columns.map((c) => c.key), rows: Array.from({ length: n }, (_, i) => columns.map((c) => value(c, i))) };
}
