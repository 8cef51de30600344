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
import { asciiText, ScanStrings } from './byteInterner';
import { blankRecord, DOUBLED_QUOTES, FieldSpans, NON_ASCII, SCAN_STOPS } from './byteFields';
import type { CustomerAggregator } from './features';
import type { UsedColumnPositions } from './schema';

export { SCAN_STOPS } from './byteFields';
export { ScanStrings } from './byteInterner';

/** Field positions of the used columns in a record (-1: the file has no Country column). */
export interface ByteColumns extends UsedColumnPositions {
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

// The bytes where the fast route stops looking along a field (1) and decides what to do: a comma,
// LF, CR, quote or NUL; in a field the analysis uses, also any byte from 128 (its text would need
// decoding). A field it does not use (the description) may hold UTF-8 text: only its end matters.
const SKIPPED_FIELD_STOPS = new Uint8Array(256);
SKIPPED_FIELD_STOPS[44] = SKIPPED_FIELD_STOPS[10] = SKIPPED_FIELD_STOPS[13] = SKIPPED_FIELD_STOPS[34] = SKIPPED_FIELD_STOPS[0] = 1;
const USED_FIELD_STOPS = SKIPPED_FIELD_STOPS.slice();
USED_FIELD_STOPS.fill(1, 128);

/**
 * Where the field from `i` ends: its first stop byte (`stops`: the field's table; `high`:
 * 0x80808080 when bytes from 128 stop it, else 0). The caller guarantees a stop byte before the end
 * of the bytes (an LF). Four bytes are tested at a time, read as one little-endian 32-bit word (the
 * first byte is the lowest), by the bit tricks of "Bit Twiddling Hacks": `(x - 0x01010101) & ~x`
 * flags a zero byte of `x`, so `w ^ 0x22222222` and `w ^ 0x2c2c2c2c` flag a quote and a comma;
 * `(w - 0x0e0e0e0e) & ~w` flags a byte below 14 (NUL, LF and CR among them); `w & high` a byte from
 * 128. A flag past a flagged byte may be false (a borrow), but the lowest flag never is, so a word
 * with no flag is passed whole and otherwise its first flagged byte is looked up in the table (a tab
 * is flagged but is not a stop, and the search goes on after it). The spaces of descriptions and
 * dates are not flagged. `wordsEnd`: where a word would run past the bytes; from there one byte at a
 * time.
 */
function fieldEnd(bytes: Uint8Array, view: DataView, i: number, wordsEnd: number, stops: Uint8Array, high: number): number {
	while (i < wordsEnd) {
		const w = view.getInt32(i, true);
		const quote = w ^ 0x22222222;
		const comma = w ^ 0x2c2c2c2c;
		const flagged = (((w - 0x0e0e0e0e) & ~w) | ((quote - 0x01010101) & ~quote) | ((comma - 0x01010101) & ~comma) | (w & high)) & 0x80808080;
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
