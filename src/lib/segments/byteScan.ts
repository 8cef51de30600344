/**
 * The byte-level scan of invoice lines: a comma-separated UTF-8 part of a file (a Uint8Array, from
 * `blob.slice(…).arrayBuffer()`) split into records and fields without decoding the file to text.
 * Only the seven fields the analysis uses are materialised, and only once per distinct value
 * (invoice numbers, stock codes, customer ids, dates and countries are interned from their bytes);
 * quantities and prices are read straight from the digits; the description is only searched for
 * its end.
 *
 * Most records take the fast route (`plainRecordEnd`): every field unquoted, as many as the header
 * has, plain ASCII in the used fields; each field's end is searched for four bytes at a time. Any
 * other record is split again, byte by byte, by the general route (`FieldSpans.split`), which is
 * the whole scan's rules; tests hold the two routes to the same results.
 *
 * A record the scan cannot read value by value (a field count that differs from the header's,
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
	/** Read every record by the general route (tests compare it with the fast route). */
	generalRouteOnly?: boolean;
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

/**
 * Strings made from bytes once per distinct value (an open-addressing table keyed by the bytes).
 * Bytes are compared and hashed four at a time (a DataView reads them as one 32-bit word): the
 * fields it holds are a few bytes to a few tens of bytes long, and a byte at a time was a good part
 * of the scan's time.
 */
export class ByteInterner {
	private texts: (string | null)[];
	/** Each slot's number (its text's order of first meeting). */
	private numbers: Int32Array;
	/** Each slot's hash: a probe compares texts only when the hashes agree, and growing hashes nothing again. */
	private hashes: Int32Array;
	private mask: number;
	// The previous value's bytes and text: consecutive lines of one invoice repeat most fields, and
	// comparing with the previous bytes is cheaper than hashing.
	private lastBytes: Uint8Array | null = null;
	private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
	private lastStart = 0;
	private lastLength = -1;
	private lastText = '';
	private lastNumber = -1;
	/** Texts met so far. */
	private count = 0;
	/**
	 * The number of the text `get` returned last (0, 1, 2, … in the order texts are first met; -1 for
	 * ''), for a caller that keeps something per distinct text in an array instead of a Map.
	 */
	number = -1;

	/** `slots`: a power of two, about twice the distinct values expected (the table doubles when half full). */
	constructor(slots = 1024) {
		this.texts = new Array<string | null>(slots).fill(null);
		this.hashes = new Int32Array(slots);
		this.numbers = new Int32Array(slots);
		this.mask = slots - 1;
	}

	/** The ASCII bytes from `start` to `end` as a string (the caller checked they are ASCII). */
	get(bytes: Uint8Array, start: number, end: number): string {
		const length = end - start;
		if (length === 0) {
			this.number = -1;
			return '';
		}
		if (bytes !== this.lastBytes) {
			this.lastBytes = bytes;
			this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
			this.lastLength = -1;
		}
		if (length === this.lastLength && sameBytes(this.view, start, this.lastStart, length)) {
			this.lastStart = start;
			this.number = this.lastNumber;
			return this.lastText;
		}
		const text = this.lookUp(bytes, start, end);
		this.lastStart = start;
		this.lastLength = length;
		this.lastText = text;
		this.lastNumber = this.number;
		return text;
	}

	private lookUp(bytes: Uint8Array, start: number, end: number): string {
		const length = end - start;
		const hash = hashBytes(this.view, start, end);
		const { texts, hashes } = this;
		let slot = hash & this.mask;
		for (;;) {
			const text = texts[slot];
			if (text === null) break;
			if (hashes[slot] === hash && text.length === length) {
				let k = 0;
				while (k < length && text.charCodeAt(k) === bytes[start + k]) k++;
				if (k === length) {
					this.number = this.numbers[slot];
					return text;
				}
			}
			slot = (slot + 1) & this.mask;
		}
		const text = asciiText(bytes, start, end);
		texts[slot] = text;
		hashes[slot] = hash;
		this.number = this.numbers[slot] = this.count++;
		if (this.count * 2 > texts.length) this.grow();
		return text;
	}

