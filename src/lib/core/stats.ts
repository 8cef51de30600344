/**
 * Small statistics toolkit for showing that one customer group really differs from the rest:
 * quantiles (numpy's 'linear' rule), mean, the standard normal CDF, percentile bootstrap
 * intervals and the Mann-Whitney U test (normal approximation, as scipy's method='asymptotic').
 */
/**
 * Value at quantile q (0..1) of an array already sorted ascending (no copy), by linear
 * interpolation between order statistics (numpy's default 'linear'). NaN for an empty array
 * or if the array contains NaN (sorted typed arrays put NaN last). Throws for q outside 0..1.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be between 0 and 1, got ${q}`);
	const n = sorted.length;
	if (n === 0 || Number.isNaN(sorted[n - 1])) return NaN;
	const h = (n - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, n - 1);
	const a = sorted[lo];
	const b = sorted[hi];
	if (a === b) return a; // also keeps infinities from turning into NaN
	const t = h - lo;
	// numpy's lerp: exact at both ends and monotone in t.
	return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
}

/** Value at quantile q (0..1), numpy's 'linear' rule. Does not modify input. NaN for empty or if any value is NaN. */
export function quantile(values: ArrayLike<number>, q: number): number {
	return quantileSorted(Float64Array.from(values).sort(), q);
}

/** Middle value (average of the two middle values for an even count). NaN for empty. */
export function median(values: ArrayLike<number>): number {
	return quantile(values, 0.5);
}

/** Arithmetic mean. NaN for empty. */
export function mean(values: ArrayLike<number>): number {
	const n = values.length;
	if (n === 0) return NaN;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	return sum / n;
}

/**
 * Standard normal cumulative distribution Φ(z), to about double precision, by Hart's
 * rational approximation (as published by G. West, "Better approximations to cumulative
 * normal functions", 2005) with a continued fraction in the far tail.
 */
export function normalCdf(z: number): number {
	if (Number.isNaN(z)) return NaN;
	const x = Math.abs(z);
	let tail: number; // Φ(-|z|)
	if (x > 37) {
		tail = 0;
	} else {
		const e = Math.exp(-0.5 * x * x);
		if (x < 7.07106781186547) {
			let num = 0.0352624965998911 * x + 0.700383064443688;
			num = num * x + 6.37396220353165;
			num = num * x + 33.912866078383;
			num = num * x + 112.079291497871;
			num = num * x + 221.213596169931;
			num = num * x + 220.206867912376;
			let den = 0.0883883476483184 * x + 1.75566716318264;
			den = den * x + 16.064177579207;
			den = den * x + 86.7807322029461;
			den = den * x + 296.564248779674;
			den = den * x + 637.333633378831;
			den = den * x + 793.826512519948;
			den = den * x + 440.413735824752;
			tail = (e * num) / den;
		} else {
			let cf = x + 0.65;
			cf = x + 4 / cf;
			cf = x + 3 / cf;
			cf = x + 2 / cf;
			cf = x + 1 / cf;
			tail = e / cf / 2.506628274631;
		}
	}
	return z > 0 ? 1 - tail : tail;
}

/**
 * Sums of `resamples` resamples with replacement of `data`, with indices drawn from the same
 * stream as seededRandom(seed) in ./random (index = floor(random() * n)). The mulberry32 step
 * is written out here because calling the closure costs ~8 ns a draw in V8 (its 32-bit state
 * lives boxed in the closure context), which alone would take 2000 x 5000 draws to ~85 ms.
 * Its state is a counter, so resample r starts r·n steps in: two resamples are summed side by
 * side, each in its own order, because one running sum waits for each addition to finish before
 * the next (two chains keep the processor busy; the sums are the same to the last bit).
 * stats.test.ts checks this stream against seededRandom itself.
 */
