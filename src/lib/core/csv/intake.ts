/**
 * CSV intake for tools whose rows fit a schema: text or a Blob in, validated rows (or one clear
 * whole-file failure) out. The shared reader (reader.ts: delimiter, line endings, header, NUL
 * bytes, unclosed quotes; source.ts: what the bytes are, encoding, chunks) hands every record to a
 * row validator (validate.ts); after the last row, implausible values are screened out (screen.ts).
 * Bad rows are listed by row, column and reason; good rows are kept. `parseCsvBlob` never holds
 * more than one chunk of raw text at a time. Pure TS, no DOM.
 */
import type { ParsedRow, RowIssue, TableSchema } from '../schema';
import type { CsvJobFailure, FileNote, FileUsage, JobProgress } from './types';
import type { Delimiter } from './delimiter';
import { extraLinesIn, failure as makeFailure, spansLinesHint, tooLarge } from './messages';
import { CsvReader, type CsvLayout, type RecordSink } from './reader';
import { mergeIssues, screenRows } from './screen';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_BYTES, feedBlob, feedText, type Fed } from './source';
import { makeRowValidator, type RowValidator } from './validate';
import { implausibleNote, type ImplausibleCounts } from '../plausibility';

export { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_BYTES };
export const MAX_ISSUES = 100;

export interface IntakeOptions {
	/** Refuse larger inputs before reading them (bytes; for text, its length). Default 512 MB. */
	maxBytes?: number;
	/** Bytes (Blob) or characters (text) handed to the parser at a time. Default 1 MB. */
	chunkSize?: number;
	/** How many issues to keep (all are counted). Default 100. */
	maxIssues?: number;
	/** Called after each chunk; `fraction` is 0..1 of the input read. */
	onProgress?: (progress: JobProgress) => void;
	/** Aborting stops a Blob read between chunks (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
}

export interface IntakeSuccess {
	ok: true;
	/** Good rows in file order, every schema key present. */
	rows: ParsedRow[];
	/** Spreadsheet row number of each good row (header = 1). */
	rowNumbers: Int32Array;
	/** The first `maxIssues` problems, in row order. */
	issues: RowIssue[];
	issueCount: number;
	delimiter: Delimiter;
	/** The text encoding the file was read with. */
	encoding: string;
	/** Header text -> canonical key. */
	matchedColumns: Record<string, string>;
	/** Header cells that matched no column. */
	ignoredColumns: string[];
	/** Labels of optional columns the file lacks. */
	missingOptional: string[];
	/** Header cells naming a column an earlier cell already supplied. */
	duplicateColumns: string[];
	/** Non-blank data rows seen. */
	totalRows: number;
	/** Whole-file notes: encoding, mixed line endings, duplicated columns, an unclosed quote, implausible rows. */
	notes: FileNote[];
	/** How much of the file could be used. */
	usage: FileUsage;
}

export interface IntakeFailure {
	ok: false;
	failure: CsvJobFailure;
}

export type IntakeResult = IntakeSuccess | IntakeFailure;

/** Everything a successful intake reports besides its rows. */
export type IntakeReport = Omit<IntakeSuccess, 'ok' | 'rows' | 'rowNumbers'>;

/**
 * What every intake sink keeps besides its good rows: the problems (the first `maxIssues`, and how
 * many), the data rows seen, the lines swallowed by records that ran over several lines; and the
 * result they make once the file is read, whatever holds the rows.
 */
export abstract class IntakeTally implements RecordSink {
	protected validate: RowValidator | null = null;
	readonly rowNumbers: number[] = [];
	issues: RowIssue[] = [];
	issueCount = 0;
	totalRows = 0;
	/** Lines swallowed by wrong records that ran over several lines. */
	extraLines = 0;

	constructor(
		protected readonly schema: TableSchema,
		protected readonly maxIssues: number
	) {}

	/** Keep a row the validator accepted. */
	protected abstract keep(row: ParsedRow): void;

	protected addIssue(issue: RowIssue) {
		this.issueCount++;
		if (this.issues.length < this.maxIssues) this.issues.push(issue);
	}

	header(layout: CsvLayout): void {
		this.validate = makeRowValidator(this.schema, layout.mapping, { decimalComma: layout.decimalComma });
	}

