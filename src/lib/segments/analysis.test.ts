/**
 * Tests of the Insiders analysis: assignment of a whole table against `assignCustomer`, cluster sizes
 * and shares, spreads, the entry and exit rules, the revenue forecast, the evidence, the 2-D map and
 * the marketing actions, on a small hand-checked customer table; then the whole analysis on the
 * seeded invoice sample with the shipped model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSegments, withForecast } from './analysis';
import { CLUSTER_ACTIONS, assignTable, clusterAction } from './clusters';
import { insiderRules, niceFloor } from './insiderRules';
import { DAYS_PER_MONTH, FORECAST_MONTHS, forecastJob, insidersForecast } from './insidersForecast';
import { MAP_POINTS, mapSample, principalAxes, type SegmentMap } from './segmentMap';
import { CUSTOMER_FEATURES, createCustomerAggregator, featureMatrix, type CustomerFeature, type CustomerTable } from './features';
import type { SegmentsArtifact } from './artifact';
import { SKEWED_FEATURES, assignCustomer, embed, fitSpace, type SegmentAssigner } from './model';
import { readInvoiceText } from './read';
import { generateInvoiceSample } from './sample';

const day = (date: string) => Date.parse(`${date}T10:00:00Z`);

interface HandCustomer {
	id: string;
	/** Every invoice is one line of 10 units. */
	invoices: { date: string; unitPrice: number }[];
}

/** A customer table from a few customers, one line of 10 units per invoice, in customer order. */
function tableOf(customers: HandCustomer[]): CustomerTable {
	const aggregator = createCustomerAggregator();
	let invoice = 540000;
	let row = 2;
	for (const customer of customers)
		for (const { date, unitPrice } of customer.invoices) {
			aggregator.addInvoiceLine(
				{ invoice: String(invoice++), stockCode: `P${invoice}`, quantity: 10, unitPrice, date: day(date), customerId: customer.id, country: 'United Kingdom' },
				row++
			);
		}
	return aggregator.finish();
}

const monthly = (year: number, months: number[], dayOfMonth: number, unitPrice: number) =>
	months.map((m) => ({ date: `${year}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`, unitPrice }));

/*
 * The hand-checked customers. The last date of the data is 2011-06-30 (B's last invoice), the first
 * 2010-06-15 (C's first), so the run-rate window is the last 365 days: 2010-07-01 .. 2011-06-30.
 *
 *   id    invoices x value        revenue  invoices  last purchase  recency  revenue in the window
 *   A     5 x 200                 1000     5         2011-06-01     29       1000
 *   B     6 x 300                 1800     6         2011-06-30      0       1800
 *   C     8 x 250                 2000     8         2011-06-20     10       1750 (2010-06-15 is before it)
 *   D     1 x 1500                1500     1         2011-06-25      5       1500
 *   E     6 x 50                   300     6         2011-06-05     25        300
 *   F     1 x 40                    40     1         2010-09-01    302         40
 *   G     2 x 100                  200     2         2010-10-01    272        200
 *   H     4 x 240                  960     4         2011-06-10     20        960
 *
 * Insiders are exactly "revenue >= 1000 and invoices >= 5": A, B and C (D spends but bought once,
 * E buys often but little, H falls short on both).
 */
const CUSTOMERS: HandCustomer[] = [
	{ id: 'A', invoices: monthly(2011, [2, 3, 4, 5, 6], 1, 20) },
	{ id: 'B', invoices: [...monthly(2011, [1, 2, 3, 4, 5], 10, 30), { date: '2011-06-30', unitPrice: 30 }] },
	{ id: 'C', invoices: [{ date: '2010-06-15', unitPrice: 25 }, ...monthly(2011, [1, 2, 3, 4, 5, 6], 15, 25), { date: '2011-06-20', unitPrice: 25 }] },
	{ id: 'D', invoices: [{ date: '2011-06-25', unitPrice: 150 }] },
	{ id: 'E', invoices: monthly(2011, [1, 2, 3, 4, 5, 6], 5, 5) },
	{ id: 'F', invoices: [{ date: '2010-09-01', unitPrice: 4 }] },
	{ id: 'G', invoices: [{ date: '2010-08-01', unitPrice: 10 }, { date: '2010-10-01', unitPrice: 10 }] },
	{ id: 'H', invoices: [...monthly(2011, [3, 4, 5], 1, 24), { date: '2011-06-10', unitPrice: 24 }] }
];
const INSIDERS = [1, 1, 1, 0, 0, 0, 0, 0];
const TOTAL_REVENUE = 7800;

