/**
 * Actual against predicted over the same labels (e.g. by week). Pure TS, no DOM; colours are tokens.
 */
import type { ChartConfiguration } from 'chart.js';
import { baseOptions, compactNumber, mergeOptions } from './axes';
import { seriesColour, token } from './theme';

/** Two series over the same labels: actual (solid) and predicted (dashed), e.g. by week. */
export function actualPredictedChart(labels: readonly string[], actual: readonly number[], predicted: readonly number[], opts: { format?: (v: number) => string; actualLabel?: string; predictedLabel?: string } = {}): ChartConfiguration<'line', number[], string> {
	const format = opts.format ?? compactNumber;
	return {
		type: 'line',
		data: {
			labels: [...labels],
			datasets: [
				{ label: opts.actualLabel ?? 'Actual', data: [...actual], borderColor: token('--c-text'), backgroundColor: token('--c-text'), pointRadius: 1 },
				{ label: opts.predictedLabel ?? 'Predicted', data: [...predicted], borderColor: seriesColour(0), backgroundColor: seriesColour(0), borderDash: [6, 3], pointRadius: 1 }
			]
		},
		options: mergeOptions(baseOptions(), { scales: { y: { ticks: { callback: (v: string | number) => format(Number(v)) } } } }) as ChartConfiguration<'line', number[], string>['options']
	};
}
