/**
 * Tests of the Insiders analysis: cluster sizes and shares, spreads, the entry and exit rules, the
 * revenue forecast, the evidence and the 2-D map as the analysis reports them, on the hand-checked
 * customers (handCustomers.fixture.ts); then the whole analysis on the seeded invoice sample with the
 * shipped model. The parts have their own tests (clusters, insiderRules and segmentMap .test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseSegments, withForecast } from './analysis';
import { assignTable, clusterAction } from './clusters';
import { featureMatrix } from './features';
import type { SegmentsArtifact } from './artifact';
import { TOTAL_REVENUE, handFeatures, model, monthly, names, rowOf, table, tableOf, type HandCustomer } from './handCustomers.fixture';
import { DAYS_PER_MONTH, FORECAST_MONTHS, forecastJob, insidersForecast } from './insidersForecast';
import { assignCustomer, fitSpace, type SegmentAssigner } from './model';
import { readInvoiceText } from './read';
import { generateInvoiceSample } from './sample';
import { MAP_POINTS, principalAxes, type SegmentMap } from './segmentMap';

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
		// As outcome.ts does it: the forecast's purchases handed to the analysis, not copied again.
		const shared = withForecast(analyseSegments(sample, assignments, model, { forecast: null }, job.table), insidersForecast(job.table, job.insiders));
		expect(shared).toEqual(analysis);
	});
});
