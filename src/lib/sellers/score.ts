/**
 * The seller finder's score and its "how many sellers to expect". Pure, no DOM.
 *
 * Score = probability of becoming an active seller x share of the user's recent collection adds
 * (last 90 days) that fall in the selected categories x 100 (the original project's score, with a
 * calibrated probability in place of the classifier's raw vote share).
 *
 * Expected sellers in a list = the sum of the listed users' probabilities. Its interval treats each
 * user as an independent coin with their probability (a Poisson-binomial count), and, with a
 * `spread`, the calibration's own uncertainty as one factor common to the whole list: every
 * probability times s, ln s ~ Normal(0, spread) (rescaled to mean 1), the count's distribution the
 * mixture over MIXTURE_NODES equally likely values of s. Exact quantiles by dynamic programming up
 * to EXACT_LIMIT users, a normal approximation beyond. It does NOT include users influencing one
 * another or the effect of the invitation itself; its coverage is measured on held-out months in
 * training (the spread is measured there too, by refitting the calibration on resamples).
 */
import { normalQuantile } from '../core/stats';

/** Recent collection adds of one user by category (sparse). */
export interface RecentCollection {
	categories: ArrayLike<number>;
	counts: ArrayLike<number>;
}

/** Share of recent collection adds in the selected categories (0 when the user added nothing recently). */
export function shareIn(recent: RecentCollection, selected: ReadonlySet<number>): number {
	let total = 0;
	let inside = 0;
	for (let i = 0; i < recent.categories.length; i++) {
		total += recent.counts[i];
		if (selected.has(recent.categories[i])) inside += recent.counts[i];
	}
	return total > 0 ? inside / total : 0;
}

export function score(probability: number, share: number): number {
	return probability * share * 100;
}

/**
 * Indices of the `n` best users by score, then `tieBreak` (the forest's own score, which orders users
 * a calibration step gives one probability), then index (a stable, total order), leaving out users
 * with a score of 0 (nothing recent in the selected categories).
 */
export function topByScore(scores: ArrayLike<number>, tieBreak: ArrayLike<number>, n: number): number[] {
	const candidates: number[] = [];
	for (let i = 0; i < scores.length; i++) if (scores[i] > 0) candidates.push(i);
	candidates.sort((a, b) => scores[b] - scores[a] || tieBreak[b] - tieBreak[a] || a - b);
	return candidates.slice(0, Math.max(0, n));
}

/** Lists up to this many users get exact Poisson-binomial quantiles. */
export const EXACT_LIMIT = 5000;

export interface ExpectedCount {
	/** Sum of the probabilities. */
	expected: number;
	/** Interval of the count: P(low <= count <= high) >= level under the independence model. */
	low: number;
	high: number;
	level: number;
	/** Poisson-binomial standard deviation, sqrt(sum p(1-p)). */
	sd: number;
	method: 'exact' | 'normal';
}

/** The Poisson-binomial distribution of the number of successes (exact, O(n²)). */
export function poissonBinomial(probabilities: ArrayLike<number>): Float64Array {
	const n = probabilities.length;
	const dist = new Float64Array(n + 1);
	dist[0] = 1;
	for (let i = 0; i < n; i++) {
		const p = probabilities[i];
		if (!(p >= 0 && p <= 1)) throw new RangeError(`Probability ${i} is ${p}`);
		for (let k = i + 1; k >= 1; k--) dist[k] = dist[k] * (1 - p) + dist[k - 1] * p;
		dist[0] *= 1 - p;
	}
	return dist;
}

/** Equally likely values of the common calibration factor the interval mixes over. */
export const MIXTURE_NODES = 15;
/** Lists up to this many users get the exact mixture; beyond, a normal approximation with the factor's variance added. */
export const MIXTURE_LIMIT = 1000;

/** The factors s_j = exp(spread z_j), z_j the standard normal at (j + 1/2) / nodes, rescaled to mean 1. */
export function commonFactors(spread: number, nodes = MIXTURE_NODES): number[] {
	const raw = Array.from({ length: nodes }, (_, j) => Math.exp(spread * normalQuantile((j + 0.5) / nodes)));
	const mean = raw.reduce((a, b) => a + b, 0) / nodes;
	return raw.map((v) => v / mean);
}

/** The mixture over the common factor of Poisson-binomial distributions (probabilities capped at 1). */
export function mixedPoissonBinomial(probabilities: ArrayLike<number>, spread: number): Float64Array {
	if (!(spread > 0)) return poissonBinomial(probabilities);
	const factors = commonFactors(spread);
	const out = new Float64Array(probabilities.length + 1);
	for (const s of factors) {
		const d = poissonBinomial(Float64Array.from({ length: probabilities.length }, (_, i) => Math.min(1, probabilities[i] * s)));
		for (let k = 0; k < d.length; k++) out[k] += d[k] / factors.length;
	}
	return out;
}

/**
 * Expected number of successes and a central interval holding at least `level` of the probability;
 * `spread` (log-scale SD of a factor common to all probabilities, 0 = none) widens it for the
 * calibration's own uncertainty.
 */
export function expectedCount(probabilities: ArrayLike<number>, level = 0.9, spread = 0): ExpectedCount {
	if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, not ${level}`);
	if (!(spread >= 0)) throw new RangeError(`spread must be 0 or more, not ${spread}`);
	let expected = 0;
	let variance = 0;
	for (let i = 0; i < probabilities.length; i++) {
		expected += probabilities[i];
		variance += probabilities[i] * (1 - probabilities[i]);
	}
	// A common factor of mean 1 and log-SD `spread` adds about (expected x its CV)² to the variance.
	variance += expected * expected * (Math.exp(spread * spread) - 1);
	const sd = Math.sqrt(variance);
	const tail = (1 - level) / 2;
	if (probabilities.length <= (spread > 0 ? MIXTURE_LIMIT : EXACT_LIMIT)) {
		const dist = mixedPoissonBinomial(probabilities, spread);
		// low: the largest k with P(count < k) <= tail; high: the smallest k with P(count > k) <= tail.
		let low = 0;
		let below = 0;
		while (low < dist.length - 1 && below + dist[low] <= tail) below += dist[low++];
		let high = dist.length - 1;
		let above = 0;
		while (high > 0 && above + dist[high] <= tail) above += dist[high--];
		return { expected, low, high, level, sd, method: 'exact' };
	}
	const z = normalQuantile(1 - tail);
	return {
		expected,
		low: Math.max(0, Math.floor(expected - z * sd)),
		high: Math.min(probabilities.length, Math.ceil(expected + z * sd)),
		level,
		sd,
		method: 'normal'
	};
}