const table = tableOf(CUSTOMERS);
const features = [...CUSTOMER_FEATURES];
const matrix = featureMatrix(table, features);
const space = fitSpace(matrix, table.count, features, SKEWED_FEATURES);

/** Mean point of some customers in the space. */
function centroidOf(members: number[]): number[] {
	const sum = new Array<number>(features.length).fill(0);
	for (const i of members) {
		const point = embed(space, matrix.subarray(i * features.length, (i + 1) * features.length));
		point.forEach((x, j) => (sum[j] += x / members.length));
	}
	return sum;
}

/** All eight features, scaler fitted on the table, centroids at the mean points of A-C and of the rest. */
const fitted: SegmentAssigner = {
	space,
	centroids: [centroidOf([0, 1, 2]), centroidOf([3, 4, 5, 6, 7])]
};

/*
 * A model built by hand: revenue / 1000 and invoices / 4, centroids at (2, 2) (Insiders) and (0, 0),
 * so a customer is an Insider when revenue / 1000 + invoices / 4 > 2:
 *   A 1 + 1.25 = 2.25, B 1.8 + 1.5 = 3.3, C 2 + 2 = 4 (Insiders);
 *   D 1.5 + 0.25 = 1.75, E 0.3 + 1.5 = 1.8, F 0.29, G 0.7, H 0.96 + 1 = 1.96 (the rest).
 */
const handFeatures: CustomerFeature[] = ['grossRevenue', 'invoices'];
const model: SegmentAssigner = {
	space: { features: handFeatures, log: [], mean: [0, 0], sd: [1000, 4] },
	centroids: [
		[2, 2],
		[0, 0]
	]
};
const names = [
	{ name: 'Insiders', description: 'Top spenders.' },
	{ name: 'Occasional buyers', description: 'The rest.' }
];

function rowOf(t: CustomerTable, i: number, keys: readonly CustomerFeature[]): number[] {
	return keys.map((f) => t.features[f][i]);
}

describe('the hand-checked table', () => {
	it('has the features worked out by hand', () => {
		expect(table.ids).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
		expect([...table.features.grossRevenue]).toEqual([1000, 1800, 2000, 1500, 300, 40, 200, 960]);
		expect([...table.features.invoices]).toEqual([5, 6, 8, 1, 6, 1, 2, 4]);
		expect([...table.features.recencyDays]).toEqual([29, 0, 10, 5, 25, 302, 272, 20]);
		expect([...table.recentRevenue]).toEqual([1000, 1800, 1750, 1500, 300, 40, 200, 960]);
		expect(table.recentWindowDays).toBe(365);
	});
});

