/**
 * The dealer tool's chart configurations: the best-practice frontier (dealers as dots, the frontier
 * as a line, one dealer highlighted) and one dealer's months (actual sales against expected).
 * Pure TS: chart.js types only, no DOM.
 */
import type { ChartConfiguration } from 'chart.js';
import { axisTitle, baseOptions, logTick, mergeOptions } from '../charts/axes';
import { seriesColour, token } from '../charts/theme';
import type { FrontierPoint } from './frontier';
import type { MonthPoint } from './view';

const DOTS = token('--c-muted', 0.35);
const FRONTIER = seriesColour(0);
const HIGHLIGHT = token('--c-danger');
const EXPECTED = seriesColour(1);

export const FRONTIER_INPUT_LABEL = { vdpViews: 'VDP views a month', leads: 'Leads a month' } as const;

export function frontierChart(
	frontier: { vertices: FrontierPoint[]; sample: FrontierPoint[]; input: 'vdpViews' | 'leads' },
	dealer?: { x: number; y: number; best: number | null; bac: number } | null
): ChartConfiguration<'scatter'> {
	const datasets: ChartConfiguration<'scatter'>['data']['datasets'] = [
		{ label: 'Best-practice frontier', data: frontier.vertices.map((v) => ({ x: v.x, y: v.y })), showLine: true, borderColor: FRONTIER, backgroundColor: FRONTIER, pointRadius: 2, borderWidth: 2, order: 1 },
		{ label: 'Dealers (a sample)', data: frontier.sample.map((p) => ({ x: p.x, y: p.y })), backgroundColor: DOTS, borderWidth: 0, pointRadius: 2, order: 3 }
	];
	if (dealer) {
		datasets.unshift({ label: `Dealer ${dealer.bac}`, data: [{ x: dealer.x, y: dealer.y }], backgroundColor: HIGHLIGHT, borderColor: HIGHLIGHT, pointRadius: 6, pointStyle: 'rectRot', order: 0 });
		if (dealer.best !== null) datasets.unshift({ label: 'At the frontier', data: [{ x: dealer.x, y: dealer.best }], backgroundColor: FRONTIER, borderColor: FRONTIER, pointRadius: 6, pointStyle: 'triangle', order: 0 });
	}
	return {
		type: 'scatter',
		data: { datasets },
		options: mergeOptions(baseOptions(), {
			animation: false,
			scales: {
				x: { type: 'logarithmic', title: axisTitle(FRONTIER_INPUT_LABEL[frontier.input]), ticks: { callback: logTick, autoSkip: false } },
				y: { beginAtZero: true, title: axisTitle('Sales a month') }
			}
		}) as ChartConfiguration<'scatter'>['options']
	};
}

export function monthsChart(months: MonthPoint[]): ChartConfiguration<'bar' | 'line'> {
	return {
		type: 'bar',
		data: {
			labels: months.map((m) => m.month),
			datasets: [
				{ type: 'bar', label: 'Actual sales', data: months.map((m) => m.sales), backgroundColor: seriesColour(0, 0.7), order: 2 },
				{ type: 'line', label: 'Expected sales', data: months.map((m) => Math.round(m.expected * 10) / 10), borderColor: EXPECTED, backgroundColor: EXPECTED, pointRadius: 3, borderWidth: 2, order: 1 }
			]
		},
		options: mergeOptions(baseOptions(), { animation: false, scales: { y: { beginAtZero: true, title: axisTitle('Sales') } } }) as ChartConfiguration<'bar' | 'line'>['options']
	};
}
