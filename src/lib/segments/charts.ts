/**
 * The segments page's chart configurations, built with the shared chart layer (`$lib/charts`):
 * cluster sizes beside revenue shares, the 2-D map of customers, a feature's spread by cluster, and
 * the features that decided one customer's cluster. Colours are theme tokens (cluster i is series
 * colour i). Pure, no DOM.
 */
import type { ChartConfiguration } from 'chart.js';
import { axisTitle, baseOptions, logTick, mergeOptions, wrapLabel } from '../charts/axes';
import { signedBarChart } from '../charts/bars';
import { cssColour, seriesColour, token } from '../charts/theme';
import type { SegmentsAnalysis } from './analysis';
import { CUSTOMER_FEATURE_INFO, type CustomerFeature } from './features';
import type { DecidingFeature } from './form';

/** The colour token of a cluster, for charts. */
export function clusterColour(cluster: number, opacity?: number): string {
	return seriesColour(cluster, opacity);
}

/** The colour of a cluster for HTML and CSS (a `var()` with the fallback colour), e.g. a legend swatch. */
export function clusterCssColour(cluster: number): string {
	return cssColour(clusterColour(cluster));
}

const pct = (x: number) => Math.round(x * 1000) / 10;

/** The label of the anonymous invoices' bar (they are not customers, so they have no customer share). */
export const ANONYMOUS_LABEL = 'No customer id (anonymous invoices)';

/**
 * Share of customers and share of revenue per cluster, side by side, and the revenue of invoices
 * without a customer id as a bar of its own (every revenue share is of all revenue).
 */
export function sharesChart(analysis: SegmentsAnalysis): ChartConfiguration<'bar'> {
	const anonymous = analysis.anonymous?.invoices ? analysis.anonymous : null;
	const names = [...analysis.clusters.map((c) => c.name), ...(anonymous ? [ANONYMOUS_LABEL] : [])];
	const colours = [...analysis.clusters.map((c) => clusterColour(c.cluster)), ...(anonymous ? [token('--c-muted', 0.8)] : [])];
	return {
		type: 'bar',
		data: {
			labels: names.map((name) => wrapLabel(name, 14)) as unknown as string[],
			datasets: [
				{
					label: 'Share of customers (%)',
					data: [...analysis.clusters.map((c) => pct(c.customerShare)), ...(anonymous ? [null as unknown as number] : [])],
					backgroundColor: token('--c-muted', 0.45)
				},
				{
					label: 'Share of revenue (%)',
					data: [...analysis.clusters.map((c) => pct(c.revenueShare)), ...(anonymous ? [pct(anonymous.revenueShare)] : [])],
					backgroundColor: colours
				}
			]
		},
		options: mergeOptions(baseOptions(), {
			indexAxis: 'y',
			scales: { x: { min: 0, max: 100, title: axisTitle('%') }, y: { ticks: { autoSkip: false } } },
			plugins: { tooltip: { callbacks: { title: (items: { dataIndex: number }[]) => names[items[0]?.dataIndex ?? 0] ?? '' } } }
		}) as ChartConfiguration<'bar'>['options']
	};
}

/** The 2-D map: sampled customers on the model's first two principal axes, one colour per cluster. */
export function mapChart(analysis: SegmentsAnalysis, explained?: [number, number]): ChartConfiguration<'scatter'> {
	const { x, y, cluster } = analysis.map;
	const datasets = analysis.clusters.map((c) => {
		const data: { x: number; y: number }[] = [];
		for (let i = 0; i < x.length; i++) if (cluster[i] === c.cluster) data.push({ x: x[i], y: y[i] });
		return { label: c.name, data, backgroundColor: clusterColour(c.cluster, 0.7), borderWidth: 0, pointRadius: 2.5, pointHoverRadius: 4 };
	});
	const axis = (i: 0 | 1) => (explained ? `Map axis ${i + 1} (${Math.round(explained[i] * 100)}% of the spread)` : `Map axis ${i + 1}`);
	return {
		type: 'scatter',
		data: { datasets },
		options: mergeOptions(baseOptions(), {
			animation: false,
			scales: { x: { title: axisTitle(axis(0)) }, y: { title: axisTitle(axis(1)) } }
		}) as ChartConfiguration<'scatter'>['options']
	};
}

