/**
 * Predictions of a FlatForest. They equal ml-random-forest's `predict` bit for bit: the same
 * comparisons (`x < threshold` goes left) and the trees' values summed in tree order, then divided
 * by the number of trees, as the library's mean does.
 */

import type { FlatForest } from './flat.ts';

/** Index of the leaf that `row` reaches in tree `t`; the row's features start at `row[offset]`. */
export function leafOf(flat: FlatForest, t: number, row: ArrayLike<number>, offset = 0): number {
	const { feature, threshold, right } = flat;
	let node = flat.treeOffsets[t];
	let f = feature[node];
	while (f >= 0) {
		node = row[offset + f] < threshold[node] ? node + 1 : right[node];
		f = feature[node];
	}
	return node;
}

/**
 * Predict many rows at once. `rows` is row-major: row r's features are
 * `rows[r * nFeatures .. (r + 1) * nFeatures)`. Walks one tree over all rows at a time (cache-friendly).
 */
export function predictForest(flat: FlatForest, rows: Float64Array, nRows: number): Float64Array {
	const { nFeatures, nTrees, treeOffsets, feature, threshold, right, value } = flat;
	if (rows.length < nRows * nFeatures) {
		throw new RangeError(`rows holds ${rows.length} numbers, fewer than ${nRows} x ${nFeatures}`);
	}
	const out = new Float64Array(nRows);
	for (let t = 0; t < nTrees; t++) {
		const root = treeOffsets[t];
		for (let r = 0, base = 0; r < nRows; r++, base += nFeatures) {
			let node = root;
			let f = feature[node];
			while (f >= 0) {
				node = rows[base + f] < threshold[node] ? node + 1 : right[node];
				f = feature[node];
			}
			out[r] += value[node];
		}
	}
	for (let r = 0; r < nRows; r++) out[r] /= nTrees;
	return out;
}

/** Each tree's prediction for one row (e.g. for a range from the spread of the trees). */
export function predictTrees(flat: FlatForest, row: ArrayLike<number>): Float64Array {
	checkRow(flat, row);
	const out = new Float64Array(flat.nTrees);
	for (let t = 0; t < flat.nTrees; t++) out[t] = flat.value[leafOf(flat, t, row)];
	return out;
}

/** The forest's prediction for one row (mean of the trees). */
export function predictOne(flat: FlatForest, row: ArrayLike<number>): number {
	checkRow(flat, row);
	let sum = 0;
	for (let t = 0; t < flat.nTrees; t++) sum += flat.value[leafOf(flat, t, row)];
	return sum / flat.nTrees;
}

function checkRow(flat: FlatForest, row: ArrayLike<number>): void {
	if (row.length !== flat.nFeatures) {
		throw new RangeError(`A row has ${row.length} features; the forest expects ${flat.nFeatures}`);
	}
}