describe('assignTable', () => {
	function expectAgreement(m: SegmentAssigner, t: CustomerTable) {
		const a = assignTable(m, t);
		const width = m.space.features.length;
		for (let i = 0; i < t.count; i++) {
			const row = rowOf(t, i, m.space.features);
			const one = assignCustomer(m, row);
			expect(a.cluster[i], `cluster of ${t.ids[i]}`).toBe(one.cluster);
			expect(a.nextNearest[i], `next-nearest of ${t.ids[i]}`).toBe(one.nextNearest);
			expect(a.margin[i], `margin of ${t.ids[i]}`).toBeCloseTo(one.margin, 12);
			expect(a.margin[i]).toBeGreaterThanOrEqual(0);
			expect([...a.points.subarray(i * width, (i + 1) * width)]).toEqual(embed(m.space, row));
		}
		return a;
	}

	it('agrees with assignCustomer for every customer (hand-made 2-feature model)', () => {
		const a = expectAgreement(model, table);
		expect([...a.cluster]).toEqual(INSIDERS.map((x) => (x ? 0 : 1)));
		expect([...a.nextNearest]).toEqual(INSIDERS.map((x) => (x ? 1 : 0)));
		// A at (1, 1.25): sqrt(1 + 0.5625) to (2, 2), sqrt(1 + 1.5625) to (0, 0).
		expect(a.margin[0]).toBeCloseTo(Math.sqrt(2.5625) - Math.sqrt(1.5625), 12);
	});

	it('agrees with assignCustomer for every customer (eight features, fitted scaler)', () => {
		expectAgreement(fitted, table);
	});

	it('breaks ties toward the first cluster, as assignCustomer does', () => {
		const far = new Array<number>(features.length).fill(50);
		const tied: SegmentAssigner = { space, centroids: [far, fitted.centroids[0], fitted.centroids[0].slice(), fitted.centroids[1]] };
		const a = expectAgreement(tied, table);
		// A sits nearest the Insiders centroid, present twice: the first copy wins, the second is next.
		expect([a.cluster[0], a.nextNearest[0], a.margin[0]]).toEqual([1, 2, 0]);
	});

	it('gives next-nearest -1 and margin 0 with a single cluster', () => {
		const a = expectAgreement({ space, centroids: [fitted.centroids[0]] }, table);
		expect([...a.cluster]).toEqual(new Array(table.count).fill(0));
		expect([...a.nextNearest]).toEqual(new Array(table.count).fill(-1));
		expect([...a.margin]).toEqual(new Array(table.count).fill(0));
	});
});

describe('analyseSegments on the hand-checked table', () => {
	const assignments = assignTable(model, table);
	const map = principalAxes(assignments.points, table.count, handFeatures.length);
	const analysis = analyseSegments(table, assignments, { names, insiders: 0, map, features: handFeatures });

	it('counts customers, revenue and the period', () => {
		expect(analysis.customers).toBe(8);
		expect(analysis.guestCustomers).toBe(0);
		expect(analysis.totalRevenue).toBe(TOTAL_REVENUE);
		expect(analysis.period).toEqual(['2010-06-15', '2011-06-30']);
		expect(analysis.insiders).toBe(0);
	});

	it('has cluster sizes and shares that add up', () => {
		const [insiders, rest] = analysis.clusters;
		expect(analysis.clusters.map((c) => [c.cluster, c.name, c.size])).toEqual([
			[0, 'Insiders', 3],
			[1, 'Occasional buyers', 5]
		]);
		expect(insiders.revenue).toBe(4800);
		expect(rest.revenue).toBe(3000);
		expect(insiders.revenueShare).toBeCloseTo(4800 / 7800, 12);
		expect(insiders.customerShare).toBe(3 / 8);
		expect(insiders.meanRevenue).toBe(1600);
		expect(rest.meanRevenue).toBe(600);
		const sum = (f: (c: (typeof analysis.clusters)[number]) => number) => analysis.clusters.reduce((s, c) => s + f(c), 0);
		expect(sum((c) => c.size)).toBe(analysis.customers);
		expect(sum((c) => c.customerShare)).toBeCloseTo(1, 12);
		expect(sum((c) => c.revenueShare)).toBeCloseTo(1, 12);
		expect(sum((c) => c.revenue)).toBe(analysis.totalRevenue);
		expect(insiders.action).toBe(clusterAction('Insiders'));
	});

	it('has spreads matching hand values (numpy linear quantiles; p50 is the median)', () => {
		// Invoices of all 8, sorted: 1 1 2 4 5 6 6 8.
		expect(analysis.overall.invoices).toEqual({ p10: 1, p25: 1.75, p50: 4.5, p75: 6, p90: 6.6 });
		// Revenue of all 8, sorted: 40 200 300 960 1000 1500 1800 2000.
		expect(analysis.overall.grossRevenue.p50).toBe(980);
		// Recency of all 8, sorted: 0 5 10 20 25 29 272 302.
		expect(analysis.overall.recencyDays.p50).toBe(22.5);
		// Insiders' revenue, sorted: 1000 1800 2000.
		const spread = analysis.clusters[0].spread.grossRevenue;
		expect(spread.p10).toBeCloseTo(1160, 9);
		expect(spread.p25).toBeCloseTo(1400, 9);
		expect(spread.p50).toBe(1800);
		expect(spread.p75).toBeCloseTo(1900, 9);
		expect(spread.p90).toBeCloseTo(1960, 9);
		// The rest's invoices, sorted: 1 1 2 4 6.
		expect(analysis.clusters[1].spread.invoices.p50).toBe(2);
	});

	it('forecasts the Insiders’ revenue with a backtested method (forecast.ts has the exact figures)', () => {
		const f = analysis.forecast;
		if (!f) {
			expect(analysis.forecastRefused).toMatch(/too short|days/);
			return;
		}
		expect(['run-rate', 'seasonal', 'bg-nbd']).toContain(f.chosen);
		expect(f.expected).toBeGreaterThanOrEqual(0);
		expect(f.candidates.map((c) => c.method)).toEqual(['run-rate', 'seasonal', 'bg-nbd']);
		if (f.low !== null && f.high !== null) {
			expect(f.low).toBeLessThanOrEqual(f.expected);
			expect(f.expected).toBeLessThanOrEqual(f.high);
		} else expect(f.rangeNote).toMatch(/too few/);
		expect(f.months).toBeLessThanOrEqual(FORECAST_MONTHS);
		expect(f.horizonDays).toBeLessThanOrEqual(Math.round(FORECAST_MONTHS * DAYS_PER_MONTH));
	});

	it('finds the exact Insiders rule, with an exit rule no tighter than entry', () => {
		expect(analysis.entry).toEqual({ revenueAtLeast: 1000, invoicesAtLeast: 5, recencyAtMost: 29, qualifying: 3, precision: 1, recall: 1 });
		expect(analysis.exit).toEqual({ revenueBelow: 1000, invoicesBelow: 5, recencyAbove: 29, currentInsidersMeeting: 0 });
	});

	it('has evidence: Insiders’ revenue against the rest', () => {
		const e = analysis.evidence!;
		expect(e.test.nA).toBe(3);
		expect(e.test.nB).toBe(5);
		expect(e.test.alternative).toBe('greater');
		// Insiders beat 14 of the 15 pairs (D's 1500 beats A's 1000).
		expect(e.test.u).toBe(14);
		expect(e.insidersMean.estimate).toBe(1600);
		expect(e.restMean.estimate).toBe(600);
	});

	it('puts every customer on the map', () => {
		expect(analysis.map.total).toBe(8);
		expect(analysis.map.cluster).toEqual([...assignments.cluster]);
		expect(analysis.map.x).toHaveLength(8);
	});
});

