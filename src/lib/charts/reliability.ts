/**
 * The reliability diagram of a classifier's probabilities. Pure TS, no DOM; colours are tokens.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ReliabilityBin } from '../core/artifact/types';
import { axisTitle, baseOptions, mergeOptions, percentTick } from './axes';
import { seriesColour, token } from './theme';

/**
 * The reliability diagram: for each non-empty bin, the observed rate of positives against the mean
 * predicted probability, beside the diagonal of perfect calibration. Both axes 0-100%.
 */
export function reliabilityChart(bins: readonly ReliabilityBin[]): ChartConfiguration<'line' | 'scatter'> {
	const points = bins.filter((b) => b.n > 0 && b.meanPredicted !== null && b.observedRate !== null).map((b) => ({ x: b.meanPredicted!, y: b.observedRate!, n: b.n }));
	return {
		type: 'scatter',
		data: {
			datasets: [
				{
					type: 'line',
					label: 'Perfectly calibrated',
					data: [
						{ x: 0, y: 0 },
						{ x: 1, y: 1 }
					],
					borderColor: token('--c-muted'),
					borderDash: [5, 4],
					borderWidth: 1,
					pointRadius: 0
				},
				{
					type: 'line',
					label: 'This model',
					data: points,
					borderColor: seriesColour(0),
					backgroundColor: seriesColour(0),
					pointRadius: 4
				}
			]
		},
		options: mergeOptions(baseOptions(), {
			scales: {
				x: { type: 'linear', min: 0, max: 1, ticks: { callback: percentTick }, title: axisTitle('Predicted probability') },
				y: { type: 'linear', min: 0, max: 1, ticks: { callback: percentTick }, title: axisTitle('Observed rate') }
			}
		}) as ChartConfiguration<'line' | 'scatter'>['options']
	} as ChartConfiguration<'line' | 'scatter'>;
}
