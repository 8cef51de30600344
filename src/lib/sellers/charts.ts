/**
 * The seller finder's chart configurations (chart.js, drawn by the shared Chart component): the
 * monthly activity lines, users against sellers, and the model's reliability diagram. Pure, no DOM.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ClassificationMetrics } from '../core/artifact/types';
import { monthLabel } from './calendar';
import type { MonthActivity } from './market';

const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'];

function lines(activity: readonly MonthActivity[], series: { label: string; pick: (m: MonthActivity) => number }[], yTitle: string): ChartConfiguration<'line'> {
	return {
		type: 'line',
		data: {
			labels: activity.map((m) => monthLabel(m.month)),
			datasets: series.map((s, i) => ({ label: s.label, data: activity.map(s.pick), borderColor: COLOURS[i], backgroundColor: COLOURS[i], pointRadius: 0, borderWidth: 2, tension: 0.2 }))
		},
		options: {
			animation: false,
			interaction: { mode: 'index', intersect: false },
			scales: { x: { ticks: { maxTicksLimit: 6, maxRotation: 0 } }, y: { beginAtZero: true, title: { display: true, text: yTitle } } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}

/** New orders, collection adds and wish-list adds per month. */
export function activityChart(activity: readonly MonthActivity[]): ChartConfiguration<'line'> {
	return lines(
		activity,
		[
			{ label: 'Orders', pick: (m) => m.orders },
			{ label: 'Collection adds', pick: (m) => m.collectionAdds },
			{ label: 'Wish-list adds', pick: (m) => m.wishlistAdds }
		],
		'Events a month'
	);
}

/** Active buyers against active and new sellers per month. */
export function usersSellersChart(activity: readonly MonthActivity[]): ChartConfiguration<'line'> {
	return lines(
		activity,
		[
			{ label: 'Active buyers', pick: (m) => m.activeUsers },
			{ label: 'Active sellers', pick: (m) => m.activeSellers },
			{ label: 'New sellers', pick: (m) => m.newSellers }
		],
		'Users a month'
	);
}

/** Predicted against observed rate per probability bin (bins with rows only), with the diagonal. */
export function reliabilityChart(metrics: Pick<ClassificationMetrics, 'reliability'>): ChartConfiguration<'scatter'> {
	const bins = (metrics.reliability ?? []).filter((b) => b.n > 0 && b.meanPredicted !== null && b.observedRate !== null);
	const top = Math.min(1, Math.max(0.05, ...bins.map((b) => Math.max(b.meanPredicted!, b.observedRate!))) * 1.1);
	return {
		type: 'scatter',
		data: {
			datasets: [
				{ label: 'Held-out users, by predicted probability', data: bins.map((b) => ({ x: b.meanPredicted!, y: b.observedRate! })), backgroundColor: COLOURS[0], pointRadius: 5 },
				{ label: 'Perfect calibration', type: 'line', data: [{ x: 0, y: 0 }, { x: top, y: top }], borderColor: '#777', borderDash: [4, 4], pointRadius: 0, borderWidth: 1 } as never
			]
		},
		options: {
			animation: false,
			scales: { x: { min: 0, max: top, title: { display: true, text: 'Predicted probability' } }, y: { min: 0, max: top, title: { display: true, text: 'Share that became active sellers' } } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}
