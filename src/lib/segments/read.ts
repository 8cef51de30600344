/**
 * Reading an invoice-lines CSV (text or a File/Blob) straight into a customer aggregator, without
 * building an object per line. The shared CSV reader (core/csv/reader and source: what the bytes
 * are, encoding, delimiter, line endings line by line, header matching, NUL bytes, unclosed quotes,
 * over-long records) hands each record to `aggregator.addLine`, which reads and cleans it at once.
 * Works in a Web Worker, on the main thread and in Node.
 *
 *   const read = await readInvoiceBlob(file, { onProgress, signal });
 *   if (!read.ok) show(read.failure.message);
 *   else if (read.aggregator.dateOrder === 'ambiguous') ask the user, then read.aggregator.finish({ dateOrder })
 *   else read.aggregator.finish();
 */
import type { LineEndingCounts } from '../core/csv/lineEndings';
import { readBlobInto, readTextInto, type ReadingTimings, type SinkRead, type SinkReadOptions } from '../core/csv/intake';
import { failure, streamNotes } from '../core/csv/messages';
import type { CsvLayout, RecordSink } from '../core/csv/reader';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_BYTES } from '../core/csv/source';
import type { CsvJobFailure, FileNote, JobProgress } from '../core/csv/types';
import type { RowIssue } from '../core/schema';
import { createCustomerAggregator, type CustomerAggregator } from './features';
import { invoiceLineSchema, type InvoiceColumn } from './schema';

export { DEFAULT_CHUNK_SIZE };

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
	/** Read a later part of a file: no header row; the layout and encoding of the file's first part. */
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
	delimiter: string;
	/** Numbers were read with a decimal comma allowed (semicolon- or tab-separated file). */
	decimalComma: boolean;
	/** The text encoding the file was read with. */
	encoding: string;
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
	/** A quote opened in `row` and never closed (also listed as a problem): the lines it swallowed. */
	unclosedQuote: { row: number; swallowedLines: number } | null;
	/** The row where reading stopped before the end of the file (a record over 1 MB), or null. */
	stoppedAt: number | null;
	/** Line ends by kind (outside quoted values). */
	lineEndings: LineEndingCounts;
	/** Notes on the encoding and the header (duplicated columns, …); see `invoiceReadNotes` for all. */
	headerNotes: FileNote[];
}

/** What reading a later part of a file needs from its header (sent to another thread). */
export interface InvoiceHeaderSetup {
	layout: CsvLayout;
	/** The text encoding of the file. */
	encoding: string;
}

export type InvoiceReadResult = InvoiceReadSuccess | { ok: false; failure: CsvJobFailure };

/** Every note on how a file was read: encoding, header, mixed line endings, an unclosed quote, a stop. */
export function invoiceReadNotes(read: InvoiceReadSuccess): FileNote[] {
	return [...read.headerNotes, ...streamNotes(read.lineEndings, read.unclosedQuote, read.stoppedAt)];
}

/** A customer aggregator for a file of this layout (`inputSize` in bytes or characters sizes its storage once). */
export function aggregatorForLayout(layout: CsvLayout, maxIssues: number, inputSize: number): CustomerAggregator {
	const columns: Partial<Record<InvoiceColumn, number>> = {};
	layout.mapping.forEach((key, index) => {
		if (key !== null) columns[key as InvoiceColumn] = index;
	});
	return createCustomerAggregator({
		columns,
		fieldCount: layout.mapping.length,
		decimalComma: layout.decimalComma,
		maxIssues,
		// Online Retail lines average 89 bytes; a little spare room avoids one copy for shorter lines.
		expectedLines: inputSize / 80
	});
}

/** Hands the reader's records to a customer aggregator made from the header's layout. */
class InvoiceSink implements RecordSink {
	aggregator: CustomerAggregator | null = null;

	constructor(
		private readonly maxIssues: number,
		/** Input size (bytes or characters), to size the line storage once. */
		private readonly inputSize: number
	) {}

	header(layout: CsvLayout): void {
		this.aggregator = aggregatorForLayout(layout, this.maxIssues, this.inputSize);
	}

	record(fields: string[], row: number): void {
		(this.aggregator as CustomerAggregator).addLine(fields, row);
	}

	unreadable(issue: RowIssue): void {
		(this.aggregator as CustomerAggregator).addUnreadable(issue);
	}
}

/** The core intake's options for this reading (a part's layout, the header hook, timings, progress by lines read). */
function intakeOptions(options: InvoiceReadOptions, sink: InvoiceSink): { sinkOptions: SinkReadOptions; timings?: ReadingTimings } {
	const timings = options.timings ? { readMs: 0, parseMs: 0, sinkMs: 0 } : undefined;
	if (options.part) sink.header(options.part.layout);
	const onHeader = options.onHeader;
	return {
		timings,
		sinkOptions: {
			maxBytes: options.maxBytes,
			chunkSize: options.chunkSize,
			maxIssues: options.maxIssues,
			signal: options.signal,
			part: options.part,
			timings,
			onHeader: onHeader && ((layout, encoding) => onHeader({ layout, encoding })),
			rowsRead: () => sink.aggregator?.linesRead ?? 0,
			onProgress: options.onProgress
		}
	};
}

function finish(sink: InvoiceSink, read: SinkRead, options: InvoiceReadOptions, timings?: ReadingTimings): InvoiceReadResult {
	if (options.timings && timings) {
		options.timings.readMs += timings.readMs;
		options.timings.parseMs += timings.parseMs;
		options.timings.cleanMs += timings.sinkMs;
	}
	if (!read.ok) return read;
	const { reader, fed } = read;
	const aggregator = sink.aggregator as CustomerAggregator;
	const layout = reader.layout as CsvLayout;
	if (aggregator.linesRead === 0 && !options.part) return { ok: false, failure: failure('empty', 'The file has a header row but no invoice lines below it.') };
	return {
		ok: true,
		aggregator,
		delimiter: layout.delimiter,
		decimalComma: layout.decimalComma,
		encoding: reader.encoding,
		matchedColumns: layout.matchedColumns,
		ignoredColumns: layout.ignoredColumns,
		missingOptional: layout.missingOptional,
		duplicateColumns: layout.duplicates.map((d) => d.header),
		recordsRead: reader.recordsRead,
		unclosedQuote: reader.unclosedQuote,
		stoppedAt: reader.stoppedAt,
		lineEndings: { ...reader.lineEndings },
		headerNotes: options.part ? [] : [...fed.notes, ...reader.headerNotes]
	};
}

/** Read invoice-lines CSV text (synchronous). */
export function readInvoiceText(text: string, options: InvoiceReadOptions = {}): InvoiceReadResult {
	const sink = new InvoiceSink(options.maxIssues ?? 100, text.length);
	const { sinkOptions, timings } = intakeOptions(options, sink);
	return finish(sink, readTextInto(text, invoiceLineSchema, sink, sinkOptions), options, timings);
}

/**
 * Read an invoice-lines File/Blob chunk by chunk (the size limit is checked before anything is read;
 * a streaming TextDecoder keeps characters split across chunks whole).
 */
export async function readInvoiceBlob(blob: Blob, options: InvoiceReadOptions = {}): Promise<InvoiceReadResult> {
	const sink = new InvoiceSink(options.maxIssues ?? 100, blob.size);
	const { sinkOptions, timings } = intakeOptions(options, sink);
	return finish(sink, await readBlobInto(blob, invoiceLineSchema, sink, sinkOptions), options, timings);
}
