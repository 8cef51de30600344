/// <reference lib="webworker" />
/**
 * The invoice-file worker: reads a dropped file chunk by chunk into the customer aggregator, asks
 * the page for the day/month order when the dates cannot tell, computes customer features, places
 * every customer in the model's clusters and runs the analysis, off the page's main thread.
 */
import type { CsvJobFailure } from '../core/csv/types';
import type { ChosenDateOrder, SegmentsMessage, SegmentsRequest, SegmentsResult, SegmentsTimings } from './job';
import type { BytePartOutcome } from './byteRead';
import { MAX_READ_THREADS, readInvoiceInParts, type PartOutcome, type PartRunners } from './parallel';
import type { PartMessage, PartRequest } from './part.worker';
import PartWorker from './part.worker.ts?worker';
import { noCustomersFailure, segmentsResult, type RunClvFits } from './outcome';
import { clvFitsAt, type FitsAtCuts } from './clvForecast';
import type { ReadTimings } from './read';
import { warmUpReading } from './warmUp';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SegmentsMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
let answer: ((order: ChosenDateOrder) => void) | null = null;
// Compile this thread's reading and features code while the page is idle (warmUp.ts, started below
// with the helpers), stopping when a file comes.
let requested = false;

scope.onmessage = (event: MessageEvent<SegmentsRequest>) => {
	requested = true;
	const request = event.data;
	if (request.type === 'date-order') {
		answer?.(request.order);
		return;
	}
	run(request).catch((error: unknown) => {
		const failure: CsvJobFailure = { kind: 'internal', message: `The analysis stopped with an error: ${error instanceof Error ? error.message : String(error)}` };
		post({ type: 'failed', failure });
	});
};

/** Threads this device can read a file on (this one included). */
const threads = typeof Worker === 'undefined' ? 1 : Math.min(MAX_READ_THREADS, navigator.hardwareConcurrency || 1);

/**
 * Reading threads, started with this worker (which the page starts while it is idle, before a file is
 * chosen), so that a chosen file does not wait for their code to load. A helper that failed is replaced.
 */
const helpers: (Worker | null)[] = [];
function startHelper(): Worker | null {
	try {
		return new PartWorker();
	} catch {
		return null;
	}
}
for (let k = 1; k < threads; k++) helpers.push(startHelper());
void warmUpReading({ features: true, stop: () => requested }).catch(() => {});
let nextHelper = 0;

/** Run one part on the next helper (each helper reads one part of a file at a time). */
function inHelper<O>(request: PartRequest, onProgress: (bytes: number) => void, failed: (message: string) => O): Promise<O> {
	return new Promise<O>((resolve) => {
		const slot = nextHelper++ % Math.max(1, helpers.length);
		const helper = helpers[slot] ?? startHelper();
		if (!helper) {
			resolve(failed('this browser would not start a reading thread'));
			return;
		}
		helpers[slot] = helper;
		helper.onmessage = (e: MessageEvent<PartMessage>) => {
			if (e.data.type === 'progress') onProgress(e.data.bytesRead);
			else resolve(e.data.outcome as O);
		};
		helper.onerror = (e) => {
			e.preventDefault();
			helper.terminate();
			helpers[slot] = null;
			resolve(failed(e.message || 'a reading thread stopped'));
		};
		helper.postMessage(request);
	});
}

async function run(request: Extract<SegmentsRequest, { type: 'start' }>): Promise<void> {
	const { file, fileName, model, maxBytes } = request;
	const reading: ReadTimings = { readMs: 0, parseMs: 0, cleanMs: 0 };
	let lastPost = 0;
	nextHelper = 0;
	const runners: PartRunners | null =
		threads < 2
			? null
			: {
					threads,
					text: (part, setup, onProgress) =>
						inHelper<PartOutcome>({ kind: 'text', part, setup }, onProgress, (message) => ({ ok: false, failure: { kind: 'internal', message } })),
					bytes: (part, setup, onProgress) =>
						inHelper<BytePartOutcome>({ kind: 'bytes', part, setup }, onProgress, (message) => ({ ok: false, why: `a reading thread that failed (${message})`, cutInQuotes: false }))
				};
	const readingFrom = performance.now();
	const parted = await readInvoiceInParts(file, {
		maxBytes,
		timings: reading,
		onProgress: (p) => {
			const now = performance.now();
			if (now - lastPost < 50 && p.fraction < 1) return;
			lastPost = now;
			post({ type: 'progress', progress: { stage: 'reading', fraction: p.fraction, linesRead: p.rowsRead } });
		}
	}, runners);
	const readingWallMs = performance.now() - readingFrom;
	const read = parted.result;
	if (!read.ok) {
		post({ type: 'failed', failure: read.failure });
		return;
	}
	const aggregator = read.aggregator;
	let waitMs = 0;
	let dateOrder: ChosenDateOrder | undefined;
	if (aggregator.dateOrder === 'ambiguous') {
		const asked = performance.now();
		post({ type: 'ask-date-order', examples: [...aggregator.ambiguousDateExamples], linesRead: aggregator.linesRead });
		dateOrder = await new Promise<ChosenDateOrder>((resolve) => (answer = resolve));
		answer = null;
		waitMs = performance.now() - asked;
	}
	post({ type: 'progress', progress: { stage: 'analysing', fraction: 1, linesRead: aggregator.linesRead } });
	const t0 = performance.now();
	const table = aggregator.finish(dateOrder ? { dateOrder } : {});
	const t1 = performance.now();
	if (table.count === 0) {
		post({ type: 'failed', failure: noCustomersFailure(read, table) });
		return;
	}
	// The forecast's model fits on a reading thread (idle once the file is read) while this one computes the rest.
	const runFits: RunClvFits | null =
		threads < 2
			? null
			: async (days, cuts) => {
					const outcome = await inHelper<FitsAtCuts | { failed: string }>({ kind: 'clv-fits', days, cuts }, () => {}, (message) => ({ failed: message }));
					return 'failed' in outcome ? clvFitsAt(days, cuts) : outcome;
				};
	const done = await segmentsResult(read, table, model, { fileName, fileSize: file.size }, runFits);
	const timings: SegmentsTimings = {
		...reading,
		parts: parted.parts,
		reader: parted.reader,
		secondPart: parted.secondPart,
		mergeMs: parted.mergeMs,
		readingWallMs,
		featuresMs: t1 - t0,
		assignMs: done.assignMs,
		analysisMs: done.analysisMs,
		forecastWaitMs: done.forecastWaitMs,
		waitMs
	};
	const result: SegmentsResult = { ...done.result, timings };
	const customers = result.customers;
	const transfer: Transferable[] = [
		customers.guest.buffer,
		customers.cluster.buffer,
		customers.nextNearest.buffer,
		customers.margin.buffer,
		customers.lastPurchase.buffer,
		...Object.values(customers.features).map((a) => a.buffer)
	];
	post({ type: 'done', result }, transfer);
}
