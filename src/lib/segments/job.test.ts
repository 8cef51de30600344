/**
 * Tests of the page's side of the invoice-file worker (`runSegmentsJob`), with a fake worker that
 * records what the page posts and lets the test send the worker's messages.
 */
import { describe, expect, it } from 'vitest';
import type { CsvJobFailure } from '../core/csv/types';
import { runSegmentsJob, type SegmentsJobModel, type SegmentsMessage, type SegmentsProgress, type SegmentsRequest, type SegmentsResult, type SegmentsWorker } from './job';

class FakeWorker implements SegmentsWorker {
	onmessage: ((event: MessageEvent<SegmentsMessage>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	onmessageerror: ((event: MessageEvent) => void) | null = null;
	posted: SegmentsRequest[] = [];
	terminated = 0;

	postMessage(message: SegmentsRequest): void {
		this.posted.push(message);
	}

	terminate(): void {
		this.terminated++;
	}

	/** The worker posts a message to the page. */
	send(message: SegmentsMessage): void {
		this.onmessage?.({ data: message } as MessageEvent<SegmentsMessage>);
	}
}

const model: SegmentsJobModel = {
	space: { features: ['grossRevenue', 'invoices'], log: ['grossRevenue'], mean: [6, 2], sd: [1.5, 3] },
	centroids: [
		[1, 1],
		[-1, -1]
	],
	names: [
		{ name: 'Insiders', description: 'Top spenders.' },
		{ name: 'Occasional buyers', description: 'The rest.' }
	],
	insiders: 0,
	map: { axes: [[1, 0], [0, 1]], explained: [0.6, 0.4] }
};

const file = () => new File(['InvoiceNo,StockCode\n'], 'march.csv');
/** The job only relays the worker's result, so a stand-in with a recognisable name is enough. */
const result = { fileName: 'march.csv', fileSize: 20 } as unknown as SegmentsResult;
const failure: CsvJobFailure = { kind: 'missing-columns', message: 'The file is missing a required column: Quantity.', missing: ['Quantity'] };

function start(options: { onProgress?: (p: SegmentsProgress) => void; onAskDateOrder?: (examples: string[]) => void } = {}, input: Blob = file()) {
	const worker = new FakeWorker();
	const job = runSegmentsJob(() => worker, input, { model, maxBytes: 1234, ...options });
	return { worker, job };
}

describe('runSegmentsJob', () => {
	it('starts the worker with the file, its name, the model and the size limit', () => {
		const input = file();
		const worker = new FakeWorker();
		runSegmentsJob(() => worker, input, { model, maxBytes: 1234 });
		expect(worker.posted).toEqual([{ type: 'start', file: input, fileName: 'march.csv', model, maxBytes: 1234 }]);
		expect(worker.posted[0].type === 'start' && worker.posted[0].file).toBe(input);
		expect(worker.terminated).toBe(0);
	});

	it('names a Blob without a name invoices.csv', () => {
		const { worker } = start({}, new Blob(['x']));
		expect(worker.posted[0]).toMatchObject({ type: 'start', fileName: 'invoices.csv' });
	});

	it('relays progress', () => {
		const progress: SegmentsProgress[] = [];
		const { worker } = start({ onProgress: (p) => progress.push(p) });
		const reading: SegmentsProgress = { stage: 'reading', fraction: 0.5, linesRead: 1000 };
		const analysing: SegmentsProgress = { stage: 'analysing', fraction: 1, linesRead: 2000 };
		worker.send({ type: 'progress', progress: reading });
		worker.send({ type: 'progress', progress: analysing });
		expect(progress).toEqual([reading, analysing]);
	});

	it('asks for the date order and posts the answer', async () => {
		const asked: string[][] = [];
		const { worker, job } = start({ onAskDateOrder: (examples) => asked.push(examples) });
		worker.send({ type: 'ask-date-order', examples: ['1/2/2011 8:26', '3/4/2011 9:00'], linesRead: 50 });
		expect(asked).toEqual([['1/2/2011 8:26', '3/4/2011 9:00']]);
		job.answerDateOrder('day-first');
		expect(worker.posted.slice(1)).toEqual([{ type: 'date-order', order: 'day-first' }]);
		worker.send({ type: 'done', result });
		expect(await job.promise).toEqual({ ok: true, result });
	});

	it('resolves with the result and terminates the worker', async () => {
		const { worker, job } = start();
		worker.send({ type: 'done', result });
		const outcome = await job.promise;
		expect(outcome).toEqual({ ok: true, result });
		expect(outcome.ok && outcome.result).toBe(result);
		expect(worker.terminated).toBe(1);
		expect(worker.onmessage).toBeNull();
		expect(worker.onerror).toBeNull();
		expect(worker.onmessageerror).toBeNull();
	});

	it('resolves with a whole-file failure and terminates the worker', async () => {
		const { worker, job } = start();
		worker.send({ type: 'failed', failure });
		expect(await job.promise).toEqual({ ok: false, failure });
		expect(worker.terminated).toBe(1);
	});

	it('cancels by terminating the worker, once', async () => {
		const { worker, job } = start();
		job.cancel();
		expect(await job.promise).toEqual({ ok: false, cancelled: true });
		expect(worker.terminated).toBe(1);
		job.cancel();
		expect(worker.terminated).toBe(1);
	});

	it('keeps the first outcome: messages after it change nothing', async () => {
		const { worker, job } = start();
		const onmessage = worker.onmessage!;
		job.cancel();
		onmessage({ data: { type: 'done', result } } as MessageEvent<SegmentsMessage>);
		expect(await job.promise).toEqual({ ok: false, cancelled: true });
		expect(worker.terminated).toBe(1);
	});

	it('turns a worker error into an internal failure', async () => {
		const { worker, job } = start();
		let prevented = false;
		worker.onerror!({ message: 'boom', preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
		expect(await job.promise).toEqual({ ok: false, failure: { kind: 'internal', message: 'The background worker stopped with an error: boom.' } });
		expect(prevented).toBe(true);
		expect(worker.terminated).toBe(1);
	});

	it('turns a worker error without a message into an internal failure', async () => {
		const { worker, job } = start();
		worker.onerror!({ message: '' } as ErrorEvent);
		expect(await job.promise).toEqual({ ok: false, failure: { kind: 'internal', message: 'The background worker stopped with an error.' } });
	});

	it('turns an unreadable message into an internal failure', async () => {
		const { worker, job } = start();
		worker.onmessageerror!({ data: null } as MessageEvent);
		expect(await job.promise).toEqual({ ok: false, failure: { kind: 'internal', message: 'A message from the background worker could not be read.' } });
		expect(worker.terminated).toBe(1);
	});

	it('reports a worker that cannot be created', async () => {
		const job = runSegmentsJob(
			() => {
				throw new Error('no workers here');
			},
			file(),
			{ model, maxBytes: 1234 }
		);
		expect(await job.promise).toEqual({ ok: false, failure: { kind: 'internal', message: 'The background worker could not start: no workers here' } });
		job.answerDateOrder('month-first');
		job.cancel();
		expect(await job.promise).toEqual({ ok: false, failure: { kind: 'internal', message: 'The background worker could not start: no workers here' } });
	});

	it('posts no answer once settled', async () => {
		const { worker, job } = start();
		worker.send({ type: 'ask-date-order', examples: ['1/2/2011'], linesRead: 1 });
		job.cancel();
		await job.promise;
		job.answerDateOrder('day-first');
		expect(worker.posted.map((m) => m.type)).toEqual(['start']);
	});
});
