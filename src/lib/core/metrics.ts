/** Held-out regression metrics, shared by training (model cards) and the browser (batch errors). */
import type { RegressionMetrics } from './artifact/types';

/**
 * WAPE, MAE, MAPE and R² of predictions against actuals. MAPE skips actuals of zero
 * (it is undefined there) and is unstable when actuals are tiny; WAPE is the headline figure.
 * A metric the rows cannot define is null, with the reason in `undefinedBecause`; so is one that
 * overflows (values near 1e308), rather than printing NaN or Infinity.
 */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
	const n = actual.length;
	if (n !== predicted.length) throw new Error(`metrics: ${n} actuals but ${predicted.length} predictions`);
	if (n === 0) {
		const reason = 'no rows to score';
		return { n: 0, wape: null, mae: null, mape: null, r2: null, undefinedBecause: { wape: reason, mae: reason, mape: reason, r2: reason } };
	}
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
	const why: NonNullable<RegressionMetrics['undefinedBecause']> = {};
	const overflow = 'the values are too large (or not numbers) to compute with';
	const value = (key: keyof typeof why, v: number, reason: string | null): number | null => {
		const r = reason ?? (Number.isFinite(v) ? null : overflow);
		if (r) why[key] = r;
		return r ? null : v;
	};
	const m: RegressionMetrics = {
		n,
		wape: value('wape', absErr / absActual, absActual === 0 ? 'every actual value is zero' : null),
		mae: value('mae', absErr / n, null),
		mape: value('mape', apeSum / apeN, apeN === 0 ? 'every actual value is zero' : null),
		r2: value('r2', 1 - ssRes / ssTot, ssTot === 0 ? (n === 1 ? 'one row has no spread to explain' : 'the actual values are all the same') : null)
	};
	if (Object.keys(why).length) m.undefinedBecause = why;
	return m;
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
