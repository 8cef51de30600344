/** Seeded pseudo-random numbers, so training and generated samples are reproducible. */

/** mulberry32: a small, fast 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard normal draw by Box-Muller from a uniform source. */
export function normal(random: () => number, mean = 0, sd = 1): number {
	const u = 1 - random();
	const v = random();
	return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Log-normal draw: exp of a normal with the given mean and sd of the log. */
export function logNormal(random: () => number, logMean: number, logSd: number): number {
	return Math.exp(normal(random, logMean, logSd));
}

/** Gamma(shape, scale) draw (Marsaglia and Tsang, 2000; shape < 1 by the boost x * U^(1/shape)). */
export function gamma(random: () => number, shape: number, scale = 1): number {
	if (!(shape > 0) || !(scale > 0)) throw new RangeError(`gamma needs shape and scale > 0, not ${shape}, ${scale}`);
	if (shape < 1) return gamma(random, shape + 1, scale) * Math.pow(1 - random(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normal(random);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = 1 - random();
		if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
	}
}

/** Beta(a, b) draw, from two gamma draws. */
export function beta(random: () => number, a: number, b: number): number {
	const x = gamma(random, a);
	return x / (x + gamma(random, b));
}

/**
 * Poisson(mean) draw: by multiplication of uniforms below a mean of 30, else by Hörmann's
 * transformed rejection (PTRS, 1993), exact for any mean.
 */
export function poisson(random: () => number, mean: number): number {
	if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson needs a finite mean >= 0, not ${mean}`);
	if (mean === 0) return 0;
	if (mean < 30) {
		const limit = Math.exp(-mean);
		let k = 0;
		let p = random();
		while (p > limit) {
			k++;
			p *= random();
		}
		return k;
	}
	const slam = Math.sqrt(mean);
	const logLam = Math.log(mean);
	const b = 0.931 + 2.53 * slam;
	const a = -0.059 + 0.02483 * b;
	const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
	const vr = 0.9277 - 3.6224 / (b - 2);
	for (;;) {
		const u = random() - 0.5;
		const v = 1 - random();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
		if (us >= 0.07 && v <= vr) return k;
		if (k < 0 || (us < 0.013 && v > us)) continue;
		if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k)) return k;
	}
}

function logFactorial(k: number): number {
	if (k < 2) return 0;
	if (k < 20) {
		let s = 0;
		for (let i = 2; i <= k; i++) s += Math.log(i);
		return s;
	}
	// Stirling's series: exact to double precision from k = 20.
	return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

/** Index drawn with probability proportional to `weights` (cumulative weights make repeated draws O(log n)). */
export function weightedIndex(random: () => number, cumulative: ArrayLike<number>): number {
	const total = cumulative[cumulative.length - 1];
	const target = random() * total;
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid] > target) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** Running sums of `weights`, for `weightedIndex`. */
export function cumulativeSums(weights: ArrayLike<number>): Float64Array {
	const out = new Float64Array(weights.length);
	let s = 0;
	for (let i = 0; i < weights.length; i++) out[i] = s += weights[i];
	return out;
}
