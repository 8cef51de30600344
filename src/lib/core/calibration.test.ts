import { describe, expect, it } from 'vitest';
import { calibrate, calibrateMany, fitIsotonic, fitPlatt } from './calibration';
import { seededRandom } from './random';

// A small held-out set with tied scores. Reference values from scikit-learn 1.2.1 (Debian's
// python3-sklearn): IsotonicRegression(out_of_bounds='clip') and calibration._sigmoid_calibration.
const scores = [0.1, 0.2, 0.2, 0.3, 0.35, 0.4, 0.4, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.8, 0.9, 0.95];
const labels = [0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1];
const queries = [0.0, 0.15, 0.2, 0.33, 0.45, 0.62, 0.75, 0.85, 1.0];
const SKLEARN = {
	isotonicX: [0.1, 0.2, 0.3, 0.35, 0.6, 0.65, 0.8, 0.9, 0.95],
	isotonicY: [0.0, 0.3333333333333333, 0.3333333333333333, 0.5, 0.5, 0.75, 0.75, 1.0, 1.0],
	isotonicPredict: [0.0, 0.1666666666666666, 0.3333333333333333, 0.43333333333333346, 0.5, 0.6, 0.75, 0.8749999999999999, 1.0],
	plattA: -2.707856683744676,
	plattB: 1.1234303967176154,
	plattPredict: [0.2453755347235189, 0.3279984213788258, 0.3585049362683043, 0.44279219106523293, 0.5237583726029187, 0.6353969622893991, 0.7124805525994322, 0.7646326044982538, 0.8298304750195937]
};

describe('isotonic calibration', () => {
	const cal = fitIsotonic(scores, labels);

	it('pools ties and violators, keeping the ends of flat runs, as scikit-learn does', () => {
		expect(cal.x).toEqual(SKLEARN.isotonicX);
		cal.y.forEach((v, i) => expect(v).toBeCloseTo(SKLEARN.isotonicY[i], 14));
		expect(cal.n).toBe(16);
	});

	it('interpolates between breakpoints and clips outside them', () => {
		queries.forEach((q, i) => expect(calibrate(cal, q)).toBeCloseTo(SKLEARN.isotonicPredict[i], 14));
		expect(Array.from(calibrateMany(cal, queries))).toEqual(queries.map((q) => calibrate(cal, q)));
	});

	it('is non-decreasing on random data and survives a JSON round trip', () => {
		const random = seededRandom(5);
		const s = Array.from({ length: 500 }, () => random());
		const y = s.map((v) => (random() < v * v ? 1 : 0));
		const c = JSON.parse(JSON.stringify(fitIsotonic(s, y)));
		for (let i = 1; i < c.y.length; i++) expect(c.y[i]).toBeGreaterThanOrEqual(c.y[i - 1]);
		const grid = Array.from({ length: 101 }, (_, i) => i / 100);
		const p = grid.map((g) => calibrate(c, g));
		for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]);
	});

	it('gives a constant for one class only, and a single point for one row', () => {
		expect(fitIsotonic([0.2, 0.5, 0.9], [0, 0, 0]).y).toEqual([0, 0]);
		const one = fitIsotonic([0.4], [1]);
		expect(calibrate(one, 0)).toBe(1);
		expect(calibrate(one, 1)).toBe(1);
	});
});

