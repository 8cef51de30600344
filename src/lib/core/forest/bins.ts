/**
 * Quantile bins for training a forest fast on many distinct values. ml-cart tries a split at every
 * change of label along each sorted feature, so a node costs about (distinct values x rows) per
 * feature when its rows are ordered by class (as balanced samples are); replacing each value by
 * its bin (at most `maxBins` distinct values) bounds that cost. After training, every threshold on
 * a bin index is mapped back to the raw value where that bin starts, so the forest predicts on raw
 * features with exactly the partition it learnt: `bin(x) < t` if and only if `x < edges[ceil(t) - 1]`.
 *
 * Pure TS, no DOM.
 */
import type { FlatForest } from './flat.ts';

/** Per feature, the ascending raw values where bins 1, 2, ... start (bin 0 is everything below the first). */
export type BinEdges = Float64Array[];

/**
 * Edges of at most `maxBins` bins per feature: every distinct value when there are few enough,
 * else the values at evenly spaced quantiles of the rows (duplicates dropped).
 */
export function quantileBinEdges(X: readonly (readonly number[])[], maxBins: number): BinEdges {
	if (!Number.isInteger(maxBins) || maxBins < 2) throw new RangeError(`maxBins must be an integer of at least 2, not ${maxBins}`);
	if (X.length === 0) throw new RangeError('No rows to bin');
	const nFeatures = X[0].length;
	const edges: BinEdges = [];
	const column = new Float64Array(X.length);
	for (let f = 0; f < nFeatures; f++) {
		for (let i = 0; i < X.length; i++) {
			const v = X[i][f];
			if (!Number.isFinite(v)) throw new RangeError(`Row ${i}, feature ${f} is ${v}: binning needs finite values`);
			column[i] = v;
		}
		const sorted = column.slice().sort();
		const distinct: number[] = [];
		for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
		const cuts: number[] = [];
		if (distinct.length <= maxBins) {
			cuts.push(...distinct.slice(1));
		} else {
			for (let b = 1; b < maxBins; b++) {
				const v = sorted[Math.floor((b * sorted.length) / maxBins)];
				if (v > distinct[0] && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
			}
		}
		edges.push(Float64Array.from(cuts));
	}
	return edges;
}

/** The bin of `x`: how many edges are at or below it. */
export function binOf(edges: Float64Array, x: number): number {
	let lo = 0;
	let hi = edges.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (edges[mid] <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Every row with each value replaced by its bin index. */
export function binRows(X: readonly (readonly number[])[], edges: BinEdges): number[][] {
	return X.map((row) => row.map((v, f) => binOf(edges[f], v)));
}

/**
 * Turn a forest trained on bin indices into one on raw values, in place: a threshold t (ml-cart
 * puts it halfway between two bins, or on a bin) becomes the edge where bin ceil(t) starts.
 */
export function thresholdsToRaw(flat: FlatForest, edges: BinEdges): void {
	for (let node = 0; node < flat.feature.length; node++) {
		const f = flat.feature[node];
		if (f < 0) continue;
		const k = Math.ceil(flat.threshold[node]) - 1;
		if (k < 0 || k >= edges[f].length) throw new RangeError(`Node ${node} splits feature ${f} at bin ${flat.threshold[node]}, outside its ${edges[f].length + 1} bins`);
		flat.threshold[node] = edges[f][k];
	}
}
