/**
 * Row validation: turn the raw text fields of one CSV row into a typed ParsedRow, or say precisely
 * what is wrong with it. This is the hot path of CSV intake, so everything that depends only on the
 * schema and the header is worked out once in `makeRowValidator`, and the per-cell work is a handful
 * of char-code checks plus `Number()`. Pure, no DOM.
 */
import { dateCodeToMs, scanDate } from '../dates';
import { plainNumber } from '../numberText';
import type { CellValue, ColumnSpec, ParsedRow, RowIssue, TableSchema } from '../schema';

export interface RowValidatorOptions {
	/**
	 * Accept a decimal comma in numbers ("12,5" -> 12.5). Only safe when the delimiter is not a comma;
	 * intake turns it on for semicolon- and tab-separated files.
	 */
	decimalComma?: boolean;
}

export type RowCheck = { row: ParsedRow; issues?: undefined } | { issues: RowIssue[]; row?: undefined };
export type RowValidator = (rawFields: readonly string[], rowNumber: number) => RowCheck;

/** A cell that failed, with the reason (the column label is added by the row validator). */
export class InvalidCell {
	constructor(readonly reason: string) {}
}

/** Parses one trimmed, non-empty cell. */
export type CellParser = (text: string) => CellValue | InvalidCell;

/** The cell text as quoted in a reason, shortened when long. */
export function quoted(text: string): string {
	return JSON.stringify(text.length > 40 ? text.slice(0, 37) + '…' : text);
}

const CURRENCY = new Set(['₹', '$', '€', '£', '¥']);

/** A number with its unit the way people write it: "₹500", "40%", "30 days". */
export function withUnit(value: number, unit?: string): string {
	const n = plainNumber(value);
	if (!unit) return n;
	if (CURRENCY.has(unit)) return value < 0 ? `-${unit}${plainNumber(-value)}` : `${unit}${n}`;
	if (unit === '%') return `${n}%`;
	return `${n} ${unit}`;
}

/**
 * Parse plain or scientific-notation numbers; NaN when the text is not one. Rejects what `Number()`
 * would otherwise accept but a person would not mean: hex/binary/octal prefixes and Infinity.
 */
export function parseNumber(text: string, decimalComma = false): number {
	const fast = parseSimpleDecimal(text, decimalComma);
	if (fast === fast) return fast;
	let s = text;
	if (decimalComma) {
		const comma = s.indexOf(',');
		if (comma !== -1) {
			if (s.indexOf('.') !== -1 || s.indexOf(',', comma + 1) !== -1) return NaN;
			s = s.slice(0, comma) + '.' + s.slice(comma + 1);
		}
	}
	if (s.length > 2 && s.charCodeAt(0) === 48) {
		const c1 = s.charCodeAt(1) | 32;
		if (c1 === 120 || c1 === 98 || c1 === 111) return NaN; // 0x, 0b, 0o
	}
	const n = Number(s);
	return n - n === 0 ? n : NaN; // NaN and ±Infinity fail
}

/** Exact powers of ten (all representable as doubles up to 1e22). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The common case without a trip through `Number()`: an optional sign, at most 15 digits and at most
 * one decimal point (or comma, when allowed). With so few digits both the digits and the power of ten
 * are exact doubles, so one division gives the correctly rounded value, identical to `Number()`.
 * NaN means "not this simple form" (the caller falls back to the full parser).
 */
function parseSimpleDecimal(s: string, decimalComma: boolean): number {
	return simpleDecimalAt(s, 0, s.length, decimalComma);
}

/** `parseSimpleDecimal` of `s.slice(start, end)`, without making the slice (the fast line reader's numbers). */
export function simpleDecimalAt(s: string, start: number, end: number, decimalComma: boolean): number {
	const len = end;
	let i = start;
	let negative = false;
	const c0 = s.charCodeAt(start);
	if (c0 === 45 || c0 === 43) {
		negative = c0 === 45;
		i = start + 1;
	}
	let digits = 0;
	let mantissa = 0;
	let point = -1;
	for (; i < len; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			mantissa = mantissa * 10 + (c - 48);
			digits++;
		} else if (point === -1 && (c === 46 || (c === 44 && decimalComma))) point = digits;
		else return NaN;
	}
	if (digits === 0 || digits > 15) return NaN;
	return decimalFromDigits(mantissa, digits, point, negative);
}

/**
 * The value `simpleDecimalAt` gives once it has read a number's digits: `mantissa` (the digits as an
 * integer, 1 to 15 of them), `point` (how many digits came before the decimal point; -1: none).
 */
