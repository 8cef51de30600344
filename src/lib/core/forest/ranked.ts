/**
 * A shallow regression FlatForest prepared for scoring many rows fast, with exactly
 * `predictForest`'s answers (bit for bit: the same comparisons, the same leaf values summed in tree
 * order, then divided by the number of trees).
 *
 * Split values become ranks: each feature's distinct split values are sorted once, each row's value
 * becomes the number of them at or below it (NaN: all of them), and `x < split[k]` is then
 * `rank <= k`, an integer test whose outcome is computed with arithmetic (a sign bit), not a branch
 * the processor mispredicts at every other node. Each tree is laid out as a complete binary tree
 * (a leaf above the bottom passes rows down to copies of itself), so every row takes the same
 * number of steps, and four rows are walked at once. That pays only for shallow trees: a forest
 * deeper than COMPLETE_DEPTH is not ranked (`rankForest` gives null) and `manyRowPredictor` walks it
 * with `predictForest`, as it does batches too small to repay the preparation. Figures: `npx tsx scripts/bench/forest-ranked.ts` on the shipped GMV forests.
 *
 * Pure TS, no DOM.
 */
import type { FlatForest } from './flat';
import { predictForest } from './predict';

/** Deepest forest laid out complete (2^depth leaves per tree). */
export const COMPLETE_DEPTH = 14;

/** A key that sends every row left (the complete layout's pass-through nodes below a leaf). */
const LEFT_ALWAYS = 0x3fffffff;

export interface RankedForest {
	nFeatures: number;
	nTrees: number;
	/** Per feature, its distinct split values, ascending. */
	splits: Float64Array[];
	/** Depth of every tree in the complete layout (the deepest tree's). */
	depth: number;
	/** Per tree, 2^depth - 1 nodes (children of node i at 2i+1 and 2i+2): the feature tested (0 when never read). */
	feature: Int32Array;
	/** Go left when the row's rank of `feature` is <= key. */
	key: Int32Array;
	/** `feature` and `key + 1` of every node side by side (one cache line holds both), as the walk reads them. */
	nodes: Int32Array;
	/** Per tree, the values of its 2^depth leaves. */
	value: Float64Array;
}

function depthOf(flat: FlatForest, root: number): number {
	let deepest = 0;
	const stack = [root, 0];
	while (stack.length) {
		const d = stack.pop()!;
		const i = stack.pop()!;
		if (flat.feature[i] < 0) deepest = Math.max(deepest, d);
		else stack.push(i + 1, d + 1, flat.right[i], d + 1);
	}
	return deepest;
}

/** Prepare a regression forest (see the module notes), or null when it is deeper than COMPLETE_DEPTH. */
export function rankForest(flat: FlatForest): RankedForest | null {
	if (flat.nOutputs !== 1) throw new RangeError('rankForest takes a regression forest (one output per node)');
	const { nFeatures, nTrees, treeOffsets, feature, threshold, right, value } = flat;
	let deepest = 0;
	for (let t = 0; t < nTrees; t++) deepest = Math.max(deepest, depthOf(flat, treeOffsets[t]));
	if (deepest > COMPLETE_DEPTH) return null;
	const nNodes = treeOffsets[nTrees];
	const distinct = Array.from({ length: nFeatures }, () => new Set<number>());
	for (let i = 0; i < nNodes; i++) if (feature[i] >= 0) distinct[feature[i]].add(threshold[i]);
	const splits = distinct.map((s) => Float64Array.from(s).sort());
	const keyOf = splits.map((s) => new Map(Array.from(s, (v, k) => [v, k] as [number, number])));
	const internal = (1 << deepest) - 1;
	const leaves = 1 << deepest;
	const f = new Int32Array(nTrees * internal);
	const key = new Int32Array(nTrees * internal);
	const leafValue = new Float64Array(nTrees * leaves);
	for (let t = 0; t < nTrees; t++) {
		// Triples (node of the flat forest, position in the complete tree, depth).
		const stack = [treeOffsets[t], 0, 0];
		while (stack.length) {
			const d = stack.pop()!;
			const at = stack.pop()!;
			const node = stack.pop()!;
			if (d === deepest) {
				leafValue[t * leaves + at - internal] = value[node];
				continue;
			}
			const isLeaf = feature[node] < 0;
			f[t * internal + at] = isLeaf ? 0 : feature[node];
			key[t * internal + at] = isLeaf ? LEFT_ALWAYS : keyOf[feature[node]].get(threshold[node])!;
			stack.push(isLeaf ? node : node + 1, 2 * at + 1, d + 1, isLeaf ? node : right[node], 2 * at + 2, d + 1);
		}
	}
	const nodes = new Int32Array(2 * f.length);
	for (let k = 0; k < f.length; k++) {
		nodes[2 * k] = f[k];
		nodes[2 * k + 1] = key[k] + 1;
	}
	return { nFeatures, nTrees, splits, depth: deepest, feature: f, key, nodes, value: leafValue };
}

/**
 * Rows from which a batch is walked ranked: preparing the shipped GMV forest (depth 12) takes
 * 80-110 ms and saves about 4 us a row, so it pays from some 20,000 rows.
 */
export const RANKED_MIN_ROWS = 20_000;

/**
 * Predictions of many rows with a regression forest: ranked when the forest is shallow enough and
 * the batch has at least `minRows` rows (prepared on the first such call, kept for the next), else
 * with `predictForest`. The same numbers either way.
 */
