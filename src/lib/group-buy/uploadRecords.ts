/**
 * A group file's text as records: the delimiter its first line uses, line ends of every kind read
 * as line ends, and what the shared reader would say of each record (a NUL byte, a stray or
 * unclosed quote, a record too long to read). Pure TS, no DOM.
 */
import Papa from 'papaparse';
import type { FileNote } from '../core/csv/types';
import { LineEndings } from '../core/csv/lineEndings';
import { MAX_RECORD_CHARS, nulReason, spansLinesHint, streamNotes } from '../core/csv/messages';

/** Which delimiter the first line uses most (comma when none). */
export function sniffDelimiter(firstLine: string): string {
	const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 0 ? counts[0][0] : ',';
}

const NUL_REASON = nulReason('line');

/** A file's records and what the reader says of them. */
export interface Records {
	rows: string[][];
	/** Records that cannot be used (by index in `rows`), and why. */
	problems: Map<number, string>;
	/** Lines a quote never closed swallowed. */
	swallowedLines: number;
	/** The record where reading stopped (longer than the shared reader's limit), or null. */
	stoppedAt: number | null;
	notes: FileNote[];
}

/**
 * The parsed records with what the shared reader would say of them: a NUL byte, a record over
 * several lines (a stray quote), a quote never closed (the rest of the file swallowed), a record
 * longer than MAX_RECORD_CHARS (reading stops there). Record k is line k + 1 of the file.
 */
function readRecords(parsed: string[][], errors: Papa.ParseError[], text: string, endings: LineEndings): Records {
	const problems = new Map<number, string>();
	let swallowedLines = 0;
	let unclosed: { row: number; swallowedLines: number } | null = null;
	let stoppedAt: number | null = null;
	let rows = parsed;
	const unclosedAt = errors.find((e) => e.code === 'MissingQuotes')?.row;
	for (let k = 0; k < rows.length; k++) {
		const cells = rows[k];
		let length = 0;
		let lines = 0;
		let nul = false;
		for (const c of cells) {
			length += c.length + 1;
			if (c.includes('\0')) nul = true;
			for (let at = c.indexOf('\n'); at !== -1; at = c.indexOf('\n', at + 1)) lines++;
		}
		if (length > MAX_RECORD_CHARS) {
			stoppedAt = k + 1;
			rows = rows.slice(0, k);
			break;
		}
		if (k === unclosedAt && k > 0) {
			unclosed = { row: k + 1, swallowedLines: lines };
			swallowedLines = lines;
			problems.set(k, 'a quote (") opened in this line is never closed: the rest of the file was read as one value');
		} else if (nul) problems.set(k, NUL_REASON);
		else if (lines > 0 && k > 0) problems.set(k, `cannot be read${spansLinesHint(lines).replace(/^ \((.*)\)$/, ': $1')}`);
	}
	const lineEnds = (text.match(endings.newline === '\r\n' ? /\r\n/g : endings.newline === '\r' ? /\r/g : /\n/g) ?? []).length;
	return { rows, problems, swallowedLines, stoppedAt, notes: streamNotes(endings.countsFor(lineEnds), unclosed, stoppedAt) };
}

/** Parse a file's text (byte-order mark already removed) into records; line ends of every kind (CR LF, LF, CR alone, mixed) read as line ends, as the shared reader does. */
export function parseRecords(body: string, delimiter: string): Records {
	const endings = new LineEndings(delimiter);
	const normalised = endings.push(body, true);
	const parsed = Papa.parse<string[]>(normalised, { delimiter, newline: endings.newline, skipEmptyLines: 'greedy' });
	return readRecords(parsed.data, parsed.errors, normalised, endings);
}
