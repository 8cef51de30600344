/**
 * Flattening trained ml-random-forest models (the live model or its parsed `toJSON()`) into a
 * FlatForest. Regression forests keep the library's leaf means; classification forests keep the
 * library's leaf class distributions bit for bit (see `flat.ts` for the layout).
 *
 * What the flat classifier reproduces of ml-random-forest 2.1 / ml-cart 2.1 (checked in
 * `classify.test.ts`):
 * - every tree's leaf distribution, and so every tree's vote (`predictionValues`), exactly;
 * - NOT `RandomForestClassifier.predictProbability`: that counts hard votes, rounds to 6 decimals
 *   and, because its `reduce` has no initial value, starts from the first tree's *label* instead of
 *   counting its vote (all of 3 trees voting 1 gives 0.666668; a 1-tree forest gives 0.000001).
 *   The flat forest averages the trees' leaf distributions instead, as scikit-learn's
 *   `predict_proba` does: a smooth probability, better for ranking and for calibration.
 * Labels must be the integers 0..K-1: ml-cart indexes an array with them, and a leaf's distribution
 * is only as long as the largest label that reached it (`[1]` for a pure class-0 leaf); the
 * flattener pads it with zeros to K classes.
 *
 * Pure TS, no DOM, no Node APIs.
 */
import { fillInternalNodes, type FlatForest, type FlatForestKind } from './flat.ts';

/** The parts of an ml-cart `TreeNode` (live or from JSON) that the flattener reads. */
interface LibTreeNode {
	splitColumn?: number;
	splitValue?: number;
	distribution?: unknown;
	left?: LibTreeNode;
	right?: LibTreeNode;
}

/** The parts of `RandomForestRegression.toJSON()` / `RandomForestClassifier.toJSON()` that the flattener reads. */
export interface LibForestJSON {
	name: string;
	selectionMethod?: string;
	baseModel: {
		indexes: number[][];
		isClassifier?: boolean;
		estimators: { root: LibTreeNode }[];
	};
}

/** Anything holding a trained ml-random-forest model: the live model or its (parsed) JSON. */
export type LibForest = { toJSON(): unknown } | LibForestJSON;
export type LibRegressionForest = LibForest;
export type LibClassificationForest = LibForest;

function isInternal(node: LibTreeNode): node is LibTreeNode & { left: LibTreeNode; right: LibTreeNode } {
	// ml-cart predicts through a node only when it has both children (`this.right && this.left`).
	return !!node.left && !!node.right;
}

function toJSON(libModel: LibForest): LibForestJSON {
	return ('toJSON' in libModel && typeof libModel.toJSON === 'function' ? libModel.toJSON() : libModel) as LibForestJSON;
}

/** A tree to flatten: its root and the columns of the full row its split columns refer to. */
interface TreeSource {
	root: LibTreeNode;
	columns: number[];
}

/** The `nOutputs` values of one leaf (throws when the leaf holds none). */
type LeafReader = (leaf: LibTreeNode, tree: number) => number[];

/**
 * Flatten one or more trained ml-random-forest `RandomForestRegression`s (mean selection) into one
 * FlatForest (the trees of every model, in order). `trainX` must cover the rows the models were
 * trained on: they are routed through every tree to count the rows at each node (the weights of
 * the internal-node values used by explanations).
 * Predictions of the result equal `libModel.predict` exactly (same comparisons, same summation order).
 */
export function flattenRegressionForest(
	libModels: LibRegressionForest | readonly LibRegressionForest[],
	trainX: readonly (readonly number[])[]
): FlatForest {
	const jsons = ((Array.isArray(libModels) ? libModels : [libModels]) as LibRegressionForest[]).map(toJSON);
	for (const json of jsons) {
		if (json.name !== 'RFRegression' || json.baseModel?.isClassifier) {
			throw new TypeError(`Not an ml-random-forest regression model (name ${String(json.name)})`);
		}
		if ((json.selectionMethod ?? 'mean') !== 'mean') {
			throw new TypeError(`Only the 'mean' selection method is supported, not '${json.selectionMethod}'`);
		}
	}
	const readLeaf: LeafReader = (leaf, t) => {
		if (typeof leaf.distribution !== 'number' || !Number.isFinite(leaf.distribution)) {
			throw new TypeError(`Tree ${t} has a leaf without a numeric value`);
		}
		return [leaf.distribution];
	};
	return flattenTrees('regression', treesOf(jsons), 1, readLeaf, trainX);
}

/**
 * Flatten one or more trained ml-random-forest `RandomForestClassifier`s into one classification
 * FlatForest (the trees of every model, in order: a forest of 1-tree models each trained on its own
 * sample is one forest). Labels must have been the integers 0..nClasses-1; `nClasses` defaults to
 * the longest leaf distribution (at least 2). `trainX`: rows covering every row the trees were
 * trained on (all training rows), routed through every tree to weight the internal-node values.
 */
