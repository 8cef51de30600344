/**
 * Split-conformal prediction intervals on a log scale: calibrated on held-out rows (residuals of a
 * model that never saw them), so a range means what it says. The residual of a row is
 * log((actual + 1) / (predicted + 1)); the interval is the prediction scaled by the residuals' lower
 * and upper finite-sample quantiles. A relative range suits a target that spans several orders of
 * magnitude (weekly GMV of a small and a large sub-category). Pure TS.
 */

export interface LogConformalInterval {
	/** Nominal coverage, e.g. 0.8. */
	nominal: number;
	/** Lower and upper log residual: the range is (p + 1) * exp(low) - 1 .. (p + 1) * exp(high) - 1. */
	low: number;
	high: number;
	/** Held-out rows it was calibrated on. */
	calibrationRows: number;
	/** Share of test rows inside their range (measured once after training), and how many rows. */
	testCoverage?: number;
	testRows?: number;
}

const residual = (actual: number, predicted: number) => Math.log((Math.max(0, actual) + 1) / (Math.max(0, predicted) + 1));

/**
 * Fit on calibration rows: with n residuals sorted, the lower end is the floor(alpha/2 * (n + 1))-th
 * smallest and the upper the ceil((1 - alpha/2) * (n + 1))-th (the split-conformal finite-sample rule,
 * clamped to the sample).
 */
export function fitLogConformal(actual: ArrayLike<number>, predicted: ArrayLike<number>, nominal = 0.8): LogConformalInterval {
	const n = actual.length;
	if (n === 0 || predicted.length !== n) throw new Error('conformal calibration needs as many predictions as actuals, at least one');
	const r = Float64Array.from({ length: n }, (_, i) => residual(actual[i], predicted[i])).sort();
	const tail = (1 - nominal) / 2;
	const lo = Math.min(n, Math.max(1, Math.floor(tail * (n + 1))));
	const hi = Math.min(n, Math.max(1, Math.ceil((1 - tail) * (n + 1))));
	return { nominal, low: r[lo - 1], high: r[hi - 1], calibrationRows: n };
}

/** An interval's two factors, e^low and e^high: worked out once, they range many predictions. */
export function conformalFactors(interval: Pick<LogConformalInterval, 'low' | 'high'>): [number, number] {
	return [Math.exp(interval.low), Math.exp(interval.high)];
}

/** One end of a prediction's range, from one of its interval's factors (never below zero). */
export function rangeEnd(factor: number, predicted: number): number {
	return Math.max(0, (Math.max(0, predicted) + 1) * factor - 1);
}

/** The range of one prediction (never below zero). */
export function conformalRange(interval: Pick<LogConformalInterval, 'low' | 'high'>, predicted: number): [number, number] {
	const [low, high] = conformalFactors(interval);
	return [rangeEnd(low, predicted), rangeEnd(high, predicted)];
}

/** Share of rows whose actual lies inside its range (ends included). */
export function conformalCoverage(interval: Pick<LogConformalInterval, 'low' | 'high'>, actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
	let inside = 0;
	for (let i = 0; i < actual.length; i++) {
		const [lo, hi] = conformalRange(interval, predicted[i]);
		if (actual[i] >= lo && actual[i] <= hi) inside++;
	}
	return actual.length ? inside / actual.length : NaN;
}
