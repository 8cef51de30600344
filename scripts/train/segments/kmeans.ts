/**
 * k-means as training runs it: ml-kmeans from a k-means++ start drawn with our own seeded
 * generator, labels as the browser computes them; and the seeded sample the silhouette is measured on.
 */
import { kmeans } from 'ml-kmeans';
import { seededRandom } from '../../../src/lib/core/random.ts';
import { nearestCentroid, squaredDistance } from '../../../src/lib/segments/model.ts';
import { KMEANS } from './settings.ts';

/** k-means++ seeding with our seeded generator (ml-kmeans' own seed is not relied on). */
function kmeansPlusPlus(points: number[][], k: number, seed: number): number[][] {
	const random = seededRandom(seed);
	const n = points.length;
	const centers: number[][] = [points[Math.floor(random() * n)].slice()];
	const nearest = new Float64Array(n).fill(Infinity);
	while (centers.length < k) {
		const last = centers[centers.length - 1];
		let total = 0;
		for (let i = 0; i < n; i++) {
			const d = squaredDistance(points[i], last);
			if (d < nearest[i]) nearest[i] = d;
			total += nearest[i];
		}
		let target = random() * total;
		let pick = n - 1;
		for (let i = 0; i < n; i++) {
			target -= nearest[i];
			if (target < 0) {
				pick = i;
				break;
			}
		}
		centers.push(points[pick].slice());
	}
	return centers;
}

/** One k-means fit: each point's cluster, the centroids and the within-cluster sum of squares. */
export interface Fit {
	labels: number[];
	centroids: number[][];
	inertia: number;
}

/** k-means with `k` clusters from the k-means++ start of `seed`. */
export function fitKmeans(points: number[][], k: number, seed: number): Fit {
	const result = kmeans(points, k, { initialization: kmeansPlusPlus(points, k, seed), ...KMEANS });
	const centroids = result.centroids.map((c) => [...c]);
	// Labels as the browser computes them (nearest centroid, first on ties).
	const labels = points.map((p) => nearestCentroid(p, centroids));
	let inertia = 0;
	points.forEach((p, i) => (inertia += squaredDistance(p, centroids[labels[i]])));
	return { labels, centroids, inertia };
}

/** `size` of the indexes 0..n-1 (all of them when n is smaller), drawn with `seed`, in increasing order. */
export function seededSample(n: number, size: number, seed: number): number[] {
	const random = seededRandom(seed);
	const idx = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[idx[i], idx[j]] = [idx[j], idx[i]];
	}
	return idx.slice(0, Math.min(size, n)).sort((a, b) => a - b);
}
