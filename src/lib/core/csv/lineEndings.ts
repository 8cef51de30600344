/**
 * Line endings decided line by line. Files mix them more often than one would think: rows appended
 * with a Unix tool to a template saved on Windows give a CRLF header over an LF body; old Mac
 * exports end lines with CR alone. `LineEndings.push` turns every CRLF and every lone CR into LF
 * (as pandas reads them), so the parser only ever sees LF, and counts the line ends of each kind
 * outside quoted values (a line break inside a quoted value is part of the value, not a line end).
 * A CR at the end of a chunk is held back until the next chunk shows whether an LF follows it.
 * Pure, no DOM.
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

const CR_LF_OR_CR = /\r\n?/g;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class LineEndings {
	readonly counts: LineEndingCounts = { crlf: 0, lf: 0, cr: 0 };
	private heldCr = false;
	private inQuotes = false;
	/** A quote ended the previous chunk inside a quoted value: it closes the value unless the next character is a quote too. */
	private quoteAtEnd = false;
	/** The character before the current chunk (-1 at the start of the text). */
	private previous = -1;
	private readonly delimiter: number;

	/** `delimiter`: the field separator, so a quote is only taken to open a value at the start of a field (as the parser does). */
	constructor(delimiter: string) {
		this.delimiter = delimiter.charCodeAt(0);
	}

	/** The chunk with every line end as LF. Call with `final` true for the last chunk. */
	push(chunk: string, final: boolean): string {
		let text = this.heldCr ? '\r' + chunk : chunk;
		this.heldCr = false;
		if (!final && text.charCodeAt(text.length - 1) === CR) {
			this.heldCr = true;
			text = text.slice(0, -1);
		}
		if (text.length === 0) return text;
		this.count(text);
		this.previous = text.charCodeAt(text.length - 1);
		return text.indexOf('\r') === -1 ? text : text.replace(CR_LF_OR_CR, '\n');
	}

	/** Whether more than one kind of line end was seen. */
	get mixed(): boolean {
		const { crlf, lf, cr } = this.counts;
		return (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) > 1;
	}

	/** Count the line ends outside quotes, hopping from quote to quote with indexOf (no per-character loop). */
	private count(text: string): void {
		const n = text.length;
		let pos = 0;
		if (this.quoteAtEnd) {
			this.quoteAtEnd = false;
			if (text.charCodeAt(0) === QUOTE) pos = 1; // an escaped quote: still inside
			else this.inQuotes = false;
		}
		while (pos < n) {
			if (this.inQuotes) {
				const q = text.indexOf('"', pos);
				if (q === -1) return;
				if (q + 1 === n) {
					this.quoteAtEnd = true;
					return;
				}
				if (text.charCodeAt(q + 1) === QUOTE) {
					pos = q + 2;
					continue;
				}
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
			const end = q === -1 ? n : q;
			this.countRange(text, pos, end);
			if (q === -1) return;
			this.inQuotes = true;
			pos = q + 1;
		}
	}

	private countRange(text: string, from: number, to: number): void {
		let crlf = 0;
		let cr = 0;
		for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) {
			if (text.charCodeAt(i + 1) === LF) crlf++;
			else cr++;
		}
		let lf = 0;
		for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) lf++;
		this.counts.crlf += crlf;
		this.counts.cr += cr;
		this.counts.lf += lf - crlf;
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
