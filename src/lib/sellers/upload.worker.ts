/// <reference lib="webworker" />
/**
 * The activity-file worker: reads a dropped file chunk by chunk and ranks its users with the shipped
 * model, off the page's main thread, reporting progress (at most every 100 ms).
 */
import type { SellersMessage, SellersRequest } from './job';
import { analyseFile } from './upload';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SellersMessage) => scope.postMessage(message);

scope.onmessage = (event: MessageEvent<SellersRequest>) => {
	const { file, fileName, model, maxBytes, asOfMonth } = event.data;
	let last = 0;
	analyseFile(file, fileName, model, {
		maxBytes,
		asOfMonth,
		onProgress: (progress) => {
			const now = performance.now();
			if (now - last < 100 && progress.fraction < 1) return;
			last = now;
			post({ type: 'progress', progress });
		}
	})
		.then(post)
		.catch((error: unknown) => post({ type: 'failed', failure: { kind: 'internal', message: `The analysis stopped with an error: ${error instanceof Error ? error.message : String(error)}` } }));
};
