import { describe, expect, it } from 'vitest';
import { flattenRegressionForest } from './flatten.ts';
import { manyRowPredictor } from './ranked.ts';
import { serveForestSplit, SPLIT_MIN_ROWS, splitForestPredictor, type SplitReply, type SplitRequest, type SplitWorker } from './split.ts';
import { makeRegressionData } from './synthetic.ts';
import { trainForestRegressor } from './train.ts';

/** A helper thread in this one: messages cross with structured clones, a turn of the event loop apart. */
function fakeHelper(options: { crashOnPredict?: boolean } = {}): SplitWorker & { requests: string[] } {
	const helperScope = {
		onmessage: null as ((event: MessageEvent<SplitRequest>) => void) | null,
		postMessage: (message: SplitReply) => setTimeout(() => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<SplitReply>), 0)
	};
	serveForestSplit(helperScope);
	const worker: SplitWorker & { requests: string[] } = {
		requests: [],
		onmessage: null,
		onerror: null,
		postMessage(message) {
			worker.requests.push(message.type);
			if (message.type === 'predict' && options.crashOnPredict) {
				setTimeout(() => worker.onerror?.({} as ErrorEvent), 0);
				return;
			}
			const copy = structuredClone(message);
			setTimeout(() => helperScope.onmessage?.({ data: copy } as MessageEvent<SplitRequest>), 0);
		},
		terminate() {}
	};
	return worker;
}

describe('a forest split over two threads', () => {
	const { X, y } = makeRegressionData(700, 9, 5);
	const trainX = X.slice(0, 600);
	const n = SPLIT_MIN_ROWS + 3;
	const rows = new Float64Array(n * 9);
	for (let i = 0; i < n; i++) rows.set(X[i % X.length].map((v, j) => v + ((i * 31 + j) % 7) * 0.01), i * 9);

	for (const [name, maxDepth] of [
		['shallow trees (ranked)', 8],
		['deep trees (walked by predictForest)', undefined]
	] as const) {
		const flat = flattenRegressionForest(trainForestRegressor(trainX, y.slice(0, 600), { nEstimators: 5, seed: 2, maxDepth }), trainX);
		const want = manyRowPredictor(flat)(rows, n);

		it(`${name}: the two halves give manyRowPredictor's predictions exactly, the second half from the helper`, async () => {
			const helper = fakeHelper();
			const predict = splitForestPredictor(flat, () => helper);
			expect(await predict(rows, n)).toEqual(want);
			expect(helper.requests).toEqual(['forest', 'predict']);
			// A small batch stays on this thread.
			expect(await predict(rows, 100)).toEqual(manyRowPredictor(flat)(rows, 100));
			expect(helper.requests).toEqual(['forest', 'predict']);
		});

		it(`${name}: without a helper, or when it fails, this thread predicts alone`, async () => {
			expect(await splitForestPredictor(flat, () => null)(rows, n)).toEqual(want);
			expect(
				await splitForestPredictor(flat, () => {
					throw new Error('no workers here');
				})(rows, n)
			).toEqual(want);
			const crashing = fakeHelper({ crashOnPredict: true });
			const predict = splitForestPredictor(flat, () => crashing);
			expect(await predict(rows, n)).toEqual(want);
			expect(await predict(rows, n)).toEqual(want);
		});
	}
});
