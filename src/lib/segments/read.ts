/**
 * Reading an invoice-lines CSV (text or a File/Blob) straight into a customer aggregator, without
 * building an object per line. The file is sniffed and its header matched with the shared CSV
 * pieces (core/csv/delimiter: binary check, delimiter and line-ending detection; core/csv/headers:
 * header matching; core/csv/intake: size limit, encoding), and split into records by papaparse's
 * incremental parser, chunk by chunk, like the shared intake. Each record goes to
 * `aggregator.addLine` and is dropped. Works in a Web Worker, on the main thread and in Node.
 *
 *   const read = await readInvoiceBlob(file, { onProgress, signal });
 *   if (!read.ok) show(read.failure.message);
 *   else if (read.aggregator.dateOrder === 'ambiguous') ask the user, then read.aggregator.finish({ dateOrder })
 *   else read.aggregator.finish();
 */
import Papa from 'papaparse';
import type { Parser, ParseResult } from 'papaparse';
import type { CsvJobFailure, JobProgress } from '../core/csv/types';
import { binaryKind, detectDelimiter, detectNewline, SAMPLE_CHARS, type Delimiter, type Newline } from '../core/csv/delimiter';
import { matchHeaders } from '../core/csv/headers';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_BYTES, blobTextChunks } from '../core/csv/intake';
import { createCustomerAggregator, type CustomerAggregator } from './features';
import { INVOICE_COLUMNS, invoiceLineSchema, type InvoiceColumn } from './schema';

export interface InvoiceReadOptions {
	/** Refuse larger inputs before reading them (bytes; for text, its length). Default 512 MB. */
	maxBytes?: number;
	/** Bytes (Blob) or characters (text) parsed at a time. Default 1 MB. */
	chunkSize?: number;
	/** Unreadable lines kept for the list (all are counted). Default 100. */
	maxIssues?: number;
	/** Called after each chunk; `fraction` is 0..1 of the input read. */
	onProgress?: (progress: JobProgress) => void;
	/** Aborting stops a Blob read between chunks (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
	/** When given, filled with the milliseconds spent reading the file, splitting records, and reading and cleaning lines. */
	timings?: ReadTimings;
	/** Called once the header is read, with what reading a later part of the file needs (Blob reads only). */
	onHeader?: (setup: InvoiceHeaderSetup) => void;
	/** Read a later part of a file: no header row; columns, delimiter and encoding as given. */
	part?: InvoiceHeaderSetup;
}

/** Where the reading time went (for the bench and the page's timing line). */
export interface ReadTimings {
	/** Waiting for the file's bytes and decoding them to text. */
	readMs: number;
	/** Splitting text into records and fields (papaparse). */
	parseMs: number;
	/** Reading the values of each line and applying the cleaning rules (the aggregator). */
	cleanMs: number;
}

/**
 * The largest file the tool reads on a device: a quarter of its memory (`navigator.deviceMemory`, in
 * GB, which browsers round down and cap at 8), at most 512 MB. Reading holds about 40 bytes per kept
 * line plus the text of one chunk, so a file of that size stays far below what the tab may use.
 */
export function invoiceFileLimit(deviceMemoryGb?: number): number {
	if (!deviceMemoryGb || !(deviceMemoryGb > 0)) return DEFAULT_MAX_BYTES;
	return Math.min(DEFAULT_MAX_BYTES, Math.floor((deviceMemoryGb * 1024 * 1024 * 1024) / 4));
}

export interface InvoiceReadSuccess {
	ok: true;
	/** Holds every line read; call `finish()` for the customer table. */
	aggregator: CustomerAggregator;
	delimiter: Delimiter;
	/** Numbers were read with a decimal comma allowed (semicolon- or tab-separated file). */
	decimalComma: boolean;
	/** Header text -> canonical key. */
	matchedColumns: Record<string, string>;
	/** Header cells that matched no column. */
	ignoredColumns: string[];
	/** Labels of optional columns the file lacks. */
	missingOptional: string[];
	/** Header cells naming a column an earlier cell already supplied (ignored). */
	duplicateColumns: string[];
	/** Records read, blank lines and the header included: the row number of the last one. */
	recordsRead: number;
	/** A quote opened and never closed (also listed as a problem). */
	unclosedQuote: boolean;
}

/** What reading a later part of a file needs from its header (sent to another thread). */
export interface InvoiceHeaderSetup {
	delimiter: Delimiter;
	newline: Newline;
	columns: Partial<Record<InvoiceColumn, number>>;
	fieldCount: number;
	decimalComma: boolean;
	/** The text encoding of the file. */
	encoding: string;
	matchedColumns: Record<string, string>;
	ignoredColumns: string[];
	missingOptional: string[];
	duplicateColumns: string[];
}

export type InvoiceReadResult = InvoiceReadSuccess | { ok: false; failure: CsvJobFailure };

