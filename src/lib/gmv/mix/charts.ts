/**
 * The planner's chart: one channel group's response (GMV a month it adds, against its monthly
 * spend), with the 80% band over the bootstrap refits, solid over the spend the data saw and
 * dashed beyond it, where the planner credits nothing more. Pure, colours as theme tokens.
 */
import type { ChartConfiguration } from 'chart.js';
import { axisTitle, baseOptions, mergeOptions } from '../../charts/axes';
import { seriesColour, token } from '../../charts/theme';
import { formatRupees } from '../../core/rupees';

export interface CurvePoint {
	spend: number;
	gmv: number;
	low: number;
	high: number;
}

export function responseCurveChart(curve: readonly CurvePoint[], observed: { min: number; max: number }, colour = 0): ChartConfiguration<'line', (number | null)[], string> {
	const seen = (p: CurvePoint) => p.spend <= observed.max + 1e-9;
	const lastSeen = curve.findLastIndex(seen);
	return {
		type: 'line',
		data: {
			labels: curve.map((p) => p.spend.toFixed(0)),
			datasets: [
				{ label: '80% range, low', data: curve.map((p) => p.low), borderWidth: 0, pointRadius: 0, backgroundColor: seriesColour(colour, 0.15), fill: false },
				{ label: '80% range', data: curve.map((p) => p.high), borderWidth: 0, pointRadius: 0, backgroundColor: seriesColour(colour, 0.15), fill: '-1' },
				{ label: 'Within the spend seen', data: curve.map((p, i) => (i <= lastSeen ? p.gmv : null)), borderColor: seriesColour(colour), backgroundColor: seriesColour(colour), pointRadius: 0, borderWidth: 2 },
				{ label: 'Beyond it: no more credited', data: curve.map((p, i) => (i >= lastSeen ? p.gmv : null)), borderColor: token('--c-muted'), backgroundColor: token('--c-muted'), borderDash: [5, 4], pointRadius: 0, borderWidth: 2 }
			]
		},
		options: mergeOptions(baseOptions(), {
			plugins: { legend: { display: false } },
			scales: {
				x: { title: axisTitle('Spend, crore a month'), ticks: { maxTicksLimit: 6, maxRotation: 0 } },
				y: { title: axisTitle('GMV added a month'), beginAtZero: true, ticks: { maxTicksLimit: 5, callback: (v: string | number) => formatRupees(Number(v)).replace(' crore', ' cr') } }
			}
		}) as ChartConfiguration<'line', (number | null)[], string>['options']
	};
}
