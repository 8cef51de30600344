/**
 * The page side of a CSV job: start a tool worker, send it the file, relay progress, and settle with
 * the result, a whole-file failure, or a cancellation. A fresh worker is made per job, so cancelling
 * is simply terminating it. Uses only the Worker API, no DOM.
 *
 *   const job = runCsvJob(() => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }),
 *     file, artifactUrls, { onProgress: (p) => (progress = p) });
 *   cancelButton.onclick = job.cancel;
 *   const outcome = await job.promise;
 */
import type { CsvJobFailure, CsvJobMessage, CsvJobRequest, CsvJobResult, JobProgress } from './types';

export type CsvJobOutcome =
	| { ok: true; result: CsvJobResult }
	| { ok: false; failure: CsvJobFailure; cancelled?: undefined }
	| { ok: false; cancelled: true; failure?: undefined };

export interface CsvJob {
	promise: Promise<CsvJobOutcome>;
	/** Stop the job (terminates the worker); the promise settles as cancelled. No-op once settled. */
	cancel(): void;
}

/** The part of the Worker API this module uses. */
export interface CsvJobWorker {
	onmessage: ((event: MessageEvent<CsvJobMessage>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	onmessageerror: ((event: MessageEvent) => void) | null;
	postMessage(message: CsvJobRequest): void;
	terminate(): void;
}

export function runCsvJob(
	createWorker: () => CsvJobWorker | Worker,
	file: File | Blob,
	artifactUrls: Record<string, string>,
	options: { onProgress?: (progress: JobProgress) => void } = {}
): CsvJob {
	let settle: (outcome: CsvJobOutcome) => void = () => {};
	let worker: CsvJobWorker | null = null;
	let settled = false;
	const promise = new Promise<CsvJobOutcome>((resolve) => {
		settle = (outcome) => {
			if (settled) return;
			settled = true;
			if (worker) {
				worker.onmessage = worker.onerror = worker.onmessageerror = null;
				worker.terminate();
			}
			resolve(outcome);
		};
	});
	const internal = (message: string) => settle({ ok: false, failure: { kind: 'internal', message } });

	try {
		worker = createWorker() as CsvJobWorker;
	} catch (error) {
		internal(`The background worker could not start: ${error instanceof Error ? error.message : String(error)}`);
		return { promise, cancel: () => {} };
	}
	worker.onmessage = (event) => {
		const message = event.data;
		if (message.type === 'progress') options.onProgress?.(message.progress);
		else if (message.type === 'done') settle({ ok: true, result: message.result });
		else if (message.type === 'failed') settle({ ok: false, failure: message.failure });
	};
	worker.onerror = (event) => {
		event.preventDefault?.();
		internal(`The background worker stopped with an error${event.message ? `: ${event.message}` : ''}.`);
	};
	worker.onmessageerror = () => internal('A message from the background worker could not be read.');

	const fileName = 'name' in file && typeof file.name === 'string' ? file.name : 'data.csv';
	worker.postMessage({ type: 'start', file, fileName, artifactUrls });

	return { promise, cancel: () => settle({ ok: false, cancelled: true }) };
}