function fail(kind: CsvJobFailure['kind'], message: string, extra: Partial<CsvJobFailure> = {}): { ok: false; failure: CsvJobFailure } {
	return { ok: false, failure: { kind, message, ...extra } };
}

function megabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
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

/** Records from papaparse's incremental parser; an unfinished last record waits for the next chunk. */
class RecordReader {
	private readonly parser: Parser;
	private partial = '';
	private recordIndex = 0;
	private aggregator: CustomerAggregator | null = null;
	failure: { ok: false; failure: CsvJobFailure } | null = null;
	success: InvoiceReadSuccess | null = null;
	unclosedQuote = false;

	constructor(
		private readonly delimiter: Delimiter,
		private readonly newline: Newline,
		private readonly maxIssues: number,
		/** Input size (bytes or characters), to size the line storage once. */
		private readonly inputSize: number,
		/** Set when sniffing doubted the text is a table: a header matching nothing then means "not a CSV". */
		private readonly doubt: string | null,
		private readonly timings: ReadTimings | undefined,
		private readonly onHeader?: (setup: Omit<InvoiceHeaderSetup, 'encoding'>) => void,
		part?: InvoiceHeaderSetup
	) {
		this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
		this.isPart = !!part;
		if (part) this.setUp(part.columns, part.fieldCount, part.decimalComma, part);
	}

	private readonly isPart: boolean;

	get linesRead(): number {
		return this.aggregator?.linesRead ?? 0;
	}

	push(text: string, final: boolean): void {
		const input = this.partial + text;
		const t0 = this.timings ? performance.now() : 0;
		const result = this.parser.parse(input, 0, !final) as ParseResult<string[]>;
		const t1 = this.timings ? performance.now() : 0;
		this.partial = final ? '' : input.substring(result.meta.cursor);
		if (final && result.errors.some((e) => e.code === 'MissingQuotes')) this.unclosedQuote = true;
		const records = result.data;
		for (let r = 0; r < records.length; r++) {
			const fields = records[r];
			const row = ++this.recordIndex;
			// Blank lines are skipped (the check stops at the first visible character).
			if (isBlankRecord(fields)) continue;
			const aggregator = this.aggregator;
			if (aggregator) aggregator.addLine(fields, row);
			else {
				this.readHeader(fields);
				if (this.failure) return;
			}
		}
		if (this.timings) {
			this.timings.parseMs += t1 - t0;
			this.timings.cleanMs += performance.now() - t1;
		}
	}

	private readHeader(cells: string[]): void {
		let end = cells.length;
		while (end > 1 && cells[end - 1].trim() === '') end--;
		const header = matchHeaders(cells.slice(0, end), invoiceLineSchema);
		if (Object.keys(header.matched).length === 0) {
			if (this.doubt) {
				this.failure = fail('not-csv', this.doubt);
				return;
			}
			let message = `None of the invoice-line columns were found; expected ${INVOICE_COLUMNS.join(', ')}.`;
			if (end === 1 && cells[0].length > 0) {
				message += ' The first line was read as a single column: columns must be separated by commas, semicolons or tabs.';
			}
			this.failure = fail('no-known-columns', message);
			return;
		}
		if (header.missingRequired.length > 0) {
			const missing = header.missingRequired;
			const named = missing.map((label) => {
				const key = invoiceLineSchema.columns.find((c) => c.label === label)?.key;
				return key && key !== label ? `${label} (${key})` : label;
			});
			this.failure = fail(
				'missing-columns',
				`The file is missing ${missing.length === 1 ? 'a required column' : `${missing.length} required columns`}: ${named.join(', ')}.`,
				{ missing }
			);
			return;
		}
		const columns: Partial<Record<InvoiceColumn, number>> = {};
		header.mapping.forEach((key, index) => {
			if (key !== null) columns[key as InvoiceColumn] = index;
		});
		const decimalComma = this.delimiter !== ',';
		const found = {
			matchedColumns: header.matched,
			ignoredColumns: header.unknown,
			missingOptional: header.missingOptional,
			duplicateColumns: header.duplicates.map((d) => d.header)
		};
		this.setUp(columns, header.mapping.length, decimalComma, found);
		this.onHeader?.({ delimiter: this.delimiter, newline: this.newline, columns, fieldCount: header.mapping.length, decimalComma, ...found });
	}

	private setUp(
		columns: Partial<Record<InvoiceColumn, number>>,
		fieldCount: number,
		decimalComma: boolean,
		found: Pick<InvoiceReadSuccess, 'matchedColumns' | 'ignoredColumns' | 'missingOptional' | 'duplicateColumns'>
	): void {
		this.aggregator = createCustomerAggregator({
			columns,
			fieldCount,
			decimalComma,
			maxIssues: this.maxIssues,
			// Online Retail lines average 89 bytes; a little spare room avoids one copy for shorter lines.
			expectedLines: this.inputSize / 80
		});
		this.success = {
			ok: true,
			aggregator: this.aggregator,
			delimiter: this.delimiter,
			decimalComma,
			matchedColumns: found.matchedColumns,
			ignoredColumns: found.ignoredColumns,
			missingOptional: found.missingOptional,
			duplicateColumns: found.duplicateColumns,
			recordsRead: 0,
			unclosedQuote: false
		};
	}

