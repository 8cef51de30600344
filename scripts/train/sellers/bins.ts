/**
 * Quantile bins for training the seller forest fast. ml-cart evaluates a split at every change of
 * label along each sorted feature; with a balanced sample ordered by class (negatives, then
 * positives), ties keep that order, so a node costs about (distinct values x rows) per feature.
 * Binning a feature with many distinct values to at most `maxBins` bounds that. Training sees bin
 * indices; afterwards every threshold t on a bin index is mapped to the raw value where bin ceil(t)
 * starts, so `bin(x) < t` exactly when `x < edge`: the flat forest predicts on raw features with
 * the partition it learnt. Bin lookup and the threshold mapping are core/forest's; the
 * edges (with extra tail quantiles) and the flat-row binning are the seller forest's own.
 */
import { binOf, type BinEdges } from '../../../src/lib/core/forest/bins.ts';

export { binOf, thresholdsToRaw, type BinEdges } from '../../../src/lib/core/forest/bins.ts';

/**
 * Upper-tail quantiles added to the even ones: the top of a ranking lives in the top fraction of a
 * percent of each activity feature, which even quantile bins would lump into one bin.
 */
export const TAIL_QUANTILES = [0.97, 0.985, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9998];

/**
 * Bin edges per feature: every distinct value when there are at most `maxBins`, else the values at
 * `maxBins` evenly spaced quantiles plus the TAIL_QUANTILES (duplicates dropped).
 */
export function quantileBinEdges(X: Float64Array, width: number, maxBins: number): BinEdges {
	const n = X.length / width;
	const edges: BinEdges = [];
	const column = new Float64Array(n);
	for (let f = 0; f < width; f++) {
		for (let i = 0; i < n; i++) column[i] = X[i * width + f];
		const sorted = column.slice().sort();
		const distinct: number[] = [];
		for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
		const cuts: number[] = [];
		if (distinct.length <= maxBins) cuts.push(...distinct.slice(1));
		else {
			const qs = [...Array.from({ length: maxBins - 1 }, (_, b) => (b + 1) / maxBins), ...TAIL_QUANTILES].sort((a, b) => a - b);
			for (const q of qs) {
				const v = sorted[Math.min(n - 1, Math.floor(q * n))];
				if (v > distinct[0] && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
			}
		}
		edges.push(Float64Array.from(cuts));
	}
	return edges;
}

/** Rows (as the library wants them) with each value replaced by its bin. */
export function binnedRows(X: Float64Array, width: number, edges: BinEdges): number[][] {
	const n = X.length / width;
	const rows: number[][] = new Array(n);
	for (let i = 0; i < n; i++) {
		const row = new Array<number>(width);
		for (let f = 0; f < width; f++) row[f] = binOf(edges[f], X[i * width + f]);
		rows[i] = row;
	}
	return rows;
}
