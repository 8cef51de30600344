/**
 * Reading a whole invoice file with the byte scan (byteScan.ts), in as many parts as there are
 * threads: the header is read by the shared CSV reader (core/csv: what the bytes are, encoding,
 * delimiter, header match, duplicated columns), the rest of the file is cut at line ends into parts
 * of about equal size, each part is scanned from its bytes (here, or elsewhere through `runPart`),
 * and the parts' aggregator states are merged in file order, giving what one reader gives.
 *
 * The byte scan only reads what it can prove it reads as the papaparse reader would. Otherwise the
 * answer is `{ ok: false, why }` and the caller reads the whole file with the papaparse reader (the
 * result says which reader ran, and why): a file that is not UTF-8 (or ASCII), not comma-separated,
 * or whose header the shared reader refuses; odd quoting, a CR-only line end, a NUL byte, a record
 * over the length limit, a quote never closed. A cut that falls inside a quoted value is not a
 * reason: the file is then scanned again in one part. Pure, no DOM.
 */
import { SAMPLE_CHARS } from '../core/csv/delimiter';
import { CsvReader, type CsvLayout, type RecordSink } from '../core/csv/reader';
import { sniffBytes } from '../core/csv/sniff';
import type { CsvJobFailure } from '../core/csv/types';
import { scanInvoiceBytes, ScanStrings, type ByteColumns } from './byteScan';
import type { AggregatorState, CustomerAggregator } from './features';
import { aggregatorForLayout, type InvoiceReadOptions, type InvoiceReadSuccess, type ReadTimings } from './read';
import { invoiceLineSchema, usedColumnPositions } from './schema';

/** What a thread needs to scan a part of a file. */
export interface BytePartSetup {
	layout: CsvLayout;
	/** The part runs to the end of the file. */
	last: boolean;
	maxIssues: number;
}

/** A scanned part, as plain data (sent back from another thread, typed arrays transferred). */
export type BytePartOutcome =
	| { ok: true; state: AggregatorState; records: number; crlf: number; lf: number; timings: ReadTimings }
	| { ok: false; why: string; cutInQuotes: boolean };

/** Scan a part of a file elsewhere (a Web Worker in the browser); `onProgress` gets the part's bytes scanned. */
export type RunBytePart = (part: Blob, setup: BytePartSetup, onProgress: (bytes: number) => void) => Promise<BytePartOutcome>;

export type ByteRead =
	| { ok: true; result: InvoiceReadSuccess; parts: number; mergeMs: number; secondPart: ReadTimings | null }
	| { ok: false; why: string; failure?: CsvJobFailure };

/** Bytes read to find the header (the shared reader sniffs the delimiter in the first 64 K characters). */
const HEAD_BYTES = 4 * SAMPLE_CHARS;
/** Parts smaller than this are not worth a thread. */
export const MIN_PART_BYTES = 1 << 20;

function columnsOf(layout: CsvLayout): ByteColumns {
	return { ...usedColumnPositions((key) => layout.mapping.indexOf(key)), fieldCount: layout.mapping.length };
}

/** Scan one part's bytes into a new aggregator (what another thread runs), as plain data. */
export async function readBytePart(part: Blob, setup: BytePartSetup, onProgress?: (bytes: number) => void, signal?: AbortSignal): Promise<BytePartOutcome> {
	const t0 = performance.now();
	const bytes = new Uint8Array(await part.arrayBuffer());
	const t1 = performance.now();
	const aggregator = aggregatorForLayout(setup.layout, setup.maxIssues, bytes.length);
	const scan = scanInvoiceBytes(bytes, aggregator, { columns: columnsOf(setup.layout), firstRow: 1, last: setup.last, onProgress, signal });
	if (!scan.ok) return scan;
	const state = aggregator.exportState();
	return { ok: true, state, records: scan.records, crlf: scan.crlf, lf: scan.lf, timings: { readMs: t1 - t0, parseMs: performance.now() - t1, cleanMs: 0 } };
}

/** The header row, as the shared reader reads it, and where in the bytes the data begins. */
interface Head {
	reader: CsvReader;
	layout: CsvLayout;
	/** Byte offset of the first record after the header. */
	dataStart: number;
	/** Row number of the header (blank lines before it count). */
	headerRow: number;
	crlf: number;
	lf: number;
}

type HeadOutcome = { ok: true; head: Head } | { ok: false; why: string };

const ignoreRecords: RecordSink = { record() {}, unreadable() {} };

/** Read the header with the shared reader, then find its end in the bytes (quote-aware, row by row). */
function readHead(bytes: Uint8Array, wholeFile: boolean): HeadOutcome {
	const sniffed = sniffBytes(bytes);
	if (!sniffed.text) return { ok: false, why: 'not text' };
	if (sniffed.encoding !== 'utf-8') return { ok: false, why: `the ${sniffed.encoding} encoding` };
	const reader = new CsvReader(invoiceLineSchema, ignoreRecords);
	reader.push(new TextDecoder('utf-8').decode(bytes), wholeFile);
	if (reader.failure || !reader.layout) return { ok: false, why: 'the header row' };
	const layout = reader.layout;
	if (layout.delimiter !== ',') return { ok: false, why: 'a delimiter other than a comma' };
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	let row = 0;
	let crlf = 0;
	let lf = 0;
	while (i < bytes.length) {
		let inQuotes = false;
		let visible = false;
		let end = -1;
		for (let k = i; k < bytes.length; k++) {
			const c = bytes[k];
			if (c === 34) inQuotes = !inQuotes;
			if (inQuotes) {
				if (c >= 128) return { ok: false, why: 'the header row' };
				visible = true;
				continue;
			}
			if (c === 10) {
				end = k;
				break;
			}
			if (c === 13) {
				if (bytes[k + 1] !== 10) return { ok: false, why: 'a line ending in CR alone' };
				end = k;
				break;
			}
			// Non-ASCII before the data (other than the BOM): the shared reader's blank test is wider.
			if (c >= 128) return { ok: false, why: 'the header row' };
			if (c !== 32 && c !== 9 && c !== 44) visible = true;
		}
		if (end < 0) return { ok: false, why: 'the header row' };
		row++;
		const isCrlf = bytes[end] === 13;
		if (isCrlf) crlf++;
		else lf++;
		i = end + (isCrlf ? 2 : 1);
		if (visible) return { ok: true, head: { reader, layout, dataStart: i, headerRow: row, crlf, lf } };
	}
	return { ok: false, why: 'the header row' };
}

