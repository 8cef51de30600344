/**
 * A faster grower of ml-cart 2.1 classification trees ("fastSplits"): it grows exactly the tree
 * `DecisionTreeClassifier` (gini, mean split values) grows on the same rows, in the same node
 * order, with the same split columns, split values and leaf distributions bit for bit, only
 * without the library's cost of about (rows x label changes) per feature and node.
 *
 * What it reproduces of ml-cart's `TreeNode` (src/TreeNode.js, src/utils.js):
 * - a node of `minNumSamples` rows or fewer is a leaf; at `maxDepth` a node is a leaf whatever its
 *   best split (the library searches it and discards the result: skipped here);
 * - candidate splits: along each feature sorted stably by value, every place the label changes
 *   gives the split value (a + b) / 2 of the two values there (equal values give that value, which
 *   sends the whole run of that value right); the first candidate, over features in order and
 *   values ascending, with the strictly largest gain wins. Every candidate is a partition "the
 *   values below s go left"; a partition's gain depends only on the class counts on each side, so
 *   each distinct partition is scored once, with the split value of its first candidate;
 * - the gain, summed exactly as the library sums it: the impurity of a side is 1 minus the sum of
 *   its class shares squared, where a share is 1/n added once per row of that class (not k/n:
 *   `shareOf` reproduces the repeated sum), and the split's impurity adds the greater side first;
 * - a node splits only when its gain exceeds `gainThreshold`, differs from its parent's gain and
 *   leaves rows on both sides; rows keep their order within each side.
 *
 * The caller draws the tree's features as the library does (see train.ts); values must be finite.
 * Pure TS, no DOM, no Node APIs.
 */

/** A node as ml-cart's `toJSON()` writes it (the parts the flattener and `DecisionTreeClassifier.load` read). */
export interface CartNode {
	splitColumn?: number;
	splitValue?: number;
	gain?: number;
	/** At a leaf: the class shares as a 1-row matrix (`[[p0, p1, ...]]`), as far as the largest label present. */
	distribution?: number[][];
	left?: CartNode;
	right?: CartNode;
}

export interface FastTreeOptions {
	/** A node of this many rows or fewer is a leaf (ml-cart's default 3). */
	minNumSamples: number;
	/** Deepest split level (root 0); Infinity for none. */
	maxDepth: number;
	/** A split is kept only when its gain exceeds this (ml-cart's default 0.01). */
	gainThreshold: number;
}

/**
 * `1 / n` added `k` times to 0 in floating point, as ml-cart's `toDiscreteDistribution` builds a
 * class share, bit for bit, in a few steps per binary order of magnitude instead of k. Within one
 * binade [top/2, top) every addition of x = 1/n rounds to the same grid, so once two consecutive
 * additions added the same amount (a round-half-even tie settles after the first), every later one
 * that stays below `top` adds it too; the last few before `top` are done one by one.
 */
export function shareOf(k: number, n: number): number {
	const x = 1 / n;
	let s = 0;
	let j = 0;
	let top = 1;
	while (top / 2 > x) top /= 2;
	while (j < k) {
		while (top <= s) top *= 2;
		if (s > 0 && j + 2 <= k && s >= top / 2) {
			const a = s + x;
			const b = a + x;
			if (b < top && a - s === b - a) {
				const d = b - a;
				let m = Math.floor((top - b - x) / d) - 3;
				if (m > k - j - 2) m = k - j - 2;
				if (m > 0) {
					s = b + m * d;
					j += 2 + m;
					continue;
				}
			}
		}
		s += x;
		j++;
	}
	return s;
}

/** ml-cart's `giniImpurity` of a side with these class counts (`n` rows). */
function gini(counts: Int32Array | Float64Array, at: number, k: number, n: number): number {
	if (n === 0) return 0;
	let sum = 0.0;
	for (let c = 0; c < k; c++) {
		const p = counts[at + c] === 0 ? 0 : shareOf(counts[at + c], n);
		sum += p * p;
	}
	return 1 - sum;
}

/** ml-cart's `toDiscreteDistribution` over the classes up to the largest present. */
function distribution(counts: Int32Array, n: number): number[][] {
	let top = counts.length - 1;
	while (top > 0 && counts[top] === 0) top--;
	const out: number[] = [];
	for (let c = 0; c <= top; c++) out.push(counts[c] === 0 ? 0 : shareOf(counts[c], n));
	return [out];
}

/**
 * Grow one classification tree on `rows[sample[i]][columns[j]]` (the tree's rows in order, its
 * features in the order the library drew them) with labels `y[sample[i]]` (integers 0..K-1).
 * Returns the root as ml-cart's JSON would hold it.
 */
