/**
 * The customer-segments model, shared by training and the browser: the embedding space (log1p of the
 * skewed features, then standardised with the training scaler), nearest-centroid assignment, the
 * per-feature split of the decision, and the rule that names clusters from their profiles. Pure, no DOM.
 */
import { CUSTOMER_FEATURES, type CustomerFeature } from './features';

export const SEGMENTS_TOOL = 'segments';

/** How raw customer features become points: `x -> log1p(x)` for the `log` features, then `(x - mean) / sd`. */
export interface SegmentSpace {
	features: CustomerFeature[];
	/** Features passed through log1p before standardising (the skewed counts and amounts). */
	log: CustomerFeature[];
	mean: number[];
	sd: number[];
}

/** The skewed features: amounts and counts with long right tails. `returnShare` is already 0..1. */
export const SKEWED_FEATURES: readonly CustomerFeature[] = CUSTOMER_FEATURES.filter((f) => f !== 'returnShare');

/** Fit the scaler of a space on a row-major matrix (`rows` x `features.length`). */
export function fitSpace(matrix: ArrayLike<number>, rows: number, features: readonly CustomerFeature[], log: readonly CustomerFeature[]): SegmentSpace {
	const m = features.length;
	const logged = features.map((f) => log.includes(f));
	const mean = new Array<number>(m).fill(0);
	const sd = new Array<number>(m).fill(0);
	const value = (i: number, j: number) => {
		const x = matrix[i * m + j];
		return logged[j] ? Math.log1p(Math.max(0, x)) : x;
	};
	for (let i = 0; i < rows; i++) for (let j = 0; j < m; j++) mean[j] += value(i, j);
	for (let j = 0; j < m; j++) mean[j] /= rows;
	for (let i = 0; i < rows; i++)
		for (let j = 0; j < m; j++) {
			const d = value(i, j) - mean[j];
			sd[j] += d * d;
		}
	for (let j = 0; j < m; j++) sd[j] = Math.sqrt(sd[j] / rows) || 1;
	return { features: [...features], log: features.filter((f) => log.includes(f)), mean, sd };
}

/** One customer's point in the space, from its raw features in `space.features` order. */
export function embed(space: SegmentSpace, row: ArrayLike<number>): number[] {
	return space.features.map((f, j) => {
		const x = space.log.includes(f) ? Math.log1p(Math.max(0, row[j])) : row[j];
		return (x - space.mean[j]) / space.sd[j];
	});
}

/** Every row of a row-major matrix embedded. */
export function embedMatrix(space: SegmentSpace, matrix: ArrayLike<number>, rows: number): number[][] {
	const m = space.features.length;
	const out: number[][] = [];
	const row = new Array<number>(m);
	for (let i = 0; i < rows; i++) {
		for (let j = 0; j < m; j++) row[j] = matrix[i * m + j];
		out.push(embed(space, row));
	}
	return out;
}

export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let s = 0;
	for (let j = 0; j < a.length; j++) {
		const d = a[j] - b[j];
		s += d * d;
	}
	return s;
}

/** Index of the nearest centroid (the first on ties), as k-means assigns. */
export function nearestCentroid(point: ArrayLike<number>, centroids: readonly (readonly number[])[]): number {
	let best = 0;
	let bestDistance = Infinity;
	for (let c = 0; c < centroids.length; c++) {
		const d = squaredDistance(point, centroids[c]);
		if (d < bestDistance) {
			bestDistance = d;
			best = c;
		}
	}
	return best;
}

/** What the browser needs to place a customer. */
export interface SegmentAssigner {
	space: SegmentSpace;
	/** Centroids in the space, one per cluster. */
	centroids: number[][];
}

export interface CustomerAssignment {
	cluster: number;
	/** Euclidean distance in the space to every centroid. */
	distances: number[];
	/** The second-nearest cluster (-1 when there is only one). */
	nextNearest: number;
	/** Distance to the next-nearest centroid minus distance to the chosen one (>= 0). */
	margin: number;
	/**
	 * Per feature, how much it pulled toward the chosen cluster: (z - next)² - (z - chosen)² in that
	 * coordinate. They sum to d²(next) - d²(chosen) >= 0; a negative value pulled toward the next cluster.
	 */
	contributions: Record<string, number>;
}

