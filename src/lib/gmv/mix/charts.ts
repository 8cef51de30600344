/**
 * The planner's chart: one channel group's response (GMV a month it adds, against its monthly
 * spend), with the 80% band over the bootstrap refits: solid over the monthly spend the data saw,
 * dotted below the least of it, dashed beyond the most (where the planner credits nothing more).
 * Pure, colours as theme tokens.
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
	// Indices where the seen range starts and ends (curve points at or just outside its edges, so the pieces join).
	const first = Math.max(0, curve.findIndex((p) => p.spend >= observed.min - 1e-9) - (curve.some((p) => Math.abs(p.spend - observed.min) < 1e-9) ? 0 : 1));
	const last = curve.findLastIndex((p) => p.spend <= observed.max + 1e-9);
	const piece = (from: number, to: number) => curve.map((p, i) => (i >= from && i <= to ? p.gmv : null));
	const muted = (dash: number[]) => ({ borderColor: token('--c-muted'), backgroundColor: token('--c-muted'), borderDash: dash, pointRadius: 0, borderWidth: 2 });
	return {
		type: 'line',
		data: {
			labels: curve.map((p) => p.spend.toFixed(0)),
			datasets: [
				{ label: '80% range, low', data: curve.map((p) => p.low), borderWidth: 0, pointRadius: 0, backgroundColor: seriesColour(colour, 0.15), fill: false },
				{ label: '80% range', data: curve.map((p) => p.high), borderWidth: 0, pointRadius: 0, backgroundColor: seriesColour(colour, 0.15), fill: '-1' },
				{ label: 'Within the spend seen', data: piece(first, last), borderColor: seriesColour(colour), backgroundColor: seriesColour(colour), pointRadius: 0, borderWidth: 3 },
				{ label: 'Beyond it: no more credited', data: piece(last, curve.length - 1), ...muted([5, 4]) },
				{ label: 'Below the least seen', data: piece(0, first), ...muted([2, 3]) }
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
