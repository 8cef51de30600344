/**
 * The byte-level scan of invoice lines: a comma-separated UTF-8 part of a file (a Uint8Array, from
 * `blob.slice(…).arrayBuffer()`) split into records and fields without decoding the file to text.
 * Only the seven fields the analysis uses are materialised, and only once per distinct value
 * (invoice numbers, stock codes, customer ids, dates and countries are interned from their bytes);
 * quantities and prices are read straight from the digits; the description is skipped byte by byte.
 *
 * A record the fast route cannot read value by value (a field count that differs from the header's,
 * doubled quotes or non-ASCII bytes in a used field) has all its fields decoded and goes through the
 * aggregator's `addLine`, exactly as the papaparse reader would hand it over. Anything whose
 * papaparse reading this scan cannot prove it reproduces stops the scan with a reason, and the
 * caller reads the whole file with the papaparse reader instead: a quote inside an unquoted value or
 * text after a closing quote, a line ending in CR alone, a NUL byte, a record over the length limit,
 * a quote never closed. Pure, no DOM.
 */
import { MAX_RECORD_CHARS } from '../core/csv/messages';
import { parseNumber } from '../core/csv/validate';
import type { CustomerAggregator } from './features';

/** Field positions of the used columns in a record (-1: the file has no Country column). */
export interface ByteColumns {
	invoice: number;
	stock: number;
	quantity: number;
	date: number;
	price: number;
	customer: number;
	country: number;
	/** Fields in the header row. */
	fieldCount: number;
}

export interface ScanOptions {
	columns: ByteColumns;
	/** Spreadsheet row of the part's first record (header = 1 in the whole file). */
	firstRow: number;
	/** The part runs to the end of the file (else it ends with a line end, which closes its last record). */
	last: boolean;
	/** Called at the start and then about every 4 MB with the bytes scanned so far. */
	onProgress?: (bytesScanned: number) => void;
	signal?: AbortSignal;
}

export type ScanOutcome =
	| { ok: true; records: number; crlf: number; lf: number }
	/** `cutInQuotes`: the part ended inside a quoted value (the cut was not at a record's end). */
	| { ok: false; why: string; cutInQuotes: boolean };

/** Why the byte scan hands a file to the papaparse reader (for the result's "which reader ran"). */
export const SCAN_STOPS = {
	quoteInValue: 'a quote inside an unquoted value',
	textAfterQuote: 'text after a closing quote',
	bareCr: 'a line ending in CR alone',
	nul: 'a NUL byte',
	tooLong: 'a record over the length limit',
	unclosed: 'a quote never closed'
} as const;

/** Strings made from bytes once per distinct value (an open-addressing table keyed by the bytes). */
export class ByteInterner {
	private table: (string | null)[];
	private mask: number;
	private count = 0;
	// The previous value's bytes and text: consecutive lines of one invoice repeat most fields, and
	// comparing with the previous bytes is cheaper than hashing.
	private lastBytes: Uint8Array | null = null;
	private lastStart = 0;
	private lastEnd = 0;
	private lastText = '';

	/** `slots`: a power of two, about twice the distinct values expected (the table doubles when half full). */
	constructor(slots = 1024) {
		this.table = new Array<string | null>(slots).fill(null);
		this.mask = slots - 1;
	}

	/** The ASCII bytes from `start` to `end` as a string (the caller checked they are ASCII). */
	get(bytes: Uint8Array, start: number, end: number): string {
		const len = end - start;
		if (len === 0) return '';
		if (bytes === this.lastBytes && len === this.lastEnd - this.lastStart) {
			const from = this.lastStart;
			let k = 0;
			while (k < len && bytes[start + k] === bytes[from + k]) k++;
			if (k === len) {
				this.lastStart = start;
				this.lastEnd = end;
				return this.lastText;
			}
		}
		const text = this.lookUp(bytes, start, end, len);
		this.lastBytes = bytes;
		this.lastStart = start;
		this.lastEnd = end;
		this.lastText = text;
		return text;
	}

	private lookUp(bytes: Uint8Array, start: number, end: number, len: number): string {
		let h = 0x811c9dc5;
		for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 16777619);
		const table = this.table;
		let slot = h & this.mask;
		for (;;) {
			const text = table[slot];
			if (text === null) break;
			if (text.length === len) {
				let k = 0;
				while (k < len && text.charCodeAt(k) === bytes[start + k]) k++;
				if (k === len) return text;
			}
			slot = (slot + 1) & this.mask;
		}
		const text = asciiText(bytes, start, end);
		table[slot] = text;
		if (++this.count * 2 > table.length) this.grow();
		return text;
	}

	private grow(): void {
		const old = this.table;
		this.table = new Array<string | null>(old.length * 2).fill(null);
		this.mask = this.table.length - 1;
		for (const text of old) {
			if (text === null) continue;
			let h = 0x811c9dc5;
			for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
			let slot = h & this.mask;
			while (this.table[slot] !== null) slot = (slot + 1) & this.mask;
			this.table[slot] = text;
		}
	}
}

