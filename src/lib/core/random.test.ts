import { describe, expect, it } from 'vitest';
import { beta, cumulativeSums, gamma, logNormal, poisson, seededRandom, weightedIndex } from './random';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
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

describe('seeded draws', () => {
	it('poisson has mean and variance equal to its mean, below and above the switch at 30', () => {
		for (const mean of [0.3, 4, 29, 31, 250]) {
			const random = seededRandom(7);
			const m = moments(() => poisson(random, mean), 40000);
			expect(Math.abs(m.mean - mean) / Math.sqrt(mean / 40000)).toBeLessThan(4.5);
			expect(m.variance / mean).toBeGreaterThan(0.95);
			expect(m.variance / mean).toBeLessThan(1.05);
		}
		expect(poisson(seededRandom(1), 0)).toBe(0);
		expect(() => poisson(seededRandom(1), -1)).toThrow(RangeError);
	});

	it('poisson gives integers, and P(0) = exp(-mean)', () => {
		const random = seededRandom(3);
		let zeros = 0;
		let integers = 0;
		for (let i = 0; i < 50000; i++) {
			const k = poisson(random, 1.5);
			if (Number.isInteger(k)) integers++;
			if (k === 0) zeros++;
		}
		expect(integers).toBe(50000);
		expect(Math.abs(zeros / 50000 - Math.exp(-1.5))).toBeLessThan(0.01);
	});

	it('gamma has mean shape x scale and variance shape x scale², also for shape < 1', () => {
		for (const [shape, scale] of [
			[0.5, 2],
			[1.5, 1 / 1.5],
			[9, 0.5]
		]) {
			const random = seededRandom(11);
			const m = moments(() => gamma(random, shape, scale), 60000);
			expect(m.mean / (shape * scale)).toBeCloseTo(1, 1);
			expect(m.variance / (shape * scale * scale)).toBeGreaterThan(0.9);
			expect(m.variance / (shape * scale * scale)).toBeLessThan(1.1);
		}
	});

	it('beta has mean a / (a + b) and stays in (0, 1)', () => {
		const random = seededRandom(5);
		let outside = 0;
		const m = moments(() => {
			const x = beta(random, 1.2, 2);
			if (!(x > 0 && x < 1)) outside++;
			return x;
		}, 30000);
		expect(outside).toBe(0);
		expect(m.mean).toBeCloseTo(1.2 / 3.2, 2);
	});

	it('log-normal has median exp(logMean)', () => {
		const random = seededRandom(9);
		const xs = Array.from({ length: 20001 }, () => logNormal(random, Math.log(30), 0.6)).sort((a, b) => a - b);
		expect(xs[10000] / 30).toBeGreaterThan(0.97);
		expect(xs[10000] / 30).toBeLessThan(1.03);
	});

	it('weightedIndex draws in proportion to the weights and never a zero weight', () => {
		const random = seededRandom(2);
		const cum = cumulativeSums([1, 0, 3, 6]);
		const counts = [0, 0, 0, 0];
		for (let i = 0; i < 50000; i++) counts[weightedIndex(random, cum)]++;
		expect(counts[1]).toBe(0);
		expect(counts[0] / 50000).toBeCloseTo(0.1, 1);
		expect(counts[3] / 50000).toBeCloseTo(0.6, 1);
	});

	it('the same seed gives the same sequence', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		for (let i = 0; i < 100; i++) expect(poisson(a, 40)).toBe(poisson(b, 40));
	});
});