export function manyRowPredictor(flat: FlatForest, minRows = RANKED_MIN_ROWS): (rows: Float64Array, nRows: number) => Float64Array {
	let ranked: RankedForest | null | undefined;
	return (rows, nRows) => {
		if (nRows < minRows) return predictForest(flat, rows, nRows);
		if (ranked === undefined) ranked = rankForest(flat);
		return ranked ? predictRanked(ranked, rows, nRows) : predictForest(flat, rows, nRows);
	};
}

/**
 * Each value's rank among its feature's split values (how many are <= it; NaN: all), row-major
 * like `rows`. A feature no tree splits on ranks 0.
 */
export function rankRows(ranked: RankedForest, rows: Float64Array, nRows: number): Int32Array {
	const { nFeatures, splits } = ranked;
	if (rows.length < nRows * nFeatures) throw new RangeError(`rows holds ${rows.length} numbers, fewer than ${nRows} x ${nFeatures}`);
	const out = new Int32Array(nRows * nFeatures);
	const counts = splits.map((s) => s.length);
	// Features with many splits often repeat values (a month's budget, a category's share): each
	// keeps the last rank found per slot of a small table (slot from the value's bits), so a repeated
	// value skips its binary search. The rank is the search's for that very value (-0 and 0 rank alike).
	const seen = new Float64Array(RANK_CACHE_SLOTS * nFeatures).fill(NaN);
	const known = new Int32Array(RANK_CACHE_SLOTS * nFeatures);
	const bits = new Float64Array(1);
	const words = new Int32Array(bits.buffer);
	// Row by row (the features of a row sit together in memory).
	for (let r = 0, at = 0; r < nRows; r++) {
		for (let j = 0; j < nFeatures; j++, at++) {
			const m = counts[j];
			if (m === 0) continue;
			const x = rows[at];
			if (x !== x) {
				out[at] = m;
				continue;
			}
			let slot = -1;
			if (m > RANK_CACHE_FROM) {
				bits[0] = x;
				slot = j * RANK_CACHE_SLOTS + (Math.imul(words[0] ^ words[1], 0x9e3779b1) >>> (32 - RANK_CACHE_BITS));
				if (seen[slot] === x) {
					out[at] = known[slot];
					continue;
				}
			}
			const s = splits[j];
			let lo = 0;
			let hi = m;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (s[mid] <= x) lo = mid + 1;
				else hi = mid;
			}
			out[at] = lo;
			if (slot >= 0) {
				seen[slot] = x;
				known[slot] = lo;
			}
		}
	}
	return out;
}

/** The rank table of `rankRows`: 2^RANK_CACHE_BITS slots per feature with more than RANK_CACHE_FROM splits. */
const RANK_CACHE_BITS = 10;
const RANK_CACHE_SLOTS = 1 << RANK_CACHE_BITS;
const RANK_CACHE_FROM = 8;

/** Predictions of many rows (row-major features): equal to `predictForest` on the forest it was made from. */
export function predictRanked(ranked: RankedForest, rows: Float64Array, nRows: number): Float64Array {
	const ranks = rankRows(ranked, rows, nRows);
	const out = walk(ranked, ranks, nRows);
	for (let r = 0; r < nRows; r++) out[r] /= ranked.nTrees;
	return out;
}

/** Sums of the trees' leaf values, four rows at a time. */
function walk(ranked: RankedForest, R: Int32Array, nRows: number): Float64Array {
	const { nFeatures: w, nTrees, nodes, value, depth: D } = ranked;
	const internal = (1 << D) - 1;
	const leaves = 1 << D;
	const out = new Float64Array(nRows);
	const n4 = nRows - (nRows % 4);
	for (let t = 0; t < nTrees; t++) {
		// Node i of tree t is at o + 2i: its feature, then its key + 1 (go left when rank - (key + 1) < 0).
		const o = 2 * t * internal;
		const v = t * leaves - internal;
		for (let r = 0; r < n4; r += 4) {
			const b0 = r * w;
			const b1 = b0 + w;
			const b2 = b1 + w;
			const b3 = b2 + w;
			let i0 = 0;
			let i1 = 0;
			let i2 = 0;
			let i3 = 0;
			for (let d = 0; d < D; d++) {
				const k0 = o + 2 * i0;
				const k1 = o + 2 * i1;
				const k2 = o + 2 * i2;
				const k3 = o + 2 * i3;
				i0 = 2 * i0 + 2 - ((R[b0 + nodes[k0]] - nodes[k0 + 1]) >>> 31);
				i1 = 2 * i1 + 2 - ((R[b1 + nodes[k1]] - nodes[k1 + 1]) >>> 31);
				i2 = 2 * i2 + 2 - ((R[b2 + nodes[k2]] - nodes[k2 + 1]) >>> 31);
				i3 = 2 * i3 + 2 - ((R[b3 + nodes[k3]] - nodes[k3 + 1]) >>> 31);
			}
			out[r] += value[v + i0];
			out[r + 1] += value[v + i1];
			out[r + 2] += value[v + i2];
			out[r + 3] += value[v + i3];
		}
		for (let r = n4; r < nRows; r++) {
			const b = r * w;
			let i = 0;
			for (let d = 0; d < D; d++) {
				const k = o + 2 * i;
				i = 2 * i + 2 - ((R[b + nodes[k]] - nodes[k + 1]) >>> 31);
			}
			out[r] += value[v + i];
		}
	}
	return out;
}
