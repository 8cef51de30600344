/**
 * The page side of a CSV job: start a tool worker, send it the file, relay progress, and settle with
 * the result, a whole-file failure, or a cancellation. A fresh worker is made per job, so cancelling
 * is simply terminating it (the worker lifecycle is core/workerJob). Uses only the Worker API, no DOM.
 *
 *   const job = runCsvJob(() => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }),
 *     file, artifactUrls, { onProgress: (p) => (progress = p) });
 *   cancelButton.onclick = job.cancel;
 *   const outcome = await job.promise;
 */
import { startWorkerJob, type JobOutcome, type JobWorker } from '../workerJob';
import type { CsvJobMessage, CsvJobRequest, CsvJobResult, JobProgress } from './types';

export type CsvJobOutcome = JobOutcome<CsvJobResult>;

export interface CsvJob {
	promise: Promise<CsvJobOutcome>;
	/** Stop the job (terminates the worker); the promise settles as cancelled. No-op once settled. */
	cancel(): void;
}

/** The part of the Worker API this module uses. */
export type CsvJobWorker = JobWorker<CsvJobRequest, CsvJobMessage>;

export function runCsvJob(
	createWorker: () => CsvJobWorker | Worker,
	file: File | Blob,
	artifactUrls: Record<string, string>,
	options: { onProgress?: (progress: JobProgress) => void } = {}
): CsvJob {
	const fileName = 'name' in file && typeof file.name === 'string' ? file.name : 'data.csv';
	const job = startWorkerJob<CsvJobRequest, CsvJobMessage, CsvJobResult>(createWorker, { type: 'start', file, fileName, artifactUrls }, (message, settle) => {
		if (message.type === 'progress') options.onProgress?.(message.progress);
		else if (message.type === 'done') settle({ ok: true, result: message.result });
		else if (message.type === 'failed') settle({ ok: false, failure: message.failure });
	});
	return { promise: job.promise, cancel: job.cancel };
}
