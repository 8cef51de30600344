/**
 * A forecast with its range beside what happened, per point (e.g. per backtest cut): the range as a
 * shaded band, the forecast dashed, the actual solid; a point with no actual (the window ahead) shows
 * the forecast and its range only. Pure TS, no DOM; colours are tokens.
 */
import type { ChartConfiguration } from 'chart.js';
import { baseOptions, compactNumber, mergeOptions } from './axes';
import { seriesColour, token } from './theme';

export interface RangePoint {
	label: string;
	forecast: number;
	/** Null: no range at this point. */
	low: number | null;
	high: number | null;
	/** Null: not known yet. */
	actual: number | null;
}

export function rangeChart(
	points: readonly RangePoint[],
	opts: { format?: (v: number) => string; rangeLabel: string; forecastLabel?: string; actualLabel?: string }
): ChartConfiguration<'line', (number | null)[], string> {
	const format = opts.format ?? compactNumber;
	const band = seriesColour(0, 0.18);
	return {
		type: 'line',
		data: {
			labels: points.map((p) => p.label),
			datasets: [
				{ label: `${opts.rangeLabel} (low)`, data: points.map((p) => p.low), borderWidth: 0, pointRadius: 0, backgroundColor: band, fill: false },
				{ label: opts.rangeLabel, data: points.map((p) => p.high), borderWidth: 0, pointRadius: 0, backgroundColor: band, borderColor: band, fill: '-1' },
				{
					label: opts.forecastLabel ?? 'Forecast',
					data: points.map((p) => p.forecast),
					borderColor: seriesColour(0),
					backgroundColor: seriesColour(0),
					borderDash: [6, 3],
					pointRadius: 3
				},
				{ label: opts.actualLabel ?? 'Actual', data: points.map((p) => p.actual), borderColor: token('--c-text'), backgroundColor: token('--c-text'), pointRadius: 3 }
			]
		},
		options: mergeOptions(baseOptions(), {
			plugins: { legend: { labels: { filter: (item: { text: string }) => !item.text.endsWith('(low)') } } },
			scales: { y: { beginAtZero: true, ticks: { callback: (v: string | number) => format(Number(v)) } } }
		}) as ChartConfiguration<'line', (number | null)[], string>['options']
	};
}
