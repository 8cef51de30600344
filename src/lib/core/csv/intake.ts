/**
 * CSV intake: text or a Blob in, validated rows (or one clear whole-file failure) out.
 *
 * Both entry points share one core: sniff the start of the file (binary? delimiter? line ending?),
 * then stream the text through papaparse's incremental parser in chunks, match the header row to the
 * schema, and validate every data row. `parseCsvBlob` reads the Blob slice by slice with a streaming
 * TextDecoder (so multi-byte characters split across chunks decode correctly), works the same in a
 * Web Worker, the main thread and Node, and never holds more than one chunk of raw text at a time.
 * Pure TS, no DOM.
 */
import Papa from 'papaparse';
import type { Parser, ParseResult } from 'papaparse';
import type { ParsedRow, RowIssue, TableSchema } from '../schema';
import type { CsvJobFailure, JobProgress } from './types';
import { matchHeaders } from './headers';
import { binaryKind, detectDelimiter, detectNewline, SAMPLE_CHARS, type Delimiter, type Newline } from './delimiter';
import { makeRowValidator, type RowValidator } from './validate';

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
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
}

export interface IntakeFailure {
	ok: false;
	failure: CsvJobFailure;
}

export type IntakeResult = IntakeSuccess | IntakeFailure;

function fail(kind: CsvJobFailure['kind'], message: string, extra: Partial<CsvJobFailure> = {}): IntakeFailure {
	return { ok: false, failure: { kind, message, ...extra } };
}

function megabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}

function tooLarge(size: number, maxBytes: number): IntakeFailure {
	return fail('too-large', `The file is ${megabytes(size)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files.`);
}

const EMPTY_FILE = 'The file is empty (0 bytes).';
const BLANK_FILE = 'The file contains only blank lines or spaces: there is no header row and no data.';

function isBlankRecord(fields: readonly string[]): boolean {
	for (const field of fields) {
		for (let i = 0; i < field.length; i++) {
			const c = field.charCodeAt(i);
			if (c !== 32 && c !== 9 && c !== 13 && c !== 160 && c !== 0xfeff) return false;
		}
	}
	return true;
}

/** Papaparse's incremental parser fed chunk by chunk; an unfinished last record waits for the next chunk. */
class RecordStream {
	private readonly parser: Parser;
	private partial = '';
	/** Set when a quoted value was still open at the end of the input. */
	unclosedQuote = false;

	constructor(delimiter: Delimiter, newline: Newline) {
		this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
	}

	push(text: string, final: boolean): string[][] {
		const input = this.partial + text;
		const result = this.parser.parse(input, 0, !final) as ParseResult<string[]>;
		this.partial = final ? '' : input.substring(result.meta.cursor);
		if (final && result.errors.some((e) => e.code === 'MissingQuotes')) this.unclosedQuote = true;
		return result.data;
	}
}

/** Header matching and row validation over a stream of records. */
class RowIntake {
	private validate: RowValidator | null = null;
	private header: ReturnType<typeof matchHeaders> | null = null;
	private recordIndex = 0;
	private lastRowNumber = 0;
	readonly rows: ParsedRow[] = [];
	private readonly rowNumbers: number[] = [];
	readonly issues: RowIssue[] = [];
	issueCount = 0;
	totalRows = 0;
	failure: IntakeFailure | null = null;

	constructor(
		private readonly schema: TableSchema,
		private readonly delimiter: Delimiter,
		private readonly maxIssues: number,
		/** When sniffing doubted this is a table: a header that matches nothing means "not a CSV". */
		private readonly doubt: string | null
	) {}

	private addIssue(issue: RowIssue) {
		this.issueCount++;
		if (this.issues.length < this.maxIssues) this.issues.push(issue);
	}

