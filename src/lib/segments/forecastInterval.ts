/**
 * The range around a revenue forecast, from the backtests' multiplicative errors: with e = ln(actual /
 * forecast) at each cut, the range is the forecast times exp(-q) to exp(+q), q the split-conformal
 * quantile of |e| for the nominal coverage (the ceil((n + 1) x nominal)-th smallest of n). It always
 * holds its point, and is symmetric on a log scale, so the errors' direction in other seasons is not
 * carried over to this one. Its coverage is measured by leaving each cut out in turn: the cut's range
 * is made from the other cuts only, so a cut never calibrates itself. With too few cuts for the
 * nominal coverage there is no range, and the reason says so. Pure, no DOM.
 */

/** The coverage every forecast range aims at. */
export const NOMINAL_COVERAGE = 0.8;

/** Rank (1-based) of the conformal quantile among n errors, or null when n is too few. */
export function conformalRank(n: number, nominal: number): number | null {
	const k = Math.ceil((n + 1) * nominal - 1e-9);
	return n > 0 && k <= n ? k : null;
}

/** The fewest cuts a range of this nominal coverage needs. */
export function minimumCuts(nominal: number): number {
	let n = 1;
	while (conformalRank(n, nominal) === null) n++;
	return n;
}

/** The q of a set of log errors: exp(±q) scales the point to the range's ends (null: too few). */
export function logErrorQuantile(logErrors: readonly number[], nominal: number): number | null {
	const k = conformalRank(logErrors.length, nominal);
	if (k === null) return null;
	const sorted = logErrors.map(Math.abs).sort((a, b) => a - b);
	return sorted[k - 1];
}

export interface LeftOutRange {
	/** This cut's range, made from the other cuts (null: too few others). */
	low: number | null;
	high: number | null;
	inside: boolean | null;
}

export interface CutCoverage {
	/** Per cut, in the order given. */
	cuts: LeftOutRange[];
	/** Share of cuts inside the range made from the others (null: too few cuts to measure). */
	coverage: number | null;
}

/** Leave-one-cut-out: each cut's range from the other cuts' errors, and the share of actuals inside. */
export function leaveOneCutOut(cuts: readonly { forecast: number; actual: number }[], nominal: number): CutCoverage {
	const errors = cuts.map((c) => Math.log(c.actual / c.forecast));
	let inside = 0;
	let measured = 0;
	const out = cuts.map((c, i): LeftOutRange => {
		const q = logErrorQuantile(
			errors.filter((_, j) => j !== i),
			nominal
		);
		if (q === null) return { low: null, high: null, inside: null };
		const low = c.forecast * Math.exp(-q);
		const high = c.forecast * Math.exp(q);
		const hit = c.actual >= low * (1 - 1e-12) && c.actual <= high * (1 + 1e-12);
		measured++;
		if (hit) inside++;
		return { low, high, inside: hit };
	});
	return { cuts: out, coverage: measured === cuts.length && measured > 0 ? inside / measured : null };
}
