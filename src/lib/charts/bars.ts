/**
 * Signed contributions as horizontal bars (what pushed a prediction up or down). Pure TS, no DOM;
 * colours are tokens (see `theme.ts`).
 */
import type { ChartConfiguration } from 'chart.js';
import { axisTitle, baseOptions, compactNumber, mergeOptions, wrapLabel } from './axes';
import { token } from './theme';

/** One bar of a signed chart: a label and a value that pushed something up (positive) or down. */
export interface SignedBar {
	label: string;
	value: number;
}

/**
 * Horizontal bars of signed values in the order given: positive in `--c-ok`, negative in
 * `--c-danger`. Labels wrap onto at most two lines of `labelChars` (chart.js gives the label column at
 * most half the width, so a one-line label would be clipped on a 360 px phone); ticks use `format`
 * (default compact numbers).
 */
export function signedBarChart(bars: readonly SignedBar[], opts: { valueLabel: string; axisLabel?: string; format?: (v: number) => string; labelChars?: number }): ChartConfiguration<'bar', number[], string> {
	const format = opts.format ?? compactNumber;
	return {
		type: 'bar',
		data: {
			// chart.js draws an array label as lines.
			labels: bars.map((b) => wrapLabel(b.label, opts.labelChars ?? 14, 2)) as unknown as string[],
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