	private readHeader(cells: string[]) {
		let end = cells.length;
		while (end > 1 && cells[end - 1].trim() === '') end--;
		const header = matchHeaders(cells.slice(0, end), this.schema);
		if (Object.keys(header.matched).length === 0) {
			if (this.doubt) {
				this.failure = fail('not-csv', this.doubt);
				return;
			}
			const expected = this.schema.columns.filter((c) => c.required).concat(this.schema.columns.filter((c) => !c.required));
			const examples = expected.slice(0, 4).map((c) => c.key);
			let message = `None of the expected columns were found; expected e.g. ${examples.join(', ')}${expected.length > 4 ? ', …' : ''} (the template lists them all).`;
			if (end === 1 && cells[0].length > 0) {
				message += ' The first line was read as a single column: columns must be separated by commas, semicolons or tabs.';
			}
			this.failure = fail('no-known-columns', message);
			return;
		}
		if (header.missingRequired.length > 0) {
			const missing = header.missingRequired;
			const named = missing.map((label) => {
				const key = this.schema.columns.find((c) => c.label === label)?.key;
				return key && key !== label ? `${label} (${key})` : label;
			});
			this.failure = fail(
				'missing-columns',
				`The file is missing ${missing.length === 1 ? 'a required column' : `${missing.length} required columns`}: ${named.join(', ')}.`,
				{ missing }
			);
			return;
		}
		this.header = header;
		this.validate = makeRowValidator(this.schema, header.mapping, { decimalComma: this.delimiter !== ',' });
	}

	/** Feed parsed records; stops (and sets `failure`) at a bad header. */
	add(records: string[][]) {
		for (let r = 0; r < records.length && !this.failure; r++) {
			const fields = records[r];
			const rowNumber = ++this.recordIndex;
			// Blank lines (and rows of empty cells) are skipped; the check stops at the first visible character.
			if (isBlankRecord(fields)) continue;
			const validate = this.validate;
			if (!validate) {
				this.readHeader(fields);
				continue;
			}
			this.totalRows++;
			this.lastRowNumber = rowNumber;
			const check = validate(fields, rowNumber);
			if (check.row) {
				this.rows.push(check.row);
				this.rowNumbers.push(rowNumber);
			} else for (const issue of check.issues) this.addIssue(issue);
		}
	}

	finish(unclosedQuote: boolean): IntakeResult {
		if (this.failure) return this.failure;
		const header = this.header;
		if (!header) return fail('empty', BLANK_FILE);
		if (this.totalRows === 0) return fail('empty', `The file has a header row but no ${this.schema.rowNoun} below it.`);
		if (unclosedQuote) {
			// The row that opened the quote swallowed the rest of the file: it cannot count as good.
			if (this.rowNumbers.at(-1) === this.lastRowNumber) {
				this.rows.pop();
				this.rowNumbers.pop();
			}
			this.addIssue({
				row: this.lastRowNumber,
				column: null,
				reason: 'a quote (") opened in this row is never closed, so the rest of the file was read as one value'
			});
		}
		if (this.rows.length === 0) {
			const first = this.issues[0];
			const where = first ? ` First problem: row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.reason}.` : '';
			return fail('no-good-rows', `None of the ${this.totalRows} ${this.schema.rowNoun} could be used.${where}`, {
				issues: this.issues,
				issueCount: this.issueCount
			});
		}
		return {
			ok: true,
			rows: this.rows,
			rowNumbers: Int32Array.from(this.rowNumbers),
			issues: this.issues,
			issueCount: this.issueCount,
			delimiter: this.delimiter,
			matchedColumns: header.matched,
			ignoredColumns: header.unknown,
			missingOptional: header.missingOptional,
			duplicateColumns: header.duplicates.map((d) => d.header),
			totalRows: this.totalRows
		};
	}
}

interface Started {
	intake: RowIntake;
	stream: RecordStream;
}

/** Sniff the sample (text after any BOM) and set up the parser, or fail for the whole file. */
function start(sample: string, complete: boolean, schema: TableSchema, maxIssues: number): Started | IntakeFailure {
	const binary = binaryKind(sample);
	if (binary === 'workbook') {
		return fail(
			'not-csv',
			'This looks like an Excel workbook (.xlsx or .xls), not a CSV file. In Excel, use File › Save As and choose “CSV UTF-8”.'
		);
	}
	if (binary === 'binary') return fail('not-csv', 'This file is not text (it contains binary data), so it cannot be read as a CSV.');
	const guess = detectDelimiter(sample, complete);
	let delimiter: Delimiter = ',';
	let doubt: string | null = null;
	if (guess.ok) delimiter = guess.delimiter;
	else if (guess.reason === 'blank' && complete) return fail('empty', BLANK_FILE);
	else if (guess.reason !== 'blank') {
		// Still read the header: a one-column file (or a table with a few stray delimiters) whose header
		// names schema columns is a table; anything else gets the sniffing message.
		delimiter = guess.delimiter ?? ',';
		doubt = guess.message;
	}
	return {
		intake: new RowIntake(schema, delimiter, maxIssues, doubt),
		stream: new RecordStream(delimiter, detectNewline(sample))
	};
}

