import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random';
import { EXACT_LIMIT, expectedCount, poissonBinomial, score, shareIn, topByScore } from './score';

describe('the score', () => {
	const recent = { categories: [0, 3, 7], counts: [6, 3, 1] };

	it('is probability x share of recent collection in the selected categories x 100', () => {
		expect(shareIn(recent, new Set([0]))).toBe(0.6);
		expect(shareIn(recent, new Set([0, 7]))).toBe(0.7);
		expect(shareIn(recent, new Set([5]))).toBe(0);
		expect(shareIn({ categories: [], counts: [] }, new Set([0]))).toBe(0);
		expect(score(0.2, 0.6)).toBeCloseTo(12, 12);
	});

	it('ranks by score, then probability, then position, leaving out a score of 0', () => {
		const scores = [5, 0, 9, 5, 5];
		const p = [0.1, 0.9, 0.2, 0.3, 0.1];
		expect(topByScore(scores, p, 10)).toEqual([2, 3, 0, 4]);
		expect(topByScore(scores, p, 2)).toEqual([2, 3]);
		expect(topByScore(scores, p, 0)).toEqual([]);
	});
});

describe('how many sellers to expect', () => {
	it('gives the binomial distribution when every probability is equal', () => {
		const d = poissonBinomial([0.3, 0.3, 0.3]);
		expect(Array.from(d).map((v) => Number(v.toFixed(12)))).toEqual([0.343, 0.441, 0.189, 0.027]);
		expect(() => poissonBinomial([1.2])).toThrow(RangeError);
	});

	it('sums the probabilities and gives an interval holding at least the level', () => {
		const random = seededRandom(4);
		const p = Array.from({ length: 100 }, () => random() * 0.2);
		const e = expectedCount(p, 0.9);
		expect(e.expected).toBeCloseTo(
			p.reduce((a, b) => a + b, 0),
			12
		);
		expect(e.method).toBe('exact');
		const d = poissonBinomial(p);
		let inside = 0;
		for (let k = e.low; k <= e.high; k++) inside += d[k];
		expect(inside).toBeGreaterThanOrEqual(0.9);
		// Central: neither tail left out holds more than 5%.
		expect(d.slice(0, e.low).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.05 + 1e-12);
		expect(d.slice(e.high + 1).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.05 + 1e-12);
		expect(e.sd).toBeCloseTo(Math.sqrt(p.reduce((s, v) => s + v * (1 - v), 0)), 12);
	});

	it('covers simulated outcomes at about its level', () => {
		const random = seededRandom(8);
		const p = Array.from({ length: 200 }, () => random() * 0.1);
		const e = expectedCount(p, 0.9);
		let covered = 0;
		const trials = 4000;
		for (let t = 0; t < trials; t++) {
			let count = 0;
			for (const pi of p) if (random() < pi) count++;
			if (count >= e.low && count <= e.high) covered++;
		}
		expect(covered / trials).toBeGreaterThan(0.88);
		expect(covered / trials).toBeLessThan(0.97);
	});

	it('switches to a normal approximation for long lists', () => {
		const p = new Array<number>(EXACT_LIMIT + 1).fill(0.01);
		const e = expectedCount(p, 0.9);
		expect(e.method).toBe('normal');
		expect(e.low).toBeLessThan(e.expected);
		expect(e.high).toBeGreaterThan(e.expected);
		expect(() => expectedCount(p, 1)).toThrow(RangeError);
	});

	it('is 0 to 0 for an empty list', () => {
		expect(expectedCount([])).toMatchObject({ expected: 0, low: 0, high: 0 });
	});
});
