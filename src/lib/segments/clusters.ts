/**
 * Every customer placed in the model's clusters, and what each cluster is: its size, revenue, the
 * spread of its features and what marketing can do with it. Pure, no DOM.
 */
import { valuesAt } from '../core/valuesAt';
import { quantileSorted } from '../core/stats';
import { CUSTOMER_FEATURES, type CustomerFeature, type CustomerTable } from './features';
import { embed, squaredDistance, type SegmentAssigner } from './model';

/** Every customer's place: cluster, next-nearest cluster and the distance margin between them. */
export interface SegmentAssignments {
	cluster: Int32Array;
	nextNearest: Int32Array;
	/** Distance to the next-nearest centroid minus distance to the own one, in the model's space. */
	margin: Float64Array;
	/** Each customer's point in the model's space, row-major (`count` x features). */
	points: Float64Array;
}

/** Place every customer of a table (nearest centroid, first on ties, exactly as `assignCustomer`). */
export function assignTable(model: SegmentAssigner, table: CustomerTable): SegmentAssignments {
	const n = table.count;
	const features = model.space.features;
	const m = features.length;
	const k = model.centroids.length;
	const cluster = new Int32Array(n);
	const nextNearest = new Int32Array(n).fill(-1);
	const margin = new Float64Array(n);
	const points = new Float64Array(n * m);
	const columns = features.map((f) => table.features[f]);
	const row = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < m; j++) row[j] = columns[j][i];
		const point = embed(model.space, row);
		points.set(point, i * m);
		let best = -1;
		let bestD = Infinity;
		let second = -1;
		let secondD = Infinity;
		for (let c = 0; c < k; c++) {
			const d = squaredDistance(point, model.centroids[c]);
			if (d < bestD) {
				second = best;
				secondD = bestD;
				best = c;
				bestD = d;
			} else if (d < secondD) {
				second = c;
				secondD = d;
			}
		}
		cluster[i] = best;
		nextNearest[i] = second;
		margin[i] = second < 0 ? 0 : Math.sqrt(secondD) - Math.sqrt(bestD);
	}
	return { cluster, nextNearest, margin, points };
}

/** The cluster facts the model ships (names and descriptions come from training). */
export interface ClusterNaming {
	name: string;
	description: string;
}

/** Spread of a feature: 10th, 25th, 50th, 75th and 90th percentiles (numpy's linear rule). */
export interface FeatureSpread {
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
}

/** What a cluster is and does, for the data analysed. */
export interface ClusterSummary {
	cluster: number;
	name: string;
	description: string;
	/** Suggested marketing action. */
	action: string;
	size: number;
	customerShare: number;
	revenue: number;
	revenueShare: number;
	meanRevenue: number;
	spread: Record<CustomerFeature, FeatureSpread>;
}

/** What marketing can do with a cluster, by the start of its name (see `nameClusters`). */
export const CLUSTER_ACTIONS: readonly { name: string; action: string }[] = [
	{
		name: 'Insiders',
		action: 'Enrol them in the loyalty program: early access to new ranges, a named contact, free delivery. Call anyone whose days since last purchase passes the exit threshold.'
	},
	{
		name: 'Loyal regulars',
		action: 'Show them the Insiders’ benefits and the spend that earns them; suggest ranges they have not bought yet.'
	},
	{ name: 'Occasional buyers', action: 'Seasonal reminders before their usual buying months, and bundles that raise the order size.' },
	{ name: 'New or one-off', action: 'A welcome series and a second-order offer within 30 days: the second order is the one that makes a regular.' },
	{ name: 'Lapsed regulars', action: 'A win-back offer with a deadline, and one question on why they stopped.' },
	{ name: 'Lapsed one-off buyers', action: 'Email only, at low cost; do not spend paid media on them.' },
	{ name: 'Returners', action: 'Check the pages and sizing of the products they send back; avoid discounts that invite more returns.' }
];

export function clusterAction(name: string): string {
	return CLUSTER_ACTIONS.find((a) => name === a.name || name.startsWith(`${a.name} (`))?.action ?? 'Watch how this group develops before spending on it.';
}

function spreadOf(sorted: Float64Array): FeatureSpread {
	return {
		p10: quantileSorted(sorted, 0.1),
		p25: quantileSorted(sorted, 0.25),
		p50: quantileSorted(sorted, 0.5),
		p75: quantileSorted(sorted, 0.75),
		p90: quantileSorted(sorted, 0.9)
	};
}

function sortedValues(column: Float64Array, members: Int32Array | null): Float64Array {
	const out = members ? valuesAt(column, members) : column.slice();
	return out.sort();
}

/** Each cluster's customers: their rows, ascending, from every customer's cluster (`k` clusters). */
export function clusterMembers(cluster: Int32Array, k: number): Int32Array[] {
	const n = cluster.length;
	const sizes = new Int32Array(k);
	for (let i = 0; i < n; i++) sizes[cluster[i]]++;
	const membersOf = Array.from({ length: k }, (_, c) => new Int32Array(sizes[c]));
	const fill = new Int32Array(k);
	for (let i = 0; i < n; i++) {
		const c = cluster[i];
		membersOf[c][fill[c]++] = i;
	}
	return membersOf;
}

/** Each cluster's summary (`membersOf` from `clusterMembers`); revenue shares are of `totalRevenue`. */
export function clusterSummaries(table: CustomerTable, membersOf: readonly Int32Array[], names: readonly ClusterNaming[], totalRevenue: number): ClusterSummary[] {
	const n = table.count;
	const revenue = table.features.grossRevenue;
	return names.map((naming, c) => {
		const members = membersOf[c];
		let rev = 0;
		for (const i of members) rev += revenue[i];
		const spread = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, spreadOf(sortedValues(table.features[f], members))])) as Record<
			CustomerFeature,
			FeatureSpread
		>;
		return {
			cluster: c,
			name: naming.name,
			description: naming.description,
			action: clusterAction(naming.name),
			size: members.length,
			customerShare: n ? members.length / n : 0,
			revenue: rev,
			revenueShare: totalRevenue > 0 ? rev / totalRevenue : 0,
			meanRevenue: members.length ? rev / members.length : 0,
			spread
		};
	});
}

/** Spread of every feature over all the customers of a table. */
export function overallSpread(table: CustomerTable): Record<CustomerFeature, FeatureSpread> {
	return Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, spreadOf(sortedValues(table.features[f], null))])) as Record<CustomerFeature, FeatureSpread>;
}
