/**
 * One background job on a fresh Web Worker, from the page's side: start the worker, send it the
 * first message, route its messages (the caller's `onMessage` decides what settles the job), and
 * settle exactly once with a result, a failure, or a cancellation. Settling terminates the worker,
 * so cancelling is stopping it. A worker that cannot start, stops with an error or sends an
 * unreadable message gives an 'internal' failure. Uses only the Worker API, no DOM.
 */
import type { CsvJobFailure } from './csv/types';

export type JobOutcome<R> =
	| { ok: true; result: R }
	| { ok: false; failure: CsvJobFailure; cancelled?: undefined }
	| { ok: false; cancelled: true; failure?: undefined };

/** The part of the Worker API a job uses (`In`: page to worker, `Out`: worker to page). */
export interface JobWorker<In, Out> {
	onmessage: ((event: MessageEvent<Out>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	onmessageerror: ((event: MessageEvent) => void) | null;
	postMessage(message: In): void;
	terminate(): void;
}

export interface WorkerJob<In, R> {
	promise: Promise<JobOutcome<R>>;
	/** Send the worker another message (ignored once the job has settled). */
	post(message: In): void;
	/** Stop the job (terminates the worker); the promise settles as cancelled. No-op once settled. */
	cancel(): void;
}

export function startWorkerJob<In, Out, R>(
	createWorker: () => JobWorker<In, Out> | Worker,
	first: In,
	onMessage: (message: Out, settle: (outcome: JobOutcome<R>) => void) => void
): WorkerJob<In, R> {
	let settle: (outcome: JobOutcome<R>) => void = () => {};
	let worker: JobWorker<In, Out> | null = null;
	let settled = false;
	const promise = new Promise<JobOutcome<R>>((resolve) => {
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
		worker = createWorker() as JobWorker<In, Out>;
	} catch (error) {
		internal(`The background worker could not start: ${error instanceof Error ? error.message : String(error)}`);
		return { promise, post: () => {}, cancel: () => {} };
	}
	const w = worker;
	w.onmessage = (event) => onMessage(event.data, settle);
	w.onerror = (event) => {
		event.preventDefault?.();
		internal(`The background worker stopped with an error${event.message ? `: ${event.message}` : ''}.`);
	};
	w.onmessageerror = () => internal('A message from the background worker could not be read.');
	w.postMessage(first);
	return {
		promise,
		post: (message) => {
			if (!settled) w.postMessage(message);
		},
		cancel: () => settle({ ok: false, cancelled: true })
	};
}