function asciiText(bytes: Uint8Array, start: number, end: number): string {
	let text = '';
	for (let k = start; k < end; k += 4096) text += String.fromCharCode.apply(null, bytes.subarray(k, Math.min(end, k + 4096)) as unknown as number[]);
	return text;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Exact powers of ten (all representable as doubles up to 1e22). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * A number written simply (optional sign, at most 15 digits, at most one decimal point), read from
 * its bytes; NaN when written otherwise. Mirrors core/csv/validate's `parseNumber` fast path, so
 * the value is the one `Number()` gives (both the digits and the power of ten are exact doubles).
 */
export function simpleDecimal(bytes: Uint8Array, start: number, end: number): number {
	let i = start;
	let negative = false;
	const c0 = bytes[i];
	if (c0 === 45 || c0 === 43) {
		negative = c0 === 45;
		i++;
	}
	let digits = 0;
	let mantissa = 0;
	let point = -1;
	for (; i < end; i++) {
		const c = bytes[i];
		if (c >= 48 && c <= 57) {
			mantissa = mantissa * 10 + (c - 48);
			digits++;
		} else if (point === -1 && c === 46) point = digits;
		else return NaN;
	}
	if (digits === 0 || digits > 15) return NaN;
	const value = point === -1 || point === digits ? mantissa : mantissa / POWERS_OF_TEN[digits - point];
	return negative ? -value : value;
}

/** Whether a field holds only what the papaparse reader counts as blank (spaces, tabs, CR, NBSP, BOM). */
function blankBytes(bytes: Uint8Array, start: number, end: number): boolean {
	for (let k = start; k < end; k++) {
		const c = bytes[k];
		if (c === 32 || c === 9 || c === 13) continue;
		if (c === 0xc2 && bytes[k + 1] === 0xa0 && k + 1 < end) {
			k++;
			continue;
		}
		if (c === 0xef && k + 2 < end && bytes[k + 1] === 0xbb && bytes[k + 2] === 0xbf) {
			k += 2;
			continue;
		}
		return false;
	}
	return true;
}

const QUOTED = 1;
const DOUBLED_QUOTES = 2;
const NON_ASCII = 4;

// What each byte value means to the scan: most bytes are plain, and one table look-up tells them
// apart from the few that need a decision.
const PLAIN = 0;
/** A comma, LF or CR: the end of an unquoted value. */
const VALUE_END = 1;
const QUOTE = 2;
const NUL = 3;
/** Bytes 128-255 (part of a UTF-8 sequence). */
const HIGH = 4;
const BYTE_KIND = new Uint8Array(256);
BYTE_KIND[44] = BYTE_KIND[10] = BYTE_KIND[13] = VALUE_END;
BYTE_KIND[34] = QUOTE;
BYTE_KIND[0] = NUL;
BYTE_KIND.fill(HIGH, 128);

/** The interned texts of one reader (shared by the parts read on one thread). */
export class ScanStrings {
	// Sized for a year of a shop's invoices (Online Retail: 25,900 invoices, 23,260 date texts,
	// 4,070 stock codes, 4,372 customers, 38 countries), so the tables rarely grow.
	readonly invoice = new ByteInterner(1 << 16);
	readonly stock = new ByteInterner(1 << 13);
	readonly date = new ByteInterner(1 << 16);
	readonly customer = new ByteInterner(1 << 14);
	readonly country = new ByteInterner(128);
}

/**
 * Scan one part of a file into the aggregator. The part starts at a record's start; unless `last`,
 * it ends right after a line end. `records` counts every record (blank ones too) as the papaparse
 * reader numbers rows; `crlf`/`lf` count line ends outside quoted values.
 */
export function scanInvoiceBytes(bytes: Uint8Array, aggregator: CustomerAggregator, options: ScanOptions, strings = new ScanStrings()): ScanOutcome {
	const { columns, last, onProgress, signal } = options;
	const n = bytes.length;
	const used = [columns.invoice, columns.stock, columns.quantity, columns.date, columns.price, columns.customer];
	if (columns.country >= 0) used.push(columns.country);
	const fieldCount = columns.fieldCount;
	let starts = new Int32Array(Math.max(16, fieldCount + 4));
	let ends = new Int32Array(starts.length);
	let flags = new Uint8Array(starts.length);
	// Every byte is looked at on the way, so a NUL byte stops the scan where it is met; a NUL byte
	// anywhere in the part is the reason given whatever stopped the scan first.
	const fail = (why: string, cutInQuotes = false): ScanOutcome =>
		bytes.indexOf(0) === -1 ? { ok: false, why, cutInQuotes } : { ok: false, why: SCAN_STOPS.nul, cutInQuotes: false };
	let row = options.firstRow - 1;
	let crlf = 0;
	let lf = 0;
	let i = 0;
	// The first report comes at the start, so a short warm-up file runs this branch too (warmUp.ts).
	let nextReport = 0;
	const s = strings;
	while (i < n || (last && i === n)) {
		if (i >= nextReport) {
			signal?.throwIfAborted();
			onProgress?.(i);
			nextReport = i + (4 << 20);
		}
		const recordStart = i;
		let f = 0;
		let ended = false;
		for (;;) {
			if (f === starts.length) {
				const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
					const b = new (a.constructor as new (n: number) => T)(a.length * 2);
					b.set(a);
					return b;
				};
				starts = grow(starts);
				ends = grow(ends);
				flags = grow(flags);
			}
			let flag = 0;
			let start: number;
			let end: number;
			if (i < n && bytes[i] === 34) {
				flag = QUOTED;
				let j = i + 1;
				for (;;) {
					const q = bytes.indexOf(34, j);
					if (q < 0) return last ? fail(SCAN_STOPS.unclosed) : fail(SCAN_STOPS.unclosed, true);
					if (q + 1 < n && bytes[q + 1] === 34) {
						flag |= DOUBLED_QUOTES;
						j = q + 2;
						continue;
					}
					start = i + 1;
					end = q;
					i = q + 1;
					break;
				}
				for (let k = start; k < end; k++) {
					const kind = BYTE_KIND[bytes[k]];
					if (kind === HIGH) flag |= NON_ASCII;
					else if (kind === NUL) return fail(SCAN_STOPS.nul);
				}
				if (i < n) {
					const c = bytes[i];
					if (c !== 44 && c !== 10 && c !== 13) return fail(SCAN_STOPS.textAfterQuote);
				}
			} else {
				start = i;
				for (; i < n; i++) {
					const kind = BYTE_KIND[bytes[i]];
					if (kind === PLAIN) continue;
					if (kind === VALUE_END) break;
					if (kind === HIGH) flag = NON_ASCII;
					else return fail(kind === QUOTE ? SCAN_STOPS.quoteInValue : SCAN_STOPS.nul);
				}
				end = i;
			}
			starts[f] = start;
			ends[f] = end;
			flags[f] = flag;
			f++;
			if (i >= n) break;
			const c = bytes[i];
			if (c === 44) {
				i++;
				continue;
			}
			if (c === 13) {
				if (i + 1 < n && bytes[i + 1] === 10) {
					crlf++;
					i += 2;
					ended = true;
					break;
				}
				return fail(SCAN_STOPS.bareCr);
			}
			lf++;
			i++;
			ended = true;
			break;
		}
		row++;
		if (i - recordStart > MAX_RECORD_CHARS) return fail(SCAN_STOPS.tooLong);
		// A blank record (an empty line, or only empty cells) is numbered but not read.
		let blank = true;
		for (let k = 0; k < f && blank; k++) blank = blankBytes(bytes, starts[k], ends[k]);
		if (!blank) {
			let simple = f === fieldCount;
			for (let k = 0; k < used.length && simple; k++) simple = (flags[used[k]] & (DOUBLED_QUOTES | NON_ASCII)) === 0;
			if (simple) {
				const qs = starts[columns.quantity];
				const qe = ends[columns.quantity];
				const ps = starts[columns.price];
				const pe = ends[columns.price];
				let quantity = simpleDecimal(bytes, qs, qe);
				let quantityText = '';
				if (quantity !== quantity) {
					quantityText = asciiText(bytes, qs, qe).trim();
					quantity = parseNumber(quantityText);
				}
				let price = simpleDecimal(bytes, ps, pe);
				let priceText = '';
				if (price !== price) {
					priceText = asciiText(bytes, ps, pe).trim();
					price = parseNumber(priceText);
				}
				const country = columns.country;
				aggregator.addFields(
					s.invoice.get(bytes, starts[columns.invoice], ends[columns.invoice]),
					s.stock.get(bytes, starts[columns.stock], ends[columns.stock]),
					quantity,
					quantityText,
					price,
					priceText,
					s.date.get(bytes, starts[columns.date], ends[columns.date]),
					s.customer.get(bytes, starts[columns.customer], ends[columns.customer]),
					country >= 0 ? s.country.get(bytes, starts[country], ends[country]) : '',
					row
				);
			} else {
				const fields: string[] = new Array<string>(f);
				for (let k = 0; k < f; k++) {
					let text = utf8.decode(bytes.subarray(starts[k], ends[k]));
					if (flags[k] & DOUBLED_QUOTES) text = text.replaceAll('""', '"');
					fields[k] = text;
				}
				aggregator.addLine(fields, row);
			}
		}
		if (!ended) break;
		if (i === n && !last) break;
	}
	onProgress?.(n);
	return { ok: true, records: row - options.firstRow + 1, crlf, lf };
}
