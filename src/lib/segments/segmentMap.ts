/**
 * The 2-D map of customers: the model's first two principal axes (found in training) and a seeded
 * sample of customers projected on them, for the page's scatter plot. Pure, no DOM.
 */
import { seededRandom } from '../core/random';

/** Points on the 2-D map at most (a seeded sample beyond that). */
export const MAP_POINTS = 1500;

/** A sample of customers on the model's 2-D map (its first two principal axes). */
export interface MapSample {
	x: number[];
	y: number[];
	cluster: number[];
	/** Customers in the data (the sample holds min(total, MAP_POINTS)). */
	total: number;
}

/** The model's 2-D map: the first two principal axes of the training customers in its space. */
export interface SegmentMap {
	axes: [number[], number[]];
	/** Share of the variance along each axis. */
	explained: [number, number];
}

/** Seeded sample of up to `size` indexes of `n`, in ascending order. */
function sampleIndexes(n: number, size: number, seed: number): Int32Array {
	if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
	const random = seededRandom(seed);
	const idx = Int32Array.from({ length: n }, (_, i) => i);
	for (let i = 0; i < size; i++) {
		const j = i + Math.floor(random() * (n - i));
		const t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	return idx.slice(0, size).sort();
}

/** Project points (row-major, `m` wide) on the map's axes, for a seeded sample of at most MAP_POINTS. */
export function mapSample(map: SegmentMap, points: Float64Array, m: number, cluster: Int32Array): MapSample {
	const n = cluster.length;
	const pick = sampleIndexes(n, MAP_POINTS, 7);
	const round = (v: number) => Math.round(v * 1000) / 1000 || 0;
	const x: number[] = [];
	const y: number[] = [];
	const c: number[] = [];
	for (const i of pick) {
		let a = 0;
		let b = 0;
		for (let j = 0; j < m; j++) {
			a += points[i * m + j] * map.axes[0][j];
			b += points[i * m + j] * map.axes[1][j];
		}
		x.push(round(a));
		y.push(round(b));
		c.push(cluster[i]);
	}
	return { x, y, cluster: c, total: n };
}

/**
 * The first two principal axes of row-major points (`n` x `m`), by power iteration with deflation
 * from a fixed start: deterministic, and each axis is signed so its largest entry is positive.
 */
export function principalAxes(points: Float64Array, n: number, m: number): SegmentMap {
	const meanOf = new Float64Array(m);
	for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) meanOf[j] += points[i * m + j] / n;
	const cov = Array.from({ length: m }, () => new Float64Array(m));
	for (let i = 0; i < n; i++)
		for (let a = 0; a < m; a++) {
			const da = points[i * m + a] - meanOf[a];
			for (let b = 0; b < m; b++) cov[a][b] += (da * (points[i * m + b] - meanOf[b])) / n;
		}
	let total = 0;
	for (let j = 0; j < m; j++) total += cov[j][j];
	const axes: number[][] = [];
	const explained: number[] = [];
	for (let axis = 0; axis < 2; axis++) {
		let v: number[] = Array.from({ length: m }, (_, j) => 1 / Math.sqrt(m) + j * 1e-3);
		let lambda = 0;
		for (let iter = 0; iter < 1000; iter++) {
			const w = cov.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
			const norm = Math.hypot(...w) || 1;
			const next = w.map((x) => x / norm);
			const change = next.reduce((s, x, j) => s + Math.abs(x - v[j]), 0);
			v = next;
			lambda = norm;
			if (change < 1e-12) break;
		}
		const biggest = v.reduce((bi, x, j) => (Math.abs(x) > Math.abs(v[bi]) ? j : bi), 0);
		if (v[biggest] < 0) v = v.map((x) => -x);
		axes.push(v.map((x) => Math.round(x * 1e10) / 1e10));
		explained.push(total > 0 ? Math.round((lambda / total) * 1e4) / 1e4 : 0);
		for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cov[a][b] -= lambda * v[a] * v[b];
	}
	return { axes: [axes[0], axes[1]], explained: [explained[0], explained[1]] };
}
