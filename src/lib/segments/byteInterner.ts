/**
 * Strings made once per distinct value straight from a file's bytes, for the segments byte scan
 * (byteScan.ts): the interner and the texts of one reader. Pure, no DOM.
 */

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
