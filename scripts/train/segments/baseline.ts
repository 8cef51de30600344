/**
 * The plain RFM-quantile baseline beside the clusters: recency, frequency and monetary quintiles,
 * the "555" cell and the top scores as many customers as the Insiders.
 */
import type { RfmBaseline } from '../../../src/lib/segments/artifact.ts';
import type { CustomerTable } from '../../../src/lib/segments/features.ts';
import { printTable, round } from '../io.ts';
import type { ShippedClusters } from './profiles.ts';

/** Quintile scores 1..5 by rank (ties broken by customer order, like pandas qcut on rank(method='first')). */
function quintiles(values: Float64Array, higherIsBetter: boolean): Uint8Array {
	const n = values.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (higherIsBetter ? values[a] - values[b] : values[b] - values[a]) || a - b);
	const score = new Uint8Array(n);
	order.forEach((i, rank) => (score[i] = Math.min(5, Math.floor((rank * 5) / n) + 1)));
	return score;
}

function rfmBaseline(table: CustomerTable, insidersSize: number): RfmBaseline {
	const revenue = table.features.grossRevenue;
	const r = quintiles(table.features.recencyDays, false);
	const f = quintiles(table.features.invoices, true);
	const m = quintiles(revenue, true);
	let totalRevenue = 0;
	for (let i = 0; i < table.count; i++) totalRevenue += revenue[i];
	const group = (member: (i: number) => boolean) => {
		let size = 0;
		let rev = 0;
		for (let i = 0; i < table.count; i++)
			if (member(i)) {
				size++;
				rev += revenue[i];
			}
		return { size, customerShare: round(size / table.count, 4), revenueShare: round(rev / totalRevenue, 4) };
	};
	let minScore = 15;
	const total = (i: number) => r[i] + f[i] + m[i];
	while (minScore > 3 && group((i) => total(i) >= minScore).size < insidersSize) minScore--;
	return {
		description:
			'Recency, frequency (invoices) and monetary (gross revenue) quintiles, 5 = best, ties broken by customer order; "555" is the top cell.',
		top555: group((i) => r[i] === 5 && f[i] === 5 && m[i] === 5),
		topScore: { minScore, ...group((i) => total(i) >= minScore) }
	};
}

/** The RFM baseline of `table`, printed with the clusters' profiles and beside the Insiders. */
export function compareWithBaseline(table: CustomerTable, { profiles, insiders }: ShippedClusters): RfmBaseline {
	const baseline = rfmBaseline(table, profiles[insiders].size);
	printTable(profiles.map((p) => ({
		cluster: String(p.cluster),
		name: p.name,
		customers: String(p.size),
		'share of customers': p.customerShare,
		'share of revenue': p.revenueShare,
		'mean revenue': p.meanRevenue,
		'median recency': String(p.medians.recencyDays),
		'median invoices': String(p.medians.invoices)
	})));
	printTable([
		{ segment: `Insiders (k-means cluster ${insiders})`, customers: String(profiles[insiders].size), 'share of customers': profiles[insiders].customerShare, 'share of revenue': profiles[insiders].revenueShare },
		{ segment: 'RFM "555"', customers: String(baseline.top555.size), 'share of customers': baseline.top555.customerShare, 'share of revenue': baseline.top555.revenueShare },
		{ segment: `RFM score >= ${baseline.topScore.minScore}`, customers: String(baseline.topScore.size), 'share of customers': baseline.topScore.customerShare, 'share of revenue': baseline.topScore.revenueShare }
	]);
	return baseline;
}
