/**
 * Saabas path explanations of a FlatForest prediction: walking a row down a tree, each split moves
 * the running value from the node's value to the child's; that change is credited to the split's
 * feature. Averaged over trees: prediction = bias + sum(contributions), with bias the mean of the
 * roots' values (the forest's average prediction over its training rows). For a classifier the same
 * holds per class, with the class probability as the prediction.
 */

import { primaryOutput, type FlatForest } from './flat.ts';

/** A prediction split into a starting value and one additive contribution per feature. */
export interface PredictionExplanation {
	/** Mean of the trees' root values: the forest's average prediction over the training rows. */
	bias: number;
	/** Per feature (model feature order): how much that feature's splits moved the prediction. */
	contributions: Float64Array;
	/** The forest's prediction for the row (equal to `predictOne` for the same output). */
	prediction: number;
}

/**
 * Explain one row's prediction of one output (regression: the prediction; classification: the
 * probability of class `output`, by default the positive class of a binary classifier);
 * `bias + sum(contributions)` equals `prediction` up to rounding.
 */
export function explainPrediction(flat: FlatForest, row: ArrayLike<number>, output = primaryOutput(flat)): PredictionExplanation {
	const { nFeatures, nTrees, treeOffsets, feature, threshold, right, value, nOutputs: k } = flat;
	if (row.length !== nFeatures) {
		throw new RangeError(`A row has ${row.length} features; the forest expects ${nFeatures}`);
	}
	if (!Number.isInteger(output) || output < 0 || output >= k) throw new RangeError(`Output ${output} does not exist; the forest has ${k}`);
	const contributions = new Float64Array(nFeatures);
	let bias = 0;
	let prediction = 0;
	for (let t = 0; t < nTrees; t++) {
		let node = treeOffsets[t];
		bias += value[node * k + output];
		let f = feature[node];
		while (f >= 0) {
			const child = row[f] < threshold[node] ? node + 1 : right[node];
			contributions[f] += value[child * k + output] - value[node * k + output];
			node = child;
			f = feature[node];
		}
		prediction += value[node * k + output];
	}
	for (let f = 0; f < nFeatures; f++) contributions[f] /= nTrees;
	return { bias: bias / nTrees, contributions, prediction: prediction / nTrees };
}

/** One explanation per class of a classifier (class order); their predictions sum to 1 up to rounding. */
export function explainClasses(flat: FlatForest, row: ArrayLike<number>): PredictionExplanation[] {
	if (flat.kind !== 'classification') throw new TypeError('explainClasses needs a classification forest');
	return Array.from({ length: flat.nOutputs }, (_, c) => explainPrediction(flat, row, c));
}