	private grow(): void {
		const oldTexts = this.texts;
		const oldHashes = this.hashes;
		const oldNumbers = this.numbers;
		this.texts = new Array<string | null>(oldTexts.length * 2).fill(null);
		this.hashes = new Int32Array(oldTexts.length * 2);
		this.numbers = new Int32Array(oldTexts.length * 2);
		this.mask = this.texts.length - 1;
		for (let k = 0; k < oldTexts.length; k++) {
			if (oldTexts[k] === null) continue;
			let slot = oldHashes[k] & this.mask;
			while (this.texts[slot] !== null) slot = (slot + 1) & this.mask;
			this.texts[slot] = oldTexts[k];
			this.hashes[slot] = oldHashes[k];
			this.numbers[slot] = oldNumbers[k];
		}
	}
}

/**
 * Whether the `length` bytes at `a` and at `b` are the same, compared a 32-bit word at a time; the
 * last word is the last four bytes (overlapping the one before), so no byte is compared alone
 * unless the value is shorter than a word.
 */
function sameBytes(view: DataView, a: number, b: number, length: number): boolean {
	if (length < 4) {
		for (let k = 0; k < length; k++) if (view.getUint8(a + k) !== view.getUint8(b + k)) return false;
		return true;
	}
	for (let k = 0; k < length - 4; k += 4) if (view.getInt32(a + k, true) !== view.getInt32(b + k, true)) return false;
	return view.getInt32(a + length - 4, true) === view.getInt32(b + length - 4, true);
}

/**
 * A hash of the bytes from `start` to `end`, a 32-bit word at a time (FNV-1a's step on words),
 * finished with MurmurHash3's mix: a product's low bits depend only on its factors' low bits, and
 * the table slot is taken from the low bits.
 */
