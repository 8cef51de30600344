/**
 * A random forest as flat typed arrays ("FlatForest") and its compact binary encoding for shipping
 * inside a JSON artifact (as base64). `flatten.ts` builds one from ml-random-forest models.
 *
 * Layout: the nodes of every tree in preorder (a node's left child is the next node), trees one
 * after another. At an internal node the row goes left when `x[feature] < threshold` (strictly
 * less, as ml-cart's `TreeNode.classify`; NaN goes right), else to `right[node]`.
 *
 * Every node carries `nOutputs` values (`value[node * nOutputs + k]`):
 * - regression (`nOutputs` 1): at a leaf, the library's leaf value (the mean target of the bootstrap
 *   rows that reached it, i.e. the tree's prediction);
 * - classification (`nOutputs` = number of classes): at a leaf, the library's leaf distribution (the
 *   share of each class among the bootstrap rows that reached it, bit for bit as ml-cart computes it).
 * At an internal node, each value is the mean of its leaves' values weighted by how many training
 * rows reach each leaf, so it is the tree's average prediction over the training rows that pass
 * through the node. Saabas explanations walk these values.
 *
 * Pure TS, no DOM, no Node APIs: usable in training scripts and in the browser.
 */

/** What the leaves hold: a number (regression) or one probability per class (classification). */
export type FlatForestKind = 'regression' | 'classification';

/** A forest as flat arrays, indexed by node (all trees concatenated, each in preorder). */
export interface FlatForest {
	kind: FlatForestKind;
	/** Length of the input rows (feature indices are positions in a row). */
	nFeatures: number;
	nTrees: number;
	/** Values per node: 1 for regression, the number of classes (at least 2) for classification. */
	nOutputs: number;
	/** `treeOffsets[t]` is the root of tree t; `treeOffsets[nTrees]` the total node count. */
	treeOffsets: Uint32Array;
	/** Feature tested at the node, or -1 at a leaf. */
	feature: Int32Array;
	/** Go left (to node + 1) when `x[feature] < threshold`; NaN at leaves. Exact float64 split values. */
	threshold: Float64Array;
	/** The right child (absolute node index), or -1 at a leaf. */
	right: Int32Array;
	/**
	 * `nOutputs` values per node, node-major. Leaf: the tree's prediction (regression) or class
	 * distribution (classification). Internal: training-row-weighted mean of its leaves' values.
	 */
	value: Float64Array;
	/** Training rows (of the `trainX` given to the flattener) reaching the node; at least 1 at a leaf. */
	count: Uint32Array;
}

/**
 * The output a caller means when it names none: the prediction of a regression forest, the
 * probability of class 1 (the positive class) of a binary classifier. A multi-class forest has no
 * such output: the caller must name the class.
 */
export function primaryOutput(flat: Pick<FlatForest, 'kind' | 'nOutputs'>): number {
	if (flat.kind === 'regression') return 0;
	if (flat.nOutputs === 2) return 1;
	throw new RangeError(`A forest of ${flat.nOutputs} classes has no default output: name the class`);
}

/**
 * Set `count` and `value` of every internal node from its two children (leaves must be filled).
 * Children follow their parent in preorder, so one backward pass suffices. Used by both the
 * flattener and the decoder, so both produce bit-identical values.
 */
export function fillInternalNodes(flat: FlatForest): void {
	const { feature, right, count, value, nOutputs: k } = flat;
	for (let i = feature.length - 1; i >= 0; i--) {
		if (feature[i] < 0) continue;
		const l = i + 1;
		const r = right[i];
		const n = count[l] + count[r];
		count[i] = n;
		for (let c = 0; c < k; c++) value[i * k + c] = (count[l] * value[l * k + c] + count[r] * value[r * k + c]) / n;
	}
}