/** Features whose spread is wide enough to need a logarithmic axis. */
export function isSkewed(analysis: SegmentsAnalysis, feature: CustomerFeature): boolean {
	const o = analysis.overall[feature];
	const top = Math.max(o.p90, ...analysis.clusters.map((c) => c.spread[feature].p90));
	return feature !== 'returnShare' && top > 8 * Math.max(o.p50, 1e-9);
}

/**
 * Feature spread by cluster, as horizontal bars (long cluster names fit a phone): 10th-90th
 * percentile (light), 25th-75th (dark), median (mark), with all customers last.
 */
export function distributionChart(analysis: SegmentsAnalysis, feature: CustomerFeature): ChartConfiguration<'bar' | 'line'> {
	const log = isSkewed(analysis, feature);
	const share = feature === 'returnShare';
	const scale = (v: number) => (share ? pct(v) : v);
	// A log axis cannot show 0: values are floored at a small positive number (the tooltip says so).
	const floor = log ? 0.5 : -Infinity;
	const at = (v: number) => Math.max(floor, scale(v));
	const groups = [
		...analysis.clusters.map((c) => ({ label: c.name, spread: c.spread[feature], colour: (o: number) => clusterColour(c.cluster, o) })),
		{ label: 'All customers', spread: analysis.overall[feature], colour: (o: number) => token('--c-muted', o) }
	];
	const info = CUSTOMER_FEATURE_INFO[feature];
	return {
		type: 'bar',
		data: {
			labels: groups.map((g) => wrapLabel(g.label, 14)) as unknown as string[],
			datasets: [
				{ type: 'bar', label: '10th–90th percentile', data: groups.map((g) => [at(g.spread.p10), at(g.spread.p90)]), backgroundColor: groups.map((g) => g.colour(0.25)), grouped: false, barPercentage: 0.7 },
				{ type: 'bar', label: '25th–75th percentile', data: groups.map((g) => [at(g.spread.p25), at(g.spread.p75)]), backgroundColor: groups.map((g) => g.colour(0.7)), grouped: false, barPercentage: 0.4 },
				{ type: 'line', label: 'Median', data: groups.map((g) => at(g.spread.p50)), showLine: false, pointStyle: 'line', rotation: 90, pointRadius: 10, pointBorderWidth: 3, borderColor: token('--c-text'), backgroundColor: token('--c-text') }
			]
		},
		options: mergeOptions(baseOptions(), {
			indexAxis: 'y',
			scales: {
				x: {
					type: log ? 'logarithmic' : 'linear',
					title: axisTitle(`${info.label}${info.unit ? ` (${info.unit}${log ? ', log scale' : ''})` : log ? ' (log scale)' : ''}`),
					...(log ? { ticks: { callback: logTick, autoSkip: false } } : {})
				},
				y: { ticks: { autoSkip: false } }
			},
			plugins: { tooltip: { callbacks: { title: (items: { dataIndex: number }[]) => groups[items[0]?.dataIndex ?? 0]?.label ?? '' } } }
		})
	} as ChartConfiguration<'bar' | 'line'>;
}

/**
 * A horizontal bar chart of the pulls, in the order given: positive (green) pulled toward the chosen
 * cluster, negative (red) toward the next-nearest. `names` names the two clusters in the dataset label.
 */
export function decidingChartConfig(deciding: readonly DecidingFeature[], names?: { chosen: string; next: string }): ChartConfiguration<'bar', number[], string> {
	const config = signedBarChart(
		deciding.map((d) => ({ label: d.label, value: Number(d.pull.toFixed(3)) })),
		{
			valueLabel: names ? `Pull toward ${names.chosen} (negative: toward ${names.next})` : 'Pull toward the chosen cluster',
			// No axis title: on a phone chart.js squeezes a title wider than the plot into unreadable
			// text; the sentence above the chart says which way is which, and names the two clusters.
			format: (v) => String(v),
			labelChars: 14
		}
	);
	return mergeOptions(config, { options: { scales: { y: { ticks: { autoSkip: false } } } } });
}
