/**
 * An invoice-file analysis in a Web Worker (`upload.worker.ts`), from the page's side: start it,
 * relay progress, answer the worker's question about the day/month order of dates when the data
 * cannot tell, and settle with the result, a whole-file failure, or a cancellation (which terminates
 * the worker). Uses only the Worker API, no DOM.
 */
import type { RowIssue } from '../core/schema';
import type { CsvJobFailure, FileNote, FileUsage } from '../core/csv/types';
import { startWorkerJob, type JobOutcome, type JobWorker } from '../core/workerJob';
import type { SegmentsAnalysis } from './analysis';
import type { ClusterNaming } from './clusters';
import type { SegmentMap } from './segmentMap';
import type { CleaningReport } from './clean';
import type { DateOrder } from '../core/dates';
import type { CustomerFeature } from './features';
import type { SegmentsArtifact } from './artifact';
import type { SegmentAssigner } from './model';
import type { ReaderUsed } from './parallel';

/** What the worker needs of the model (sent with the file; the page already holds the artifact). */
export interface SegmentsJobModel extends SegmentAssigner {
	names: ClusterNaming[];
	insiders: number;
	map: SegmentMap;
}

/** The part of the artifact the worker needs. */
export function jobModelOf(artifact: SegmentsArtifact): SegmentsJobModel {
	return {
		space: artifact.space,
		centroids: artifact.centroids,
		names: artifact.profiles.map((p) => ({ name: p.name, description: p.description })),
		insiders: artifact.insiders,
		map: artifact.map
	};
}

export type ChosenDateOrder = Extract<DateOrder, 'month-first' | 'day-first'>;

export interface SegmentsProgress {
	stage: 'reading' | 'analysing';
	/** 0..1 of the file read. */
	fraction: number;
	linesRead: number;
}

/** Milliseconds by stage, measured in the worker (render is added by the page). */
export interface SegmentsTimings {
	/** Reading the file's bytes (and, for papaparse, decoding them to text). */
	readMs: number;
	/** Splitting records and fields (byte scan: splitting, reading values and cleaning, all in one). */
	parseMs: number;
	/** Reading values and applying the cleaning rules, line by line (papaparse only; 0 for the byte scan). */
	cleanMs: number;
	/** Dates resolved and customer features computed. */
	featuresMs: number;
	/** Customers placed in clusters. */
	assignMs: number;
	/** Profiles, rules, forecast, tests and map. */
	analysisMs: number;
	/** Of `analysisMs`, the wait for the forecast's model fits, made on another thread, once the rest was done (absent in runs saved before; 0 when made in line). */
	forecastWaitMs?: number;
	/** Time the worker waited for the user to answer the date question (not work). */
	waitMs: number;
	/** Threads the file was read on; read/parse/clean above are the first thread's. */
	parts: number;
	/** Which reader read the file: the byte scan, or papaparse (and why the byte scan gave way). Absent in runs saved before. */
	reader?: ReaderUsed;
	/** The second thread's read/parse/clean, when there was one. */
	secondPart: { readMs: number; parseMs: number; cleanMs: number } | null;
	/** Merging the second thread's lines in. */
	mergeMs: number;
	/** Wall time from the first byte read to every line read (and merged), both threads together. */
	readingWallMs: number;
}

/** One row per customer, columnar (transferred, not copied). */
export interface SegmentedCustomers {
	ids: string[];
	guest: Uint8Array;
	cluster: Int32Array;
	nextNearest: Int32Array;
	margin: Float64Array;
	features: Record<CustomerFeature, Float64Array>;
	lastPurchase: Float64Array;
}

export interface SegmentsResult {
	fileName: string;
	fileSize: number;
	delimiter: string;
	decimalComma: boolean;
	matchedColumns: Record<string, string>;
	ignoredColumns: string[];
	missingOptional: string[];
	duplicateColumns: string[];
	/** Whole-file notes: encoding, duplicated columns, mixed line endings, an unclosed quote, implausible lines. */
	notes: FileNote[];
	/** How much of the file could be used (lines read, lines used). */
	usage: FileUsage;
	report: CleaningReport;
	issues: RowIssue[];
	issueCount: number;
	analysis: SegmentsAnalysis;
	customers: SegmentedCustomers;
	timings: SegmentsTimings;
}

/** Page -> worker. */
export type SegmentsRequest =
	| { type: 'start'; file: Blob; fileName: string; model: SegmentsJobModel; maxBytes: number }
	| { type: 'date-order'; order: ChosenDateOrder };

/** Worker -> page. */
export type SegmentsMessage =
	| { type: 'progress'; progress: SegmentsProgress }
	| { type: 'ask-date-order'; examples: string[]; linesRead: number }
	| { type: 'done'; result: SegmentsResult }
	| { type: 'failed'; failure: CsvJobFailure };

export type SegmentsOutcome = JobOutcome<SegmentsResult>;

export interface SegmentsJob {
	promise: Promise<SegmentsOutcome>;
	/** Answer the date question. */
	answerDateOrder(order: ChosenDateOrder): void;
	/** Stop (terminates the worker); the promise settles as cancelled. No-op once settled. */
	cancel(): void;
}

/** The part of the Worker API this module uses. */
export type SegmentsWorker = JobWorker<SegmentsRequest, SegmentsMessage>;

export interface SegmentsJobOptions {
	model: SegmentsJobModel;
	maxBytes: number;
	onProgress?: (progress: SegmentsProgress) => void;
	/** The data cannot tell 1/2/2011 from 2/1/2011: ask, then call `job.answerDateOrder`. */
	onAskDateOrder?: (examples: string[]) => void;
}

export function runSegmentsJob(createWorker: () => SegmentsWorker | Worker, file: File | Blob, options: SegmentsJobOptions): SegmentsJob {
	const fileName = 'name' in file && typeof file.name === 'string' ? file.name : 'invoices.csv';
	const start: SegmentsRequest = { type: 'start', file, fileName, model: options.model, maxBytes: options.maxBytes };
	const job = startWorkerJob<SegmentsRequest, SegmentsMessage, SegmentsResult>(createWorker, start, (message, settle) => {
		if (message.type === 'progress') options.onProgress?.(message.progress);
		else if (message.type === 'ask-date-order') options.onAskDateOrder?.(message.examples);
		else if (message.type === 'done') settle({ ok: true, result: message.result });
		else if (message.type === 'failed') settle({ ok: false, failure: message.failure });
	});
	return {
		promise: job.promise,
		answerDateOrder: (order) => job.post({ type: 'date-order', order }),
		cancel: job.cancel
	};
}
