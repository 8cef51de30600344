/**
 * The worker side of a model worker: keeps each loaded model in memory and answers prediction
 * requests, so that loading (fetch, hash check, decoding weights) and predicting (with its
 * explanation, e.g. sampled Shapley values) never run on the page's main thread. A tool's worker
 * file is three lines: `serveModels(self, { load, predict })`. No DOM.
 */
import type { MessageEnd, ModelReply, ModelRequest } from './protocol';

export interface ModelService<M, I, O, Info> {
	/** Fetch, check and decode model `modelId` from `url`; `info` goes back to the page (keep it small: no weights). */
	load(modelId: string, url: string): Promise<{ model: M; info: Info }>;
	predict(model: M, input: I): O;
}

export function serveModels<M, I, O, Info>(scope: MessageEnd<ModelRequest<I>, ModelReply>, service: ModelService<M, I, O, Info>): void {
	const models = new Map<string, Promise<{ model: M; info: Info }>>();
	const reply = (message: ModelReply) => scope.postMessage(message);
	const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

	scope.onmessage = async ({ data }) => {
		const { id } = data;
		try {
			if (data.kind === 'load') {
				let loading = models.get(data.modelId);
				if (!loading) {
					loading = service.load(data.modelId, data.url);
					models.set(data.modelId, loading);
					// A failed load can be tried again.
					loading.catch(() => models.delete(data.modelId));
				}
				reply({ id, ok: true, result: (await loading).info });
			} else {
				const loaded = models.get(data.modelId);
				if (!loaded) throw new Error(`model ${data.modelId} was not loaded`);
				reply({ id, ok: true, result: service.predict((await loaded).model, data.input) });
			}
		} catch (error) {
			reply({ id, ok: false, error: failure(error) });
		}
	};
}