// ---------------------------------------------------------------------------------------------
// Binary encoding
//
// All multi-byte columns are stored as byte planes (all lowest bytes, then all next bytes, ...),
// which groups the predictable bytes (float exponents, high bytes of small integers) for gzip.
//
//   magic "SLFF", u8 format version (1), u8 kind (0 = regression, 1 = classification)
//   classification only: varint number of classes K
//   varint nFeatures, varint nTrees, varint nodes of each tree
//   node codes, one per node in preorder: 0 = leaf, f + 1 = internal node splitting on feature f
//   per feature: varint size of its table of distinct split values; then all tables, each sorted
//     ascending, as one float64 column
//   per internal node: index of its split value in its feature's table (uint column)
//   per leaf: training-row count (uint column)
//   leaf values (one per leaf for regression; K per leaf, leaf-major, for classification):
//     u8 mode; mode 0: one float64 per value; mode 1: varint table size, the sorted distinct
//     values (float64 column), then per value its index in that table (uint column)
//
// A uint column is a u8 byte width w (1..4) followed by w planes. Internal counts, internal values
// and right-child links are rebuilt at decode. Regression bytes are those of the first format (kind 0
// carries no class count), so forests written before classification existed decode unchanged.
// ---------------------------------------------------------------------------------------------

const MAGIC = [0x53, 0x4c, 0x46, 0x46]; // "SLFF"
const FORMAT_VERSION = 1;
const KIND_CODES: Record<FlatForestKind, number> = { regression: 0, classification: 1 };

class ByteWriter {
	private buf = new Uint8Array(1024);
	length = 0;
	private reserve(n: number): void {
		if (this.length + n <= this.buf.length) return;
		let size = this.buf.length * 2;
		while (size < this.length + n) size *= 2;
		const next = new Uint8Array(size);
		next.set(this.buf.subarray(0, this.length));
		this.buf = next;
	}
	u8(v: number): void {
		this.reserve(1);
		this.buf[this.length++] = v;
	}
	varint(v: number): void {
		if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`Bad varint ${v}`);
		while (v >= 0x80) {
			this.u8((v & 0x7f) | 0x80);
			v = Math.floor(v / 128);
		}
		this.u8(v);
	}
	/** Unsigned integers in the smallest byte width, as byte planes. */
	uintColumn(values: ArrayLike<number>): void {
		let max = 0;
		for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
		const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : max < 0x1000000 ? 3 : 4;
		this.u8(width);
		this.reserve(values.length * width);
		for (let p = 0; p < width; p++) {
			const shift = 8 * p;
			for (let i = 0; i < values.length; i++) this.buf[this.length++] = (values[i] >>> shift) & 0xff;
		}
	}
	/** Float64 values as 8 byte planes (little-endian bytes of each value, lowest plane first). */
	float64Column(values: ArrayLike<number>): void {
		const bytes = new Uint8Array(Float64Array.from(values).buffer);
		if (!littleEndian) swapEvery8(bytes);
		const n = values.length;
		this.reserve(n * 8);
		for (let p = 0; p < 8; p++) {
			for (let i = 0; i < n; i++) this.buf[this.length++] = bytes[i * 8 + p];
		}
	}
	bytes(): Uint8Array {
		return this.buf.slice(0, this.length);
	}
}

