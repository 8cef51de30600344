/**
 * The Gamma-Gamma model of spend per purchase (Fader and Hardie 2013, "The Gamma-Gamma model of
 * monetary value"): a customer's purchases are Gamma(p, nu) around their own mean, with nu drawn
 * from Gamma(q, gamma) across customers. Fitted by maximum likelihood on customers with at least one
 * repeat purchase (x, and the mean value of their repeat purchases), deterministic Nelder-Mead on
 * the log of the parameters. Pure TS, no DOM.
 */
import { distinctValues } from '../core/distinctValues';
import { nelderMead } from '../core/nelderMead';
import { logGamma } from '../core/special';

export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
	logLikelihood: number;
	converged: boolean;
	customers: number;
}

/**
 * What the log-likelihood needs of the spends, worked out once for many evaluations: each
 * customer's x, ln m and m·x, which customers share an x, and room for the per-x terms. One shape
 * for every fit, so the engine optimises `evaluate` once for all of them.
 */
interface PreparedSpends {
	x: Float64Array;
	logM: Float64Array;
	spent: Float64Array;
	/** Distinct x values, their logs, and each customer's place among them. */
	distinct: Float64Array;
	logX: Float64Array;
	xAt: Int32Array;
	byX: Float64Array;
}

function prepare(x: ArrayLike<number>, m: ArrayLike<number>): PreparedSpends {
	const n = x.length;
	const logM = new Float64Array(n);
	const spent = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		logM[i] = Math.log(m[i]);
		spent[i] = m[i] * x[i];
	}
	const { distinct, at: xAt } = distinctValues(x);
	return {
		x: Float64Array.from(x),
		logM,
		spent,
		distinct,
		logX: Float64Array.from(distinct, (v) => Math.log(v)),
		xAt,
		byX: new Float64Array(distinct.length)
	};
}

function evaluate({ p, q, gamma }: GammaGammaParams, d: PreparedSpends): number {
	const { x, logM, spent, distinct, logX, xAt, byX } = d;
	const base = -logGamma(q) + q * Math.log(gamma);
	// The gamma-function terms depend on x only: each distinct x is computed once.
	for (let k = 0; k < distinct.length; k++) {
		const px = p * distinct[k];
		byX[k] = base + logGamma(px + q) - logGamma(px) + px * logX[k];
	}
	let total = 0;
	for (let i = 0; i < x.length; i++) {
		const px = p * x[i];
		total += byX[xAt[i]] + (px - 1) * logM[i] - (px + q) * Math.log(gamma + spent[i]);
	}
	return total;
}

/**
 * The log-likelihood of mean spends `m` over `x` purchases (customers with x > 0 only) as a function
 * of the parameters, for evaluating it many times: what does not depend on the parameters is
 * computed once (`prepare`). The same numbers as computing it all each time, term by term and in the
 * same order.
 */
export function gammaGammaLikelihood(x: ArrayLike<number>, m: ArrayLike<number>): (g: GammaGammaParams) => number {
	const prepared = prepare(x, m);
	return (g) => evaluate(g, prepared);
}

/** Log-likelihood of mean spends `m` over `x` purchases (customers with x > 0 only). */
export function gammaGammaLogLikelihood(g: GammaGammaParams, x: ArrayLike<number>, m: ArrayLike<number>): number {
	return gammaGammaLikelihood(x, m)(g);
}

export function fitGammaGamma(x: ArrayLike<number>, m: ArrayLike<number>, start?: GammaGammaParams): GammaGammaFit {
	let mean = 0;
	for (let i = 0; i < m.length; i++) mean += m[i] / m.length;
	// A start whose population mean p * gamma / (q - 1) is the sample mean.
	const from = start ?? { p: 1, q: 3, gamma: Math.max(1e-6, 2 * mean) };
	const toParams = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });
	const logLikelihood = gammaGammaLikelihood(x, m);
	const result = nelderMead((v) => -logLikelihood(toParams(v)), [from.p, from.q, from.gamma].map(Math.log), {
		step: start ? 0.1 : 0.5,
		tolerance: 1e-9,
		maxIterations: 3000
	});
	return { ...toParams(result.x), logLikelihood: -result.value, converged: result.converged, customers: x.length };
}

/**
 * Expected spend per purchase of a customer with `x` repeat purchases of mean `m` (x = 0: the
 * population mean). Infinite when q <= 1 (the population mean does not exist).
 */
export function expectedSpend(g: GammaGammaParams, x: number, m: number): number {
	if (g.q <= 1) return Infinity;
	const population = (g.p * g.gamma) / (g.q - 1);
	if (x === 0) return population;
	return (g.p * (g.gamma + m * x)) / (g.p * x + g.q - 1);
}
