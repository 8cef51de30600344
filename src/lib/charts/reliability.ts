/**
 * The reliability diagram of a classifier's probabilities. Pure TS, no DOM; colours are tokens.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ReliabilityBin } from '../core/artifact/types';
import { axisTitle, baseOptions, mergeOptions, percentTick } from './axes';
import { seriesColour, token } from './theme';

/**
 * The reliability diagram: for each non-empty bin, the observed rate of positives against the mean
 * predicted probability, beside the diagonal of perfect calibration. Both axes run from 0 to the
 * largest point (rounded up to a tenth, or to a hundredth below 10%), so a model of a rare outcome,
 * whose probabilities are all small, is not drawn in one corner.
 */
export function reliabilityChart(bins: readonly ReliabilityBin[]): ChartConfiguration<'line' | 'scatter'> {
	const points = bins.filter((b) => b.n > 0 && b.meanPredicted !== null && b.observedRate !== null).map((b) => ({ x: b.meanPredicted!, y: b.observedRate!, n: b.n }));
	const top = reliabilityAxisMax(points);
	return {
		type: 'scatter',
		data: {
			datasets: [
				{
					type: 'line',
					label: 'Perfectly calibrated',
					data: [
						{ x: 0, y: 0 },
						{ x: top, y: top }
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
				x: { type: 'linear', min: 0, max: top, ticks: { callback: percentTick }, title: axisTitle('Predicted probability') },
				y: { type: 'linear', min: 0, max: top, ticks: { callback: percentTick }, title: axisTitle('Observed rate') }
			}
		}) as ChartConfiguration<'line' | 'scatter'>['options']
	} as ChartConfiguration<'line' | 'scatter'>;
}

/** The axes' upper end: the largest point rounded up to a tenth (a hundredth below 10%), at most 1. */
export function reliabilityAxisMax(points: readonly { x: number; y: number }[]): number {
	const largest = Math.max(0, ...points.map((p) => Math.max(p.x, p.y)));
	if (largest <= 0) return 1;
	const step = largest < 0.1 ? 0.01 : 0.1;
	return Math.min(1, Math.ceil(largest / step - 1e-9) * step);
}
