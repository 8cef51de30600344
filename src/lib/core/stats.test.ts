/** Tests for stats.ts: hand-worked numpy/scipy reference values plus slow independent implementations. */
import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from './random';
import { bootstrapInterval, mannWhitneyU, resampleSums, mean, median, normalCdf, normalQuantile, quantile, quantileSorted } from './stats';

function sample(n: number, seed: number, mu = 50, sd = 10): number[] {
	const random = seededRandom(seed);
	return Array.from({ length: n }, () => normal(random, mu, sd));
}

describe('quantile', () => {
	it('matches numpy linear interpolation worked by hand', () => {
		// h = (n - 1) q; result = x[floor h] + frac(h) (x[floor h + 1] - x[floor h])
		expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12); // h = 0.75
		expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12); // h = 1.5
		expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12); // h = 2.7
		expect(quantile([7, 1, 3, 9, 5], 0.3)).toBeCloseTo(3.4, 12); // sorted 1,3,5,7,9; h = 1.2
		expect(quantile([20, 10], 1 / 3)).toBeCloseTo(40 / 3, 12);
		expect(quantile([1, 2, 3, 4], 0)).toBe(1);
		expect(quantile([1, 2, 3, 4], 1)).toBe(4);
		expect(quantile([5], 0.37)).toBe(5);
	});
	it('does not modify its input', () => {
		const values = [3, 1, 2];
		quantile(values, 0.5);
		expect(values).toEqual([3, 1, 2]);
	});
	it('handles empty, NaN, infinities and bad q', () => {
		expect(quantile([], 0.5)).toBeNaN();
		expect(quantile([1, NaN, 3], 0.1)).toBeNaN();
		expect(quantile([1, Infinity, Infinity], 0.9)).toBe(Infinity);
		expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
		expect(() => quantile([1, 2], NaN)).toThrow(RangeError);
	});
	it('quantileSorted agrees with quantile on sorted input', () => {
		const sorted = [1, 4, 4, 9, 16, 25];
		for (const q of [0, 0.1, 0.33, 0.5, 0.77, 1]) expect(quantileSorted(sorted, q)).toBe(quantile(sorted, q));
		expect(quantileSorted(new Float64Array([2, 6]), 0.25)).toBe(3);
	});
});

describe('median and mean', () => {
	it('work by hand', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(mean([1, 2, 3, 4])).toBe(2.5);
		expect(mean(new Float64Array([-1, 1, 6]))).toBe(2);
		expect(mean([])).toBeNaN();
		expect(median([])).toBeNaN();
	});
});

describe('normalCdf', () => {
	it('hits textbook values', () => {
		expect(normalCdf(0)).toBe(0.5);
		expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 9);
		expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 13);
		expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 13);
		expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 13);
		expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 8);
		expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 7);
		expect(normalCdf(-Infinity)).toBe(0);
		expect(normalCdf(Infinity)).toBe(1);
		expect(normalCdf(NaN)).toBeNaN();
	});
	it('agrees with a slow Taylor series and is symmetric', () => {
		// Φ(x) = 1/2 + φ(x) (x + x³/3 + x⁵/(3·5) + …)  (Marsaglia 2004)
		const series = (x: number): number => {
			let term = x;
			let sum = x;
			for (let k = 3; k < 1000 && Math.abs(term) > 1e-18 * Math.abs(sum); k += 2) {
				term *= (x * x) / k;
				sum += term;
			}
			return 0.5 + (sum * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
		};
		for (let x = -6; x <= 6; x += 0.05) {
			expect(Math.abs(normalCdf(x) - series(x))).toBeLessThan(1e-13);
			expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
		}
	});
});

