/**
 * The group-file job between the page and its worker: the messages, and the page side (a fresh
 * worker per file, progress, cancel; the lifecycle is core/workerJob). Uses only the Worker API.
 */
import type { JobProgress } from '../core/csv/types';
import { startWorkerJob, type JobOutcome, type JobWorker } from '../core/workerJob';
import type { MemberRecommendation } from './batch';
import type { GroupFileRead } from './upload';

export interface GroupFileRequest {
	type: 'start';
	file: Blob;
	fileName: string;
	/** The shopper artifact's URL (the worker fetches and hash-checks it). */
	shopperUrl: string;
}

export interface GroupFileResult extends GroupFileRead {
	/** Every member's (or basket's) top 10, for a purchase log or a basket file. */
	recommendations: MemberRecommendation[];
	timings: { readMs: number; recommendMs: number };
}

export type GroupFileMessage =
	| { type: 'progress'; progress: JobProgress }
	| { type: 'done'; result: GroupFileResult }
	| { type: 'failed'; message: string };

export type GroupFileWorker = JobWorker<GroupFileRequest, GroupFileMessage>;

export function runGroupFileJob(
	createWorker: () => GroupFileWorker | Worker,
	file: File,
	shopperUrl: string,
	onProgress: (p: JobProgress) => void
): { promise: Promise<JobOutcome<GroupFileResult>>; cancel(): void } {
	const job = startWorkerJob<GroupFileRequest, GroupFileMessage, GroupFileResult>(createWorker, { type: 'start', file, fileName: file.name, shopperUrl }, (message, settle) => {
		if (message.type === 'progress') onProgress(message.progress);
		else if (message.type === 'done') settle({ ok: true, result: message.result });
		else settle({ ok: false, failure: { kind: 'not-csv', message: message.message } });
	});
	return { promise: job.promise, cancel: job.cancel };
}
