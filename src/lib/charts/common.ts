/**
 * Chart configurations any tool uses: signed contributions as horizontal bars, the reliability
 * diagram of a classifier, predicted against actual over time. Pure TS, no DOM; colours are tokens
 * (see `theme.ts`).
 */
import type { ChartConfiguration } from 'chart.js';
import type { ReliabilityBin } from '../core/artifact/types';
import { axisTitle, baseOptions, compactNumber, fitLabel, mergeOptions, percentTick } from './axes';
import { seriesColour, token } from './theme';

/** One bar of a signed chart: a label and a value that pushed something up (positive) or down. */
export interface SignedBar {
	label: string;
	value: number;
}

/**
 * Horizontal bars of signed values in the order given: positive in `--c-ok`, negative in
 * `--c-danger`. Labels are cut to fit a phone; ticks use `format` (default compact numbers).
 */
export function signedBarChart(bars: readonly SignedBar[], opts: { valueLabel: string; axisLabel?: string; format?: (v: number) => string; labelChars?: number }): ChartConfiguration<'bar', number[], string> {
	const format = opts.format ?? compactNumber;
	return {
		type: 'bar',
		data: {
			labels: bars.map((b) => fitLabel(b.label, opts.labelChars ?? 18)),
			datasets: [
				{
					label: opts.valueLabel,
					data: bars.map((b) => b.value),
					backgroundColor: bars.map((b) => token(b.value >= 0 ? '--c-ok' : '--c-danger'))
				}
			]
		},
		options: mergeOptions(baseOptions(), {
			indexAxis: 'y',
			plugins: {
				legend: { display: false },
				tooltip: { callbacks: { title: (items: { dataIndex: number }[]) => bars[items[0]?.dataIndex ?? 0]?.label ?? '' } }
			},
			scales: { x: { ticks: { callback: (v: string | number) => format(Number(v)) }, ...(opts.axisLabel ? { title: axisTitle(opts.axisLabel) } : {}) } }
		}) as ChartConfiguration<'bar', number[], string>['options']
	};
}

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
