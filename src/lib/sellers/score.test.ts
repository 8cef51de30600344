import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random';
import { commonFactors, EXACT_LIMIT, expectedCount, mixedPoissonBinomial, poissonBinomial, score, shareIn, topByScore } from './score';

describe('the score', () => {
	const recent = { categories: [0, 3, 7], counts: [6, 3, 1] };

	it('is probability x share of recent collection in the selected categories x 100', () => {
		expect(shareIn(recent, new Set([0]))).toBe(0.6);
		expect(shareIn(recent, new Set([0, 7]))).toBe(0.7);
		expect(shareIn(recent, new Set([5]))).toBe(0);
		expect(shareIn({ categories: [], counts: [] }, new Set([0]))).toBe(0);
		expect(score(0.2, 0.6)).toBeCloseTo(12, 12);
	});

	it('ranks by score, then the tie-break, then position, leaving out a score of 0', () => {
		const scores = [5, 0, 9, 5, 5];
		const tieBreak = [0.1, 0.9, 0.2, 0.3, 0.1];
		expect(topByScore(scores, tieBreak, 10)).toEqual([2, 3, 0, 4]);
		expect(topByScore(scores, tieBreak, 2)).toEqual([2, 3]);
		expect(topByScore(scores, tieBreak, 0)).toEqual([]);
	});

	it('orders users an isotonic step ties by the forest score, not by their place in the file', () => {
		// Three users on one calibration step (probability 0.25), all of their collection in the selection.
		const probability = [0.25, 0.25, 0.25];
		const forestScore = [0.81, 0.93, 0.87];
		const scores = probability.map((p) => score(p, 1));
		expect(topByScore(scores, forestScore, 2)).toEqual([1, 2]);
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

	it('widens for the calibration uncertainty: a factor common to the list, mean 1', () => {
		const factors = commonFactors(0.3);
		expect(factors.reduce((a, b) => a + b, 0) / factors.length).toBeCloseTo(1, 12);
		expect(commonFactors(0)).toEqual(new Array(factors.length).fill(1));
		const random = seededRandom(5);
		const p = Array.from({ length: 100 }, () => random() * 0.2);
		expect(Array.from(mixedPoissonBinomial(p, 0))).toEqual(Array.from(poissonBinomial(p)));
		const plain = expectedCount(p, 0.9);
		const wide = expectedCount(p, 0.9, 0.3);
		expect(wide.expected).toBe(plain.expected);
		expect(wide.low).toBeLessThanOrEqual(plain.low);
		expect(wide.high).toBeGreaterThan(plain.high);
		expect(wide.sd).toBeGreaterThan(plain.sd);
		expect(() => expectedCount(p, 0.9, -1)).toThrow(RangeError);
	});

	it('with a spread, covers outcomes whose probabilities share a drawn factor at about its level', () => {
		const random = seededRandom(9);
		const p = Array.from({ length: 100 }, () => random() * 0.15);
		const spread = 0.35;
		const e = expectedCount(p, 0.9, spread);
		const plain = expectedCount(p, 0.9);
		let covered = 0;
		let coveredPlain = 0;
		const trials = 3000;
		for (let t = 0; t < trials; t++) {
			// The list's true probabilities are the shown ones times a factor the calibration could not know.
			const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
			const s = Math.exp(spread * z - (spread * spread) / 2);
			let count = 0;
			for (const pi of p) if (random() < Math.min(1, pi * s)) count++;
			if (count >= e.low && count <= e.high) covered++;
			if (count >= plain.low && count <= plain.high) coveredPlain++;
		}
		expect(covered / trials).toBeGreaterThan(0.87);
		expect(covered / trials).toBeLessThan(0.97);
		expect(coveredPlain / trials).toBeLessThan(covered / trials - 0.05);
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
