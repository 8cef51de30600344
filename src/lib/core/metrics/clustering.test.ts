import { describe, expect, it } from 'vitest';
import { clusteringMetrics, clusterSizes, labelingStability, silhouetteScore } from './clustering';

// Reference values from scikit-learn 1.2.1: silhouette_score and adjusted_rand_score.
const points = [[0, 0], [0, 1], [1, 0], [5, 5], [5, 6], [6, 5], [10, 0], [10, 1], [0.5, 0.5], [5.5, 5.5]];
const labels = [0, 0, 0, 1, 1, 1, 2, 2, 0, 1];

describe('clustering metrics', () => {
	it('silhouette as scikit-learn', () => expect(silhouetteScore(points, labels)).toBeCloseTo(0.8624341382161804, 14));

	it('silhouette on a sample uses distances among the sampled items only', () => {
		const sample = [0, 1, 3, 4, 6, 7];
		const sub = silhouetteScore(sample.map((i) => points[i]), sample.map((i) => labels[i]));
		expect(silhouetteScore(points, labels, sample)).toBe(sub);
		expect(silhouetteScore(points, labels, [0, 1, 2])).toBeNull();
	});

	it('stability: mean and lowest ARI over pairs (scikit-learn: 0.475 for the first pair)', () => {
		const a = [0, 0, 1, 1, 2, 2, 2];
		const b = [1, 1, 0, 0, 2, 2, 0];
		expect(labelingStability([a, b]).ariMean).toBeCloseTo(0.475, 14);
		const s = labelingStability([a, a, b]);
		expect(s.ariMin).toBeCloseTo(0.475, 14);
		expect(s.ariMean).toBeCloseTo((1 + 0.475 + 0.475) / 3, 14);
		expect(labelingStability([a])).toEqual({ ariMean: null, ariMin: null });
	});

	it('summarises sizes and says why stability is missing', () => {
		expect(clusterSizes(labels, 3)).toEqual([4, 4, 2]);
		const m = clusteringMetrics({ labels, k: 3, silhouette: 0.5, silhouetteSample: 10, starts: [labels] });
		expect(m).toMatchObject({ n: 10, k: 3, sizes: [4, 4, 2], largestShare: 0.4, starts: 1, ariMean: null });
		expect(m.undefinedBecause?.ariMean).toMatch(/one random start/);
	});
});
