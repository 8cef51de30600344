/**
 * The seller finder's chart configurations (drawn by the shared Chart component), built from the
 * chart layer's helpers with theme colour tokens: the monthly activity lines, and users against
 * sellers. Pure, no DOM.
 */
import type { ChartConfiguration } from 'chart.js';
import { axisTitle, baseOptions, compactNumber, mergeOptions } from '../charts/axes';
import { seriesColour } from '../charts/theme';
import { monthLabel } from './calendar';
import type { MonthActivity } from './market';

function lines(activity: readonly MonthActivity[], series: { label: string; pick: (m: MonthActivity) => number }[], yTitle: string): ChartConfiguration<'line', number[], string> {
	return {
		type: 'line',
		data: {
			labels: activity.map((m) => monthLabel(m.month)),
			datasets: series.map((s, i) => ({ label: s.label, data: activity.map(s.pick), borderColor: seriesColour(i), backgroundColor: seriesColour(i), pointRadius: 0, borderWidth: 2 }))
		},
		options: mergeOptions(baseOptions(), {
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: { ticks: { maxTicksLimit: 6, maxRotation: 0 } },
				y: { beginAtZero: true, title: axisTitle(yTitle), ticks: { callback: (v: string | number) => compactNumber(Number(v)) } }
			}
		}) as ChartConfiguration<'line', number[], string>['options']
	};
}

/** New orders, collection adds and wish-list adds per month. */
export function activityChart(activity: readonly MonthActivity[]) {
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
export function usersSellersChart(activity: readonly MonthActivity[]) {
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
