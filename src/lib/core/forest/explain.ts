/**
 * Saabas path explanations of a FlatForest prediction: walking a row down a tree, each split moves
 * the running value from the node's value to the child's; that change is credited to the split's
 * feature. Averaged over trees: prediction = bias + sum(contributions), with bias the mean of the
 * roots' values (the forest's average prediction over its training rows).
 */

import type { FlatForest } from './flat.ts';

/** A prediction split into a starting value and one additive contribution per feature. */
export interface PredictionExplanation {
	/** Mean of the trees' root values: the forest's average prediction over the training rows. */
	bias: number;
	/** Per feature (model feature order): how much that feature's splits moved the prediction. */
	contributions: Float64Array;
	/** The forest's prediction for the row (equal to `predictOne`). */
	prediction: number;
}

/** Explain one row's prediction; `bias + sum(contributions)` equals `prediction` up to rounding. */
export function explainPrediction(flat: FlatForest, row: ArrayLike<number>): PredictionExplanation {
	const { nFeatures, nTrees, treeOffsets, feature, threshold, right, value } = flat;
	if (row.length !== nFeatures) {
		throw new RangeError(`A row has ${row.length} features; the forest expects ${nFeatures}`);
	}
	const contributions = new Float64Array(nFeatures);
	let bias = 0;
	let prediction = 0;
	for (let t = 0; t < nTrees; t++) {
		let node = treeOffsets[t];
		bias += value[node];
		let f = feature[node];
		while (f >= 0) {
			const child = row[f] < threshold[node] ? node + 1 : right[node];
			contributions[f] += value[child] - value[node];
			node = child;
			f = feature[node];
		}
		prediction += value[node];
	}
	for (let f = 0; f < nFeatures; f++) contributions[f] /= nTrees;
	return { bias: bias / nTrees, contributions, prediction: prediction / nTrees };
}
