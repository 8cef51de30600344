/**
 * Whether a file's result may replace the result on screen without asking. A result built from a
 * small share of a file's rows (a quote never closed in row 3, a file whose line endings the reader
 * got wrong, a file of mostly broken lines) is a problem first: the page says what went wrong and
 * shows it only when the person asks. Used by the shared drop zone, so every tool gets it. Pure.
 */
import { formatCountPlain } from '../numberText';
import type { RowIssue } from '../schema';
import type { FileNote, FileUsage } from './types';

/** A result from fewer than this share of a file's rows is held back until the person asks for it. */
export const MIN_USED_SHARE = 0.5;

export interface HeldBack {
	/** A short first line, e.g. "Only 2 of 68 rows could be used". */
	title: string;
	/** What went wrong, the threshold, and the first problem by row. */
	message: string;
}

function plural(n: number, word: string): string {
	return `${formatCountPlain(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Null when the result may be shown; else why it is held back. `rowWord` is what the tool calls a
 * row ("row", "line"). The most telling cause comes first: a stop, an unclosed quote, then the
 * first problem listed.
 */
export function heldBack(usage: FileUsage | undefined, issues: readonly RowIssue[], notes: readonly FileNote[] = [], rowWord = 'row'): HeldBack | null {
	if (!usage) return null;
	const { rows, usedRows, complete } = usage;
	const share = rows > 0 ? usedRows / rows : 0;
	if (complete && share >= MIN_USED_SHARE) return null;
	const cause = notes.find((n) => n.kind === 'stopped') ?? notes.find((n) => n.kind === 'unclosed-quote');
	const first = issues[0];
	const firstProblem = first ? `The first problem: ${rowWord} ${formatCountPlain(first.row)}${first.column ? `, column ${first.column}` : ''}: ${first.reason}.` : '';
	const why = cause ? cause.text : firstProblem;
	if (!complete) {
		return {
			title: `Only part of the file was read`,
			message: `${why} A result from part of a file is not shown in place of the one on screen unless you ask for it.`
		};
	}
	const percent = share > 0 && share < 0.01 ? 'less than 1%' : `${Math.floor(share * 100)}%`;
	return {
		title: `Only ${formatCountPlain(usedRows)} of ${plural(rows, rowWord)} could be used`,
		message:
			`That is ${percent}, less than the ${Math.round(MIN_USED_SHARE * 100)}% a result needs to replace the one on screen without asking. ` +
			`${why}${cause && firstProblem && !cause.text.includes(`${rowWord} ${formatCountPlain(first.row)}`) ? ` ${firstProblem}` : ''}`
	};
}