	record(fields: string[], row: number): void {
		this.totalRows++;
		const check = (this.validate as RowValidator)(fields, row);
		if (check.row) {
			this.keep(check.row);
			this.rowNumbers.push(row);
			return;
		}
		// A wrong record over several lines swallowed them (a stray quote): say so, and count them.
		const extra = extraLinesIn(fields);
		this.extraLines += extra;
		for (const issue of check.issues) this.addIssue(extra > 0 && issue.column === null ? { ...issue, reason: issue.reason + spansLinesHint(extra) } : issue);
	}

	unreadable(issue: RowIssue): void {
		this.totalRows++;
		this.addIssue(issue);
	}

	/**
	 * After the last row and the screening: the failure when no row is left, naming the first
	 * problem, or everything a successful intake reports besides its rows.
	 */
	protected report(reader: CsvReader, fed: Fed, screened: { issues: RowIssue[]; counts: ImplausibleCounts }, usedRows: number): IntakeFailure | IntakeReport {
		const issues = mergeIssues(this.issues, screened.issues, this.maxIssues);
		const issueCount = this.issueCount + screened.issues.length;
		if (usedRows === 0) {
			const first = issues[0];
			const where = first ? ` First problem: row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.reason}.` : '';
			return {
				ok: false,
				failure: makeFailure('no-good-rows', `None of the ${this.totalRows} ${this.schema.rowNoun} could be used.${where}`, { issues, issueCount })
			};
		}
		const layout = reader.layout as CsvLayout;
		const notes = [...fed.notes, ...reader.notes()];
		const implausible = implausibleNote(screened.counts);
		if (implausible) notes.push({ kind: 'implausible', text: implausible });
		return {
			issues,
			issueCount,
			delimiter: layout.delimiter,
			encoding: fed.encoding,
			matchedColumns: layout.matchedColumns,
			ignoredColumns: layout.ignoredColumns,
			missingOptional: layout.missingOptional,
			duplicateColumns: layout.duplicates.map((d) => d.header),
			totalRows: this.totalRows,
			notes,
			usage: {
				rows: this.totalRows + this.extraLines + (reader.unclosedQuote?.swallowedLines ?? 0),
				usedRows,
				complete: reader.stoppedAt === null
			}
		};
	}

	/** The failure for a file with a header row and nothing below it. */
	protected empty(): IntakeFailure {
		return { ok: false, failure: makeFailure('empty', `The file has a header row but no ${this.schema.rowNoun} below it.`) };
	}
}

/** Validates each record against the schema, keeping good rows as objects and listing problems. */
class RowIntake extends IntakeTally {
	readonly rows: ParsedRow[] = [];

	protected keep(row: ParsedRow): void {
		this.rows.push(row);
	}

	/** The result once the reader has read everything (without a whole-file failure). */
	finish(reader: CsvReader, fed: Fed): IntakeResult {
		if (this.totalRows === 0) return this.empty();
		const screened = screenRows(this.rows, this.rowNumbers, this.schema);
		const report = this.report(reader, fed, screened, screened.rows.length);
		return 'failure' in report ? report : { ok: true, rows: screened.rows, rowNumbers: Int32Array.from(screened.rowNumbers), ...report };
	}
}

/** Where a reading's time went (milliseconds): waiting for bytes and decoding, splitting records, the sink. */
export interface ReadingTimings {
	readMs: number;
	parseMs: number;
	sinkMs: number;
}

/** How a tool with its own record sink (a streaming aggregator, …) has a file read: `IntakeOptions` and a few more. */
export interface SinkReadOptions extends IntakeOptions {
	/** Read a later part of a file: no header row; this layout, and this encoding for a Blob. */
	part?: { layout: CsvLayout; encoding: string };
	/** Called once the header is read, with the layout and the encoding (not for a part). */
	onHeader?: (layout: CsvLayout, encoding: string) => void;
	/** When given, the milliseconds of the reading are added to it. */
	timings?: ReadingTimings;
	/** Records handed over so far, for progress reports (default: the reader's row count). */
	rowsRead?: () => number;
}

/** A reading that went through: the reader (layout, rows, line ends, notes) and what fed it. */
export type SinkRead = { ok: true; reader: CsvReader; fed: Fed } | { ok: false; failure: CsvJobFailure };

