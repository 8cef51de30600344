/**
 * Line endings decided line by line. Files mix them more often than one would think: rows appended
 * with a Unix tool to a template saved on Windows give a CRLF header over an LF body; old Mac
 * exports end lines with CR alone. `LineEndings.push` looks at each chunk's line ends outside quoted
 * values (a line break inside a quoted value is part of the value, not a line end): when they are
 * all of one kind, the chunk goes to the parser as it is, with that line end (`newline`), so a
 * CRLF, LF or CR file costs no copy; when a chunk mixes them, every CRLF and lone CR in it becomes
 * LF (as pandas reads them) and the parser splits on LF. It counts CRLF and CR line ends; LF ends
 * are the parser's line ends minus those (`countsFor`), so a file without CRs costs one
 * `indexOf('\r')` and a hop from quote to quote per chunk. A CR at the end of a chunk is held back
 * until the next chunk shows whether an LF follows it. Pure, no DOM.
 */
import { formatCountPlain } from '../numberText';

export interface LineEndingCounts {
	/** Lines ending in CR LF (Windows). */
	crlf: number;
	/** Lines ending in LF alone (Unix, macOS). */
	lf: number;
	/** Lines ending in CR alone (classic Mac OS). */
	cr: number;
}

export type Newline = '\n' | '\r\n' | '\r';

const QUOTE = 34;
const LF = 10;
const CR = 13;

function countOf(text: string, char: string, from = 0, to = text.length): number {
	let n = 0;
	for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) n++;
	return n;
}

export class LineEndings {
	/** The line end the text returned by the last `push` uses. */
	newline: Newline = '\n';
	/** CRLF and lone-CR line ends outside quotes so far. */
	private crlf = 0;
	private cr = 0;
	private heldCr = false;
	private inQuotes = false;
	/** A quote ended the previous chunk inside a quoted value: it closes the value unless the next character is a quote too. */
	private quoteAtEnd = false;
	/** The character before the current chunk (-1 at the start of the text). */
	private previous = -1;
	private readonly delimiter: number;
	/** While counting a chunk: line breaks inside quoted values (CRLF, lone CR, lone LF). */
	private inside = { crlf: 0, cr: 0, lf: 0 };

	/** `delimiter`: the field separator, so a quote is only taken to open a value at the start of a field (as the parser does). */
	constructor(delimiter: string) {
		this.delimiter = delimiter.charCodeAt(0);
	}

	/** The chunk, as the parser should read it with `newline`. Call with `final` true for the last chunk. */
	push(chunk: string, final: boolean): string {
		let text = this.heldCr ? '\r' + chunk : chunk;
		this.heldCr = false;
		if (!final && text.charCodeAt(text.length - 1) === CR) {
			this.heldCr = true;
			text = text.slice(0, -1);
		}
		if (text.length === 0) return text;
		const hasCr = text.indexOf('\r') !== -1;
		this.inside = { crlf: 0, cr: 0, lf: 0 };
		this.trackQuotes(text, hasCr);
		this.previous = text.charCodeAt(text.length - 1);
		if (!hasCr) {
			this.newline = '\n';
			return text;
		}
		// Line ends outside quotes, by kind: all of them minus those inside quoted values.
		let crlfAll = 0;
		let crAll = 0;
		for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
			if (text.charCodeAt(i + 1) === LF) crlfAll++;
			else crAll++;
		}
		const lfAll = countOf(text, '\n') - crlfAll;
		const crlf = crlfAll - this.inside.crlf;
		const cr = crAll - this.inside.cr;
		const lf = lfAll - this.inside.lf;
		this.crlf += crlf;
		this.cr += cr;
		const kinds = (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) + (lf > 0 ? 1 : 0);
		if (kinds === 1) {
			this.newline = crlf > 0 ? '\r\n' : cr > 0 ? '\r' : '\n';
			return text;
		}
		if (kinds === 0) return text; // no line end outside quotes: the parser's newline does not matter
		this.newline = '\n';
		return text.replace(/\r\n?/g, '\n');
	}

	/** The line ends by kind, given how many line ends the parser found in all (its records - 1). */
	countsFor(lineEnds: number): LineEndingCounts {
		return { crlf: this.crlf, lf: Math.max(0, lineEnds - this.crlf - this.cr), cr: this.cr };
	}

	/**
	 * Follow quoted values through the chunk, hopping from quote to quote with indexOf (no per-character
	 * loop), and with `countInside`, count the line breaks inside them.
	 */
	private trackQuotes(text: string, countInside: boolean): void {
		const n = text.length;
		let pos = 0;
		if (this.quoteAtEnd) {
			this.quoteAtEnd = false;
			if (text.charCodeAt(0) === QUOTE) pos = 1; // an escaped quote: still inside
			else this.inQuotes = false;
		}
		let openedAt = 0;
		while (pos < n) {
			if (this.inQuotes) {
				const q = text.indexOf('"', pos);
				if (q === -1 || q + 1 === n) {
					if (q !== -1) this.quoteAtEnd = true;
					if (countInside) this.countInside(text, openedAt, n);
					return;
				}
				if (text.charCodeAt(q + 1) === QUOTE) {
					pos = q + 2;
					continue;
				}
				if (countInside) this.countInside(text, openedAt, q);
				this.inQuotes = false;
				pos = q + 1;
				continue;
			}
			let q = text.indexOf('"', pos);
			// A quote opens a value only at the start of a field; elsewhere it is an ordinary character.
			while (q !== -1) {
				const before = q === 0 ? this.previous : text.charCodeAt(q - 1);
				if (before === -1 || before === LF || before === CR || before === this.delimiter) break;
				q = text.indexOf('"', q + 1);
			}
			if (q === -1) return;
			this.inQuotes = true;
			openedAt = q;
			pos = q + 1;
		}
	}

	/** Count the line breaks in text[from, to), inside one quoted value. */
	private countInside(text: string, from: number, to: number): void {
		let crlf = 0;
		let cr = 0;
		for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) {
			if (text.charCodeAt(i + 1) === LF) crlf++;
			else cr++;
		}
		this.inside.crlf += crlf;
		this.inside.cr += cr;
		this.inside.lf += countOf(text, '\n', from, to) - crlf;
	}
}

/** One sentence on mixed line endings, or null when the file uses one kind. */
export function lineEndingNote(counts: LineEndingCounts): string | null {
	const kinds = [
		{ n: counts.crlf, label: 'CR LF (Windows)' },
		{ n: counts.lf, label: 'LF (Unix, macOS)' },
		{ n: counts.cr, label: 'CR alone (old Mac)' }
	].filter((k) => k.n > 0);
	if (kinds.length < 2) return null;
	const parts = kinds.map(({ n, label }, i) => {
		const lines = `${formatCountPlain(n)} line${n === 1 ? '' : 's'}`;
		return i === 0 ? `${lines} ${n === 1 ? 'ends' : 'end'} with ${label}` : `${lines} with ${label}`;
	});
	return `The line endings are mixed: ${parts.join(', ')}. Every one was read as the end of a line.`;
}
