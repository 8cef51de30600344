import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../schema';
import { runCsvJob, type CsvJobWorker } from './client';
import type { CsvJobMessage, CsvJobRequest, JobProgress } from './types';
import { serveCsvJobs, type CsvJobScope } from './workerHost';
import { unpackRows } from '../table/packedRows';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [{ key: 'price', label: 'Price', type: 'number', required: true }]
};

/** A worker whose "inside" runs serveCsvJobs in the same thread, with asynchronous message delivery. */
function fakeWorker(): CsvJobWorker & { terminated: boolean } {
	const scope: CsvJobScope = {
		onmessage: null,
		postMessage: (message: CsvJobMessage) => {
			setTimeout(() => {
				if (!worker.terminated) worker.onmessage?.({ data: message } as MessageEvent<CsvJobMessage>);
			}, 0);
		}
	};
	serveCsvJobs(
		{
			schema,
			prepare: async () => ({ rate: 0.1 }),
			score: (rows, ctx) => ({
				columns: [{ key: 'tax', label: 'Tax', kind: 'number' }],
				rows: rows.map((r) => ({ tax: (r.price as number) * ctx.rate }))
			}),
			chunkRows: 100
		},
		scope
	);
	const worker = {
		terminated: false,
		onmessage: null,
		onerror: null,
		onmessageerror: null,
		postMessage(message: CsvJobRequest) {
			setTimeout(() => scope.onmessage?.({ data: message } as MessageEvent<CsvJobRequest>), 0);
		},
		terminate() {
			this.terminated = true;
		}
	} as CsvJobWorker & { terminated: boolean };
	return worker;
}

function priceFile(rows: number): File {
	return new File(['price\n' + Array.from({ length: rows }, (_, i) => String(i * 10)).join('\n')], 'prices.csv');
}

describe('runCsvJob', () => {
	it('relays progress and resolves with the result, then terminates the worker', async () => {
		let worker: ReturnType<typeof fakeWorker> | null = null;
		const progress: JobProgress[] = [];
		const job = runCsvJob(() => (worker = fakeWorker()), priceFile(250), {}, { onProgress: (p) => progress.push(p) });
		const outcome = await job.promise;
		if (!outcome.ok) throw new Error('expected a result');
		expect(outcome.result.fileName).toBe('prices.csv');
		expect(unpackRows(outcome.result.scored.rows).map((r) => r.tax).slice(0, 3)).toEqual([0, 1, 2]);
		expect(outcome.result.goodRows).toBe(250);
		expect(progress.length).toBeGreaterThan(0);
		expect(worker!.terminated).toBe(true);
	});

	it('resolves with a whole-file failure', async () => {
		const outcome = await runCsvJob(fakeWorker, new File(['colour,size\nred,L\n'], 'x.csv'), {}).promise;
		expect(outcome.ok === false && outcome.failure?.kind).toBe('no-known-columns');
	});

	it('cancels by terminating the worker', async () => {
		let worker: ReturnType<typeof fakeWorker> | null = null;
		const job = runCsvJob(() => (worker = fakeWorker()), priceFile(10), {});
		job.cancel();
		expect(await job.promise).toEqual({ ok: false, cancelled: true });
		expect(worker!.terminated).toBe(true);
		job.cancel(); // harmless once settled
	});

	it('turns a worker crash into an internal failure', async () => {
		const worker = fakeWorker();
		worker.postMessage = () => {
			setTimeout(() => worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent), 0);
		};
		const outcome = await runCsvJob(() => worker, priceFile(1), {}).promise;
		expect(outcome).toEqual({ ok: false, failure: { kind: 'internal', message: 'The background worker stopped with an error: boom.' } });
		expect(worker.terminated).toBe(true);
	});

	it('reports a worker that cannot be created', async () => {
		const outcome = await runCsvJob(() => {
			throw new Error('no workers here');
		}, priceFile(1), {}).promise;
		expect(outcome.ok === false && outcome.failure?.message).toBe('The background worker could not start: no workers here');
	});
});
