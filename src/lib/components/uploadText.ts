/**
 * The words of the shared file upload (CsvDropZone): the line on a finished file, where the time
 * went, the progress bar, a problem by row, column and reason, and what is said when a file could
 * not be used, is held back, or is stopped. Pure: no DOM.
 */
import type { CsvJobFailure, CsvJobResult, FileNote, FileUsage, JobProgress } from '$lib/core/csv/types';
import type { RowIssue } from '$lib/core/schema';
import { countOf, formatCount, formatDuration } from './format';

/** What every file job reports back, besides its own results. */
export interface FileJobResult {
	fileName: string;
	issues: RowIssue[];
	issueCount: number;
	ignoredColumns: string[];
	missingOptional: string[];
	/** Whole-file notes (mixed line endings, duplicated columns, implausible rows, …). */
	notes?: FileNote[];
	/** How much of the file could be used; decides whether the result is held back. */
	usage?: FileUsage;
}

/** Said when a file is stopped before it was used. */
export const STOPPED = 'Stopped. The file was not used.';

function isCsvJobResult(r: FileJobResult): r is CsvJobResult {
	return 'goodRows' in r && 'timings' in r && 'scored' in r;
}

/** "1,200 rows scored, 3 rows with problems" for a CSV batch; "3 problems" for any other result. */
export function fileSummary(r: FileJobResult): string {
	if (!isCsvJobResult(r)) return `${countOf(r.issueCount, 'problem')}`;
	const bad = Math.max(0, r.totalRows - r.goodRows);
	return `${countOf(r.goodRows, 'row')} scored, ${countOf(bad, 'row')} with problems`;
}

/** "1,200 rows read in 850 ms, scored in 40 ms." for a CSV batch; nothing for any other result. */
export function timingSummary(r: FileJobResult): string {
	if (!isCsvJobResult(r)) return '';
	return `${countOf(r.totalRows, 'row')} read in ${formatDuration(r.timings.parseMs)}, scored in ${formatDuration(r.timings.scoreMs)}.`;
}

/** The progress bar's text: "Reading the file… 12,000 rows", then "Scoring 12,000 rows…". */
export function progressSummary(progress: JobProgress | null): string {
	if (!progress) return 'Starting…';
	const rows = formatCount(progress.rowsRead);
	return progress.stage === 'parsing' ? `Reading the file… ${rows} rows` : `Scoring ${rows} rows…`;
}

/** The tool's word for a row with a capital, as a line starts: "Row", "Line". */
export function capitalised(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One problem: "Row 4, column Price: not a number", or "Line 7: 3 fields, expected 5". */
export function issueText(issue: RowIssue, rowWord: string): string {
	const Row = capitalised(rowWord);
	return issue.column ? `${Row} ${issue.row}, column ${issue.column}: ${issue.reason}` : `${Row} ${issue.row}: ${issue.reason}`;
}

/** A job that threw instead of reporting: said as a failure of the file, with the error's words. */
export function internalFailure(err: unknown): CsvJobFailure {
	const detail = err instanceof Error ? err.message : String(err);
	return { kind: 'internal', message: `Something went wrong while reading the file (${detail}). Please try again.` };
}

/** The missing columns a failure's message does not already name, or none. */
export function missingNotInMessage(failure: CsvJobFailure): string[] {
	const missing = failure.missing ?? [];
	return missing.every((m) => failure.message.includes(m)) ? [] : missing;
}

/**
 * The problems of a file that could not be used, to be listed under its message, with the line
 * above them; null when there are none, or when the message already says the only one.
 */
export function failureProblems(failure: CsvJobFailure): { heading: string; issues: RowIssue[] } | null {
	const listed = failure.issues ?? [];
	if (!listed.length || (listed.length === 1 && failure.message.includes(listed[0].reason))) return null;
	const count = Math.max(failure.issueCount ?? 0, listed.length);
	const heading =
		count === 1 ? 'The problem:' : `Problems by row (${countOf(count, 'problem')}${count > listed.length ? `, the first ${listed.length} listed` : ''}):`;
	return { heading, issues: listed };
}

/** The line above the first problems of a held-back result. */
export function heldProblemsHeading(issueCount: number): string {
	return issueCount === 1 ? 'The problem:' : `The first of ${countOf(issueCount, 'problem')}:`;
}

/** Said when a result is held back: its title first. */
export function heldAnnouncement(fileName: string, title: string): string {
	return `${fileName}: ${title}. The result is not shown unless you ask for it.`;
}

/** Said when the person keeps what is on screen rather than a held-back result. */
export function keptAnnouncement(previousFile: string | undefined): string {
	return previousFile ? `Kept the results from ${previousFile}.` : 'The file was not used.';
}

/** Where the results on screen come from, when a later file did not replace them. */
export function stillFrom(previousFile: string): string {
	return `The results below are still from ${previousFile}.`;
}
