/**
 * The page side of a model worker (host.ts): starts the worker on first use, sends it requests and
 * resolves each with the worker's reply. Loading a model is asked once per model id; predictions
 * are answered in order. A worker that cannot start or stops with an error fails every pending
 * request with a message. Uses only the Worker API, no DOM.
 */
import type { MessageEnd, ModelReply, ModelRequest } from './protocol';

type WorkerLike<I> = MessageEnd<ModelReply, ModelRequest<I>> & {
	onerror?: ((event: ErrorEvent) => void) | null;
	terminate?(): void;
};

export class ModelWorkerClient<I, O, Info> {
	private worker: WorkerLike<I> | null = null;
	private nextId = 1;
	private pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	private loads = new Map<string, Promise<Info>>();

	constructor(private readonly createWorker: () => WorkerLike<I> | Worker) {}

	/** Load model `modelId` from `url` in the worker (once; later calls share the answer): its small info. */
	load(modelId: string, url: string): Promise<Info> {
		let loading = this.loads.get(modelId);
		if (!loading) {
			loading = this.request({ kind: 'load', modelId, url }) as Promise<Info>;
			this.loads.set(modelId, loading);
			loading.catch(() => this.loads.delete(modelId));
		}
		return loading;
	}

	/** A prediction of a loaded model. */
	predict(modelId: string, input: I): Promise<O> {
		return this.request({ kind: 'predict', modelId, input }) as Promise<O>;
	}

	/** Stop the worker; pending requests fail. */
	terminate(): void {
		this.worker?.terminate?.();
		this.worker = null;
		this.failAll('The model worker was stopped.');
		this.loads.clear();
	}

	private request(body: { kind: 'load'; modelId: string; url: string } | { kind: 'predict'; modelId: string; input: I }): Promise<unknown> {
		const id = this.nextId++;
		const promise = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
		try {
			this.start().postMessage({ id, ...body } as ModelRequest<I>);
		} catch (error) {
			this.settle({ id, ok: false, error: `The model worker could not start: ${error instanceof Error ? error.message : String(error)}` });
		}
		return promise;
	}

	private start(): WorkerLike<I> {
		if (this.worker) return this.worker;
		const worker = this.createWorker() as WorkerLike<I>;
		worker.onmessage = (event) => this.settle(event.data);
		worker.onerror = (event) => {
			event.preventDefault?.();
			this.worker = null;
			this.loads.clear();
			this.failAll(`The model worker stopped with an error${event.message ? `: ${event.message}` : ''}.`);
		};
		this.worker = worker;
		return worker;
	}

	private settle(reply: ModelReply): void {
		const waiting = this.pending.get(reply.id);
		if (!waiting) return;
		this.pending.delete(reply.id);
		if (reply.ok) waiting.resolve(reply.result);
		else waiting.reject(new Error(reply.error));
	}

	private failAll(message: string): void {
		for (const [id] of this.pending) this.settle({ id, ok: false, error: message });
	}
}