/** Parse and validate CSV text (synchronous). */
export function parseCsvText(text: string, schema: TableSchema, options: IntakeOptions = {}): IntakeResult {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const chunkSize = Math.max(1024, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	if (text.length > maxBytes) return tooLarge(text.length, maxBytes);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.length === 0) return fail('empty', EMPTY_FILE);

	const started = start(text.slice(0, SAMPLE_CHARS), text.length <= SAMPLE_CHARS, schema, options.maxIssues ?? MAX_ISSUES);
	if (!('intake' in started)) return started;
	const { intake, stream } = started;
	for (let at = 0; at < text.length && !intake.failure; at += chunkSize) {
		const end = Math.min(text.length, at + chunkSize);
		intake.add(stream.push(text.slice(at, end), end === text.length));
		options.onProgress?.({ stage: 'parsing', fraction: end / text.length, rowsRead: intake.totalRows });
	}
	return intake.finish(stream.unclosedQuote);
}

/**
 * The text encoding of a file from its first chunk: what a byte-order mark announces, else UTF-8 if
 * the bytes are valid UTF-8, else Windows-1252 (what older Excel writes as "CSV (Comma delimited)").
 */
export function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	try {
		// Streaming mode: a character cut at the end of the chunk is not an error.
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

/**
 * A File/Blob as decoded text, chunk by chunk: the encoding is taken from the first chunk
 * (`encodingOf`), a streaming decoder keeps characters split across chunks whole, and a leading
 * byte-order mark is dropped. Checks `signal` around every read. Shared by every tool's intake.
 */
export async function* blobTextChunks(
	blob: Blob,
	chunkSize: number,
	signal?: AbortSignal,
	/** Decode with this encoding instead of the one the first chunk suggests (a later part of a file). */
	encoding?: string
): AsyncGenerator<{ text: string; end: number; last: boolean; encoding: string }> {
	const size = blob.size;
	let decoder: TextDecoder | null = null;
	// The next chunk is requested before the current one is handed out, so reading the file (done
	// outside this thread) overlaps with the caller's work on the current chunk.
	const request = (at: number) => blob.slice(at, Math.min(size, at + chunkSize)).arrayBuffer();
	let pending: Promise<ArrayBuffer> | null = size > 0 ? request(0) : null;
	for (let at = 0; at < size; at += chunkSize) {
		signal?.throwIfAborted();
		const end = Math.min(size, at + chunkSize);
		const bytes = new Uint8Array(await (pending as Promise<ArrayBuffer>));
		pending = end < size ? request(end) : null;
		signal?.throwIfAborted();
		decoder ??= new TextDecoder(encoding ?? encodingOf(bytes));
		const last = end === size;
		let text = decoder.decode(bytes, { stream: !last });
		if (at === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		yield { text, end, last, encoding: decoder.encoding };
	}
}

/**
 * Parse and validate a File/Blob chunk by chunk. The size limit is checked before anything is read.
 * Works in a Web Worker, on the main thread and in Node (Blob.slice + arrayBuffer + TextDecoder).
 */
export async function parseCsvBlob(blob: Blob, schema: TableSchema, options: IntakeOptions = {}): Promise<IntakeResult> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const chunkSize = Math.max(SAMPLE_CHARS, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	const size = blob.size;
	if (size > maxBytes) return tooLarge(size, maxBytes);
	if (size === 0) return fail('empty', EMPTY_FILE);
	const { signal, onProgress } = options;

	let started: Started | null = null;
	let sample = '';
	for await (const chunk of blobTextChunks(blob, chunkSize, signal)) {
		const { end, last } = chunk;
		let text = chunk.text;
		if (!started) {
			sample += text;
			// Sniff once there is a full sample (or the whole file).
			if (sample.length < SAMPLE_CHARS && !last) continue;
			const begun = start(sample.slice(0, SAMPLE_CHARS), last && sample.length <= SAMPLE_CHARS, schema, options.maxIssues ?? MAX_ISSUES);
			if (!('intake' in begun)) return begun;
			started = begun;
			text = sample;
			sample = '';
		}
		started.intake.add(started.stream.push(text, last));
		if (started.intake.failure) return started.intake.failure;
		onProgress?.({ stage: 'parsing', fraction: end / size, rowsRead: started.intake.totalRows });
	}
	signal?.throwIfAborted();
	if (!started) return fail('empty', EMPTY_FILE);
	return started.intake.finish(started.stream.unclosedQuote);
}