describe('insiderRules', () => {
	it('finds "revenue >= 1000 and invoices >= 5" with precision 1 and recall 1', () => {
		const rules = insiderRules(table, Uint8Array.from(INSIDERS))!;
		expect(rules).not.toBeNull();
		const { entry, exit } = rules;
		expect(entry.precision).toBe(1);
		expect(entry.recall).toBe(1);
		expect(entry.revenueAtLeast).toBe(1000);
		expect(entry.invoicesAtLeast).toBe(5);
		expect(entry.qualifying).toBe(3);
		// Exit is looser than entry: lower revenue and invoice floors, a later recency cut-off.
		expect(exit.revenueBelow).toBeLessThanOrEqual(entry.revenueAtLeast);
		expect(exit.invoicesBelow).toBeLessThanOrEqual(entry.invoicesAtLeast);
		expect(exit.recencyAbove).toBeGreaterThanOrEqual(entry.recencyAtMost);
		expect(exit.currentInsidersMeeting).toBe(0);
	});

	it('applies its rule as it reports it', () => {
		const { entry } = insiderRules(table, Uint8Array.from(INSIDERS))!;
		const r = table.features;
		const meets = INSIDERS.map((_, i) =>
			r.grossRevenue[i] >= entry.revenueAtLeast && r.invoices[i] >= entry.invoicesAtLeast && r.recencyDays[i] <= entry.recencyAtMost ? 1 : 0
		);
		expect(meets).toEqual(INSIDERS);
	});

	it('has no rule when nobody or everybody is an Insider', () => {
		expect(insiderRules(table, new Uint8Array(8))).toBeNull();
		expect(insiderRules(table, new Uint8Array(8).fill(1))).toBeNull();
	});
});