export function resampleSums(data: Float64Array, resamples: number, seed: number): Float64Array {
	const n = data.length;
	// Below 2^16 values the index is worked out in integers (`smallIndex`): the same index, cheaper.
	const small = n < 65536;
	const sums = new Float64Array(resamples);
	const origin = seed >>> 0;
	const jump = Math.imul(n, 0x6d2b79f5) >>> 0;
	const startOf = (r: number) => (origin + Math.imul(r, jump)) | 0;
	let r = 0;
	for (; r + 1 < resamples; r += 2) {
		let first = startOf(r);
		let second = (first + jump) | 0;
		let sumFirst = 0;
		let sumSecond = 0;
		for (let i = 0; i < n; i++) {
			// 0x6d2b79f5 is mulberry32's increment, written as a literal: a module constant this large
			// is a boxed number V8 would load again on every draw.
			first = (first + 0x6d2b79f5) | 0;
			second = (second + 0x6d2b79f5) | 0;
			const a = mulberryOutput(first);
			const b = mulberryOutput(second);
			if (small) {
				sumFirst += data[smallIndex(a, n)];
				sumSecond += data[smallIndex(b, n)];
			} else {
				sumFirst += data[Math.floor(((a >>> 0) / 4294967296) * n)];
				sumSecond += data[Math.floor(((b >>> 0) / 4294967296) * n)];
			}
		}
		sums[r] = sumFirst;
		sums[r + 1] = sumSecond;
	}
	if (r < resamples) {
		let state = startOf(r);
		let sum = 0;
		for (let i = 0; i < n; i++) {
			state = (state + 0x6d2b79f5) | 0;
			sum += data[Math.floor(((mulberryOutput(state) >>> 0) / 4294967296) * n)];
		}
		sums[r] = sum;
	}
	return sums;
}

