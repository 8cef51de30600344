/**
 * Reading an invoice file on several threads. A file of BYTE_READ_MIN_BYTES or more is first read by
 * the byte scan (byteRead.ts) on up to `threads` threads; when the byte scan cannot prove it reads
 * the file right, the whole file is read by the papaparse reader instead, and the result says which
 * reader ran and why. The papaparse reading of a large file uses two parts at once: the second half
 * goes to another thread (the caller's `runPart`) as soon as the header is known, this thread reads
 * the first half, and the second half's aggregator state is merged in (`absorb`), giving what one
 * reader would give. When the cut turns out to lie inside a quoted field, or the second part fails,
 * the whole file is read again in one go. Pure, no DOM; the runners decide where work runs.
 */
import type { LineEndingCounts } from '../core/csv/lineEndings';
import type { CsvJobFailure } from '../core/csv/types';
import type { AggregatorState } from './features';
import { DEFAULT_MAX_BYTES } from '../core/csv/source';
import { readInvoiceBytes, type RunBytePart } from './byteRead';
import { readInvoiceBlob, type InvoiceHeaderSetup, type InvoiceReadOptions, type InvoiceReadResult, type ReadTimings } from './read';

/** Files below this size are read in one part (two threads do not pay for themselves). */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** Files below this size are read by the papaparse reader (the byte scan gains nothing worth its setup). */
export const BYTE_READ_MIN_BYTES = 1024 * 1024;
/** At most this many threads read one file. */
export const MAX_READ_THREADS = 8;

/** Which reader read a file: the byte scan, or papaparse (with why, when the byte scan gave way). */
export type ReaderUsed = { kind: 'bytes' } | { kind: 'papaparse'; why: string };

/** Where the parts of a file are read (Web Workers in the browser; in-thread in tests). */
export interface PartRunners {
	/** A later part for the papaparse reader. */
	text: RunPart | null;
	/** A part for the byte scan. */
	bytes: RunBytePart | null;
	/** Threads to use in all, this one included (navigator.hardwareConcurrency, at most MAX_READ_THREADS). */
	threads: number;
}

export interface PartedReadOptions {
	/** Papaparse reading in two parts from this size (default PARALLEL_MIN_BYTES). */
	minBytes?: number;
	/** The byte scan from this size (default BYTE_READ_MIN_BYTES; Infinity: never). */
	byteMinBytes?: number;
	/** The byte scan's smallest part (default 1 MB; tests make it small to cut small files). */
	minPartBytes?: number;
}

export type PartOutcome =
	| {
			ok: true;
			state: AggregatorState;
			recordsRead: number;
			unclosedQuote: { row: number; swallowedLines: number } | null;
			stoppedAt: number | null;
			lineEndings: LineEndingCounts;
			timings: ReadTimings;
	  }
	| { ok: false; failure: CsvJobFailure };

/** Read a later part of a file elsewhere; `onProgress` gets the part's bytes read so far. */
export type RunPart = (part: Blob, setup: InvoiceHeaderSetup, onProgress: (bytesRead: number) => void) => Promise<PartOutcome>;

export interface PartedRead {
	result: InvoiceReadResult;
	/** Threads the file was read on (parts). */
	parts: number;
	reader: ReaderUsed;
	/** Milliseconds spent merging the second part in. */
	mergeMs: number;
	/** Where the second part's reading time went. */
	secondPart: ReadTimings | null;
}

/**
 * Where to cut: the first line end (`\n` byte) after the middle of the file, or null when there is
 * none nearby or the file is UTF-16 (whose line ends are two bytes).
 */
export async function findSplit(blob: Blob): Promise<number | null> {
	const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
	if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null;
	const middle = Math.floor(blob.size / 2);
	const window = new Uint8Array(await blob.slice(middle, Math.min(blob.size, middle + 256 * 1024)).arrayBuffer());
	const at = window.indexOf(10);
	if (at < 0 || middle + at + 1 >= blob.size) return null;
	return middle + at;
}

/**
 * Read an invoice file: by the byte scan on `runners.threads` threads when it is large enough and the
 * scan can read it, else by the papaparse reader (in two parts when it is large and a runner is given).
 */