describe('evidence', () => {
	it('gives a small Mann-Whitney p when every Insider out-spends everyone else', () => {
		const big = (id: string, price: number): HandCustomer => ({ id, invoices: monthly(2011, [1, 2, 3, 4, 5, 6], 3, price) });
		const small = (id: string, price: number): HandCustomer => ({ id, invoices: [{ date: '2011-05-20', unitPrice: price }] });
		const t = tableOf([big('I1', 40), big('I2', 50), big('I3', 60), big('I4', 70), small('R1', 5), small('R2', 6), small('R3', 7), small('R4', 8), small('R5', 9)]);
		// One space dimension is enough: revenue alone.
		const s = fitSpace(featureMatrix(t, ['grossRevenue']), t.count, ['grossRevenue'], ['grossRevenue']);
		const m: SegmentAssigner = { space: s, centroids: [[1], [-1]] };
		const a = assignTable(m, t);
		expect([...a.cluster]).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]);
		const axes: SegmentMap = { axes: [[1], [0]], explained: [1, 0] };
		const result = analyseSegments(t, a, { names, insiders: 0, map: axes, features: ['grossRevenue'] });
		const e = result.evidence!;
		expect(e.test.u).toBe(20);
		expect(e.test.probabilityOfSuperiority).toBe(1);
		// U = 20, mean 10, sd sqrt(20 * 10 / 12): z = (10 - 0.5) / 4.082 = 2.327, p = 0.00998.
		expect(e.test.pValue).toBeLessThan(0.02);
		expect(e.test.pValue).toBeCloseTo(0.00998, 4);
		expect(e.insidersMean.low).toBeGreaterThan(e.restMean.high);
	});

	it('is left out with fewer than two Insiders', () => {
		const a = assignTable(model, table);
		const m = { names, insiders: 0, map: principalAxes(a.points, table.count, handFeatures.length), features: handFeatures };
		expect(analyseSegments(table, a, m).evidence).not.toBeNull();
		const one = { ...a, cluster: Int32Array.from([0, 1, 1, 1, 1, 1, 1, 1]) };
		const lonely = analyseSegments(table, one, m);
		expect(lonely.evidence).toBeNull();
		expect(lonely.forecast).toBeNull();
		expect(lonely.entry).not.toBeNull();
	});
});

describe('niceFloor', () => {
	it('rounds down to two significant figures', () => {
		expect(niceFloor(3456)).toBe(3400);
		expect(niceFloor(987)).toBe(980);
		expect(niceFloor(0.5)).toBe(0.5);
		expect(niceFloor(0)).toBe(0);
		expect(niceFloor(1000)).toBe(1000);
		expect(niceFloor(99)).toBe(99);
		expect(niceFloor(-5)).toBe(0);
		expect(niceFloor(NaN)).toBe(0);
	});
});

describe('principalAxes', () => {
	// Three orthogonal directions; points on a full 2 x 2 x 2 grid along them, so the covariance
	// in that basis is exactly diag(9, 1, 0.09).
	const norm = (v: number[]) => v.map((x) => x / Math.hypot(...v));
	const cross = (a: number[], b: number[]) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

	function gridAlong(u: number[], v: number[], offset: number[]): Float64Array {
		const w = cross(u, v);
		const out: number[] = [];
		for (const a of [-3, 3]) for (const b of [-1, 1]) for (const c of [-0.3, 0.3]) out.push(...u.map((_, j) => offset[j] + a * u[j] + b * v[j] + c * w[j]));
		return Float64Array.from(out);
	}

	const expectClose = (got: number[], want: number[]) => want.forEach((x, j) => expect(got[j]).toBeCloseTo(x, 8));

	it('returns the known directions, unit length, and the share of the variance along each', () => {
		const u = norm([1, -4, 8]);
		const v = norm([4, 7, 3]);
		const map = principalAxes(gridAlong(u, v, [10, -2, 5]), 8, 3);
		expectClose(map.axes[0], u);
		expectClose(map.axes[1], v);
		for (const axis of map.axes) expect(Math.hypot(...axis)).toBeCloseTo(1, 9);
		expect(map.explained[0]).toBeCloseTo(9 / 10.09, 4);
		expect(map.explained[1]).toBeCloseTo(1 / 10.09, 4);
	});

	it('signs each axis so its largest entry is positive', () => {
		const u = norm([4, -8, 1]); // largest entry negative
		const v = norm([-7, -3, 4]); // u·v = -28 + 24 + 4 = 0; largest entry negative
		expect(u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).toBeCloseTo(0, 12);
		const map = principalAxes(gridAlong(u, v, [0, 0, 0]), 8, 3);
		expectClose(map.axes[0], u.map((x) => -x));
		expectClose(map.axes[1], v.map((x) => -x));
		for (const axis of map.axes) {
			const biggest = axis.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
			expect(biggest).toBeGreaterThan(0);
		}
	});

	it('is deterministic', () => {
		const points = gridAlong(norm([1, -4, 8]), norm([4, 7, 3]), [1, 2, 3]);
		expect(principalAxes(points, 8, 3)).toEqual(principalAxes(points, 8, 3));
	});
});