export function decimalFromDigits(mantissa: number, digits: number, point: number, negative: boolean): number {
	const value = point === -1 || point === digits ? mantissa : mantissa / POWERS_OF_TEN[digits - point];
	return negative ? -value : value;
}

/** Whether the text is written as a number whose value is too large for a double (e.g. 1e400). */
function tooLargeNumber(text: string, decimalComma: boolean): boolean {
	const n = Number(decimalComma ? text.replace(',', '.') : text);
	return n === Infinity || n === -Infinity ? !/^[+-]?infinity$/i.test(text.trim()) : false;
}

export function notANumberReason(text: string, decimalComma: boolean): string {
	if (tooLargeNumber(text, decimalComma)) return `${quoted(text)} is too large to be a number`;
	const base = `${quoted(text)} is not a number`;
	if (/^[+-]?[\d\s]+,\d+$/.test(text) && !decimalComma) return `${base} (use a dot for decimals)`;
	if (/^[+-]?\d{1,3}([,.\s]\d{3})+([.,]\d+)?$/.test(text)) return `${base} (remove thousands separators)`;
	return base;
}

function numberParser(column: ColumnSpec, decimalComma: boolean): CellParser {
	const integer = column.type === 'integer';
	const min = column.min ?? -Infinity;
	const max = column.max ?? Infinity;
	const { unit } = column;
	return (text) => {
		const n = parseNumber(text, decimalComma);
		if (n !== n) return new InvalidCell(notANumberReason(text, decimalComma));
		if (integer && !Number.isInteger(n)) return new InvalidCell(`${quoted(text)} is not a whole number`);
		if (n < min) return new InvalidCell(`${plainNumber(n)} is below the minimum of ${withUnit(min, unit)}`);
		if (n > max) return new InvalidCell(`${plainNumber(n)} is above the maximum of ${withUnit(max, unit)}`);
		return n;
	};
}

/** Category matching key: case and whitespace ignored. */
export function normaliseCategory(text: string): string {
	let out = '';
	const lower = text.toLowerCase();
	for (let i = 0; i < lower.length; i++) {
		const c = lower.charCodeAt(i);
		if (c === 32 || c === 9 || c === 160) continue;
		out += lower[i];
	}
	return out;
}

function categoryParser(column: ColumnSpec): CellParser {
	const categories = column.categories ?? [];
	if (categories.length === 0) return (text) => text;
	// Three lookups from cheapest to dearest: as written, lower-cased, lower-cased without spaces.
	const exact = new Map<string, string>();
	const lower = new Map<string, string>();
	const loose = new Map<string, string>();
	for (const category of categories) {
		exact.set(category, category);
		const lowerKey = category.toLowerCase();
		if (!lower.has(lowerKey)) lower.set(lowerKey, category);
		const key = normaliseCategory(category);
		if (!loose.has(key)) loose.set(key, category);
	}
	const shown = categories.slice(0, 5).join(', ') + (categories.length > 5 ? ` (and ${categories.length - 5} more)` : '');
	return (text) =>
		exact.get(text) ??
		lower.get(text.toLowerCase()) ??
		loose.get(normaliseCategory(text)) ??
		new InvalidCell(`${quoted(text)} is not one of the allowed values: ${shown}`);
}

const BOOLEANS = new Map<string, boolean>([
	['1', true],
	['0', false],
	['true', true],
	['false', false],
	['yes', true],
	['no', false]
]);

