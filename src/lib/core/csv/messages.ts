/**
 * The words of CSV intake: whole-file failures, and notes on how a file was read (mixed line
 * endings, a quote never closed, reading stopped early), and the limits they name. Pure, no DOM.
 */
import { formatCountPlain } from '../numberText';
import { lineEndingNote, type LineEndingCounts } from './lineEndings';
import type { CsvJobFailure, FileNote } from './types';

/** Columns a header may have: the most a spreadsheet holds (Excel: 16,384, column XFD). */
export const MAX_COLUMNS = 16_384;
/** Characters one record may span (1 MiB): beyond, the rest of the file is not read. */
export const MAX_RECORD_CHARS = 1 << 20;

export const EMPTY_FILE = 'The file is empty (0 bytes).';
export const BLANK_FILE = 'The file contains only blank lines or spaces: there is no header row and no data.';

/** Why a record holding a NUL byte was left out; `unit` is what the page calls a record (row, line). */
export function nulReason(unit: 'row' | 'line' = 'row'): string {
	return `contains a NUL character (a zero byte), which text never holds: the file may be damaged there, so the ${unit} was left out`;
}

export function failure(kind: CsvJobFailure['kind'], message: string, extra: Partial<CsvJobFailure> = {}): CsvJobFailure {
	return { kind, message, ...extra };
}

export function megabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}

export function tooLarge(size: number, maxBytes: number): CsvJobFailure {
	return failure('too-large', `The file is ${megabytes(size)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files.`);
}

/** How many times `char` occurs in `text`. */
export function countChar(text: string, char: string): number {
	let n = 0;
	for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
	return n;
}

/**
 * Extra lines a record spans (line breaks inside its values), for a record that turned out wrong:
 * a quote opened where it should not be swallows the lines up to the next quote. 0 for one line.
 */
export function extraLinesIn(fields: readonly string[]): number {
	let n = 0;
	for (const f of fields) {
		if (f.indexOf('\n') !== -1) n += countChar(f, '\n');
		if (f.indexOf('\r') !== -1) n += countChar(f, '\r') - countChar(f, '\r\n');
	}
	return n;
}

/** The words added to the reason of a wrong record that spans several lines. */
export function spansLinesHint(extraLines: number): string {
	return extraLines === 0 ? '' : ` (it runs over ${formatCountPlain(extraLines + 1)} lines: a quote (") in it is probably unbalanced)`;
}

/** Notes on how a file (or the parts of a file read apart, merged) was read. */
export function streamNotes(
	lineEndings: LineEndingCounts,
	unclosedQuote: { row: number; swallowedLines: number } | null,
	stoppedAt: number | null
): FileNote[] {
	const notes: FileNote[] = [];
	const endings = lineEndingNote(lineEndings);
	if (endings) notes.push({ kind: 'line-endings', text: endings });
	if (unclosedQuote) {
		const { row, swallowedLines } = unclosedQuote;
		notes.push({
			kind: 'unclosed-quote',
			text:
				swallowedLines === 0
					? `A quote (") opened in row ${formatCountPlain(row)} is never closed: the file ends inside it (was it cut short?). That row was left out.`
					: `A quote (") opened in row ${formatCountPlain(row)} is never closed, so the ${formatCountPlain(swallowedLines)} line${swallowedLines === 1 ? '' : 's'} after it were read as one value and could not be used.`
		});
	}
	if (stoppedAt !== null) {
		notes.push({
			kind: 'stopped',
			text: `Reading stopped at row ${formatCountPlain(stoppedAt)}, which runs on for more than ${formatCountPlain(MAX_RECORD_CHARS)} characters: the rows before it were read, the rest of the file was not.`
		});
	}
	return notes;
}