describe('mapSample', () => {
	const map: SegmentMap = { axes: [[1, 0], [0, 1]], explained: [0.5, 0.5] };
	/** Customer i at (i, -i / 2), in cluster i % 3. */
	const pointsOf = (n: number) => Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? k / 2 : -(k - 1) / 4));
	const clustersOf = (n: number) => Int32Array.from({ length: n }, (_, i) => i % 3);

	it('caps at MAP_POINTS with a seeded sample, in customer order', () => {
		const n = 4000;
		const sample = mapSample(map, pointsOf(n), 2, clustersOf(n));
		expect(sample.total).toBe(n);
		expect(sample.x).toHaveLength(MAP_POINTS);
		expect(sample.y).toHaveLength(MAP_POINTS);
		expect(sample.cluster).toHaveLength(MAP_POINTS);
		expect(new Set(sample.x).size).toBe(MAP_POINTS);
		sample.x.forEach((x, j) => {
			expect(Number.isInteger(x) && x >= 0 && x < n).toBe(true);
			if (j > 0) expect(x).toBeGreaterThan(sample.x[j - 1]);
			expect(sample.y[j]).toBe(-x / 2);
			expect(sample.cluster[j]).toBe(x % 3);
		});
		expect(mapSample(map, pointsOf(n), 2, clustersOf(n))).toEqual(sample);
	});

	it('keeps every customer when there are few, projected on the axes', () => {
		const tilted: SegmentMap = { axes: [[0.6, 0.8], [-0.8, 0.6]], explained: [0.7, 0.3] };
		const sample = mapSample(tilted, Float64Array.from([1, 2, 4, 3]), 2, Int32Array.from([1, 0]));
		expect(sample).toEqual({ x: [2.2, 4.8], y: [0.4, -1.4], cluster: [1, 0], total: 2 });
	});
});

describe('clusterAction', () => {
	const action = (name: string) => CLUSTER_ACTIONS.find((a) => a.name === name)!.action;

	it('finds the action by the start of the name', () => {
		expect(clusterAction('Lapsed one-off buyers (higher spend)')).toBe(action('Lapsed one-off buyers'));
		expect(clusterAction('Lapsed one-off buyers')).toBe(action('Lapsed one-off buyers'));
		expect(clusterAction('Lapsed regulars (group 2)')).toBe(action('Lapsed regulars'));
		expect(clusterAction('Insiders')).toBe(action('Insiders'));
	});

	it('has a fallback for a name it does not know', () => {
		expect(clusterAction('Insiders club')).toBe('Watch how this group develops before spending on it.');
		expect(clusterAction('Something else')).toBe('Watch how this group develops before spending on it.');
	});
});

