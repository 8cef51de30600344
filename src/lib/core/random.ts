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

/** Lognormal draw: exp(normal(mu, sigma)). With mu = -sigma²/2 its mean is 1. */
export function lognormal(random: () => number, mu: number, sigma: number): number {
	return Math.exp(normal(random, mu, sigma));
}

/**
 * Poisson draw with mean `lambda` (>= 0): exact by inversion up to lambda 30, above that the normal
 * approximation rounded and floored at 0 (its error is far below a count's own noise there).
 */
export function poisson(random: () => number, lambda: number): number {
	if (!(lambda > 0)) return 0;
	if (lambda > 30) return Math.max(0, Math.round(normal(random, lambda, Math.sqrt(lambda))));
	let k = 0;
	let p = Math.exp(-lambda);
	let cumulative = p;
	const u = random();
	while (u > cumulative && k < 1000) {
		k++;
		p *= lambda / k;
		cumulative += p;
	}
	return k;
}

/**
 * Binomial draw of `n` trials with success probability `p`: exact (trial by trial) for n up to 30;
 * above that Poisson when the expected count or its complement is under 10, else the normal
 * approximation rounded and clamped to 0..n.
 */
export function binomial(random: () => number, n: number, p: number): number {
	if (!(n > 0) || !(p > 0)) return 0;
	if (p >= 1) return n;
	if (n <= 30) {
		let k = 0;
		for (let i = 0; i < n; i++) if (random() < p) k++;
		return k;
	}
	const mean = n * p;
	if (mean < 10) return Math.min(n, poisson(random, mean));
	if (n - mean < 10) return n - Math.min(n, poisson(random, n - mean));
	return Math.min(n, Math.max(0, Math.round(normal(random, mean, Math.sqrt(mean * (1 - p))))));
}
