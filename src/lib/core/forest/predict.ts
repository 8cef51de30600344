/**
 * Predictions of a FlatForest. Regression: they equal ml-random-forest's `predict` bit for bit (the
 * same comparisons, `x < threshold` goes left, the trees' values summed in tree order, then divided
 * by the number of trees, as the library's mean does). Classification: the mean of the trees' leaf
 * distributions, summed in tree order (scikit-learn's `predict_proba`; see `flatten.ts` for why not
 * the library's `predictProbability`).
 */

import { primaryOutput, type FlatForest } from './flat.ts';

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
 * `rows[r * nFeatures .. (r + 1) * nFeatures)`. Returns `nOutputs` values per row, row-major: the
 * prediction (regression), or the probability of each class (classification). Walks one tree over
 * all rows at a time (cache-friendly).
 */
export function predictForest(flat: FlatForest, rows: Float64Array, nRows: number): Float64Array {
	const { nFeatures, nTrees, treeOffsets, feature, threshold, right, value, nOutputs: k } = flat;
	checkRows(flat, rows, nRows);
	const out = new Float64Array(nRows * k);
	for (let t = 0; t < nTrees; t++) {
		const root = treeOffsets[t];
		for (let r = 0, base = 0; r < nRows; r++, base += nFeatures) {
			let node = root;
			let f = feature[node];
			while (f >= 0) {
				node = rows[base + f] < threshold[node] ? node + 1 : right[node];
				f = feature[node];
			}
			if (k === 1) out[r] += value[node];
			else for (let c = 0, at = node * k, o = r * k; c < k; c++) out[o + c] += value[at + c];
		}
	}
	for (let i = 0; i < out.length; i++) out[i] /= nTrees;
	return out;
}

/**
 * One output per row: the prediction (regression) or the probability of class `output` (by default
 * the positive class 1 of a binary classifier). Equal to the matching column of `predictForest`.
 */
export function predictOutput(flat: FlatForest, rows: Float64Array, nRows: number, output = primaryOutput(flat)): Float64Array {
	checkOutput(flat, output);
	if (flat.nOutputs === 1) return predictForest(flat, rows, nRows);
	const { nFeatures, nTrees, treeOffsets, feature, threshold, right, value, nOutputs: k } = flat;
	checkRows(flat, rows, nRows);
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
			out[r] += value[node * k + output];
		}
	}
	for (let r = 0; r < nRows; r++) out[r] /= nTrees;
	return out;
}

/** Each tree's value of one output for one row (e.g. for a range from the spread of the trees). */
export function predictTrees(flat: FlatForest, row: ArrayLike<number>, output = primaryOutput(flat)): Float64Array {
	checkRow(flat, row);
	checkOutput(flat, output);
	const out = new Float64Array(flat.nTrees);
	for (let t = 0; t < flat.nTrees; t++) out[t] = flat.value[leafOf(flat, t, row) * flat.nOutputs + output];
	return out;
}

/** The forest's value of one output for one row (mean of the trees). */
export function predictOne(flat: FlatForest, row: ArrayLike<number>, output = primaryOutput(flat)): number {
	checkRow(flat, row);
	checkOutput(flat, output);
	let sum = 0;
	for (let t = 0; t < flat.nTrees; t++) sum += flat.value[leafOf(flat, t, row) * flat.nOutputs + output];
	return sum / flat.nTrees;
}

/** Every output for one row: the class probabilities of a classifier (they sum to 1 up to rounding). */
export function predictOneAll(flat: FlatForest, row: ArrayLike<number>): Float64Array {
	checkRow(flat, row);
	return predictForest(flat, Float64Array.from(row), 1);
}

/** The most probable class of each row (the first on ties), from `predictForest` output. */
export function mostProbableClass(probabilities: Float64Array, nClasses: number): Uint32Array {
	const n = probabilities.length / nClasses;
	const out = new Uint32Array(n);
	for (let r = 0; r < n; r++) {
		let best = 0;
		for (let c = 1; c < nClasses; c++) if (probabilities[r * nClasses + c] > probabilities[r * nClasses + best]) best = c;
		out[r] = best;
	}
	return out;
}

function checkRow(flat: FlatForest, row: ArrayLike<number>): void {
	if (row.length !== flat.nFeatures) {
		throw new RangeError(`A row has ${row.length} features; the forest expects ${flat.nFeatures}`);
	}
}

function checkRows(flat: FlatForest, rows: Float64Array, nRows: number): void {
	if (rows.length < nRows * flat.nFeatures) {
		throw new RangeError(`rows holds ${rows.length} numbers, fewer than ${nRows} x ${flat.nFeatures}`);
	}
}

function checkOutput(flat: FlatForest, output: number): void {
	if (!Number.isInteger(output) || output < 0 || output >= flat.nOutputs) {
		throw new RangeError(`Output ${output} does not exist; the forest has ${flat.nOutputs}`);
	}
}
