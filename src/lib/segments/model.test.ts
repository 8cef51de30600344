import { describe, expect, it } from 'vitest';
import { kmeans } from 'ml-kmeans';
import { normal, seededRandom } from '../core/random';
import { CUSTOMER_FEATURES, type CustomerFeature } from './features';
import { SKEWED_FEATURES, assignCustomer, embed, embedMatrix, fitSpace, nameClusters, nearestCentroid } from './model';

const F = CUSTOMER_FEATURES.length;

/** Three groups of synthetic customers: big spenders, regulars, one-off buyers long ago. */
function syntheticCustomers(perGroup: number, seed: number): Float64Array {
	const random = seededRandom(seed);
	const groups = [
		{ revenue: 8000, recency: 5, invoices: 20 },
		{ revenue: 800, recency: 40, invoices: 4 },
		{ revenue: 150, recency: 250, invoices: 1 }
	];
	const out = new Float64Array(groups.length * perGroup * F);
	let i = 0;
	for (const g of groups)
		for (let r = 0; r < perGroup; r++, i++) {
			const jitter = () => Math.exp(normal(random, 0, 0.15));
			const invoices = Math.max(1, Math.round(g.invoices * jitter()));
			const items = g.revenue * jitter() / 2;
			const row = [g.revenue * jitter(), g.recency * jitter(), invoices, items, 10 * invoices, invoices / 30, 0, 0];
			out.set(row, i * F);
		}
	return out;
}

describe('fitSpace and embed', () => {
	it('standardises the log1p of skewed features to mean 0 and sd 1', () => {
		const rows = 90;
		const matrix = syntheticCustomers(30, 1);
		const space = fitSpace(matrix, rows, CUSTOMER_FEATURES, SKEWED_FEATURES);
		const points = embedMatrix(space, matrix, rows);
		const j = CUSTOMER_FEATURES.indexOf('grossRevenue');
		const mean = points.reduce((s, p) => s + p[j], 0) / rows;
		const sd = Math.sqrt(points.reduce((s, p) => s + (p[j] - mean) ** 2, 0) / rows);
		expect(mean).toBeCloseTo(0, 10);
		expect(sd).toBeCloseTo(1, 10);
		expect(embed(space, Array.from(matrix.subarray(0, F)))[j]).toBeCloseTo((Math.log1p(matrix[j]) - space.mean[j]) / space.sd[j], 12);
	});

	it('keeps a constant feature finite (sd falls back to 1)', () => {
		const space = fitSpace(syntheticCustomers(5, 2), 15, CUSTOMER_FEATURES, SKEWED_FEATURES);
		const j = CUSTOMER_FEATURES.indexOf('returnShare');
		expect(space.sd[j]).toBe(1);
	});
});

describe('assignCustomer', () => {
	const features = ['grossRevenue', 'recencyDays'] as CustomerFeature[];
	const model = { space: { features, log: [], mean: [0, 0], sd: [1, 1] }, centroids: [[0, 0], [10, 0], [0, 4]] };

	it('picks the nearest centroid and reports distances, next-nearest and margin', () => {
		const a = assignCustomer(model, [1, 1]);
		expect(a.cluster).toBe(0);
		expect(a.distances[0]).toBeCloseTo(Math.SQRT2, 12);
		expect(a.distances[2]).toBeCloseTo(Math.sqrt(1 + 9), 12);
		expect(a.nextNearest).toBe(2);
		expect(a.margin).toBeCloseTo(Math.sqrt(10) - Math.SQRT2, 12);
	});

	it('splits the squared-distance gap between the chosen and next cluster by feature', () => {
		const a = assignCustomer(model, [1, 1]);
		// next (0,4): revenue (1-0)² - (1-0)² = 0; recency (1-4)² - (1-0)² = 8.
		expect(a.contributions.grossRevenue).toBeCloseTo(0, 12);
		expect(a.contributions.recencyDays).toBeCloseTo(8, 12);
		const total = a.contributions.grossRevenue + a.contributions.recencyDays;
		expect(total).toBeCloseTo(a.distances[a.nextNearest] ** 2 - a.distances[a.cluster] ** 2, 12);
	});

	it('reproduces the k-means labels of synthetic training customers', () => {
		const rows = 150;
		const matrix = syntheticCustomers(50, 3);
		const space = fitSpace(matrix, rows, CUSTOMER_FEATURES, SKEWED_FEATURES);
		const points = embedMatrix(space, matrix, rows);
		const result = kmeans(points, 3, { initialization: [points[0], points[50], points[100]] });
		const centroids = result.centroids.map((c) => [...c]);
		let agree = 0;
		for (let i = 0; i < rows; i++) {
			const row = Array.from(matrix.subarray(i * F, (i + 1) * F));
			if (assignCustomer({ space, centroids }, row).cluster === result.clusters[i]) agree++;
			expect(nearestCentroid(points[i], centroids)).toBe(result.clusters[i]);
		}
		expect(agree).toBe(rows);
		// The three generated groups are recovered.
		expect(new Set(result.clusters.slice(0, 50)).size).toBe(1);
		expect(new Set(result.clusters.slice(100)).size).toBe(1);
		expect(result.clusters[0]).not.toBe(result.clusters[100]);
	});
});

describe('nameClusters', () => {
	const medians = (m: Partial<Record<CustomerFeature, number>>) =>
		({ grossRevenue: 500, recencyDays: 50, invoices: 2, itemsBought: 100, distinctProducts: 20, frequency: 0.05, itemsReturned: 0, returnShare: 0, ...m }) as Record<CustomerFeature, number>;
	const fact = (cluster: number, meanRevenue: number, m: Partial<Record<CustomerFeature, number>>) => ({
		cluster, size: 10, customerShare: 0.1, revenueShare: 0.1, meanRevenue, medians: medians(m)
	});

	it('names by the data, not by the index', () => {
		const overall = medians({});
		const names = nameClusters(
			[
				fact(0, 300, { recencyDays: 300, invoices: 1 }),
				fact(1, 9000, { invoices: 12, recencyDays: 5 }),
				fact(2, 700, { recencyDays: 20, invoices: 6 }),
				fact(3, 100, { recencyDays: 10, invoices: 1 }),
				fact(4, 400, { returnShare: 0.3 })
			],
			overall
		).map((n) => n.name);
		expect(names).toEqual(['Lapsed one-off buyers', 'Insiders', 'Loyal regulars', 'New or one-off', 'Returners']);
	});

	it('tells apart two clusters that earn the same name by spend', () => {
		const names = nameClusters(
			[fact(0, 9000, { invoices: 12 }), fact(1, 50, { recencyDays: 300, invoices: 1 }), fact(2, 900, { recencyDays: 250, invoices: 1 })],
			medians({})
		).map((n) => n.name);
		expect(names).toEqual(['Insiders', 'Lapsed one-off buyers (lower spend)', 'Lapsed one-off buyers (higher spend)']);
	});
});