/** mulberry32's output for the state `s` (the 32 bits seededRandom divides by 2^32), as an int32. */
function mulberryOutput(s: number): number {
	let t = Math.imul(s ^ (s >>> 15), s | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return t ^ (t >>> 14);
}

/**
 * floor(u / 2^32 * n) for the 32 bits `u` (an int32) and n < 2^16, in integers: the high 32 bits of
 * the 48-bit product u * n, from its two 16-bit halves. The same index as the floating-point form
 * (u * n < 2^53, so both are exact), about a fifth cheaper in Chromium.
 */
function smallIndex(u: number, n: number): number {
	return ((u >>> 16) * n + (((u & 0xffff) * n) >>> 16)) >>> 16;
}

export interface BootstrapInterval {
	estimate: number;
	low: number;
	high: number;
	level: number;
	resamples: number;
}

/**
 * Percentile bootstrap interval of the mean (or sum) from `resamples` (default 2000) resamples
 * with replacement, drawn from the stream of seededRandom(seed) (default seed 1); deterministic
 * for a seed.
 * `level` defaults to 0.95. For an empty sample every number is NaN.
 */
export function bootstrapInterval(
	values: ArrayLike<number>,
	options: { resamples?: number; level?: number; seed?: number; statistic?: 'mean' | 'sum' } = {}
): BootstrapInterval {
	const resamples = options.resamples ?? 2000;
	const level = options.level ?? 0.95;
	const seed = options.seed ?? 1;
	const statistic = options.statistic ?? 'mean';
	if (!Number.isInteger(resamples) || resamples < 1) {
		throw new RangeError(`bootstrap: resamples must be a positive whole number, got ${resamples}`);
	}
	if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: level must be between 0 and 1, got ${level}`);

	const n = values.length;
	if (n === 0) return { estimate: NaN, low: NaN, high: NaN, level, resamples };
	const data = Float64Array.from(values);
	let total = 0;
	for (let i = 0; i < n; i++) total += data[i];
	const estimate = statistic === 'mean' ? total / n : total;

	const draws = resampleSums(data, resamples, seed);
	if (statistic === 'mean') for (let r = 0; r < resamples; r++) draws[r] /= n;
	draws.sort();
	const alpha = (1 - level) / 2;
	return {
		estimate,
		low: quantileSorted(draws, alpha),
		high: quantileSorted(draws, 1 - alpha),
		level,
		resamples
	};
}

export interface MannWhitneyResult {
	/** U statistic of sample a: number of pairs with a > b, ties counting 1/2. */
	u: number;
	/**
	 * Normal approximation with tie and continuity correction, signed so that positive means
	 * a tends to be larger. For 'two-sided' the correction shrinks |U - μ| by 1/2 (not below 0);
	 * for 'greater' it is (U - μ - 1/2)/σ and for 'less' (U - μ + 1/2)/σ, as in scipy.
	 */
	z: number;
	/** Two-sided unless `alternative` says otherwise. */
	pValue: number;
	alternative: 'two-sided' | 'greater' | 'less';
	/** Probability that a random value from a exceeds one from b (ties 1/2) = U / (n_a n_b): the "common-language effect size". */
	probabilityOfSuperiority: number;
	nA: number;
	nB: number;
}

/**
 * Mann-Whitney U test (Wilcoxon rank-sum) by ranks with average ranks for ties, normal
 * approximation with tie and continuity correction; matches scipy.stats.mannwhitneyu with
 * method='asymptotic'. O((n_a+n_b) log(n_a+n_b)). If either sample is empty or holds NaN,
 * the statistics are NaN.
 */
export function mannWhitneyU(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	alternative: 'two-sided' | 'greater' | 'less' = 'two-sided'
): MannWhitneyResult {
	const nA = a.length;
	const nB = b.length;
	const sa = Float64Array.from(a).sort();
	const sb = Float64Array.from(b).sort();
	if (nA === 0 || nB === 0 || Number.isNaN(sa[nA - 1]) || Number.isNaN(sb[nB - 1])) {
		return { u: NaN, z: NaN, pValue: NaN, alternative, probabilityOfSuperiority: NaN, nA, nB };
	}

	// Merge the two sorted samples, one tie group at a time.
	let i = 0;
	let j = 0;
	let rankSumA = 0;
	let tieTerm = 0; // Σ (t³ - t) over tie groups
	while (i < nA || j < nB) {
		const v = j >= nB || (i < nA && sa[i] <= sb[j]) ? sa[i] : sb[j];
		const start = i + j; // values ranked before this group
		let countA = 0;
		let countB = 0;
		while (i < nA && sa[i] === v) {
			i++;
			countA++;
		}
		while (j < nB && sb[j] === v) {
			j++;
			countB++;
		}
		const t = countA + countB;
		rankSumA += countA * (start + (t + 1) / 2);
		if (t > 1) tieTerm += t * t * t - t;
	}
	const u = rankSumA - (nA * (nA + 1)) / 2;

	const n = nA + nB;
	const mu = (nA * nB) / 2;
	const sigma = Math.sqrt(((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
	const d = u - mu;
	let z: number;
	let pValue: number;
	if (!(sigma > 0)) {
		// Every value tied: U sits exactly at its mean, no evidence either way.
		z = 0;
		pValue = 1;
	} else if (alternative === 'greater') {
		z = (d - 0.5) / sigma;
		pValue = normalCdf(-z);
	} else if (alternative === 'less') {
		z = (d + 0.5) / sigma;
		pValue = normalCdf(z);
	} else {
		z = (Math.sign(d) * Math.max(Math.abs(d) - 0.5, 0)) / sigma;
		pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
	}
	return { u, z, pValue, alternative, probabilityOfSuperiority: u / (nA * nB), nA, nB };
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), not ${p}`);
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155211597];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const lowTail = 0.02425;
	if (p < lowTail) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	if (p > 1 - lowTail) return -normalQuantile(1 - p);
	const q = p - 0.5;
	const r = q * q;
	return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Pearson correlation; 0 when either series is constant. */
export function correlation(a: readonly number[], b: readonly number[]): number {
	const n = a.length;
	const ma = a.reduce((s, v) => s + v, 0) / n;
	const mb = b.reduce((s, v) => s + v, 0) / n;
	let sab = 0;
	let saa = 0;
	let sbb = 0;
	for (let i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) ** 2;
		sbb += (b[i] - mb) ** 2;
	}
	return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
