/**
 * A regression forest's predictions of a large batch on two threads: a helper worker ranks the
 * forest (rankForest) while this thread does other work (reads the file), hands the ranked forest
 * back, and then walks the second half of each large batch while this thread walks the first. Each
 * row's prediction is its own sum over the trees, so the halves give exactly `manyRowPredictor`'s
 * numbers. Any failure of the helper (it cannot start, stops, or answers wrongly) falls back to
 * this thread alone. The helper's side is `serveForestSplit` (split.worker.ts). Pure, no DOM.
 */
import type { FlatForest } from './flat';
import { predictForest } from './predict';
import { manyRowPredictor, predictRanked, rankForest, RANKED_MIN_ROWS, type RankedForest } from './ranked';

/** This thread -> the helper. */
export type SplitRequest = { type: 'forest'; flat: FlatForest } | { type: 'predict'; id: number; rows: Float64Array; nRows: number };
/** The helper -> this thread. */
export type SplitReply = { type: 'ranked'; ranked: RankedForest | null } | { type: 'predicted'; id: number; out: Float64Array };

/** The part of a Worker (or a test's stand-in) the split uses. */
export interface SplitWorker {
	onmessage: ((event: MessageEvent<SplitReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	postMessage(message: SplitRequest, transfer?: Transferable[]): void;
	terminate(): void;
}

/** Batches from this many rows are split (each half still repays the ranked walk). */
export const SPLIT_MIN_ROWS = 2 * RANKED_MIN_ROWS;

export type BatchPredictor = (rows: Float64Array, nRows: number) => Promise<Float64Array>;

/**
 * Start the helper now (it ranks the forest at once) and return the predictor of large batches.
 * `createWorker` may throw or return null: everything then runs on this thread.
 */
export function splitForestPredictor(flat: FlatForest, createWorker: () => SplitWorker | null): BatchPredictor {
	const local = manyRowPredictor(flat);
	let worker: SplitWorker | null = null;
	try {
		worker = createWorker();
	} catch {
		worker = null;
	}
	if (!worker) return async (rows, nRows) => local(rows, nRows);
	const helper = worker;
	let failed = false;
	let resolveRanked: (ranked: RankedForest | null | undefined) => void = () => {};
	const ranked = new Promise<RankedForest | null | undefined>((resolve) => (resolveRanked = resolve));
	const pending = new Map<number, { resolve: (out: Float64Array | null) => void; nRows: number }>();
	const fail = () => {
		failed = true;
		resolveRanked(undefined);
		for (const p of pending.values()) p.resolve(null);
		pending.clear();
		helper.terminate();
	};
	helper.onerror = fail;
	helper.onmessage = (event) => {
		const reply = event.data;
		if (reply?.type === 'ranked') resolveRanked(reply.ranked);
		else if (reply?.type === 'predicted') {
			const p = pending.get(reply.id);
			pending.delete(reply.id);
			p?.resolve(reply.out instanceof Float64Array && reply.out.length === p.nRows ? reply.out : null);
		} else fail();
	};
	try {
		helper.postMessage({ type: 'forest', flat });
	} catch {
		fail();
	}
	let nextId = 0;
	return async (rows, nRows) => {
		if (nRows < SPLIT_MIN_ROWS || failed) return local(rows, nRows);
		const forest = await ranked;
		if (forest === undefined || failed) return local(rows, nRows);
		const width = flat.nFeatures;
		const half = nRows >> 1;
		const id = nextId++;
		const theirs = new Promise<Float64Array | null>((resolve) => pending.set(id, { resolve, nRows: nRows - half }));
		const second = rows.slice(half * width, nRows * width);
		try {
			helper.postMessage({ type: 'predict', id, rows: second, nRows: nRows - half }, [second.buffer]);
		} catch {
			fail();
			return local(rows, nRows);
		}
		const mine = forest ? predictRanked(forest, rows, half) : predictForest(flat, rows, half);
		const other = await theirs;
		if (!other) return local(rows, nRows);
		const out = new Float64Array(nRows);
		out.set(mine);
		out.set(other, half);
		return out;
	};
}

/** The helper's side: call once at the top level of the helper worker. */
export function serveForestSplit(scope: { onmessage: ((event: MessageEvent<SplitRequest>) => void) | null; postMessage(message: SplitReply, transfer?: Transferable[]): void }): void {
	let flat: FlatForest | null = null;
	let ranked: RankedForest | null = null;
	scope.onmessage = (event) => {
		const request = event.data;
		if (request.type === 'forest') {
			flat = request.flat;
			ranked = rankForest(flat);
			scope.postMessage({ type: 'ranked', ranked });
		} else if (request.type === 'predict' && flat) {
			const out = ranked ? predictRanked(ranked, request.rows, request.nRows) : predictForest(flat, request.rows, request.nRows);
			scope.postMessage({ type: 'predicted', id: request.id, out }, [out.buffer]);
		}
	};
}
