import { describe, expect, it } from 'vitest';
import { ModelWorkerClient } from './client';
import { serveModels } from './host';
import type { MessageEnd, ModelReply, ModelRequest } from './protocol';

/** A worker double: the host runs in this thread, messages cross asynchronously as with a real worker. */
function pair() {
	const host: MessageEnd<ModelRequest<number>, ModelReply> = { onmessage: null, postMessage: (m) => queueMicrotask(() => page.onmessage?.({ data: m } as MessageEvent)) };
	const page: MessageEnd<ModelReply, ModelRequest<number>> & { onerror: ((e: ErrorEvent) => void) | null } = {
		onmessage: null,
		onerror: null,
		postMessage: (m) => queueMicrotask(() => host.onmessage?.({ data: m } as MessageEvent))
	};
	return { host, page };
}

describe('model worker', () => {
	it('loads a model once and predicts with it, in order', async () => {
		const { host, page } = pair();
		let loads = 0;
		serveModels(host, {
			load: async (modelId, url) => {
				loads++;
				return { model: { factor: url.length }, info: { label: `model ${modelId}` } };
			},
			predict: (model: { factor: number }, x: number) => x * model.factor
		});
		const client = new ModelWorkerClient<number, number, { label: string }>(() => page);
		const [a, b] = await Promise.all([client.load('m', 'abc'), client.load('m', 'abc')]);
		expect(a).toEqual({ label: 'model m' });
		expect(b).toEqual(a);
		expect(loads).toBe(1);
		expect(await Promise.all([client.predict('m', 2), client.predict('m', 5)])).toEqual([6, 15]);
	});

	it('reports failures as rejected promises, and a failed load can be retried', async () => {
		const { host, page } = pair();
		let attempt = 0;
		serveModels(host, {
			load: async () => {
				if (attempt++ === 0) throw new Error('damaged: its content does not match its hash');
				return { model: 1, info: null };
			},
			predict: (_m: number, x: number) => {
				if (x < 0) throw new Error('negative input');
				return x;
			}
		});
		const client = new ModelWorkerClient<number, number, null>(() => page);
		await expect(client.load('m', 'u')).rejects.toThrow('damaged');
		await expect(client.predict('other', 1)).rejects.toThrow('model other was not loaded');
		await expect(client.load('m', 'u')).resolves.toBeNull();
		await expect(client.predict('m', -1)).rejects.toThrow('negative input');
		await expect(client.predict('m', 4)).resolves.toBe(4);
	});

	it('fails pending requests when the worker stops with an error or cannot start', async () => {
		const { page } = pair(); // no host: requests stay pending
		const client = new ModelWorkerClient<number, number, null>(() => page);
		const waiting = client.predict('m', 1);
		page.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
		await expect(waiting).rejects.toThrow('stopped with an error: boom');

		const broken = new ModelWorkerClient<number, number, null>(() => {
			throw new Error('no workers here');
		});
		await expect(broken.load('m', 'u')).rejects.toThrow('could not start: no workers here');
	});
});
