/**
 * Strings made once per distinct value straight from a file's bytes, for the segments byte scan
 * (byteScan.ts): the interner and the texts of one reader. Pure, no DOM.
 */

/**
 * Strings made from bytes once per distinct value: an open-addressing table keyed by the bytes.
 * Each slot holds a hash and a number side by side in one Int32Array, so a probe reads one small
 * array; the texts are kept by number, and their bytes in a pool, against which a candidate's bytes
 * are compared a 32-bit word at a time (a DataView on each). The fields it holds are a few bytes to a
 * few tens of bytes long, and a byte at a time was a good part of the scan's time.
 */
export class ByteInterner {
	/** Per slot: [hash, number + 1] (0: an empty slot). */
	private slots: Int32Array;
	private mask: number;
	/** Texts by number (their order of first meeting). */
	private readonly texts: string[] = [];
	/** The texts' bytes, one after another: text `n` starts at `poolStart[n]`. */
	private pool = new Uint8Array(1024);
	private poolView = new DataView(this.pool.buffer);
	private poolStart = new Int32Array(256);
	private poolEnd = 0;
	// The previous value's bytes and text: consecutive lines of one invoice repeat most fields, and
	// comparing with the previous bytes is cheaper than hashing.
	private lastBytes: Uint8Array | null = null;
	private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
	private lastStart = 0;
	private lastLength = -1;
	private lastText = '';
	private lastNumber = -1;
	/**
	 * The number of the text `get` returned last (0, 1, 2, … in the order texts are first met; -1 for
	 * ''), for a caller that keeps something per distinct text in an array instead of a Map.
	 */
	number = -1;

	/** `slots`: a power of two, about twice the distinct values expected (the table doubles when half full). */
	constructor(slots = 1024) {
		this.slots = new Int32Array(slots * 2);
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
		if (length === this.lastLength && sameBytes(this.view, start, this.view, this.lastStart, length)) {
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
		const slots = this.slots;
		let slot = hash & this.mask;
		for (;;) {
			const numbered = slots[2 * slot + 1];
			if (numbered === 0) break;
			if (slots[2 * slot] === hash) {
				const number = numbered - 1;
				const from = this.poolStart[number];
				const to = number + 1 < this.texts.length ? this.poolStart[number + 1] : this.poolEnd;
				if (to - from === length && sameBytes(this.view, start, this.poolView, from, length)) {
					this.number = number;
					return this.texts[number];
				}
			}
			slot = (slot + 1) & this.mask;
		}
		const text = asciiText(bytes, start, end);
		const number = this.texts.length;
		this.keep(bytes, start, end);
		this.texts.push(text);
		slots[2 * slot] = hash;
		slots[2 * slot + 1] = number + 1;
		this.number = number;
		if (this.texts.length * 2 > this.mask + 1) this.grow();
		return text;
	}

	/** Add a new text's bytes to the pool (`sameBytes` reads only within a value, so no slack is kept). */
	private keep(bytes: Uint8Array, start: number, end: number): void {
		const number = this.texts.length;
		if (number >= this.poolStart.length) {
			const starts = new Int32Array(this.poolStart.length * 2);
			starts.set(this.poolStart);
			this.poolStart = starts;
		}
		this.poolStart[number] = this.poolEnd;
		const needed = this.poolEnd + (end - start);
		if (needed > this.pool.length) {
			const pool = new Uint8Array(Math.max(needed, this.pool.length * 2));
			pool.set(this.pool.subarray(0, this.poolEnd));
			this.pool = pool;
			this.poolView = new DataView(pool.buffer);
		}
		// A loop: these values are short, and a subarray per value cost more than the copy.
		const pool = this.pool;
		let at = this.poolEnd;
		for (let k = start; k < end; k++) pool[at++] = bytes[k];
		this.poolEnd = at;
	}

	private grow(): void {
		const old = this.slots;
		const slots = new Int32Array(old.length * 2);
		const mask = old.length - 1;
		for (let k = 0; k < old.length; k += 2) {
			if (old[k + 1] === 0) continue;
			let slot = old[k] & mask;
			while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
			slots[2 * slot] = old[k];
			slots[2 * slot + 1] = old[k + 1];
		}
		this.slots = slots;
		this.mask = mask;
	}
}

/**
 * Whether the `length` bytes at `a` in `one` and at `b` in `other` are the same, compared a 32-bit
 * word at a time; the last word is the last four bytes (overlapping the one before), so no byte is
 * compared alone unless the value is shorter than a word.
 */
function sameBytes(one: DataView, a: number, other: DataView, b: number, length: number): boolean {
	if (length < 4) {
		for (let k = 0; k < length; k++) if (one.getUint8(a + k) !== other.getUint8(b + k)) return false;
		return true;
	}
	for (let k = 0; k < length - 4; k += 4) if (one.getInt32(a + k, true) !== other.getInt32(b + k, true)) return false;
	return one.getInt32(a + length - 4, true) === other.getInt32(b + length - 4, true);
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

/** The ASCII bytes from `start` to `end` as a string (the caller checked they are ASCII). */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
	if (end - start <= 64) {
		charCodes.length = end - start;
		for (let k = start; k < end; k++) charCodes[k - start] = bytes[k];
		return String.fromCharCode.apply(null, charCodes);
	}
	let text = '';
	for (let k = start; k < end; k += 4096) text += String.fromCharCode.apply(null, bytes.subarray(k, Math.min(end, k + 4096)) as unknown as number[]);
	return text;
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
