/**
 * Sales effectiveness: a dealer's actual sales over the sales the model expects from its traffic
 * and leads, with an interval. On the log scale the interval is
 *
 *   log((A + 0.5) / E) ± z * sqrt(dispersion / (A + 0.5) + modelError²)
 *
 * where A is actual and E expected sales over the months chosen. `dispersion` is the variance of
 * a month's sales around the dealer's own level, relative to a Poisson count's (estimated from the
 * validation dealers' month-to-month residuals); `modelError` is the relative error of the model's
 * expected sales for one dealer that more months do not average away, chosen on the validation
 * dealers so that the interval covers their true effectiveness (known from the generator) at the
 * stated level. The coverage reported is measured on other dealers. Pure TS, no DOM.
 */

export interface IntervalModel {
	/** Nominal coverage, e.g. 0.9. */
	level: number;
	/** Standard normal quantile of that coverage (two-sided). */
	z: number;
	dispersion: number;
	modelError: number;
	/** Measured coverage of the true effectiveness on held-out dealers, by period length. */
	coverage: { on: string; months: number; dealers: number; coverage: number; medianWidth: number }[];
}

export interface Effectiveness {
	actual: number;
	expected: number;
	/** actual / expected (null when nothing was expected). */
	ratio: number | null;
	low: number | null;
	high: number | null;
	/** 'below' only when the whole interval is under 1, 'above' when it is over 1. */
	verdict: 'below' | 'above' | 'as expected' | 'unknown';
}

/** Effectiveness of one dealer (or any group) from its summed actual and expected sales. */
export function effectiveness(actual: number, expected: number, interval: Pick<IntervalModel, 'z' | 'dispersion' | 'modelError'>): Effectiveness {
	if (!(expected > 0) || !(actual >= 0)) return { actual, expected, ratio: null, low: null, high: null, verdict: 'unknown' };
	const a = actual + 0.5;
	const centre = Math.log(a / expected);
	const se = Math.sqrt(interval.dispersion / a + interval.modelError ** 2);
	const low = Math.exp(centre - interval.z * se);
	const high = Math.exp(centre + interval.z * se);
	const verdict = high < 1 ? 'below' : low > 1 ? 'above' : 'as expected';
	return { actual, expected, ratio: actual / expected, low, high, verdict };
}

/**
 * The dispersion of monthly sales around each dealer's own level: the Pearson statistic
 * sum (A_m - r_d E_m)² / (r_d E_m) over dealer-months, divided by (dealer-months - dealers), where
 * r_d = A_d / E_d is the dealer's ratio. 1 for Poisson counts; more when months vary more.
 */
export function monthlyDispersion(dealerOf: ArrayLike<number>, actual: ArrayLike<number>, expected: ArrayLike<number>): number {
	const sums = new Map<number, { a: number; e: number }>();
	for (let i = 0; i < actual.length; i++) {
		const s = sums.get(dealerOf[i]) ?? { a: 0, e: 0 };
		s.a += actual[i];
		s.e += expected[i];
		sums.set(dealerOf[i], s);
	}
	let chi = 0;
	let used = 0;
	for (let i = 0; i < actual.length; i++) {
		const s = sums.get(dealerOf[i])!;
		const mu = (s.a / s.e) * expected[i];
		if (mu > 0) {
			chi += (actual[i] - mu) ** 2 / mu;
			used++;
		}
	}
	const dof = used - sums.size;
	return dof > 0 ? chi / dof : 1;
}

/** The two-sided standard normal quantile for a coverage level (by bisection on the CDF). */
export function zForLevel(level: number, cdf: (z: number) => number): number {
	let lo = 0;
	let hi = 10;
	const target = 0.5 + level / 2;
	for (let k = 0; k < 100; k++) {
		const mid = (lo + hi) / 2;
		if (cdf(mid) < target) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
