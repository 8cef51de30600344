/**
 * The seller finder's upload job, from the page's side and the worker's: the messages, the result
 * (the analysis plus what reading found), and `runSellersJob`, which starts the worker, relays
 * progress and settles once (result, failure or cancel). Pure, no DOM (the Worker API only).
 */
import type { InputRange } from '../core/artifact/types';
import type { CsvJobFailure, FileNote, FileUsage, JobProgress } from '../core/csv/types';
import type { RowIssue } from '../core/schema';
import { startWorkerJob, type JobOutcome, type JobWorker, type WorkerJob } from '../core/workerJob';
import type { MarketAnalysis } from './analysis';
import type { ForestPart } from './model';
import type { ReadReport } from './reader';

/** What the worker scores with: the event-log model, the 12-feature model, the training ranges. */
export interface SellersJobModel {
	main: ForestPart;
	perUser: ForestPart;
	inputRanges: Record<string, InputRange>;
}

export interface SellersTimings {
	readMs: number;
	analyseMs: number;
	totalMs: number;
}

export interface SellersResult {
	fileName: string;
	analysis: MarketAnalysis;
	report: ReadReport;
	issues: RowIssue[];
	issueCount: number;
	ignoredColumns: string[];
	missingOptional: string[];
	notes: FileNote[];
	usage: FileUsage;
	timings: SellersTimings;
}

export type SellersRequest = { type: 'start'; file: Blob; fileName: string; model: SellersJobModel; maxBytes?: number; asOfMonth?: number };

export type SellersMessage = { type: 'progress'; progress: JobProgress } | { type: 'done'; result: SellersResult } | { type: 'failed'; failure: CsvJobFailure };

export type SellersWorker = JobWorker<SellersRequest, SellersMessage>;

export function runSellersJob(
	createWorker: () => SellersWorker | Worker,
	file: File | Blob,
	options: { model: SellersJobModel; maxBytes?: number; asOfMonth?: number; onProgress?: (p: JobProgress) => void }
): WorkerJob<SellersRequest, SellersResult> {
	const fileName = file instanceof File ? file.name : 'activity.csv';
	return startWorkerJob<SellersRequest, SellersMessage, SellersResult>(
		createWorker,
		{ type: 'start', file, fileName, model: options.model, maxBytes: options.maxBytes, asOfMonth: options.asOfMonth },
		(message, settle: (o: JobOutcome<SellersResult>) => void) => {
			if (message.type === 'progress') options.onProgress?.(message.progress);
			else if (message.type === 'done') settle({ ok: true, result: message.result });
			else settle({ ok: false, failure: message.failure });
		}
	);
}