describe('bootstrapInterval', () => {
	it('draws resamples from the seededRandom stream (slow reference)', () => {
		const values = [3, 8, 1, 9, 4, 4, 12];
		const n = values.length;
		const random = seededRandom(42);
		const means = new Float64Array(50);
		for (let r = 0; r < 50; r++) {
			let sum = 0;
			for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)];
			means[r] = sum / n;
		}
		means.sort();
		const got = bootstrapInterval(values, { resamples: 50, seed: 42, level: 0.9 });
		expect(got.estimate).toBeCloseTo(41 / 7, 12);
		expect(got.low).toBe(quantileSorted(means, 0.05));
		expect(got.high).toBe(quantileSorted(means, 0.95));
		expect(got).toMatchObject({ level: 0.9, resamples: 50 });
	});
	it('sums every resample of the seededRandom stream in draw order, for odd and even counts', () => {
		const values = Float64Array.from([3.1, 8.25, 1, 9.5, 4.4, 4, 12.7, 0.3, 5]);
		for (const [resamples, seed] of [[1, 9], [2, 9], [7, 9], [50, 9], [7, 2.5], [7, -3]]) {
			const random = seededRandom(seed);
			const expected = Array.from({ length: resamples }, () => {
				let sum = 0;
				for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)];
				return sum;
			});
			expect(Array.from(resampleSums(values, resamples, seed))).toEqual(expected);
		}
	});
	it('draws the same indices as seededRandom below and above 2^16 values (integer and floating-point index)', () => {
		for (const n of [65535, 65536, 70001]) {
			const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
			const random = seededRandom(11);
			const expected = Array.from({ length: 3 }, () => {
				let sum = 0;
				for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)];
				return sum;
			});
			expect(Array.from(resampleSums(values, 3, 11))).toEqual(expected);
		}
	});
	it('is a point for constant data and NaN for empty data', () => {
		expect(bootstrapInterval([7, 7, 7, 7])).toEqual({ estimate: 7, low: 7, high: 7, level: 0.95, resamples: 2000 });
		const empty = bootstrapInterval([]);
		expect(empty.estimate).toBeNaN();
		expect(empty.low).toBeNaN();
		expect(empty.high).toBeNaN();
	});
	it('contains the true mean and has the textbook width', () => {
		const values = sample(2000, 7);
		const bi = bootstrapInterval(values);
		expect(bi.estimate).toBeCloseTo(mean(values), 10);
		expect(bi.low).toBeLessThan(50);
		expect(bi.high).toBeGreaterThan(50);
		expect(bi.low).toBeLessThan(bi.estimate);
		expect(bi.high).toBeGreaterThan(bi.estimate);
		// ≈ 2 · 1.96 · σ / √n = 0.8765
		expect((bi.high - bi.low) / (2 * 1.96 * (10 / Math.sqrt(2000)))).toBeGreaterThan(0.85);
		expect((bi.high - bi.low) / (2 * 1.96 * (10 / Math.sqrt(2000)))).toBeLessThan(1.15);
	});
	it('covers the true mean about 95% of the time', () => {
		let covered = 0;
		const trials = 200;
		for (let s = 0; s < trials; s++) {
			const bi = bootstrapInterval(sample(60, 1000 + s), { resamples: 500, seed: s + 1 });
			if (bi.low <= 50 && 50 <= bi.high) covered++;
		}
		expect(covered / trials).toBeGreaterThan(0.88);
		expect(covered / trials).toBeLessThan(0.99);
	});
	it('is deterministic for a seed and changes with the seed', () => {
		const values = sample(300, 3);
		expect(bootstrapInterval(values, { seed: 5 })).toEqual(bootstrapInterval(values, { seed: 5 }));
		expect(bootstrapInterval(values, { seed: 5 }).low).not.toBe(bootstrapInterval(values, { seed: 6 }).low);
		expect(bootstrapInterval(values).low).toBe(bootstrapInterval(values, { seed: 1 }).low);
	});
	it('narrows with more data and with a lower level', () => {
		const width = (bi: { low: number; high: number }) => bi.high - bi.low;
		const small = width(bootstrapInterval(sample(100, 11)));
		const large = width(bootstrapInterval(sample(10000, 12)));
		expect(small / large).toBeGreaterThan(7); // √(10000/100) = 10
		expect(small / large).toBeLessThan(13);
		const values = sample(500, 13);
		expect(width(bootstrapInterval(values, { level: 0.5 }))).toBeLessThan(width(bootstrapInterval(values, { level: 0.99 })));
	});
	it("'sum' is n times 'mean' on the same resamples", () => {
		const values = sample(400, 21);
		const m = bootstrapInterval(values, { seed: 9 });
		const s = bootstrapInterval(values, { seed: 9, statistic: 'sum' });
		expect(s.estimate / 400).toBeCloseTo(m.estimate, 9);
		expect(s.low / 400).toBeCloseTo(m.low, 9);
		expect(s.high / 400).toBeCloseTo(m.high, 9);
	});
	it('refuses bad options', () => {
		expect(() => bootstrapInterval([1, 2], { resamples: 0 })).toThrow(RangeError);
		expect(() => bootstrapInterval([1, 2], { resamples: 2.5 })).toThrow(RangeError);
		expect(() => bootstrapInterval([1, 2], { level: 1 })).toThrow(RangeError);
	});
});