export async function readInvoiceInParts(blob: Blob, options: InvoiceReadOptions, runners: PartRunners | null, partedOptions: PartedReadOptions = {}): Promise<PartedRead> {
	const byteMinBytes = partedOptions.byteMinBytes ?? BYTE_READ_MIN_BYTES;
	const withinLimit = blob.size <= (options.maxBytes ?? DEFAULT_MAX_BYTES);
	let why = `a file under ${byteMinBytes >= 1 << 20 ? `${(byteMinBytes / (1 << 20)).toFixed(0)} MB` : `${Math.ceil(byteMinBytes / 1024)} KB`}`;
	if (blob.size >= byteMinBytes && withinLimit && !options.part) {
		const threads = Math.max(1, Math.min(MAX_READ_THREADS, runners?.threads ?? 1));
		const bytes = await readInvoiceBytes(blob, options, runners?.bytes ?? null, threads, partedOptions.minPartBytes);
		if (bytes.ok) return { result: bytes.result, parts: bytes.parts, mergeMs: bytes.mergeMs, secondPart: bytes.secondPart, reader: { kind: 'bytes' } };
		why = bytes.why;
		if (options.timings) Object.assign(options.timings, { readMs: 0, parseMs: 0, cleanMs: 0 });
	}
	return readWithPapaparse(blob, options, runners?.text ?? null, partedOptions.minBytes ?? PARALLEL_MIN_BYTES, { kind: 'papaparse', why });
}

async function readWithPapaparse(blob: Blob, options: InvoiceReadOptions, runPart: RunPart | null, minBytes: number, reader: ReaderUsed): Promise<PartedRead> {
	const whole = async (): Promise<PartedRead> => ({ result: await readInvoiceBlob(blob, options), parts: 1, mergeMs: 0, secondPart: null, reader });
	const maxBytes = options.maxBytes;
	if (!runPart || blob.size < minBytes || (maxBytes !== undefined && blob.size > maxBytes)) return whole();
	const split = await findSplit(blob);
	if (split === null) return whole();
	// The first part stops before the line end (and before the \r of a \r\n).
	const cr = new Uint8Array(await blob.slice(split - 1, split).arrayBuffer())[0] === 13;
	const firstPart = blob.slice(0, cr ? split - 1 : split);
	const secondPart = blob.slice(split + 1);
	let firstBytes = 0;
	let secondBytes = 0;
	const report = (rowsRead: number) =>
		options.onProgress?.({ stage: 'parsing', fraction: (firstBytes + secondBytes) / blob.size, rowsRead });
	let second: Promise<PartOutcome> | null = null;
	const first = await readInvoiceBlob(firstPart, {
		...options,
		onHeader: (setup) => {
			options.onHeader?.(setup);
			second = runPart(secondPart, setup, (bytes) => (secondBytes = bytes));
		},
		onProgress: (p) => {
			firstBytes = p.fraction * firstPart.size;
			report(p.rowsRead);
		}
	});
	const pending = second as Promise<PartOutcome> | null;
	if (!first.ok) {
		// A whole-file problem (layout, not a CSV) is the file's; an "empty" first half is not.
		if (first.failure.kind === 'empty') return whole();
		return { result: first, parts: 1, mergeMs: 0, secondPart: null, reader };
	}
	// Cut inside a quoted field (or the first half stopped early): the halves do not start and end on
	// records, so read it whole.
	if (!pending || first.unclosedQuote || first.stoppedAt !== null) return whole();
	const other = await pending;
	if (!other.ok) return whole();
	const started = performance.now();
	const offset = first.recordsRead;
	first.aggregator.absorb(other.state, offset);
	first.recordsRead += other.recordsRead;
	first.unclosedQuote = other.unclosedQuote && { ...other.unclosedQuote, row: other.unclosedQuote.row + offset };
	first.stoppedAt = other.stoppedAt === null ? null : other.stoppedAt + offset;
	// The line end at the cut belongs to neither part.
	const endings = first.lineEndings;
	endings.crlf += other.lineEndings.crlf + (cr ? 1 : 0);
	endings.lf += other.lineEndings.lf + (cr ? 0 : 1);
	endings.cr += other.lineEndings.cr;
	return { result: first, parts: 2, mergeMs: performance.now() - started, secondPart: other.timings, reader };
}

/** The part reader itself (what a second thread runs): `readInvoiceBlob` of a later part, as a PartOutcome. */
export async function readPart(part: Blob, setup: InvoiceHeaderSetup, onProgress?: (bytesRead: number) => void, signal?: AbortSignal): Promise<PartOutcome> {
	const timings: ReadTimings = { readMs: 0, parseMs: 0, cleanMs: 0 };
	const read = await readInvoiceBlob(part, { part: setup, timings, signal, onProgress: (p) => onProgress?.(p.fraction * part.size) });
	if (!read.ok) return read;
	return {
		ok: true,
		state: read.aggregator.exportState(),
		recordsRead: read.recordsRead,
		unclosedQuote: read.unclosedQuote,
		stoppedAt: read.stoppedAt,
		lineEndings: read.lineEndings,
		timings
	};
}