describe('the whole analysis on the seeded sample with the shipped model', () => {
	const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/segments/model.json', import.meta.url), 'utf8')) as SegmentsArtifact;
	const read = readInvoiceText(generateInvoiceSample().text);
	if (!read.ok) throw new Error(read.failure.message);
	const sample = read.aggregator.finish();
	const shipped: SegmentAssigner = { space: artifact.space, centroids: artifact.centroids };
	const assignments = assignTable(shipped, sample);
	const analysis = analyseSegments(sample, assignments, {
		names: artifact.profiles,
		insiders: artifact.insiders,
		map: artifact.map,
		features: artifact.space.features
	});

	it('places every customer as assignCustomer does', () => {
		for (let i = 0; i < sample.count; i++) {
			const one = assignCustomer(shipped, rowOf(sample, i, artifact.space.features));
			expect(assignments.cluster[i]).toBe(one.cluster);
			expect(assignments.nextNearest[i]).toBe(one.nextNearest);
			expect(assignments.margin[i]).toBeCloseTo(one.margin, 12);
		}
	});

	it('is internally consistent, with anonymous invoices counted apart', () => {
		const all = sample.count;
		const guests = sample.guest.reduce((s, g) => s + g, 0);
		const n = all - guests;
		expect(guests, 'the sample has anonymous invoices').toBeGreaterThan(0);
		expect(n).toBeGreaterThan(200);
		expect(analysis.customers).toBe(n);
		expect(analysis.insiders).toBe(artifact.insiders);
		expect(analysis.clusters.map((c) => c.cluster)).toEqual(artifact.profiles.map((_, c) => c));
		expect(analysis.clusters.map((c) => c.name)).toEqual(artifact.profiles.map((p) => p.name));
		expect(analysis.clusters[analysis.insiders].name).toBe('Insiders');
		const sizes = new Array<number>(artifact.k).fill(0);
		const anonymous = new Array<number>(artifact.k).fill(0);
		let anonymousRevenue = 0;
		assignments.cluster.forEach((c, i) => {
			if (sample.guest[i]) {
				anonymous[c]++;
				anonymousRevenue += sample.features.grossRevenue[i];
			} else sizes[c]++;
		});
		expect(analysis.clusters.map((c) => c.size)).toEqual(sizes);
		expect(analysis.anonymous.byCluster).toEqual(anonymous);
		expect(analysis.anonymous.invoices).toBe(guests);
		expect(analysis.guestCustomers).toBe(guests);
		expect(analysis.anonymous.revenue).toBeCloseTo(anonymousRevenue, 6);
		expect(sizes.reduce((s, x) => s + x, 0)).toBe(n);
		// Revenue shares are of all revenue: the clusters and the anonymous invoices add up to 1.
		expect(Math.abs(analysis.clusters.reduce((s, c) => s + c.revenueShare, 0) + analysis.anonymous.revenueShare - 1)).toBeLessThan(1e-9);
		expect(Math.abs(analysis.clusters.reduce((s, c) => s + c.customerShare, 0) - 1)).toBeLessThan(1e-9);
		const revenue = analysis.clusters.reduce((s, c) => s + c.revenue, 0) + analysis.anonymous.revenue;
		expect(Math.abs(revenue - analysis.totalRevenue)).toBeLessThan(1e-6 * analysis.totalRevenue);
		expect(analysis.map.total).toBe(n);
		expect(analysis.map.x).toHaveLength(Math.min(n, MAP_POINTS));
		for (const c of analysis.clusters) expect(c.action).toBe(clusterAction(c.name));
		expect(analysis.clusters[analysis.insiders].size).toBeGreaterThan(0);
		if (analysis.forecast?.low != null && analysis.forecast.high != null) expect(analysis.forecast.low).toBeLessThanOrEqual(analysis.forecast.high);
		if (analysis.entry) {
			expect(analysis.entry.precision).toBeGreaterThan(0);
			expect(analysis.exit!.revenueBelow).toBeLessThanOrEqual(analysis.entry.revenueAtLeast || Infinity);
			expect(analysis.exit!.invoicesBelow).toBeLessThanOrEqual(analysis.entry.invoicesAtLeast);
			expect(analysis.exit!.recencyAbove).toBeGreaterThanOrEqual(analysis.entry.recencyAtMost);
		}
	});

	it('gives the same answers when the forecast is computed apart (as on a reading thread)', () => {
		expect(analysis.forecast, 'the sample has a forecast').not.toBeNull();
		const job = structuredClone(forecastJob(sample, assignments, artifact.insiders));
		const model = { names: artifact.profiles, insiders: artifact.insiders, map: artifact.map, features: artifact.space.features };
		const apart = withForecast(analyseSegments(sample, assignments, model, { forecast: null }), insidersForecast(job.table, job.insiders));
		expect(apart).toEqual(analysis);
	});
});