/** Cut points: the byte after a line end near each equal share of the data. */
async function cutPoints(blob: Blob, from: number, parts: number): Promise<number[]> {
	const cuts = [from];
	const share = (blob.size - from) / parts;
	for (let k = 1; k < parts; k++) {
		const at = Math.max(cuts[cuts.length - 1], Math.floor(from + k * share));
		const window = new Uint8Array(await blob.slice(at, Math.min(blob.size, at + 256 * 1024)).arrayBuffer());
		const newline = window.indexOf(10);
		if (newline < 0 || at + newline + 1 >= blob.size) break;
		cuts.push(at + newline + 1);
	}
	cuts.push(blob.size);
	return cuts;
}

/**
 * Read a whole file with the byte scan on `threads` threads (this one and `threads - 1` through
 * `runPart`). `{ ok: false, why }`: read it with the papaparse reader instead.
 */
export async function readInvoiceBytes(
	blob: Blob,
	options: InvoiceReadOptions,
	runPart: RunBytePart | null,
	threads: number,
	minPartBytes = MIN_PART_BYTES
): Promise<ByteRead> {
	const head = readHead(new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer()), blob.size <= HEAD_BYTES);
	if (!head.ok) return head;
	const { layout, dataStart, headerRow } = head.head;
	const maxIssues = options.maxIssues ?? 100;
	const timings = options.timings;
	const wanted = runPart ? Math.max(1, Math.min(threads, Math.floor((blob.size - dataStart) / minPartBytes))) : 1;
	let cuts = await cutPoints(blob, dataStart, wanted);
	const progress = new Float64Array(cuts.length - 1);
	const report = (rowsRead: number) => {
		let done = 0;
		for (const p of progress) done += p;
		options.onProgress?.({ stage: 'parsing', fraction: done / blob.size, rowsRead });
	};

	const scanHere = async (from: number, to: number, last: boolean, firstRow: number, aggregator: CustomerAggregator) => {
		const t0 = performance.now();
		const bytes = new Uint8Array(await blob.slice(from, to).arrayBuffer());
		const t1 = performance.now();
		const scan = scanInvoiceBytes(bytes, aggregator, {
			columns: columnsOf(layout),
			firstRow,
			last,
			signal: options.signal,
			onProgress: (b) => {
				progress[0] = b;
				report(aggregator.linesRead);
			}
		}, new ScanStrings());
		if (timings) {
			timings.readMs += t1 - t0;
			timings.parseMs += performance.now() - t1;
		}
		return scan;
	};

	for (let attempt = 0; attempt < 2; attempt++) {
		const aggregator = aggregatorForLayout(layout, maxIssues, blob.size);
		const others = cuts.slice(1, -1).map((from, k) => {
			const to = cuts[k + 2];
			const setup: BytePartSetup = { layout, last: to === blob.size, maxIssues };
			return (runPart as RunBytePart)(blob.slice(from, to), setup, (bytes) => {
				progress[k + 1] = bytes;
				report(aggregator.linesRead);
			});
		});
		const first = await scanHere(cuts[0], cuts[1], cuts[1] === blob.size, headerRow + 1, aggregator);
		const rest = await Promise.all(others);
		if (!first.ok || rest.some((r) => !r.ok)) {
			const stop = [first, ...rest].find((r) => !r.ok) as { why: string; cutInQuotes: boolean };
			// A cut inside a quoted value: scan the file again in one part.
			if (stop.cutInQuotes && cuts.length > 2) {
				cuts = [dataStart, blob.size];
				continue;
			}
			return { ok: false, why: stop.why };
		}
		const started = performance.now();
		let records = headerRow + first.records;
		const endings = { crlf: head.head.crlf + first.crlf, lf: head.head.lf + first.lf, cr: 0 };
		for (const part of rest as Extract<BytePartOutcome, { ok: true }>[]) {
			// The line end closing the previous part is in the previous part's counts.
			aggregator.absorb(part.state, records);
			records += part.records;
			endings.crlf += part.crlf;
			endings.lf += part.lf;
		}
		const mergeMs = performance.now() - started;
		if (aggregator.linesRead === 0) return { ok: false, why: 'no invoice lines' };
		const second = rest[0] as Extract<BytePartOutcome, { ok: true }> | undefined;
		return {
			ok: true,
			parts: cuts.length - 1,
			mergeMs,
			secondPart: second ? second.timings : null,
			result: {
				ok: true,
				aggregator,
				delimiter: layout.delimiter,
				decimalComma: layout.decimalComma,
				encoding: 'utf-8',
				matchedColumns: layout.matchedColumns,
				ignoredColumns: layout.ignoredColumns,
				missingOptional: layout.missingOptional,
				duplicateColumns: layout.duplicates.map((d) => d.header),
				recordsRead: records,
				unclosedQuote: null,
				stoppedAt: null,
				lineEndings: endings,
				headerNotes: [...head.head.reader.headerNotes]
			}
		};
	}
	return { ok: false, why: 'a cut inside a quoted value' };
}
