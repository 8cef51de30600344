/**
 * Metrics that cannot be computed say why, in words, instead of showing "NaN": R² of rows whose
 * actual values are all the same, WAPE and MAPE when every actual is zero, any metric over no rows
 * or over values too large to compute with. Pure, no DOM; the numbers come from core/metrics.
 */
import type { RegressionMetrics } from './artifact/types';

export type RegressionMetricKey = 'wape' | 'mae' | 'mape' | 'r2';

const NAMES: Record<RegressionMetricKey, string> = { wape: 'WAPE', mae: 'mean absolute error', mape: 'MAPE', r2: 'R²' };

/** For each metric that is not a finite number, the sentence that says why ("R² not defined: every actual value is the same"). */
export function undefinedRegressionMetrics(
	actual: ArrayLike<number>,
	predicted: ArrayLike<number>,
	metrics: RegressionMetrics
): Partial<Record<RegressionMetricKey, string>> {
	const out: Partial<Record<RegressionMetricKey, string>> = {};
	const n = actual.length;
	let finite = true;
	let allZero = true;
	let allSame = true;
	for (let i = 0; i < n; i++) {
		const a = actual[i];
		if (!Number.isFinite(a) || !Number.isFinite(predicted[i])) finite = false;
		if (a !== 0) allZero = false;
		if (a !== actual[0]) allSame = false;
	}
	for (const key of Object.keys(NAMES) as RegressionMetricKey[]) {
		if (Number.isFinite(metrics[key])) continue;
		const name = NAMES[key];
		let why: string;
		if (n === 0) why = 'there are no rows with an actual value';
		else if (!finite) why = 'some values are too large to compute with';
		else if ((key === 'wape' || key === 'mape') && allZero) why = 'every actual value is zero';
		else if (key === 'r2' && n < 2) why = 'it needs at least two rows with an actual value';
		else if (key === 'r2' && allSame) why = 'every actual value is the same';
		else why = 'the values are too large to compute with';
		out[key] = `${name} not defined: ${why}`;
	}
	return out;
}
