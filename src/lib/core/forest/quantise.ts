/**
 * A smaller forest to ship: short split values and leaf values rounded to a few significant digits.
 * The encoding (`flat.ts`) then gzips far better: split values repeat and their low bytes are zero,
 * leaf values repeat and go through its table of distinct values.
 *
 * Split values: each becomes the value with the fewest mantissa bits that still sends every training
 * row the same way (strictly above the largest training value below the split, at most the smallest
 * one at or above it), so every training row reaches the same leaf as before. Leaf values: rounded to
 * `leafDigits` significant digits. Internal node values are refilled from the rounded leaves, exactly as
 * the decoder does, so the quantised forest predicts bit for bit what its decoded bytes predict.
 * Whether the rounding costs accuracy on new rows is the trainer's question, for validation data.
 *
 * Pure TS, no DOM, no Node APIs.
 */
import { fillInternalNodes, type FlatForest } from './flat.ts';

export interface Quantisation {
	/** Significant digits kept of each leaf value (1..15). */
	leafDigits: number;
	/** The rows the forest was trained on (row-major, `nFeatures` wide): split values keep their routing. */
	trainX: ArrayLike<number>;
}

/** A value rounded to `digits` significant digits (0, NaN and infinities unchanged). */
export function roundSignificant(v: number, digits: number): number {
	return Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(digits)) : v;
}

/** `v` rounded to `bits` significant binary digits (exact: scaling by a power of two). */
function roundBits(v: number, bits: number): number {
	if (!Number.isFinite(v) || v === 0) return v;
	const scale = 2 ** (bits - 1 - Math.floor(Math.log2(Math.abs(v))));
	const r = Math.round(v * scale) / scale;
	return Number.isFinite(r) ? r : v;
}

/** The value with fewest mantissa bits in (below, atOrAbove], nearest `t` at that precision; `t` when none is shorter. */
export function shortestSplit(t: number, below: number, atOrAbove: number): number {
	for (let bits = 1; bits <= 53; bits++) {
		const r = roundBits(t, bits);
		if (r > below && r <= atOrAbove) return r;
	}
	return t;
}

/** Sorted distinct values of each column of row-major `X`. */
function sortedColumns(X: ArrayLike<number>, width: number): Float64Array[] {
	const n = Math.floor(X.length / width);
	return Array.from({ length: width }, (_, f) => {
		const col = new Float64Array(n);
		for (let i = 0; i < n; i++) col[i] = X[i * width + f];
		return Float64Array.from(new Set(col.sort())).filter((v) => !Number.isNaN(v));
	});
}

/** Index of the first value >= t in sorted `values` (values.length when none). */
function firstAtOrAbove(values: Float64Array, t: number): number {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (values[mid] < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** A copy of `flat` with short split values (same routing of every training row) and rounded leaf values. */
export function quantiseForest(flat: FlatForest, q: Quantisation): FlatForest {
	if (!Number.isInteger(q.leafDigits) || q.leafDigits < 1 || q.leafDigits > 15) throw new RangeError(`Bad leaf digits ${q.leafDigits}`);
	if (q.trainX.length === 0 || q.trainX.length % flat.nFeatures !== 0) throw new RangeError(`Training rows must be ${flat.nFeatures} values wide`);
	const columns = sortedColumns(q.trainX, flat.nFeatures);
	const k = flat.nOutputs;
	const threshold = flat.threshold.map((t, i) => {
		const f = flat.feature[i];
		if (f < 0) return t;
		const values = columns[f];
		const j = firstAtOrAbove(values, t);
		return shortestSplit(t, j > 0 ? values[j - 1] : -Infinity, j < values.length ? values[j] : Infinity);
	});
	const value = flat.value.map((v, j) => (flat.feature[Math.floor(j / k)] < 0 ? roundSignificant(v, q.leafDigits) : v));
	const out: FlatForest = { ...flat, threshold, value, count: flat.count.slice() };
	fillInternalNodes(out);
	return out;
}
