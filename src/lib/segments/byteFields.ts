/**
 * The general route of the segments byte scan (byteScan.ts): a record split byte by byte, whatever
 * its quoting and field count, with how each field is written (quoted, doubled quotes, non-ASCII
 * bytes), or the reason the scan stops, as the papaparse reader would read it. Pure, no DOM.
 */

/** Why the byte scan hands a file to the papaparse reader (for the result's "which reader ran"). */
export const SCAN_STOPS = {
	quoteInValue: 'a quote inside an unquoted value',
	textAfterQuote: 'text after a closing quote',
	bareCr: 'a line ending in CR alone',
	nul: 'a NUL byte',
	tooLong: 'a record over the length limit',
	unclosed: 'a quote never closed'
} as const;

export const QUOTED = 1;
export const DOUBLED_QUOTES = 2;
export const NON_ASCII = 4;

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

/** The fields of the record being read by the general route: where each starts and ends, and how it is written. */
export class FieldSpans {
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

/** Whether a record holds only blank fields (an empty line, or only empty cells): numbered but not read. */
export function blankRecord(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean {
	for (let k = 0; k < count; k++) if (!blankBytes(bytes, starts[k], ends[k])) return false;
	return true;
}
