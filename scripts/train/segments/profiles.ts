/**
 * The shipped clusters: ordered by mean revenue (highest first), centroids rounded as shipped, every
 * customer's label under the rounded model, and each cluster's profile and name.
 */
import { median } from '../../../src/lib/core/stats.ts';
import type { CustomerFeature } from '../../../src/lib/segments/features.ts';
import { nameClusters, nearestCentroid, type ClusterProfile, type SegmentAssigner, type SegmentSpace } from '../../../src/lib/segments/model.ts';
import { round } from '../io.ts';
import type { TrainingCustomers } from './data.ts';
import type { Choice } from './selection.ts';

/** The shipped model and what it says of the training customers. */
export interface ShippedClusters {
	model: SegmentAssigner;
	centroids: number[][];
	/** Each training customer's cluster under the shipped (rounded) model. */
	labels: number[];
	profiles: ClusterProfile[];
	overallMedians: Record<CustomerFeature, number>;
	/** The cluster named "Insiders". */
	insiders: number;
}

function roundSpace(space: SegmentSpace): SegmentSpace {
	return { ...space, mean: space.mean.map((x) => round(x, 10)), sd: space.sd.map((x) => round(x, 10)) };
}

/** The mean gross revenue of each cluster of `labels` (0 for an empty one). */
function meanRevenueByCluster(revenue: Float64Array, labels: number[], clusters: number): number[] {
	return Array.from({ length: clusters }, (_, c) => {
		let s = 0;
		let cnt = 0;
		labels.forEach((l, i) => {
			if (l === c) {
				s += revenue[i];
				cnt++;
			}
		});
		return cnt ? s / cnt : 0;
	});
}

/** The chosen fit's clusters, highest mean revenue first, with profiles and names. */
export function shipClusters({ table, n, features }: TrainingCustomers, { space, points, best }: Choice): ShippedClusters {
	const revenue = table.features.grossRevenue;
	const meanRevenue = meanRevenueByCluster(revenue, best.labels, best.centroids.length);
	const order = meanRevenue.map((_, c) => c).sort((a, b) => meanRevenue[b] - meanRevenue[a] || a - b);
	const centroids = order.map((c) => best.centroids[c].map((x) => round(x, 10)));
	const model = { space: roundSpace(space), centroids };
	// Labels of the shipped (rounded) model, as the browser computes them.
	const labels = points.map((p) => nearestCentroid(p, centroids));
	let totalRevenue = 0;
	for (let i = 0; i < n; i++) totalRevenue += revenue[i];
	const mediansOf = (members: number[]) =>
		Object.fromEntries(features.map((f) => [f, round(median(members.map((i) => table.features[f][i])), 6)])) as Record<CustomerFeature, number>;
	const all = Array.from({ length: n }, (_, i) => i);
	const overallMedians = mediansOf(all);
	const facts = centroids.map((_, c) => {
		const members = all.filter((i) => labels[i] === c);
		const rev = members.reduce((s, i) => s + revenue[i], 0);
		return {
			cluster: c,
			size: members.length,
			customerShare: round(members.length / n, 4),
			revenueShare: round(rev / totalRevenue, 4),
			meanRevenue: round(members.length ? rev / members.length : 0, 6),
			medians: mediansOf(members)
		};
	});
	const names = nameClusters(facts, overallMedians);
	const profiles: ClusterProfile[] = facts.map((f, c) => ({ ...f, ...names[c] }));
	const insiders = profiles.findIndex((p) => p.name === 'Insiders');
	return { model, centroids, labels, profiles, overallMedians, insiders };
}
