/**
 * The page side of a CSV job: start a tool worker, send it the file, relay progress, and settle with
 * the result, a whole-file failure, or a cancellation. Each job has a worker of its own (a fresh one,
 * or a spare made ready before any file was chosen: `SpareCsvWorker`), so cancelling is simply
 * terminating it (the worker lifecycle is core/workerJob). Uses only the Worker API, no DOM.
 *
 *   const job = runCsvJob(() => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }),
 *     file, artifactUrls, { onProgress: (p) => (progress = p) });
 *   cancelButton.onclick = job.cancel;
 *   const outcome = await job.promise;
 */
import { startWorkerJob, type JobOutcome, type JobWorker } from '../workerJob';
import { artifactUrlsKey, type CsvJobMessage, type CsvJobRequest, type CsvJobResult, type CsvWarmRequest, type JobProgress } from './types';

export type CsvJobOutcome = JobOutcome<CsvJobResult>;

export interface CsvJob {
	promise: Promise<CsvJobOutcome>;
	/** Stop the job (terminates the worker); the promise settles as cancelled. No-op once settled. */
	cancel(): void;
}

/** The part of the Worker API this module uses. */
export type CsvJobWorker = JobWorker<CsvJobRequest | CsvWarmRequest, CsvJobMessage>;

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

/**
 * A tool worker started before any file is chosen, with its model already loading (a `warm`
 * message), so that the first job skips the worker's start-up and the model's fetch and decode. A
 * page makes one when its CSV section is built and the page is idle, and again after each job.
 * `take` hands it, once, to a job for the same model files; for other files, or once it has failed,
 * it is dropped and the job starts its own worker as before.
 */
export class SpareCsvWorker {
	#worker: CsvJobWorker | null = null;
	readonly #key: string;

	constructor(createWorker: () => CsvJobWorker | Worker, artifactUrls: Record<string, string>) {
		this.#key = artifactUrlsKey(artifactUrls);
		try {
			const worker = createWorker() as CsvJobWorker;
			// A worker that fails before a job takes it is dropped: the job will start a fresh one.
			worker.onerror = (event) => {
				event.preventDefault();
				this.dispose();
			};
			worker.postMessage({ type: 'warm', artifactUrls });
			this.#worker = worker;
		} catch {
			this.#worker = null;
		}
	}

	/** The ready worker for a job on `artifactUrls`, or null (then start one as usual). Only once. */
	take(artifactUrls: Record<string, string>): CsvJobWorker | null {
		const worker = this.#worker;
		this.#worker = null;
		if (!worker) return null;
		worker.onerror = null;
		if (artifactUrlsKey(artifactUrls) === this.#key) return worker;
		worker.terminate();
		return null;
	}

	dispose(): void {
		if (this.#worker) {
			this.#worker.onerror = null;
			this.#worker.terminate();
		}
		this.#worker = null;
	}
}