export function growClassificationTree(rows: readonly (readonly number[])[], y: readonly number[], sample: readonly number[], columns: readonly number[], opts: FastTreeOptions): CartNode {
	const n = sample.length;
	const m = columns.length;
	if (n === 0) throw new RangeError('A tree needs at least one row');
	let k = 0;
	const label = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const c = y[sample[i]];
		if (!Number.isInteger(c) || c < 0) throw new RangeError(`Label ${c} is not an integer 0..K-1`);
		label[i] = c;
		if (c + 1 > k) k = c + 1;
	}
	// Feature-major values, and for every feature the row positions sorted by (value, position):
	// a stable sort, as the library's. A node owns the same range [start, end) of every order.
	const values = new Float64Array(m * n);
	const order = new Int32Array(m * n);
	const positions = Array.from({ length: n }, (_, i) => i);
	for (let j = 0; j < m; j++) {
		const col = columns[j];
		for (let i = 0; i < n; i++) {
			const v = rows[sample[i]][col];
			if (!Number.isFinite(v)) throw new RangeError(`Row ${sample[i]} has a non-finite value in column ${col}`);
			values[j * n + i] = v;
		}
		const base = j * n;
		positions.sort((a, b) => values[base + a] - values[base + b] || a - b);
		for (let i = 0; i < n; i++) order[base + i] = positions[i];
	}
	// Scratch: class counts of the groups below each group boundary, and one partition buffer.
	const below = new Int32Array((n + 1) * k);
	const groupValue = new Float64Array(n + 1);
	const total = new Int32Array(k);
	const sideCounts = new Int32Array(2 * k);
	const goesLeft = new Uint8Array(n);
	const buffer = new Int32Array(n);

	const leaf = (start: number, end: number): CartNode => {
		const counts = new Int32Array(k);
		for (let i = start; i < end; i++) counts[label[order[i]]]++;
		return { distribution: distribution(counts, end - start) };
	};

	const grow = (start: number, end: number, depth: number, parentGain: number | null): CartNode => {
		const size = end - start;
		if (size <= opts.minNumSamples || depth >= opts.maxDepth) return leaf(start, end);
		total.fill(0);
		for (let i = start; i < end; i++) total[label[order[i]]]++;
		const nodeImpurity = gini(total, 0, k, size);
		let bestGain = -Infinity;
		let bestColumn = -1;
		let bestValue = NaN;
		/** Score the split "value < split" of feature j whose groups up to `groups` are counted; returns its partition. */
		const consider = (j: number, groups: number, split: number): number => {
			// The rows that go left are those below `split` (normally the groups before this one).
			let h = groups;
			while (h > 0 && !(groupValue[h - 1] < split)) h--;
			while (h < groups && groupValue[h] < split) h++;
			let nLeft = 0;
			for (let c = 0; c < k; c++) {
				sideCounts[c] = below[h * k + c];
				sideCounts[k + c] = total[c] - sideCounts[c];
				nLeft += sideCounts[c];
			}
			const nRight = size - nLeft;
			let splitImpurity = 0.0;
			splitImpurity += (gini(sideCounts, k, k, nRight) * nRight) / size;
			splitImpurity += (gini(sideCounts, 0, k, nLeft) * nLeft) / size;
			const gain = nodeImpurity - splitImpurity;
			if (gain > bestGain) {
				bestGain = gain;
				bestColumn = j;
				bestValue = split;
			}
			return h;
		};
		for (let j = 0; j < m; j++) {
			const base = j * n;
			// Groups of equal values in ascending order: the counts below each, and each group's
			// first and last label (in row order) and whether its labels are mixed.
			let groups = 0;
			let prevLast = -1;
			let i = start;
			below.fill(0, 0, k);
			while (i < end) {
				const v = values[base + order[base + i]];
				const first = label[order[base + i]];
				let mixed = false;
				let last = first;
				const at = (groups + 1) * k;
				for (let c = 0; c < k; c++) below[at + c] = below[groups * k + c];
				while (i < end && values[base + order[base + i]] === v) {
					const c = label[order[base + i]];
					if (c !== last) mixed = true;
					last = c;
					below[at + c]++;
					i++;
				}
				groupValue[groups] = v;
				// The candidates of the partition "groups before this one go left": the change of label
				// at the boundary, then any change inside this group (same partition unless the mean of
				// two adjacent doubles rounded down to the lower one).
				let boundaryPartition = -1;
				if (groups > 0 && prevLast !== first) boundaryPartition = consider(j, groups, (groupValue[groups - 1] + v) / 2);
				if (mixed && boundaryPartition !== groups) consider(j, groups, v);
				prevLast = last;
				groups++;
			}
		}
		if (bestColumn < 0) return leaf(start, end);
		const base = bestColumn * n;
		let nLeft = 0;
		for (let i = start; i < end; i++) {
			const p = order[i];
			const left = values[base + p] < bestValue;
			goesLeft[p] = left ? 1 : 0;
			if (left) nLeft++;
		}
		if (!(bestGain > opts.gainThreshold) || bestGain === parentGain || nLeft === 0 || nLeft === size) return leaf(start, end);
		// Stable partition of every feature's order: left rows first, then right rows.
		for (let j = 0; j < m; j++) {
			const b = j * n;
			let l = start;
			let r = 0;
			for (let i = start; i < end; i++) {
				const p = order[b + i];
				if (goesLeft[p]) order[b + l++] = p;
				else buffer[r++] = p;
			}
			for (let i = 0; i < r; i++) order[b + l + i] = buffer[i];
		}
		const node: CartNode = { splitColumn: bestColumn, splitValue: bestValue, gain: bestGain };
		node.left = grow(start, start + nLeft, depth + 1, bestGain);
		node.right = grow(start + nLeft, end, depth + 1, bestGain);
		return node;
	};

	return grow(0, n, 0, null);
}
