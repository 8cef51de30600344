/**
 * What a clustering's model card reports: silhouette (on a sample, for speed), stability across
 * random starts as the adjusted Rand index between every pair of labelings, and cluster sizes.
 * Pure TS, no DOM.
 */
import { adjustedRandIndex } from '../adjustedRand';
import type { ClusteringMetrics } from '../artifact/types';

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let s = 0;
	for (let j = 0; j < a.length; j++) {
		const d = a[j] - b[j];
		s += d * d;
	}
	return Math.sqrt(s);
}

/**
 * Mean silhouette over the items in `sample` (indices, default all), with distances among the
 * sampled items only: for each, (b - a) / max(a, b), with a its mean distance to its own cluster
 * and b the smallest mean distance to another cluster. An item alone in its cluster (within the
 * sample) scores 0, as scikit-learn's. Null when fewer than 2 clusters appear in the sample.
 */
export function silhouetteScore(points: readonly ArrayLike<number>[], labels: ArrayLike<number>, sample?: readonly number[]): number | null {
	if (points.length !== labels.length) throw new RangeError(`${points.length} points but ${labels.length} labels`);
	const items = sample ?? Array.from({ length: points.length }, (_, i) => i);
	let k = 0;
	for (const i of items) k = Math.max(k, labels[i] + 1);
	if (new Set(items.map((i) => labels[i])).size < 2) return null;
	const sums = new Float64Array(k);
	const counts = new Float64Array(k);
	let total = 0;
	for (const i of items) {
		sums.fill(0);
		counts.fill(0);
		for (const j of items) {
			if (i === j) continue;
			sums[labels[j]] += distance(points[i], points[j]);
			counts[labels[j]]++;
		}
		const own = labels[i];
		if (counts[own] === 0) continue; // a singleton in the sample scores 0
		const a = sums[own] / counts[own];
		let b = Infinity;
		for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
		total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
	}
	return total / items.length;
}

/** Mean and lowest adjusted Rand index over every pair of labelings (null with fewer than two). */
export function labelingStability(labelings: readonly ArrayLike<number>[]): { ariMean: number | null; ariMin: number | null } {
	const aris: number[] = [];
	for (let a = 0; a < labelings.length; a++) for (let b = a + 1; b < labelings.length; b++) aris.push(adjustedRandIndex(labelings[a], labelings[b]));
	if (!aris.length) return { ariMean: null, ariMin: null };
	return { ariMean: aris.reduce((s, x) => s + x, 0) / aris.length, ariMin: Math.min(...aris) };
}

/** Items per cluster 0..k-1. */
export function clusterSizes(labels: ArrayLike<number>, k: number): number[] {
	const sizes = new Array<number>(k).fill(0);
	for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
	return sizes;
}

/** The card's clustering summary from the shipped labels, the labelings of every start, and the silhouette. */
export function clusteringMetrics(input: {
	labels: ArrayLike<number>;
	k: number;
	silhouette: number | null;
	silhouetteSample: number;
	/** Labelings of the same items from each random start. */
	starts: readonly ArrayLike<number>[];
}): ClusteringMetrics {
	const n = input.labels.length;
	const sizes = clusterSizes(input.labels, input.k);
	const { ariMean, ariMin } = labelingStability(input.starts);
	const m: ClusteringMetrics = {
		n,
		k: input.k,
		silhouette: input.silhouette,
		silhouetteSample: input.silhouetteSample,
		ariMean,
		ariMin,
		starts: input.starts.length,
		sizes,
		largestShare: n ? Math.max(...sizes) / n : 0
	};
	const why: NonNullable<ClusteringMetrics['undefinedBecause']> = {};
	if (input.silhouette === null) why.silhouette = 'fewer than two clusters among the items sampled';
	if (ariMean === null) why.ariMean = why.ariMin = 'only one random start, so stability was not measured';
	if (Object.keys(why).length) m.undefinedBecause = why;
	return m;
}