describe('isotonic calibration through the centres of its runs', () => {
	const cal = fitIsotonic(scores, labels, { through: 'centres' });

	it('puts one breakpoint per flat run, at the mean score of its rows, with the run’s rate', () => {
		// Runs of the scikit-learn fit above: {0.1}, {0.2 x2, 0.3}, {0.35, 0.4 x3, 0.5, 0.6}, {0.65, 0.7, 0.8 x2}, {0.9, 0.95}.
		const centres = [0.1, 0.7 / 3, 2.65 / 6, 2.95 / 4, 0.925];
		expect(cal.x.length).toBe(centres.length);
		cal.x.forEach((v, i) => expect(v).toBeCloseTo(centres[i], 14));
		cal.y.forEach((v, i) => expect(v).toBeCloseTo([0, 1 / 3, 0.5, 0.75, 1][i], 14));
	});

	it('separates scores that a flat run would give one probability', () => {
		// 0.35 and 0.6 sit on the same scikit-learn run (0.5 both); here they differ, in order.
		expect(calibrate(fitIsotonic(scores, labels), 0.35)).toBe(calibrate(fitIsotonic(scores, labels), 0.6));
		expect(calibrate(cal, 0.35)).toBeLessThan(calibrate(cal, 0.6));
		expect(calibrate(cal, 0.35)).toBeCloseTo(1 / 3 + ((0.35 - 0.7 / 3) / (2.65 / 6 - 0.7 / 3)) * (0.5 - 1 / 3), 12);
	});

	it('is strictly increasing between its first and last centre on random data', () => {
		const random = seededRandom(7);
		const s = Array.from({ length: 2000 }, () => random());
		const y = s.map((v) => (random() < v ** 3 ? 1 : 0));
		const c = fitIsotonic(s, y, { through: 'centres' });
		for (let i = 1; i < c.x.length; i++) {
			expect(c.x[i]).toBeGreaterThan(c.x[i - 1]);
			expect(c.y[i]).toBeGreaterThan(c.y[i - 1]);
		}
		const inside = s.filter((v) => v > c.x[0] && v < c.x[c.x.length - 1]).sort((a, b) => a - b);
		for (let i = 1; i < inside.length; i++) expect(calibrate(c, inside[i])).toBeGreaterThan(calibrate(c, inside[i - 1]));
	});

	it('gives a constant for one class only', () => {
		const c = fitIsotonic([0.2, 0.5, 0.9], [0, 0, 0], { through: 'centres' });
		expect(c.y).toEqual([0]);
		expect(calibrate(c, 0.7)).toBe(0);
	});
});

describe('Platt scaling', () => {
	const cal = fitPlatt(scores, labels);

	it('finds scikit-learn’s sigmoid (same targets; it stops its BFGS sooner)', () => {
		expect(cal.a).toBeCloseTo(SKLEARN.plattA, 5);
		expect(cal.b).toBeCloseTo(SKLEARN.plattB, 5);
		queries.forEach((q, i) => expect(calibrate(cal, q)).toBeCloseTo(SKLEARN.plattPredict[i], 6));
	});

	it('does not overflow on huge scores and stays within (0, 1)', () => {
		const c = fitPlatt([-1e6, -5e5, 5e5, 1e6], [0, 0, 1, 1]);
		for (const q of [-1e300, -1e6, 0, 1e6, 1e300]) {
			const p = calibrate(c, q);
			expect(p).toBeGreaterThanOrEqual(0);
			expect(p).toBeLessThanOrEqual(1);
		}
		expect(calibrate(c, 1e6)).toBeGreaterThan(calibrate(c, -1e6));
	});

	it('recovers a known sigmoid from many rows', () => {
		const random = seededRandom(9);
		const s = Array.from({ length: 20000 }, () => random() * 6 - 3);
		const y = s.map((v) => (random() < 1 / (1 + Math.exp(-2 * v + 0.5)) ? 1 : 0));
		const c = fitPlatt(s, y);
		expect(c.a).toBeCloseTo(-2, 1);
		expect(c.b).toBeCloseTo(0.5, 1);
	});
});

describe('bad input', () => {
	it('is refused with the reason', () => {
		expect(() => fitIsotonic([], [])).toThrow(/at least one/);
		expect(() => fitPlatt([0.1, NaN], [0, 1])).toThrow(/Score 1 is NaN/);
		expect(() => fitIsotonic([0.1, 0.2], [0, 2])).toThrow(/0 or 1/);
		expect(() => fitPlatt([0.1], [0, 1])).toThrow(/1 scores but 2 labels/);
	});
});