/** Slow reference: O(n²) pair count for U, tie groups by Map, then scipy's asymptotic formulas verbatim. */
function slowMannWhitney(a: number[], b: number[], alternative: 'two-sided' | 'greater' | 'less') {
	let u1 = 0;
	for (const x of a) for (const y of b) u1 += x > y ? 1 : x === y ? 0.5 : 0;
	const n1 = a.length;
	const n2 = b.length;
	const n = n1 + n2;
	const counts = new Map<number, number>();
	for (const v of [...a, ...b]) counts.set(v, (counts.get(v) ?? 0) + 1);
	let tieTerm = 0;
	for (const t of counts.values()) tieTerm += t ** 3 - t;
	const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
	const u2 = n1 * n2 - u1;
	const [u, f] = alternative === 'greater' ? [u1, 1] : alternative === 'less' ? [u2, 1] : [Math.max(u1, u2), 2];
	const z = (u - (n1 * n2) / 2 - 0.5) / s;
	return { u: u1, pValue: Math.min(1, f * (1 - normalCdf(z))) };
}

describe('mannWhitneyU', () => {
	const low = [1, 2, 3, 4, 5];
	const high = [6, 7, 8, 9, 10];
	// σ = √(n_a n_b (n + 1) / 12) = √(25 · 11 / 12) = 4.787136
	const sigma = Math.sqrt((25 * 11) / 12);

	it('separated samples: U = 0, two-sided p ≈ 0.01219', () => {
		const r = mannWhitneyU(low, high);
		expect(r.u).toBe(0);
		expect(r.probabilityOfSuperiority).toBe(0);
		expect(r).toMatchObject({ nA: 5, nB: 5, alternative: 'two-sided' });
		// z = -(|0 - 12.5| - 0.5) / σ = -2.506718; p = 2 Φ(-2.506718)
		// (R: wilcox.test(1:5, 6:10, exact = FALSE) prints p-value = 0.01219)
		expect(r.z).toBeCloseTo(-12 / sigma, 12);
		expect(r.z).toBeCloseTo(-2.506718, 6);
		expect(r.pValue).toBeCloseTo(0.012186, 6);
	});
	it("one-sided: 'greater' and 'less'", () => {
		const g = mannWhitneyU(high, low, 'greater');
		expect(g.u).toBe(25);
		expect(g.probabilityOfSuperiority).toBe(1);
		expect(g.z).toBeCloseTo(12 / sigma, 12);
		expect(g.pValue).toBeCloseTo(0.006093, 6);
		const l = mannWhitneyU(low, high, 'less');
		expect(l.z).toBeCloseTo(-12 / sigma, 12);
		expect(l.pValue).toBeCloseTo(0.006093, 6);
		// wrong direction: z = (0 - 12.5 - 0.5) / σ = -2.71563, p = Φ(2.71563) ≈ 0.99669
		const wrong = mannWhitneyU(low, high, 'greater');
		expect(wrong.z).toBeCloseTo(-13 / sigma, 12);
		expect(wrong.pValue).toBeCloseTo(0.99669, 5);
	});
	it('ties: average ranks and tie-corrected variance by hand', () => {
		// a = 1 2 2 3, b = 2 3 4 5. Pooled ranks: 1→1, 2,2,2→3, 3,3→5.5, 4→7, 5→8.
		// R_a = 1 + 3 + 3 + 5.5 = 12.5, U = 12.5 - 4·5/2 = 2.5 (pairs: 0 + 0.5 + 0.5 + 1.5).
		// Ties t = 3 and 2: Σ(t³ - t) = 24 + 6 = 30. σ² = 16/12 · (9 - 30/56) = 11.285714.
		// z = -(|2.5 - 8| - 0.5) / σ = -1.488351, p = 2 Φ(-1.488351) ≈ 0.13666.
		const r = mannWhitneyU([1, 2, 2, 3], [2, 3, 4, 5]);
		expect(r.u).toBe(2.5);
		expect(r.probabilityOfSuperiority).toBe(2.5 / 16);
		expect(r.z).toBeCloseTo(-5 / Math.sqrt((16 / 12) * (9 - 30 / 56)), 12);
		expect(r.z).toBeCloseTo(-1.488351, 6);
		expect(r.pValue).toBeCloseTo(0.13666, 5);
	});
	it('all values tied: no evidence', () => {
		const r = mannWhitneyU([3, 3], [3, 3, 3]);
		expect(r.u).toBe(3);
		expect(r.z).toBe(0);
		expect(r.pValue).toBe(1);
		expect(r.probabilityOfSuperiority).toBe(0.5);
	});
	it('empty or NaN input gives NaN', () => {
		expect(mannWhitneyU([], [1, 2]).pValue).toBeNaN();
		expect(mannWhitneyU([1, NaN], [1, 2]).u).toBeNaN();
	});
	it('swapping samples mirrors U and keeps the two-sided p', () => {
		const a = sample(40, 31, 52).map(Math.round);
		const b = sample(55, 32, 48).map(Math.round);
		const ab = mannWhitneyU(a, b);
		const ba = mannWhitneyU(b, a);
		expect(ab.u + ba.u).toBe(40 * 55);
		expect(ab.z).toBeCloseTo(-ba.z, 12);
		expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
	});
	it('agrees with a slow pair-count reference on random data with many ties', () => {
		for (let s = 0; s < 20; s++) {
			const a = sample(5 + s * 3, 100 + s, 50 + s / 4, 6).map((v) => Math.round(v / 3));
			const b = sample(8 + s * 2, 200 + s, 50, 6).map((v) => Math.round(v / 3));
			for (const alternative of ['two-sided', 'greater', 'less'] as const) {
				const fast = mannWhitneyU(a, b, alternative);
				const slow = slowMannWhitney(a, b, alternative);
				expect(fast.u).toBe(slow.u);
				expect(fast.pValue).toBeCloseTo(slow.pValue, 12);
				expect(fast.probabilityOfSuperiority).toBeCloseTo(slow.u / (a.length * b.length), 14);
			}
		}
	});
	it('finds a real shift in a large sample and none between equal groups', () => {
		const insiders = sample(3000, 41, 53);
		const others = sample(20000, 42, 50);
		const shifted = mannWhitneyU(insiders, others, 'greater');
		expect(shifted.pValue).toBeLessThan(1e-20);
		// P(X > Y) for a 0.3 σ shift = Φ(0.3 / √2) = Φ(0.2121) ≈ 0.584
		expect(shifted.probabilityOfSuperiority).toBeGreaterThan(0.57);
		expect(shifted.probabilityOfSuperiority).toBeLessThan(0.6);
		expect(mannWhitneyU(sample(3000, 43), sample(20000, 44)).pValue).toBeGreaterThan(0.01);
	});
});

describe('normalQuantile', () => {
	it('inverts normalCdf across the centre and both tails', () => {
		for (const p of [1e-10, 0.001, 0.02, 0.025, 0.05, 0.3, 0.5, 0.7, 0.95, 0.975, 0.999, 1 - 1e-9]) {
			expect(Math.abs(normalCdf(normalQuantile(p)) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-6);
		}
		expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
		expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
		expect(normalQuantile(0.5)).toBe(0);
	});

	it('refuses p outside (0, 1)', () => {
		expect(() => normalQuantile(0)).toThrow(RangeError);
		expect(() => normalQuantile(1)).toThrow(RangeError);
		expect(() => normalQuantile(NaN)).toThrow(RangeError);
	});
});
