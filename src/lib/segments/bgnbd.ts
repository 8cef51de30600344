/**
 * The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting your customers the
 * easy way"): while alive, a customer buys at a Poisson rate drawn from Gamma(r, alpha); after each
 * purchase they drop out with a probability drawn from Beta(a, b). Fitted by maximum likelihood over
 * every customer's (x repeat purchases, t_x the time of the last, T the time since the first) with a
 * deterministic Nelder-Mead on the log of the parameters; identical histories are counted once with
 * a weight. Time is in whatever unit the histories use (days here). Pure TS, no DOM.
 */
import { distinctValues } from '../core/distinctValues';
import { nelderMead } from '../core/nelderMead';
import { hyp2f1, logGamma } from '../core/special';

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

/** Customers' calibration histories, one entry per customer (or per distinct history, with weights). */
export interface RepeatHistories {
	/** Repeat purchases (purchases after the first). */
	x: ArrayLike<number>;
	/** Time from the first purchase to the last. */
	tx: ArrayLike<number>;
	/** Time from the first purchase to the end of the calibration period. */
	T: ArrayLike<number>;
	/** How many customers share each history (default 1 each). */
	weight?: ArrayLike<number>;
}

export interface BgNbdFit extends BgNbdParams {
	logLikelihood: number;
	converged: boolean;
	customers: number;
	iterations: number;
}

