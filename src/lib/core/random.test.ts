import { describe, expect, it } from 'vitest';
import { binomial, lognormal, poisson, seededRandom } from './random';

function moments(draw: () => number, n: number) {
	let s = 0;
	let s2 = 0;
	for (let i = 0; i < n; i++) {
		const x = draw();
		s += x;
		s2 += x * x;
	}
	const mean = s / n;
	return { mean, variance: s2 / n - mean * mean };
}

describe('count draws', () => {
	it('poisson has mean and variance lambda, small and large', () => {
		for (const lambda of [0.5, 4, 25, 400]) {
			const random = seededRandom(7);
			const m = moments(() => poisson(random, lambda), 40_000);
			expect(m.mean).toBeCloseTo(lambda, lambda > 100 ? 0 : 1);
			expect(m.variance / lambda).toBeGreaterThan(0.95);
			expect(m.variance / lambda).toBeLessThan(1.05);
		}
		expect(poisson(seededRandom(1), 0)).toBe(0);
		expect(poisson(seededRandom(1), -3)).toBe(0);
	});

	it('binomial has mean np and variance np(1-p), within 0..n, in every regime', () => {
		for (const [n, p] of [
			[12, 0.3],
			[500, 0.01],
			[2000, 0.38],
			[200, 0.97]
		]) {
			const random = seededRandom(11);
			let below = 0;
			const m = moments(() => {
				const k = binomial(random, n, p);
				if (k < 0 || k > n || !Number.isInteger(k)) below++;
				return k;
			}, 40_000);
			expect(below).toBe(0);
			expect(Math.abs(m.mean - n * p) / Math.sqrt(n * p * (1 - p))).toBeLessThan(0.05);
			expect(m.variance / (n * p * (1 - p))).toBeGreaterThan(0.93);
			expect(m.variance / (n * p * (1 - p))).toBeLessThan(1.07);
		}
		expect(binomial(seededRandom(1), 0, 0.5)).toBe(0);
		expect(binomial(seededRandom(1), 10, 1)).toBe(10);
	});

	it('lognormal with mu = -sigma²/2 has mean 1; the same seed repeats the same draws', () => {
		const random = seededRandom(3);
		expect(moments(() => lognormal(random, -0.5 * 0.3 ** 2, 0.3), 50_000).mean).toBeCloseTo(1, 2);
		const a = seededRandom(9);
		const b = seededRandom(9);
		expect(Array.from({ length: 20 }, () => binomial(a, 1000, 0.2))).toEqual(Array.from({ length: 20 }, () => binomial(b, 1000, 0.2)));
	});
});
