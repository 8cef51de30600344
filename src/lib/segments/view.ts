/**
 * What the segments page shows, as data: chart configurations, the customer list's rows, and the
 * sentences that answer the marketing team's questions. Pure (no DOM), so it is unit-tested and the
 * Svelte components stay thin.
 */
import type { ChartConfiguration } from 'chart.js';
import type { SegmentsAnalysis } from './analysis';
import { CUSTOMER_FEATURES, CUSTOMER_FEATURE_INFO, type CustomerFeature } from './features';
import type { SegmentedCustomers } from './job';

/** Okabe-Ito colours (distinguishable with colour-blindness), one per cluster in cluster order. */
export const CLUSTER_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999', '#000000', '#F0E442', '#882255'];

export function clusterColour(cluster: number): string {
	return CLUSTER_COLOURS[cluster % CLUSTER_COLOURS.length];
}

const pct = (x: number) => Math.round(x * 1000) / 10;

/** Share of customers and share of revenue per cluster, side by side. */
export function sharesChart(analysis: SegmentsAnalysis): ChartConfiguration<'bar'> {
	return {
		type: 'bar',
		data: {
			labels: analysis.clusters.map((c) => c.name),
			datasets: [
				{ label: 'Share of customers (%)', data: analysis.clusters.map((c) => pct(c.customerShare)), backgroundColor: '#9aa5b1' },
				{ label: 'Share of revenue (%)', data: analysis.clusters.map((c) => pct(c.revenueShare)), backgroundColor: analysis.clusters.map((c) => clusterColour(c.cluster)) }
			]
		},
		options: {
			indexAxis: 'y',
			scales: { x: { min: 0, max: 100, title: { display: true, text: '%' } } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}

/** The 2-D map: sampled customers on the model's first two principal axes, one colour per cluster. */
export function mapChart(analysis: SegmentsAnalysis, explained?: [number, number]): ChartConfiguration<'scatter'> {
	const { x, y, cluster } = analysis.map;
	const datasets = analysis.clusters.map((c) => {
		const data: { x: number; y: number }[] = [];
		for (let i = 0; i < x.length; i++) if (cluster[i] === c.cluster) data.push({ x: x[i], y: y[i] });
		return { label: c.name, data, backgroundColor: `${clusterColour(c.cluster)}b3`, borderWidth: 0, pointRadius: 2.5, pointHoverRadius: 4 };
	});
	const axis = (i: 0 | 1) => (explained ? `Map axis ${i + 1} (${Math.round(explained[i] * 100)}% of the spread)` : `Map axis ${i + 1}`);
	return {
		type: 'scatter',
		data: { datasets },
		options: {
			animation: false,
			scales: { x: { title: { display: true, text: axis(0) } }, y: { title: { display: true, text: axis(1) } } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}

/** Features whose spread is wide enough to need a logarithmic axis. */
export function isSkewed(analysis: SegmentsAnalysis, feature: CustomerFeature): boolean {
	const o = analysis.overall[feature];
	const top = Math.max(o.p90, ...analysis.clusters.map((c) => c.spread[feature].p90));
	return feature !== 'returnShare' && top > 8 * Math.max(o.p50, 1e-9);
}

/** Feature spread by cluster: 10th-90th percentile (light), 25th-75th (dark), median (mark), with all customers last. */
export function distributionChart(analysis: SegmentsAnalysis, feature: CustomerFeature): ChartConfiguration<'bar' | 'line'> {
	const log = isSkewed(analysis, feature);
	const share = feature === 'returnShare';
	const scale = (v: number) => (share ? pct(v) : v);
	// A log axis cannot show 0: values are floored at a small positive number (the tooltip says so).
	const floor = log ? 0.5 : -Infinity;
	const at = (v: number) => Math.max(floor, scale(v));
	const groups = [...analysis.clusters.map((c) => ({ label: c.name, spread: c.spread[feature], colour: clusterColour(c.cluster) })), { label: 'All customers', spread: analysis.overall[feature], colour: '#4a5462' }];
	const info = CUSTOMER_FEATURE_INFO[feature];
	return {
		type: 'bar',
		data: {
			labels: groups.map((g) => g.label),
			datasets: [
				{ type: 'bar', label: '10th–90th percentile', data: groups.map((g) => [at(g.spread.p10), at(g.spread.p90)]), backgroundColor: groups.map((g) => `${g.colour}40`), grouped: false, barPercentage: 0.7 },
				{ type: 'bar', label: '25th–75th percentile', data: groups.map((g) => [at(g.spread.p25), at(g.spread.p75)]), backgroundColor: groups.map((g) => `${g.colour}b3`), grouped: false, barPercentage: 0.4 },
				{ type: 'line', label: 'Median', data: groups.map((g) => at(g.spread.p50)), showLine: false, pointStyle: 'line', pointRadius: 12, pointBorderWidth: 3, borderColor: '#111', backgroundColor: '#111' }
			]
		},
		options: {
			scales: {
				y: { type: log ? 'logarithmic' : 'linear', title: { display: true, text: `${info.label}${info.unit ? ` (${info.unit}${log ? ', log scale' : ''})` : log ? ' (log scale)' : ''}` } }
			},
			plugins: { legend: { position: 'bottom' } }
		}
	} as ChartConfiguration<'bar' | 'line'>;
}

/** Columns of the customer list. */
export const CUSTOMER_LIST_COLUMNS: readonly { key: string; label: string; unit?: string; kind: 'number' | 'text' }[] = [
	{ key: 'customer', label: 'Customer', kind: 'text' },
	{ key: 'cluster', label: 'Cluster', kind: 'text' },
	...CUSTOMER_FEATURES.map((f) => ({
		key: f,
		label: CUSTOMER_FEATURE_INFO[f].label,
		unit: CUSTOMER_FEATURE_INFO[f].unit,
		kind: 'number' as const
	})),
	{ key: 'lastPurchase', label: 'Last purchase', kind: 'text' },
	{ key: 'margin', label: 'Margin to next cluster', kind: 'number' },
	{ key: 'nextCluster', label: 'Next-nearest cluster', kind: 'text' }
];

export type ListRow = Record<string, string | number | null>;

/**
 * Rows of the customer list: the customers of `cluster` (or all, for -1) whose id contains `search`
 * (case ignored). Guest customers (invoices with no id) show as "no id (invoice 536365)".
 */
export function customerListRows(customers: SegmentedCustomers, names: readonly string[], cluster: number, search = ''): ListRow[] {
	const needle = search.trim().toLowerCase();
	const rows: ListRow[] = [];
	const n = customers.ids.length;
	for (let i = 0; i < n; i++) {
		if (cluster >= 0 && customers.cluster[i] !== cluster) continue;
		const id = customers.ids[i];
		if (needle && !id.toLowerCase().includes(needle)) continue;
		const row: ListRow = {
			customer: customers.guest[i] ? `no id (invoice ${id.replace(/^guest-/, '')})` : id,
			cluster: names[customers.cluster[i]] ?? String(customers.cluster[i])
		};
		for (const f of CUSTOMER_FEATURES) row[f] = f === 'returnShare' ? pct(customers.features[f][i]) : customers.features[f][i];
		const last = customers.lastPurchase[i];
		row.lastPurchase = Number.isFinite(last) ? new Date(last).toISOString().slice(0, 10) : null;
		row.margin = Math.round(customers.margin[i] * 100) / 100;
		const next = customers.nextNearest[i];
		row.nextCluster = next >= 0 ? (names[next] ?? String(next)) : null;
		rows.push(row);
	}
	return rows;
}

/** "p < 0.0001" or "p = 0.012". */
export function formatPValue(p: number): string {
	if (!Number.isFinite(p)) return 'p not available';
	if (p < 0.0001) return 'p < 0.0001';
	return `p = ${p < 0.01 ? p.toFixed(4) : p.toFixed(3)}`;
}

/** The test result in words. */
export function evidenceSentence(analysis: SegmentsAnalysis): string {
	const e = analysis.evidence;
	if (!e) return 'There are too few Insiders or other customers to compare.';
	const superiority = Math.round(e.test.probabilityOfSuperiority * 100);
	const separate = e.insidersMean.low > e.restMean.high;
	const significant = e.test.pValue < 0.05;
	return (
		`Pick an Insider and another customer at random: the Insider has the higher revenue ${superiority} times in 100. ` +
		(significant
			? `A difference this large would almost never appear by chance (one-sided Mann-Whitney U test, ${formatPValue(e.test.pValue)}).`
			: `That could be chance (one-sided Mann-Whitney U test, ${formatPValue(e.test.pValue)}): treat the Insiders as a label, not a proven group.`) +
		(separate ? ' The 95% intervals of mean revenue do not overlap.' : ' The 95% intervals of mean revenue overlap.')
	);
}

/** A condition of the entry or exit rule, split so the number can be set in bold. */
export interface RuleCondition {
	before: string;
	value: string;
	after: string;
}

/**
 * The entry ("all of") and exit ("any of") conditions worth saying: a threshold that excludes nobody
 * (revenue of at least 0, at least 1 invoice, a recency no shorter than the longest in the data) is left out.
 */
export function ruleConditions(analysis: SegmentsAnalysis): { entry: RuleCondition[]; exit: RuleCondition[] } {
	const entry: RuleCondition[] = [];
	const exit: RuleCondition[] = [];
	const money = (n: number) => Math.round(n).toLocaleString('en');
	const days = (n: number) => `${n.toLocaleString('en')} day${n === 1 ? '' : 's'}`;
	const e = analysis.entry;
	if (e) {
		if (e.revenueAtLeast > 0) entry.push({ before: 'gross revenue of at least ', value: money(e.revenueAtLeast), after: ' over the period analysed' });
		if (e.invoicesAtLeast > 1) entry.push({ before: 'at least ', value: e.invoicesAtLeast.toLocaleString('en'), after: ' invoices' });
		if (e.recencyAtMost < analysis.maxRecencyDays) entry.push({ before: 'last purchase at most ', value: days(e.recencyAtMost), after: ' ago' });
	}
	const x = analysis.exit;
	if (x) {
		if (x.revenueBelow > 0) exit.push({ before: 'gross revenue below ', value: money(x.revenueBelow), after: '' });
		if (x.invoicesBelow > 1) exit.push({ before: 'fewer than ', value: x.invoicesBelow.toLocaleString('en'), after: ' invoices' });
		if (x.recencyAbove < analysis.maxRecencyDays) exit.push({ before: 'no purchase for more than ', value: days(x.recencyAbove), after: '' });
	}
	return { entry, exit };
}