/** Place one customer (raw features in `space.features` order) in the nearest cluster. */
export function assignCustomer(model: SegmentAssigner, featureRow: ArrayLike<number>): CustomerAssignment {
	const point = embed(model.space, featureRow);
	const squared = model.centroids.map((c) => squaredDistance(point, c));
	const cluster = nearestCentroid(point, model.centroids);
	let nextNearest = -1;
	for (let c = 0; c < squared.length; c++) {
		if (c === cluster) continue;
		if (nextNearest < 0 || squared[c] < squared[nextNearest]) nextNearest = c;
	}
	const distances = squared.map(Math.sqrt);
	const contributions: Record<string, number> = {};
	model.space.features.forEach((f, j) => {
		if (nextNearest < 0) {
			contributions[f] = 0;
			return;
		}
		const toChosen = point[j] - model.centroids[cluster][j];
		const toNext = point[j] - model.centroids[nextNearest][j];
		contributions[f] = toNext * toNext - toChosen * toChosen;
	});
	return {
		cluster,
		distances,
		nextNearest,
		margin: nextNearest < 0 ? 0 : distances[nextNearest] - distances[cluster],
		contributions
	};
}

/** A cluster described by its training customers. */
export interface ClusterProfile {
	cluster: number;
	name: string;
	/** One sentence on why the name fits. */
	description: string;
	size: number;
	customerShare: number;
	revenueShare: number;
	meanRevenue: number;
	/** Median of every customer feature (all eight, by key). */
	medians: Record<CustomerFeature, number>;
}

type ProfileFacts = Omit<ClusterProfile, 'name' | 'description'>;

/**
 * Names a marketer understands, from the profiles (never by index): the cluster with the highest mean
 * revenue is "Insiders"; the others by their medians against the medians of all customers
 * (`overall`): a high share of items returned -> "Returners"; a last purchase long ago -> "Lapsed…";
 * one invoice -> "New or one-off" (recent) ; several invoices -> "Loyal regulars"; else "Occasional
 * buyers". A name two clusters earn is told apart by spend ("higher spend" / "lower spend", or a number).
 */
export function nameClusters(profiles: readonly ProfileFacts[], overall: Record<CustomerFeature, number>): { name: string; description: string }[] {
	let insiders = 0;
	profiles.forEach((p, i) => {
		if (p.meanRevenue > profiles[insiders].meanRevenue) insiders = i;
	});
	const base = profiles.map((p, i) => {
		const m = p.medians;
		if (i === insiders) return { name: 'Insiders', description: 'The highest mean revenue per customer: the loyalty program’s members.' };
		if (m.returnShare >= 0.1 && m.returnShare > 2 * overall.returnShare)
			return { name: 'Returners', description: 'Return a large share of what they buy.' };
		const lapsed = m.recencyDays >= Math.max(120, 2 * overall.recencyDays);
		if (lapsed && m.invoices <= 1) return { name: 'Lapsed one-off buyers', description: 'Bought once, long ago.' };
		if (lapsed) return { name: 'Lapsed regulars', description: 'Bought several times, but not for months.' };
		if (m.invoices <= 1) return { name: 'New or one-off', description: 'One invoice so far, recently.' };
		if (m.invoices >= Math.max(3, overall.invoices + 1))
			return { name: 'Loyal regulars', description: 'Buy again and again, and recently.' };
		return { name: 'Occasional buyers', description: 'A few invoices, some time apart.' };
	});
	const groups = new Map<string, number[]>();
	base.forEach((b, i) => groups.set(b.name, [...(groups.get(b.name) ?? []), i]));
	for (const members of groups.values()) {
		if (members.length < 2) continue;
		members.sort((a, b) => profiles[b].meanRevenue - profiles[a].meanRevenue || a - b);
		members.forEach((i, rank) => {
			const suffix = members.length === 2 ? (rank === 0 ? 'higher spend' : 'lower spend') : `group ${rank + 1}`;
			base[i] = { ...base[i], name: `${base[i].name} (${suffix})` };
		});
	}
	return base;
}