class ByteReader {
	pos = 0;
	constructor(private readonly buf: Uint8Array) {}
	private need(n: number): void {
		if (this.pos + n > this.buf.length) throw new RangeError('Truncated forest bytes');
	}
	u8(): number {
		this.need(1);
		return this.buf[this.pos++];
	}
	varint(): number {
		let v = 0;
		let scale = 1;
		for (;;) {
			const b = this.u8();
			v += (b & 0x7f) * scale;
			if (b < 0x80) return v;
			scale *= 128;
			if (scale > 2 ** 35) throw new RangeError('Bad varint in forest bytes');
		}
	}
	uintColumn(n: number): Uint32Array {
		const width = this.u8();
		if (width < 1 || width > 4) throw new RangeError(`Bad column width ${width}`);
		this.need(n * width);
		const out = new Uint32Array(n);
		for (let p = 0; p < width; p++) {
			const shift = 8 * p;
			const base = this.pos + p * n;
			for (let i = 0; i < n; i++) out[i] |= this.buf[base + i] << shift;
		}
		this.pos += n * width;
		return out;
	}
	float64Column(n: number): Float64Array {
		this.need(n * 8);
		const bytes = new Uint8Array(n * 8);
		for (let p = 0; p < 8; p++) {
			const base = this.pos + p * n;
			for (let i = 0; i < n; i++) bytes[i * 8 + p] = this.buf[base + i];
		}
		this.pos += n * 8;
		if (!littleEndian) swapEvery8(bytes);
		return new Float64Array(bytes.buffer);
	}
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swapEvery8(bytes: Uint8Array): void {
	for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
}

/** Sorted distinct values and, per input value, its index in them. */
function tabulate(values: ArrayLike<number>): { table: Float64Array; index: Uint32Array } {
	const table = Float64Array.from(new Set(Array.from(values))).sort();
	const position = new Map<number, number>();
	table.forEach((v, i) => position.set(v, i));
	const index = new Uint32Array(values.length);
	for (let i = 0; i < values.length; i++) index[i] = position.get(values[i])!;
	return { table, index };
}

/** Encode a FlatForest as compact bytes (see the format notes above); `decodeFlatForest` inverts it. */
export function encodeFlatForest(flat: FlatForest): Uint8Array {
	const { nFeatures, nTrees, treeOffsets, feature, threshold, value, count, nOutputs } = flat;
	const nNodes = treeOffsets[nTrees];
	if (flat.kind === 'regression' ? nOutputs !== 1 : nOutputs < 2) throw new RangeError(`A ${flat.kind} forest cannot have ${nOutputs} outputs`);
	const w = new ByteWriter();
	for (const b of MAGIC) w.u8(b);
	w.u8(FORMAT_VERSION);
	w.u8(KIND_CODES[flat.kind]);
	if (flat.kind === 'classification') w.varint(nOutputs);
	w.varint(nFeatures);
	w.varint(nTrees);
	for (let t = 0; t < nTrees; t++) w.varint(treeOffsets[t + 1] - treeOffsets[t]);

	const codes = new Uint32Array(nNodes);
	const splitsByFeature: number[][] = Array.from({ length: nFeatures }, () => []);
	const leafCounts: number[] = [];
	const leafValues: number[] = [];
	for (let i = 0; i < nNodes; i++) {
		const f = feature[i];
		codes[i] = f + 1;
		if (f >= 0) splitsByFeature[f].push(threshold[i]);
		else {
			leafCounts.push(count[i]);
			for (let c = 0; c < nOutputs; c++) leafValues.push(value[i * nOutputs + c]);
		}
	}
	w.uintColumn(codes);

	const tables = splitsByFeature.map((v) => tabulate(v));
	for (const { table } of tables) w.varint(table.length);
	w.float64Column(tables.flatMap(({ table }) => Array.from(table)));
	const nextOfFeature = new Uint32Array(nFeatures);
	const splitIndex: number[] = [];
	for (let i = 0; i < nNodes; i++) {
		const f = feature[i];
		if (f >= 0) splitIndex.push(tables[f].index[nextOfFeature[f]++]);
	}
	w.uintColumn(splitIndex);

	w.uintColumn(leafCounts);

	const nValues = leafValues.length;
	const leaves = tabulate(leafValues);
	const indexWidth = leaves.table.length <= 0x100 ? 1 : leaves.table.length <= 0x10000 ? 2 : 3;
	if (leaves.table.length * 8 + nValues * indexWidth < nValues * 8) {
		w.u8(1);
		w.varint(leaves.table.length);
		w.float64Column(leaves.table);
		w.uintColumn(leaves.index);
	} else {
		w.u8(0);
		w.float64Column(leafValues);
	}
	return w.bytes();
}

/** Decode bytes from `encodeFlatForest`; rebuilds links, internal counts and internal values. */
export function decodeFlatForest(bytes: Uint8Array): FlatForest {
	const r = new ByteReader(bytes);
	for (const b of MAGIC) if (r.u8() !== b) throw new TypeError('Not a Storelens forest (bad magic)');
	const version = r.u8();
	if (version !== FORMAT_VERSION) throw new TypeError(`Unsupported forest format version ${version}`);
	const kindCode = r.u8();
	const kind = (Object.keys(KIND_CODES) as FlatForestKind[]).find((k) => KIND_CODES[k] === kindCode);
	if (!kind) throw new TypeError(`Unsupported forest kind ${kindCode}`);
	const nOutputs = kind === 'classification' ? r.varint() : 1;
	if (nOutputs < 1 || (kind === 'classification' && nOutputs < 2)) throw new RangeError(`Bad class count ${nOutputs} in forest bytes`);
	const nFeatures = r.varint();
	const nTrees = r.varint();
	const treeOffsets = new Uint32Array(nTrees + 1);
	for (let t = 0; t < nTrees; t++) treeOffsets[t + 1] = treeOffsets[t] + r.varint();
	const nNodes = treeOffsets[nTrees];

	const codes = r.uintColumn(nNodes);
	const feature = new Int32Array(nNodes);
	let nInternal = 0;
	for (let i = 0; i < nNodes; i++) {
		if (codes[i] > nFeatures) throw new RangeError('Bad feature code in forest bytes');
		feature[i] = codes[i] - 1;
		if (codes[i] > 0) nInternal++;
	}
	const nLeaves = nNodes - nInternal;

	const tableStart = new Uint32Array(nFeatures + 1);
	for (let f = 0; f < nFeatures; f++) tableStart[f + 1] = tableStart[f] + r.varint();
	const tables = r.float64Column(tableStart[nFeatures]);
	const splitIndex = r.uintColumn(nInternal);
	const leafCounts = r.uintColumn(nLeaves);
	const nValues = nLeaves * nOutputs;
	const mode = r.u8();
	let leafValues: Float64Array;
	if (mode === 0) leafValues = r.float64Column(nValues);
	else if (mode === 1) {
		const table = r.float64Column(r.varint());
		const index = r.uintColumn(nValues);
		leafValues = new Float64Array(nValues);
		for (let i = 0; i < nValues; i++) {
			if (index[i] >= table.length) throw new RangeError('Bad leaf value index in forest bytes');
			leafValues[i] = table[index[i]];
		}
	} else throw new RangeError(`Bad leaf value mode ${mode}`);

	const threshold = new Float64Array(nNodes);
	const right = new Int32Array(nNodes).fill(-1);
	const value = new Float64Array(nNodes * nOutputs);
	const count = new Uint32Array(nNodes);
	let internal = 0;
	let leaf = 0;
	const pending: number[] = []; // internal nodes still waiting for their right child
	for (let t = 0; t < nTrees; t++) {
		for (let i = treeOffsets[t]; i < treeOffsets[t + 1]; i++) {
			// After a leaf, the next node is the right child of the deepest node still without one.
			if (i > treeOffsets[t] && feature[i - 1] < 0) {
				const parent = pending.pop();
				if (parent === undefined) throw new RangeError('Malformed tree in forest bytes');
				right[parent] = i;
			}
			const f = feature[i];
			if (f >= 0) {
				const k = splitIndex[internal++];
				if (k >= tableStart[f + 1] - tableStart[f]) throw new RangeError('Bad split index in forest bytes');
				threshold[i] = tables[tableStart[f] + k];
				pending.push(i);
			} else {
				threshold[i] = NaN;
				for (let c = 0; c < nOutputs; c++) value[i * nOutputs + c] = leafValues[leaf * nOutputs + c];
				count[i] = leafCounts[leaf++];
			}
		}
		if (pending.length > 0 || feature[treeOffsets[t + 1] - 1] >= 0) {
			throw new RangeError(`Tree ${t} is incomplete in forest bytes`);
		}
	}
	const flat: FlatForest = { kind, nFeatures, nTrees, nOutputs, treeOffsets, feature, threshold, right, value, count };
	fillInternalNodes(flat);
	return flat;
}