/**
 * The shared reader around a tool's own sink: the size limit checked first, the reader set up (for a
 * part, with its layout), fed chunk by chunk with progress and the abort signal, and the whole-file
 * failure (not text, empty, no header, …) when there is one. Every intake reads through this.
 */
function sinkReader(schema: TableSchema, sink: RecordSink, options: SinkReadOptions, size: number): { reader: CsvReader; progress: (fraction: number) => void; tally?: { parseMs: number; sinkMs: number } } | CsvJobFailure {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	if (size > maxBytes) return tooLarge(size, maxBytes);
	const tally = options.timings ? { parseMs: 0, sinkMs: 0 } : undefined;
	let reader: CsvReader | null = null;
	const onHeader = options.onHeader;
	const withHeader: RecordSink = onHeader
		? {
				header(layout) {
					sink.header?.(layout);
					onHeader(layout, (reader as CsvReader).encoding);
				},
				record: (fields, row) => sink.record(fields, row),
				...(sink.line ? { line: sink.line.bind(sink) } : {}),
				unreadable: (issue) => sink.unreadable(issue)
			}
		: sink;
	reader = new CsvReader(schema, withHeader, { part: options.part?.layout, timings: tally });
	if (options.part) reader.encoding = options.part.encoding;
	const r = reader;
	const rowsRead = options.rowsRead ?? (() => r.recordsRead);
	return { reader, tally, progress: (fraction) => options.onProgress?.({ stage: 'parsing', fraction, rowsRead: rowsRead() }) };
}

function settled(reader: CsvReader, fed: Fed, options: SinkReadOptions, tally?: { parseMs: number; sinkMs: number }): SinkRead {
	if (options.timings && tally) {
		options.timings.parseMs += tally.parseMs;
		options.timings.sinkMs += tally.sinkMs;
	}
	const failed = fed.failure ?? reader.finish();
	return failed ? { ok: false, failure: failed } : { ok: true, reader, fed };
}

/** Read CSV text into a sink (synchronous). */
export function readTextInto(text: string, schema: TableSchema, sink: RecordSink, options: SinkReadOptions = {}): SinkRead {
	const set = sinkReader(schema, sink, options, text.length);
	if (!('reader' in set)) return { ok: false, failure: set };
	const fed = feedText(text, set.reader, { chunkSize: options.chunkSize, onProgress: set.progress });
	return settled(set.reader, fed, options, set.tally);
}

/** Read a File/Blob into a sink chunk by chunk (never more than one chunk of text held at a time). */
export async function readBlobInto(blob: Blob, schema: TableSchema, sink: RecordSink, options: SinkReadOptions = {}): Promise<SinkRead> {
	const set = sinkReader(schema, sink, options, blob.size);
	if (!('reader' in set)) return { ok: false, failure: set };
	const fed = await feedBlob(blob, set.reader, {
		chunkSize: options.chunkSize,
		signal: options.signal,
		encoding: options.part?.encoding,
		timings: options.timings,
		onProgress: set.progress
	});
	return settled(set.reader, fed, options, set.tally);
}

/** Parse and validate CSV text (synchronous). */
export function parseCsvText(text: string, schema: TableSchema, options: IntakeOptions = {}): IntakeResult {
	const intake = new RowIntake(schema, options.maxIssues ?? MAX_ISSUES);
	const read = readTextInto(text, schema, intake, { ...options, rowsRead: () => intake.totalRows });
	return read.ok ? intake.finish(read.reader, read.fed) : read;
}

/**
 * Parse and validate a File/Blob chunk by chunk. The size limit is checked before anything is read.
 * Works in a Web Worker, on the main thread and in Node (Blob.slice + arrayBuffer + TextDecoder).
 */
export async function parseCsvBlob(blob: Blob, schema: TableSchema, options: IntakeOptions = {}): Promise<IntakeResult> {
	const intake = new RowIntake(schema, options.maxIssues ?? MAX_ISSUES);
	const read = await readBlobInto(blob, schema, intake, { ...options, rowsRead: () => intake.totalRows });
	return read.ok ? intake.finish(read.reader, read.fed) : read;
}
