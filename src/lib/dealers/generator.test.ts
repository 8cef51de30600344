import { describe, expect, it } from 'vitest';
import { generateNetwork } from './generator';
import { NETWORK, SEASONS } from './params';
import { richLayoutCsv } from './csv';
import { LEAD_SOURCES, SOURCE_FIELDS, countColumn } from './table';

const net = generateNetwork(7, 600);
const t = net.months;
const f = t.funnel;
const r = t.rich!;
const sum = (a: ArrayLike<number>, rows?: number[]) => (rows ?? Array.from({ length: a.length }, (_, i) => i)).reduce((s, i) => s + a[i], 0);

describe('the synthetic dealer network', () => {
	it('is the same for the same seed and different for another', () => {
		expect(richLayoutCsv(generateNetwork(7, 50).months)).toBe(richLayoutCsv(generateNetwork(7, 50).months));
		expect(richLayoutCsv(generateNetwork(8, 50).months)).not.toBe(richLayoutCsv(generateNetwork(7, 50).months));
	});

	it('has 12 months per dealer, BAC codes from 11111, regions in rotation', () => {
		expect(t.n).toBe(600 * 12);
		expect(t.bac[0]).toBe(NETWORK.firstBac);
		expect(t.bac[t.n - 1]).toBe(NETWORK.firstBac + 599);
		for (let i = 0; i < t.n; i++) {
			expect(t.month[i]).toBe(i % 12);
			expect(t.region[i]).toBe(Math.floor(i / 12) % 5);
		}
	});

	it('keeps the funnel in order and its parts adding up to the totals', () => {
		const broken: string[] = [];
		for (let i = 0; i < t.n; i++) {
			const leads = LEAD_SOURCES.reduce((s, src) => s + countColumn(t, SOURCE_FIELDS[src].leads)![i], 0);
			const sales = LEAD_SOURCES.reduce((s, src) => s + countColumn(t, SOURCE_FIELDS[src].sales)![i], 0) + r.salesWalkIn[i];
			if (!(f.vdpViews[i] >= f.visitors[i] && f.visitors[i] >= f.conversions[i])) broken.push(`${i} funnel`);
			if (leads !== f.leads[i] || sales !== f.sales[i]) broken.push(`${i} parts`);
			if (r.respondedWithin30[i] > f.leads[i]) broken.push(`${i} responded`);
			if (r.serviceOrders[i] > r.serviceAppointments[i] || r.serviceAppointments[i] > r.serviceLeads[i]) broken.push(`${i} service`);
		}
		expect(broken).toEqual([]);
	});

	it("matches the original project's KPI levels and the public reference points", () => {
		const closeRate = (sum(f.sales) - sum(r.salesWalkIn)) / sum(f.leads);
		expect(closeRate).toBeGreaterThan(0.085);
		expect(closeRate).toBeLessThan(0.115); // original: 10.1%
		expect(sum(f.sales) / sum(f.leads)).toBeGreaterThan(0.13); // a lead-audit tool: 16.1% lead-to-sale
		expect(sum(f.sales) / sum(f.leads)).toBeLessThan(0.19);
		expect(sum(r.respondedWithin30) / sum(f.leads)).toBeCloseTo(0.643, 1); // original: 64.3%
		expect(sum(r.salesLoyalty) / t.n).toBeCloseTo(88.1, 0); // original: 88.1
	});

	it('has spring traffic, quarter-end sales pushes and a winter dip', () => {
		const monthRows = (m: number) => Array.from({ length: 600 }, (_, d) => d * 12 + m);
		const perLead = (m: number) => sum(f.sales, monthRows(m)) / sum(f.leads, monthRows(m));
		expect(sum(f.vdpViews, monthRows(4))).toBeGreaterThan(1.2 * sum(f.vdpViews, monthRows(0)));
		expect(perLead(11)).toBeGreaterThan(perLead(0) * 1.2);
		expect(SEASONS.sales[2]).toBeGreaterThan(SEASONS.sales[1]);
	});

	it("knows each dealer's truth: expected sales average out to the average dealer's", () => {
		expect(sum(net.expectedSales) / sum(net.averageDealerSales)).toBeCloseTo(1, 1);
		expect(sum(net.expectedSales) / sum(f.sales)).toBeCloseTo(1, 1);
		// A dealer planted weak at closing sells clearly less than an average dealer would with its leads.
		const weakClose = Array.from({ length: 600 }, (_, d) => d).filter((d) => net.truth.weakStep[d] === 3);
		expect(weakClose.length).toBeGreaterThan(5);
		for (const d of weakClose) {
			const rows = Array.from({ length: 12 }, (_, m) => d * 12 + m);
			expect(sum(net.expectedSales, rows) / sum(net.averageDealerSales, rows)).toBeLessThan(1);
		}
	});
});