const booleanParser: CellParser = (text) => {
	const value = BOOLEANS.get(text) ?? BOOLEANS.get(text.toLowerCase());
	return value ?? new InvalidCell(`${quoted(text)} is not yes/no (use 1/0, true/false or yes/no)`);
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by two ASCII digits at `at`, or -1. */
function twoDigits(s: string, at: number): number {
	const a = s.charCodeAt(at) - 48;
	const b = s.charCodeAt(at + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function fourDigits(s: string, at: number): number {
	const hi = twoDigits(s, at);
	const lo = twoDigits(s, at + 2);
	return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

function digitsOnly(s: string): boolean {
	if (s.length === 0) return false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

/**
 * A calendar date as 'YYYY-MM-DD', or null. Read by the one date reader (core/dates): YYYY-MM-DD
 * (also with / or . and an optional time after 'T' or a space), DD-MM-YYYY / DD/MM/YYYY, English
 * month names (1-Dec-2010, Dec 1, 2010), two-digit years, AM/PM. A day-first reading is assumed
 * unless the middle number cannot be a month (then MM/DD/YYYY); a row-by-row reader has no file to
 * decide the order from (tools that read whole files use `DateOrderEvidence`).
 */
export function parseDate(text: string): string | null {
	const code = scanDate(text);
	if (code >= 0) {
		let ms = dateCodeToMs(code, 'day-first');
		if (ms !== ms) ms = dateCodeToMs(code, 'month-first');
		if (ms === ms) return new Date(ms).toISOString().slice(0, 10);
	}
	return parseDateOnly(text);
}

/** The date part only of a text whose time the reader does not understand (kept as this reader always read it). */
function parseDateOnly(text: string): string | null {
	// Fast path: already YYYY-MM-DD.
	if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
		const y = fourDigits(text, 0);
		const m = twoDigits(text, 5);
		const d = twoDigits(text, 8);
		if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]) {
			if (m !== 2 || d !== 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return text;
			return null;
		}
	}
	let s = text;
	const cut = s.search(/[T ]/);
	if (cut !== -1) s = s.slice(0, cut);
	const parts = s.split(/[-/.]/);
	if (parts.length !== 3 || !parts.every(digitsOnly)) return null;
	let y: number, m: number, d: number;
	if (parts[0].length === 4) [y, m, d] = parts.map(Number);
	else if (parts[2].length === 4) {
		[d, m, y] = parts.map(Number);
		if (m > 12 && d <= 12) [d, m] = [m, d];
	} else return null;
	if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return null;
	if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const dateParser: CellParser = (text) => parseDate(text) ?? new InvalidCell(`${quoted(text)} is not a date (use YYYY-MM-DD)`);

const textParser: CellParser = (text) => text;

/** The parser for one column's non-empty, trimmed cells. */
export function cellParser(column: ColumnSpec, options: RowValidatorOptions = {}): CellParser {
	switch (column.type) {
		case 'number':
		case 'integer':
			return numberParser(column, options.decimalComma ?? false);
		case 'category':
			return categoryParser(column);
		case 'boolean':
			return booleanParser;
		case 'date':
			return dateParser;
		case 'text':
			return textParser;
	}
}

function isBlank(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 13 && c !== 160) return false;
	}
	return true;
}

/**
 * Build a validator for rows of a file whose header produced `mapping` (header position -> canonical
 * key or null). Rows come back with every schema key present (null for empty or absent optional
 * columns), in schema order. A row whose field count differs from the header's gets one whole-row
 * issue (extra fields that are all empty are allowed); otherwise every bad cell gets its own issue.
 */
export function makeRowValidator(
	schema: TableSchema,
	mapping: readonly (string | null)[],
	options: RowValidatorOptions = {}
): RowValidator {
	const expected = mapping.length;
	// With comma-separated files, too many values usually means an unquoted comma inside a value.
	const extraHint = options.decimalComma ? '' : ' (a value that contains a comma must be in double quotes)';
	const columns = schema.columns;
	const n = columns.length;
	const keys = columns.map((c) => c.key);
	const labels = columns.map((c) => c.label);
	const required = columns.map((c) => c.required);
	const indexes = columns.map((c) => mapping.indexOf(c.key));
	const parsers = columns.map((c) => cellParser(c, options));
	// Every row starts as a copy of this all-null object, so rows share one hidden class and their
	// fields are never re-laid out when a column is null in one row and a number in the next. It is
	// built by JSON.parse because V8 turns an object grown by many computed-key stores into a slow
	// dictionary (about 2x slower to build and read); JSON.parse and spread copies keep it fast.
	const blank = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])))) as ParsedRow;

	return (fields, rowNumber) => {
		const found = fields.length;
		if (found !== expected) {
			let extraFilled = found < expected;
			for (let i = expected; !extraFilled && i < found; i++) extraFilled = !isBlank(fields[i]);
			if (extraFilled) {
				return {
					issues: [
						{
							row: rowNumber,
							column: null,
							reason: `has ${found} value${found === 1 ? '' : 's'}, but the header has ${expected} columns${found > expected ? extraHint : ''}`
						}
					]
				};
			}
		}
		const row: ParsedRow = { ...blank };
		let issues: RowIssue[] | undefined;
		for (let c = 0; c < n; c++) {
			const index = indexes[c];
			if (index < 0) continue;
			let text = fields[index];
			const len = text.length;
			if (len !== 0) {
				const first = text.charCodeAt(0);
				const last = text.charCodeAt(len - 1);
				if (first <= 32 || last <= 32 || first === 160 || last === 160) text = text.trim();
			}
			if (text.length === 0) {
				if (required[c]) (issues ??= []).push({ row: rowNumber, column: labels[c], reason: 'is empty' });
				continue;
			}
			const value = parsers[c](text);
			if (value instanceof InvalidCell) {
				(issues ??= []).push({ row: rowNumber, column: labels[c], reason: value.reason });
			} else row[keys[c]] = value;
		}
		return issues ? { issues } : { row };
	};
}
