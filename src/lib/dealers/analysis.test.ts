import { describe, expect, it } from 'vitest';
import { analyseNetwork } from './analysis';
import type { ExpectedSalesModel } from './expected';
import { featureCount, type DealerEncoders } from './features';
import { generateNetwork } from './generator';
import { areaIndices, kpiValues, emptySums, addRow, ORIGINAL_WEIGHTS } from './kpis';
import { MIN_DEALERS_FOR_OWN_PEERS, peerReference } from './peers';
import { scoreNetwork } from './score';
import { REGIONS, selectRows } from './table';

const enc: DealerEncoders = { regions: [...REGIONS], regionShares: [0.2, 0.2, 0.2, 0.2, 0.2] };
/** A stand-in model: 16% of leads, read back from the log-leads feature. */
const leadsModel: ExpectedSalesModel = {
	kind: 'network',
	encoders: enc,
	predict(X, n) {
		const w = featureCount(enc);
		return Float64Array.from({ length: n }, (_, i) => 0.16 * Math.expm1(X[i * w + 3]));
	}
};
const serviceRates = REGIONS.map(() => new Array(12).fill(0.46));
const interval = { z: 1.645, dispersion: 1.4, modelError: 0.05 };
const net = generateNetwork(11, 200);
const referencePeers = peerReference({ size: [1000, 5000, 9000], visitorShare: [0.3, 0.4, 0.5], conversion: [0.02, 0.03, 0.04], closing: [1, 1, 1] });
const scored = scoreNetwork(net.months, leadsModel, { referencePeers, serviceRates });

describe('scoring a network', () => {
	it('gives every row its expected sales and its peers-funnel versions', () => {
		expect(scored.dealers.count).toBe(200);
		expect(scored.peerSource).toBe('file');
		expect(scored.expected[5]).toBeCloseTo(0.16 * net.months.funnel.leads[5], 9);
		// With the peers' visitor share, a dealer with a lower share than its band's median gets more visitors.
		const d = Array.from({ length: 200 }, (_, k) => k).find((k) => net.truth.weakStep[k] === 1)!;
		const row = d * 12;
		expect(scored.peerVisitors[row]).toBeGreaterThan(scored.expected[row]);
		expect(scored.expectedOrders![row]).toBeCloseTo(0.46 * net.months.rich!.serviceLeads[row], 9);
	});

	it('borrows the reference peers when a file has too few dealers', () => {
		const few = selectRows(net.months, Array.from({ length: 12 * (MIN_DEALERS_FOR_OWN_PEERS - 1) }, (_, i) => i));
		const s = scoreNetwork(few, leadsModel, { referencePeers, serviceRates });
		expect(s.peerSource).toBe('reference');
		expect(s.peers).toBe(referencePeers);
	});
});

describe('analysing a network', () => {
	const analysis = analyseNetwork(scored, interval);

	it('splits each dealer\'s sales lost along the funnel into parts that add up', () => {
		for (const r of analysis.dealers.slice(0, 50)) {
			const s = r.steps;
			const total = s.visitorShare.salesPerMonth + s.conversion.salesPerMonth + s.closing.salesPerMonth;
			let e2 = 0;
			let actual = 0;
			for (let k = scored.dealers.start[r.index]; k < scored.dealers.start[r.index + 1]; k++) {
				e2 += scored.peerFunnel[scored.dealers.order[k]];
				actual += net.months.funnel.sales[scored.dealers.order[k]];
			}
			expect(total).toBeCloseTo((s.closing.peer * e2 - actual) / 12, 9);
			const positive = [s.visitorShare, s.conversion, s.closing].reduce((a, x) => a + Math.max(0, x.salesPerMonth), 0);
			expect(r.lostPerMonth).toBeCloseTo(positive, 9);
		}
	});

	it('ranks the dealers to visit first by sales lost, within the chosen region and vendor', () => {
		const lost = analysis.visitFirst.map((i) => analysis.dealers[i].lostPerMonth);
		expect(lost).toEqual([...lost].sort((a, b) => b - a));
		const west = analyseNetwork(scored, interval, { region: 4, vendor: 1 });
		expect(west.visitFirst.length).toBeGreaterThan(0);
		for (const i of west.visitFirst) expect([west.dealers[i].region, west.dealers[i].vendor]).toEqual([4, 1]);
		// The comparisons still cover every dealer.
		expect(west.dealers.length).toBe(200);
	});

	it('sums only the chosen months', () => {
		const q4 = analyseNetwork(scored, interval, { months: [9, 10, 11] });
		const first = q4.dealers[0];
		expect(first.months).toBe(3);
		const rows = [9, 10, 11].map((m) => m);
		const sales = rows.reduce((a, m) => a + net.months.funnel.sales[m], 0);
		expect(first.kpis.salesPerMonth).toBeCloseTo(sales / 3, 9);
	});

	it('puts every dealer on or under the frontier, and the nation at 100', () => {
		for (const r of analysis.dealers) expect(r.frontier.efficiency!).toBeLessThanOrEqual(1);
		expect(analysis.dealers.some((r) => r.frontier.efficiency === 1)).toBe(true);
		const nation = areaIndices(analysis.nation.kpis, analysis.nation.kpis);
		for (const v of Object.values(nation)) expect(v).toBeCloseTo(100, 9);
	});
});

describe('KPIs and the overall index', () => {
	it('computes the close rate from leads when walk-ins are known, else sales per lead', () => {
		const s = emptySums();
		for (let i = 0; i < 12; i++) addRow(s, net.months, scored, i);
		const k = kpiValues(s);
		const f = net.months.funnel;
		const sales = Array.from({ length: 12 }, (_, i) => f.sales[i]).reduce((a, b) => a + b);
		const walkIn = Array.from({ length: 12 }, (_, i) => net.months.rich!.salesWalkIn[i]).reduce((a, b) => a + b);
		const leads = Array.from({ length: 12 }, (_, i) => f.leads[i]).reduce((a, b) => a + b);
		expect(k.closeRateKind).toBe('close rate');
		expect(k.closeRate).toBeCloseTo((sales - walkIn) / leads, 12);
		const original = { ...net.months, rich: null };
		const s2 = emptySums();
		for (let i = 0; i < 12; i++) addRow(s2, original, scored, i);
		const k2 = kpiValues(s2);
		expect(k2.closeRateKind).toBe('sales per lead');
		expect(k2.closeRate).toBeCloseTo(sales / leads, 12);
		expect(k2.within30).toBeNull();
		// Without service columns, generating and managing are sales only.
		const idx = areaIndices(k2, k2, ORIGINAL_WEIGHTS);
		expect(idx.serviceGenerating).toBeNull();
		expect(idx.generating).toBeCloseTo(100, 9);
		expect(idx.overall).toBeCloseTo(100, 9);
	});

	it('weighs generating 37% and managing 63% by default, and as asked otherwise', () => {
		const nation = kpiValues(emptySumsWith(100, 10, 50));
		const dealer = kpiValues(emptySumsWith(100, 12, 50));
		const a = areaIndices(dealer, nation);
		expect(a.overall).toBeCloseTo(0.37 * a.generating! + 0.63 * a.managing!, 9);
		const b = areaIndices(dealer, nation, { generating: 1, sales: 1 });
		expect(b.overall).toBeCloseTo(a.salesGenerating!, 9);
	});
});

function emptySumsWith(expected: number, sales: number, leads: number) {
	const s = emptySums();
	s.rows = 1;
	s.expected = expected;
	s.sales = sales;
	s.leads = leads;
	return s;
}