export function flattenClassificationForest(
	libModels: LibClassificationForest | readonly LibClassificationForest[],
	trainX: readonly (readonly number[])[],
	nClasses?: number
): FlatForest {
	const models = (Array.isArray(libModels) ? libModels : [libModels]) as LibClassificationForest[];
	const jsons = models.map(toJSON);
	for (const json of jsons) {
		if (json.name !== 'RFClassifier' || json.baseModel?.isClassifier !== true) {
			throw new TypeError(`Not an ml-random-forest classifier (name ${String(json?.name)})`);
		}
	}
	const trees = treesOf(jsons);
	const k = nClasses ?? Math.max(2, ...trees.map((t) => longestDistribution(t.root)));
	if (!Number.isInteger(k) || k < 2) throw new RangeError(`A classifier needs at least 2 classes, not ${k}`);
	const readLeaf: LeafReader = (leaf, t) => {
		const d = distributionOf(leaf.distribution);
		if (!d || d.length === 0 || d.length > k || d.some((p) => !Number.isFinite(p) || p < 0)) {
			throw new TypeError(`Tree ${t} has a leaf without a class distribution of at most ${k} classes`);
		}
		const out = new Array<number>(k).fill(0);
		for (let c = 0; c < d.length; c++) out[c] = d[c];
		return out;
	};
	return flattenTrees('classification', trees, k, readLeaf, trainX);
}

/** A leaf distribution as numbers: an ml-matrix row vector (live), `[[...]]` (JSON) or a plain array. */
function distributionOf(d: unknown): number[] | null {
	if (d && typeof d === 'object' && 'to1DArray' in d && typeof d.to1DArray === 'function') return d.to1DArray() as number[];
	if (Array.isArray(d)) return Array.isArray(d[0]) ? (d[0] as number[]) : (d as number[]);
	return null;
}

function longestDistribution(root: LibTreeNode): number {
	let longest = 0;
	const stack = [root];
	while (stack.length) {
		const node = stack.pop()!;
		if (isInternal(node)) stack.push(node.left, node.right);
		else longest = Math.max(longest, distributionOf(node.distribution)?.length ?? 0);
	}
	return longest;
}

function treesOf(jsons: LibForestJSON[]): TreeSource[] {
	const trees: TreeSource[] = [];
	for (const json of jsons) {
		const { estimators, indexes } = json.baseModel;
		estimators.forEach((e, t) => trees.push({ root: e.root, columns: indexes[t] }));
	}
	return trees;
}

function flattenTrees(
	kind: FlatForestKind,
	trees: TreeSource[],
	nOutputs: number,
	readLeaf: LeafReader,
	trainX: readonly (readonly number[])[]
): FlatForest {
	if (trainX.length === 0) throw new RangeError('trainX is empty');
	const nFeatures = trainX[0].length;
	const nTrees = trees.length;
	if (nTrees === 0) throw new RangeError('The forest has no trees');

	const feature: number[] = [];
	const threshold: number[] = [];
	const right: number[] = [];
	const value: number[] = [];
	const treeOffsets = new Uint32Array(nTrees + 1);
	const missing = new Array<number>(nOutputs).fill(NaN);
	for (let t = 0; t < nTrees; t++) {
		treeOffsets[t] = feature.length;
		const { columns } = trees[t];
		// Preorder with an explicit stack (trees can be deep); `rightOf` is the parent whose right child this is.
		const stack: { node: LibTreeNode; rightOf: number }[] = [{ node: trees[t].root, rightOf: -1 }];
		while (stack.length > 0) {
			const { node, rightOf } = stack.pop()!;
			const i = feature.length;
			if (rightOf >= 0) right[rightOf] = i;
			if (isInternal(node)) {
				const f = columns[node.splitColumn!];
				if (!Number.isInteger(f) || f < 0 || f >= nFeatures) {
					throw new RangeError(`Tree ${t} splits on feature ${f}, but rows have ${nFeatures} features`);
				}
				feature.push(f);
				threshold.push(node.splitValue!);
				right.push(-1);
				value.push(...missing);
				stack.push({ node: node.right, rightOf: i }, { node: node.left, rightOf: -1 });
			} else {
				feature.push(-1);
				threshold.push(NaN);
				right.push(-1);
				value.push(...readLeaf(node, t));
			}
		}
	}
	treeOffsets[nTrees] = feature.length;

	const flat: FlatForest = {
		kind,
		nFeatures,
		nTrees,
		nOutputs,
		treeOffsets,
		feature: Int32Array.from(feature),
		threshold: Float64Array.from(threshold),
		right: Int32Array.from(right),
		value: Float64Array.from(value),
		count: new Uint32Array(feature.length)
	};

	// Count the training rows at each leaf.
	for (const row of trainX) {
		if (row.length !== nFeatures) throw new RangeError('trainX rows differ in length');
		for (let t = 0; t < nTrees; t++) {
			let node = treeOffsets[t];
			while (flat.feature[node] >= 0) {
				node = row[flat.feature[node]] < flat.threshold[node] ? node + 1 : flat.right[node];
			}
			flat.count[node]++;
		}
	}
	for (let i = 0; i < flat.feature.length; i++) {
		if (flat.feature[i] < 0 && flat.count[i] === 0) {
			throw new RangeError('A leaf is reached by no row of trainX: pass the rows the model was trained on');
		}
	}
	fillInternalNodes(flat);
	return flat;
}