function hashBytes(view: DataView, start: number, end: number): number {
	let h = 0x811c9dc5 ^ (end - start);
	if (end - start < 4) {
		for (let k = start; k < end; k++) h = Math.imul(h ^ view.getUint8(k), 16777619);
	} else {
		// As in sameBytes, the last word is the last four bytes.
		for (let k = start; k < end - 4; k += 4) h = Math.imul(h ^ view.getInt32(k, true), 16777619);
		h = Math.imul(h ^ view.getInt32(end - 4, true), 16777619);
	}
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/** Reused by `asciiText` for a short value: `String.fromCharCode.apply` takes an array faster than a typed array. */
const charCodes: number[] = [];

function asciiText(bytes: Uint8Array, start: number, end: number): string {
	if (end - start <= 64) {
		charCodes.length = end - start;
		for (let k = start; k < end; k++) charCodes[k - start] = bytes[k];
		return String.fromCharCode.apply(null, charCodes);
	}
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

// What each byte value means to the general route: most bytes are plain, and one table look-up
// tells them apart from the few that need a decision.
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

// The bytes where the fast route stops looking along a field (1) and decides what to do: a comma,
// LF, CR, quote or NUL; in a field the analysis uses, also any byte from 128 (its text would need
// decoding). A field it does not use (the description) may hold UTF-8 text: only its end matters.
const SKIPPED_FIELD_STOPS = new Uint8Array(256);
SKIPPED_FIELD_STOPS[44] = SKIPPED_FIELD_STOPS[10] = SKIPPED_FIELD_STOPS[13] = SKIPPED_FIELD_STOPS[34] = SKIPPED_FIELD_STOPS[0] = 1;
const USED_FIELD_STOPS = SKIPPED_FIELD_STOPS.slice();
USED_FIELD_STOPS.fill(1, 128);

/** Every stop byte is below this (a comma, 44, is the highest) or, in a used field, from 128. */
const BELOW_STOPS = 45 * 0x01010101;

/**
 * Where the field from `i` ends: its first stop byte (`stops`: the field's table; `high`:
 * 0x80808080 when bytes from 128 stop it, else 0). The caller guarantees a stop byte before the end
 * of the bytes (an LF). Four bytes are tested at a time (read as one little-endian 32-bit word, so
 * the first byte is the lowest): `(w - 0x2d2d2d2d) & ~w` has bit 7 of the first byte below 45 set,
 * and bits only above it otherwise set by the borrow, so a word with no byte below 45 (nor from 128,
 * when `high`) is passed whole; otherwise the first such byte is looked up in the table (a space
 * or one of !#$%&'()*+ is not a stop, and the search goes on after it). `wordsEnd`: where a word
 * would run past the bytes; from there one byte at a time.
 */
function fieldEnd(bytes: Uint8Array, view: DataView, i: number, wordsEnd: number, stops: Uint8Array, high: number): number {
	while (i < wordsEnd) {
		const w = view.getInt32(i, true);
		const flagged = (((w - BELOW_STOPS) & ~w) | (w & high)) & 0x80808080;
		if (flagged === 0) {
			i += 4;
			continue;
		}
		// The first flagged byte: the lowest set bit's byte.
		i += (31 - Math.clz32(flagged & -flagged)) >> 3;
		if (stops[bytes[i]] !== 0) return i;
		i++;
	}
	while (stops[bytes[i]] === 0) i++;
	return i;
}

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

/** Why the scan stops, from where it stopped: a NUL byte anywhere in the part is the reason given whatever stopped the scan first. */
function stopped(bytes: Uint8Array, why: string, cutInQuotes: boolean): ScanOutcome {
	return bytes.indexOf(0) === -1 ? { ok: false, why, cutInQuotes } : { ok: false, why: SCAN_STOPS.nul, cutInQuotes: false };
}

/**
 * The fast route, for the records of a plain export: every field unquoted, as many as the header
 * has, nothing but ASCII in the fields the analysis uses, a line end after the last. Splits the
 * record starting at `i` into `starts`/`ends` and returns where its line end (LF or CR) is; -1 when
 * the record is anything else (a quote, a NUL, non-ASCII in a used field, another field count, the
 * part's end before a line end), and the general route reads it again from the same start. The
 * caller only asks for records that start before the part's last LF, where every field's search
 * stops (an LF is a stop byte), so the search need not check for the part's end (`fieldEnd`).
 */
function plainRecordEnd(bytes: Uint8Array, view: DataView, i: number, fields: FastFields, starts: Int32Array, ends: Int32Array): number {
	const lastField = fields.stops.length - 1;
	const wordsEnd = bytes.length - 3;
	for (let f = 0; ; f++) {
		starts[f] = i;
		i = fieldEnd(bytes, view, i, wordsEnd, fields.stops[f], fields.high[f]);
		ends[f] = i;
		const c = bytes[i];
		if (c !== 44) return f === lastField && (c === 10 || c === 13) ? i : -1;
		if (f === lastField) return -1;
		i++;
	}
}

/** `fieldEnd` of a field the analysis uses (`used`) or not, for tests. */
export function plainFieldEnd(bytes: Uint8Array, i: number, used: boolean): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return fieldEnd(bytes, view, i, bytes.length - 3, used ? USED_FIELD_STOPS : SKIPPED_FIELD_STOPS, used ? 0x80808080 : 0);
}

/** Per field, what stops the fast route's search along it (`fieldEnd`). */
interface FastFields {
	stops: Uint8Array[];
	/** 0x80808080 for a used field (bytes from 128 stop it), 0 for a skipped one. */
	high: Int32Array;
}

/** The fields of the record being read by the general route: where each starts and ends, and how it is written. */
class FieldSpans {
	starts: Int32Array;
	ends: Int32Array;
	flags: Uint8Array;
	/** Fields in the record. */
	count = 0;
	/** The record ended with a line end (else at the part's end). */
	ended = false;
	crlf = false;
	/** Why the record cannot be read as papaparse would (null: it can). */
	stop: string | null = null;
	cutInQuotes = false;
	/** End of the value read last (before its closing quote, if quoted). */
	private end = 0;

	constructor(fieldCount: number) {
		this.starts = new Int32Array(Math.max(16, fieldCount + 4));
		this.ends = new Int32Array(this.starts.length);
		this.flags = new Uint8Array(this.starts.length);
	}

	/**
	 * Split the record starting at `i`, whatever its quoting and field count, byte by byte; returns
	 * the position after it (after its line end), or -1 with `stop` saying why the scan stops.
	 */
	split(bytes: Uint8Array, i: number, last: boolean): number {
		const n = bytes.length;
		this.ended = false;
		this.crlf = false;
		let f = 0;
		for (;;) {
			if (f === this.starts.length) this.grow();
			const quoted = i < n && bytes[i] === 34;
			const start = quoted ? i + 1 : i;
			const flag = quoted ? this.quotedValue(bytes, start, last) : this.unquotedValue(bytes, start);
			if (flag < 0) return -1;
			this.starts[f] = start;
			this.ends[f] = this.end;
			this.flags[f] = flag;
			i = quoted ? this.end + 1 : this.end;
			f++;
			this.count = f;
			if (i >= n) return i;
			const c = bytes[i];
			if (c === 44) {
				i++;
				continue;
			}
			this.ended = true;
			if (c === 13) {
				if (i + 1 < n && bytes[i + 1] === 10) {
					this.crlf = true;
					return i + 2;
				}
				return this.stopWith(SCAN_STOPS.bareCr);
			}
			return i + 1;
		}
	}

	/** A quoted value from `start` (after its opening quote): its flags, its end in `end`; -1 when the scan stops. */
	private quotedValue(bytes: Uint8Array, start: number, last: boolean): number {
		const n = bytes.length;
		let flag = QUOTED;
		let j = start;
		let q: number;
		for (;;) {
			q = bytes.indexOf(34, j);
			if (q < 0) return this.stopWith(SCAN_STOPS.unclosed, !last);
			if (q + 1 < n && bytes[q + 1] === 34) {
				flag |= DOUBLED_QUOTES;
				j = q + 2;
				continue;
			}
			break;
		}
		for (let k = start; k < q; k++) {
			const kind = BYTE_KIND[bytes[k]];
			if (kind === HIGH) flag |= NON_ASCII;
			else if (kind === NUL) return this.stopWith(SCAN_STOPS.nul);
		}
		if (q + 1 < n) {
			const c = bytes[q + 1];
			if (c !== 44 && c !== 10 && c !== 13) return this.stopWith(SCAN_STOPS.textAfterQuote);
		}
		this.end = q;
		return flag;
	}

	/** An unquoted value from `i`: its flags, its end in `end`; -1 when the scan stops. */
	private unquotedValue(bytes: Uint8Array, i: number): number {
		const n = bytes.length;
		let flag = 0;
		for (; i < n; i++) {
			const kind = BYTE_KIND[bytes[i]];
			if (kind === PLAIN) continue;
			if (kind === VALUE_END) break;
			if (kind === HIGH) flag = NON_ASCII;
			else return this.stopWith(kind === QUOTE ? SCAN_STOPS.quoteInValue : SCAN_STOPS.nul);
		}
		this.end = i;
		return flag;
	}

	private stopWith(why: string, cutInQuotes = false): -1 {
		this.stop = why;
		this.cutInQuotes = cutInQuotes;
		return -1;
	}

	private grow(): void {
		const length = this.starts.length * 2;
		const starts = new Int32Array(length);
		const ends = new Int32Array(length);
		const flags = new Uint8Array(length);
		starts.set(this.starts);
		ends.set(this.ends);
		flags.set(this.flags);
		this.starts = starts;
		this.ends = ends;
		this.flags = flags;
	}
}

/** Whether a record holds only blank fields (an empty line, or only empty cells): numbered but not read. */
function blankRecord(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean {
	for (let k = 0; k < count; k++) if (!blankBytes(bytes, starts[k], ends[k])) return false;
	return true;
}

/** Hands the records' values to the aggregator: straight from the bytes when it can, else decoded. */
class RecordReader {
	private readonly used: Int32Array;

	constructor(
		private readonly bytes: Uint8Array,
		private readonly aggregator: CustomerAggregator,
		private readonly columns: ByteColumns,
		private readonly s: ScanStrings
	) {
		const used = [columns.invoice, columns.stock, columns.quantity, columns.date, columns.price, columns.customer];
		if (columns.country >= 0) used.push(columns.country);
		this.used = Int32Array.from(used);
	}

	/** Whether a record the general route split can be read value by value (the header's field count, no doubled quotes or non-ASCII bytes in a used field). */
	simple(spans: FieldSpans): boolean {
		if (spans.count !== this.columns.fieldCount) return false;
		for (const k of this.used) if ((spans.flags[k] & (DOUBLED_QUOTES | NON_ASCII)) !== 0) return false;
		return true;
	}

	/** A record's values read from its bytes (fields plain ASCII, without doubled quotes). */
	values(starts: Int32Array, ends: Int32Array, row: number): void {
		const { bytes, columns, s } = this;
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
		const stockCode = s.stock.get(bytes, starts[columns.stock], ends[columns.stock]);
		const stockNumber = s.stock.number;
		this.aggregator.addFields(
			s.invoice.get(bytes, starts[columns.invoice], ends[columns.invoice]),
			stockCode,
			quantity,
			quantityText,
			price,
			priceText,
			s.date.get(bytes, starts[columns.date], ends[columns.date]),
			s.customer.get(bytes, starts[columns.customer], ends[columns.customer]),
			country >= 0 ? s.country.get(bytes, starts[country], ends[country]) : '',
			row,
			stockNumber
		);
	}

	/** A record's fields decoded as the papaparse reader hands them over. */
	decoded(spans: FieldSpans, row: number): void {
		const fields: string[] = new Array<string>(spans.count);
		for (let k = 0; k < spans.count; k++) {
			let text = utf8.decode(this.bytes.subarray(spans.starts[k], spans.ends[k]));
			if (spans.flags[k] & DOUBLED_QUOTES) text = text.replaceAll('""', '"');
			fields[k] = text;
		}
		this.aggregator.addLine(fields, row);
	}
}

/**
 * Scan one part of a file into the aggregator. The part starts at a record's start; unless `last`,
 * it ends right after a line end. `records` counts every record (blank ones too) as the papaparse
 * reader numbers rows; `crlf`/`lf` count line ends outside quoted values.
 *
 * Each record is tried first by the fast route (`plainRecordEnd`), which the records of a plain
 * export take; a record it refuses is split again by the general route (`FieldSpans.split`), which
 * reads any quoting and field count, or says why the scan stops.
 */
export function scanInvoiceBytes(bytes: Uint8Array, aggregator: CustomerAggregator, options: ScanOptions, strings = new ScanStrings()): ScanOutcome {
	const { columns, last, onProgress, signal } = options;
	const n = bytes.length;
	const spans = new FieldSpans(columns.fieldCount);
	const reader = new RecordReader(bytes, aggregator, columns, strings);
	const used = new Set([columns.invoice, columns.stock, columns.quantity, columns.date, columns.price, columns.customer, columns.country]);
	const fast: FastFields = {
		stops: Array.from({ length: columns.fieldCount }, (_, k) => (used.has(k) ? USED_FIELD_STOPS : SKIPPED_FIELD_STOPS)),
		high: Int32Array.from({ length: columns.fieldCount }, (_, k) => (used.has(k) ? 0x80808080 : 0))
	};
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// Records that start before the last LF can take the fast route (see plainRecordEnd).
	const fastUntil = options.generalRouteOnly ? 0 : bytes.lastIndexOf(10);
	let row = options.firstRow - 1;
	let crlf = 0;
	let lf = 0;
	let i = 0;
	// The first report comes at the start, so a short warm-up file runs this branch too (warmUp.ts).
	let nextReport = 0;
	while (i < n || (last && i === n)) {
		if (i >= nextReport) {
			signal?.throwIfAborted();
			onProgress?.(i);
			nextReport = i + (4 << 20);
		}
		const recordStart = i;
		const lineEnd = i < fastUntil ? plainRecordEnd(bytes, view, i, fast, spans.starts, spans.ends) : -1;
		// The fast route's record, unless its line end is a CR alone (the general route stops there).
		if (lineEnd >= 0 && (bytes[lineEnd] === 10 || (lineEnd + 1 < n && bytes[lineEnd + 1] === 10))) {
			if (bytes[lineEnd] === 10) {
				lf++;
				i = lineEnd + 1;
			} else {
				crlf++;
				i = lineEnd + 2;
			}
			row++;
			if (i - recordStart > MAX_RECORD_CHARS) return stopped(bytes, SCAN_STOPS.tooLong, false);
			if (!blankRecord(bytes, spans.starts, spans.ends, columns.fieldCount)) reader.values(spans.starts, spans.ends, row);
			if (i === n && !last) break;
			continue;
		}
		i = spans.split(bytes, i, last);
		if (i < 0) return stopped(bytes, spans.stop ?? '', spans.cutInQuotes);
		if (spans.ended) {
			if (spans.crlf) crlf++;
			else lf++;
		}
		row++;
		if (i - recordStart > MAX_RECORD_CHARS) return stopped(bytes, SCAN_STOPS.tooLong, false);
		if (!blankRecord(bytes, spans.starts, spans.ends, spans.count)) {
			if (reader.simple(spans)) reader.values(spans.starts, spans.ends, row);
			else reader.decoded(spans, row);
		}
		if (!spans.ended) break;
		if (i === n && !last) break;
	}
	onProgress?.(n);
	return { ok: true, records: row - options.firstRow + 1, crlf, lf };
}
