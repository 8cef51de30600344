/**
 * The GMV page's chart configurations, built with the shared chart layer (`$lib/charts`): predicted
 * against actual GMV by week, and the month's predicted GMV as the budget grows (what pushed a
 * prediction up or down is drawn in HTML: components/SignedBars.svelte). Rupee ticks in lakh and
 * crore. Pure, no DOM.
 */
import type { ChartConfiguration } from 'chart.js';
import { axisTitle, baseOptions, mergeOptions } from '../charts/axes';
import { actualPredictedChart } from '../charts/lines';
import { seriesColour } from '../charts/theme';
import { formatRupees } from '../core/rupees';

/** Weekly totals of actual and predicted GMV, one point per week ("W12"). */
export function weeklyGmvChart(weeks: readonly (readonly [number, { actual: number; predicted: number }])[]): ChartConfiguration<'line', number[], string> {
	return actualPredictedChart(
		weeks.map(([w]) => `W${w}`),
		weeks.map(([, v]) => v.actual),
		weeks.map(([, v]) => v.predicted),
		{ format: formatRupees, actualLabel: 'Actual GMV', predictedLabel: 'Predicted GMV' }
	);
}

/** Predicted GMV of the month against the month's total budget (crore, in the historical channel mix). */
export function budgetCurveChart(curve: readonly { budget: number; gmv: number }[]): ChartConfiguration<'line', number[], string> {
	return {
		type: 'line',
		data: {
			labels: curve.map((p) => p.budget.toFixed(0)),
			datasets: [{ label: 'Predicted GMV of the month', data: curve.map((p) => p.gmv), borderColor: seriesColour(0), backgroundColor: seriesColour(0, 0.15), fill: true, pointRadius: 2 }]
		},
		options: mergeOptions(baseOptions(), {
			plugins: { legend: { display: false } },
			scales: {
				x: { title: axisTitle('Monthly budget, crore (historical mix)') },
				y: { title: axisTitle('Predicted GMV'), ticks: { callback: (v: string | number) => formatRupees(Number(v)) } }
			}
		}) as ChartConfiguration<'line', number[], string>['options']
	};
}
