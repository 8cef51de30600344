/** Held-out regression metrics, shared by training (model cards) and the browser (batch errors). */
import type { RegressionMetrics } from './artifact/types';

/**
 * WAPE, MAE, MAPE and R² of predictions against actuals. MAPE skips actuals of zero
 * (it is undefined there) and is unstable when actuals are tiny; WAPE is the headline figure.
 */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
	const n = actual.length;
	if (n !== predicted.length) throw new Error(`metrics: ${n} actuals but ${predicted.length} predictions`);
	if (n === 0) return { n: 0, wape: NaN, mae: NaN, mape: NaN, r2: NaN };
	let absErr = 0;
	let absActual = 0;
	let sum = 0;
	let apeSum = 0;
	let apeN = 0;
	for (let i = 0; i < n; i++) {
		const e = Math.abs(actual[i] - predicted[i]);
		absErr += e;
		absActual += Math.abs(actual[i]);
		sum += actual[i];
		if (actual[i] !== 0) {
			apeSum += e / Math.abs(actual[i]);
			apeN++;
		}
	}
	const mean = sum / n;
	let ssRes = 0;
	let ssTot = 0;
	for (let i = 0; i < n; i++) {
		ssRes += (actual[i] - predicted[i]) ** 2;
		ssTot += (actual[i] - mean) ** 2;
	}
	return {
		n,
		wape: absActual === 0 ? NaN : absErr / absActual,
		mae: absErr / n,
		mape: apeN === 0 ? NaN : apeSum / apeN,
		r2: ssTot === 0 ? NaN : 1 - ssRes / ssTot
	};
}

/** Value at quantile q (0..1) of a sample, by linear interpolation; does not modify the input. */
export function quantile(values: ArrayLike<number>, q: number): number {
	const sorted = Float64Array.from(values).sort();
	if (sorted.length === 0) return NaN;
	const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