function logAddExp(u: number, v: number): number {
	return Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/** Largest whole-number time for which ln(alpha + t) is tabulated once per evaluation instead of per customer. */
const TABLE_TIMES = 100_000;

/** The largest time when every time is a whole number from 0 to TABLE_TIMES (days), else -1 (no table). */
function tableTimes(h: RepeatHistories): number {
	let max = 0;
	for (let i = 0; i < h.T.length; i++) {
		const T = h.T[i];
		if (!(T >= 0 && T <= TABLE_TIMES && Number.isInteger(T) && Number.isInteger(h.tx[i]))) return -1;
		if (T > max) max = T;
	}
	return max;
}

/**
 * What the log-likelihood needs of the histories, worked out once for many evaluations: the
 * histories as typed arrays, which customers share an x, whether the times can be tabulated, and
 * room for the per-evaluation tables. One shape for every fit, so the engine optimises
 * `evaluate` once for all of them.
 */
interface PreparedHistories {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array | null;
	/** Distinct x values, and each customer's place among them. */
	distinct: Float64Array;
	xAt: Int32Array;
	/** ln(alpha + t) for t = 0..maxTime when every time is a whole number in range (else null). */
	logAlphaPlus: Float64Array | null;
	maxTime: number;
	/** Per distinct x: the gamma-function terms, and ln(b + x - 1). */
	lnA12: Float64Array;
	logDropOut: Float64Array;
}

function prepare(h: RepeatHistories): PreparedHistories {
	const { distinct, at: xAt } = distinctValues(h.x);
	const maxTime = tableTimes(h);
	return {
		x: Float64Array.from(h.x),
		tx: Float64Array.from(h.tx),
		T: Float64Array.from(h.T),
		weight: h.weight ? Float64Array.from(h.weight) : null,
		distinct,
		xAt,
		logAlphaPlus: maxTime >= 0 ? new Float64Array(maxTime + 1) : null,
		maxTime,
		lnA12: new Float64Array(distinct.length),
		logDropOut: new Float64Array(distinct.length)
	};
}

/** The paper's equation 6, in logs, over prepared histories. */
function evaluate({ r, alpha, a, b }: BgNbdParams, d: PreparedHistories): number {
	const { x: xs, tx, T, weight, distinct, xAt, logAlphaPlus, lnA12, logDropOut } = d;
	const base = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
	const logA = Math.log(a);
	if (logAlphaPlus) for (let t = 0; t <= d.maxTime; t++) logAlphaPlus[t] = Math.log(alpha + t);
	// The gamma-function terms depend on x only, and few x values repeat many times: each is computed once.
	for (let k = 0; k < distinct.length; k++) {
		const x = distinct[k];
		lnA12[k] = base + logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
		logDropOut[k] = Math.log(b + x - 1);
	}
	let total = 0;
	for (let i = 0; i < xs.length; i++) {
		const x = xs[i];
		const w = weight ? weight[i] : 1;
		const lnT = logAlphaPlus ? logAlphaPlus[T[i]] : Math.log(alpha + T[i]);
		const lnA3 = -(r + x) * lnT;
		if (x > 0) {
			const lnTx = logAlphaPlus ? logAlphaPlus[tx[i]] : Math.log(alpha + tx[i]);
			total += w * (lnA12[xAt[i]] + logAddExp(lnA3, logA - logDropOut[xAt[i]] - (r + x) * lnTx));
		} else total += w * (lnA12[xAt[i]] + lnA3);
	}
	return total;
}

/**
 * The log-likelihood of the histories (the paper's equation 6, in logs) as a function of the
 * parameters, for evaluating it many times: what does not depend on the parameters is worked out
 * once (`prepare`). The same numbers as computing it all each time, term by term and in the same order.
 */
export function bgNbdLikelihood(h: RepeatHistories): (p: BgNbdParams) => number {
	const prepared = prepare(h);
	return (p) => evaluate(p, prepared);
}

/** The log-likelihood of the histories under the parameters (the paper's equation 6, in logs). */
export function bgNbdLogLikelihood(p: BgNbdParams, h: RepeatHistories): number {
	return bgNbdLikelihood(h)(p);
}

/** Identical histories counted once, with how many customers share each. */
export function compressHistories(h: RepeatHistories): Required<RepeatHistories> {
	const index = new Map<string, number>();
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const weight: number[] = [];
	for (let i = 0; i < h.x.length; i++) {
		const key = `${h.x[i]}|${h.tx[i]}|${h.T[i]}`;
		const at = index.get(key);
		const w = h.weight ? h.weight[i] : 1;
		if (at !== undefined) weight[at] += w;
		else {
			index.set(key, x.length);
			x.push(h.x[i]);
			tx.push(h.tx[i]);
			T.push(h.T[i]);
			weight.push(w);
		}
	}
	return { x, tx, T, weight };
}

/** Bound on the log of every parameter while fitting. */
const LOG_BOUND = 10;

/** Maximum-likelihood parameters; `start` (e.g. the previous cut's fit) speeds it up and changes nothing else. */
export function fitBgNbd(histories: RepeatHistories, start?: BgNbdParams): BgNbdFit {
	const h = compressHistories(histories);
	let customers = 0;
	let meanT = 0;
	let meanX = 0;
	for (let i = 0; i < h.x.length; i++) {
		customers += h.weight[i];
		meanT += h.weight[i] * h.T[i];
		meanX += h.weight[i] * h.x[i];
	}
	meanT /= customers || 1;
	meanX /= customers || 1;
	const from = start ?? { r: 1, alpha: Math.max(1, meanT / (meanX + 1)), a: 1, b: 1 };
	const toParams = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
	// Parameters within e^±LOG_BOUND: when nobody seems to drop out, a -> 0 and b -> infinity along a flat
	// ridge, and the search would wander down it for nothing (a drop-out chance under 1e-5 is 0 for any forecast).
	const logLikelihood = bgNbdLikelihood(h);
	const objective = (v: readonly number[]) => (v.every((p) => Math.abs(p) <= LOG_BOUND) ? -logLikelihood(toParams(v)) : Infinity);
	const result = nelderMead(objective, [from.r, from.alpha, from.a, from.b].map((p) => Math.max(-LOG_BOUND, Math.min(LOG_BOUND, Math.log(p)))), {
		step: start ? 0.1 : 0.5,
		tolerance: 1e-9,
		maxIterations: 3000
	});
	return { ...toParams(result.x), logLikelihood: -result.value, converged: result.converged, customers, iterations: result.iterations };
}

/**
 * Purchases expected in the next `t` time units from a customer with history (x, t_x, T): the
 * paper's equation 10. NaN when the series behind it does not converge.
 */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
	const { r, alpha, a, b } = p;
	const z = t / (alpha + T + t);
	const lead = (a + b + x - 1) / (a - 1);
	const tail = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(r + x, b + x, a + b + x - 1, z);
	const alive = x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 1;
	return (lead * (1 - tail)) / alive;
}

/** Probability that a customer with history (x, t_x, T) has not dropped out. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
	if (x === 0) return 1;
	return 1 / (1 + (p.a / (p.b + x - 1)) * Math.exp((p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx))));
}