	finish(): InvoiceReadResult {
		if (this.failure) return this.failure;
		const success = this.success;
		if (!success) return fail('empty', BLANK_FILE);
		if (success.aggregator.linesRead === 0 && !this.isPart) return fail('empty', 'The file has a header row but no invoice lines below it.');
		success.recordsRead = this.recordIndex;
		success.unclosedQuote = this.unclosedQuote;
		if (this.unclosedQuote) {
			// The row that opened the quote swallowed the rest of the file (as one line, usually unreadable).
			success.aggregator.addIssue({
				row: this.recordIndex,
				column: null,
				reason: 'a quote (") opened in this row is never closed, so the rest of the file was read as one value'
			});
		}
		return success;
	}
}

/** Sniff the sample (text after any BOM) and set up the reader, or fail for the whole file. */
function start(
	sample: string,
	complete: boolean,
	maxIssues: number,
	inputSize: number,
	timings?: ReadTimings,
	onHeader?: (setup: Omit<InvoiceHeaderSetup, 'encoding'>) => void
): RecordReader | { ok: false; failure: CsvJobFailure } {
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
		delimiter = guess.delimiter ?? ',';
		doubt = guess.message;
	}
	return new RecordReader(delimiter, detectNewline(sample), maxIssues, inputSize, doubt, timings, onHeader);
}

/** Read invoice-lines CSV text (synchronous). */
export function readInvoiceText(text: string, options: InvoiceReadOptions = {}): InvoiceReadResult {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const chunkSize = Math.max(1024, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	if (text.length > maxBytes) return fail('too-large', `The file is ${megabytes(text.length)}; the limit is ${megabytes(maxBytes)}.`);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.length === 0) return fail('empty', EMPTY_FILE);
	const reader = start(text.slice(0, SAMPLE_CHARS), text.length <= SAMPLE_CHARS, options.maxIssues ?? 100, text.length, options.timings);
	if (!(reader instanceof RecordReader)) return reader;
	for (let at = 0; at < text.length && !reader.failure; at += chunkSize) {
		const end = Math.min(text.length, at + chunkSize);
		reader.push(text.slice(at, end), end === text.length);
		options.onProgress?.({ stage: 'parsing', fraction: end / text.length, rowsRead: reader.linesRead });
	}
	return reader.finish();
}

/**
 * Read an invoice-lines File/Blob chunk by chunk (the size limit is checked before anything is read;
 * a streaming TextDecoder keeps characters split across chunks whole).
 */
export async function readInvoiceBlob(blob: Blob, options: InvoiceReadOptions = {}): Promise<InvoiceReadResult> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const chunkSize = Math.max(SAMPLE_CHARS, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	const size = blob.size;
	if (size > maxBytes) {
		return fail('too-large', `The file is ${megabytes(size)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files.`);
	}
	if (size === 0) return fail('empty', EMPTY_FILE);
	const { signal, onProgress, part } = options;
	const maxIssues = options.maxIssues ?? 100;
	let reader: RecordReader | null = part ? new RecordReader(part.delimiter, part.newline, maxIssues, size, null, options.timings, undefined, part) : null;
	let sample = '';
	const timings = options.timings;
	let waitFrom = timings ? performance.now() : 0;
	for await (const chunk of blobTextChunks(blob, chunkSize, signal, part?.encoding)) {
		if (timings) timings.readMs += performance.now() - waitFrom;
		const { end, last, encoding } = chunk;
		let text = chunk.text;
		if (!reader) {
			sample += text;
			if (sample.length < SAMPLE_CHARS && !last) continue;
			const onHeader = options.onHeader && ((setup: Omit<InvoiceHeaderSetup, 'encoding'>) => options.onHeader?.({ ...setup, encoding }));
			const begun = start(sample.slice(0, SAMPLE_CHARS), last && sample.length <= SAMPLE_CHARS, maxIssues, size, timings, onHeader);
			if (!(begun instanceof RecordReader)) return begun;
			reader = begun;
			text = sample;
			sample = '';
		}
		reader.push(text, last);
		if (reader.failure) return reader.failure;
		onProgress?.({ stage: 'parsing', fraction: end / size, rowsRead: reader.linesRead });
		if (timings) waitFrom = performance.now();
	}
	signal?.throwIfAborted();
	if (!reader) return fail('empty', EMPTY_FILE);
	return reader.finish();
}
