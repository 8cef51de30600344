import { describe, expect, it } from 'vitest';
import { conformalCoverage, conformalRange, fitLogConformal } from './conformal';
import { seededRandom } from './random';

describe('log split-conformal intervals', () => {
	it('covers about the nominal share of new rows from the same distribution', () => {
		const rand = seededRandom(7);
		const draw = (n: number) => {
			const p = Array.from({ length: n }, () => 1000 + rand() * 9000);
			const y = p.map((v) => v * Math.exp((rand() - 0.5) * 0.8));
			return { p, y };
		};
		const cal = draw(400);
		const interval = fitLogConformal(cal.y, cal.p, 0.8);
		const test = draw(4000);
		const coverage = conformalCoverage(interval, test.y, test.p);
		expect(coverage).toBeGreaterThan(0.76);
		expect(coverage).toBeLessThan(0.86);
	});

	it('gives a range that holds the prediction when residuals straddle zero, and never goes below zero', () => {
		const interval = fitLogConformal([90, 110, 100, 50, 200], [100, 100, 100, 100, 100], 0.8);
		const [lo, hi] = conformalRange(interval, 100);
		expect(lo).toBeLessThanOrEqual(100);
		expect(hi).toBeGreaterThanOrEqual(100);
		expect(conformalRange({ low: -50, high: 1 }, 0)[0]).toBe(0);
	});

	it('refuses an empty calibration set', () => {
		expect(() => fitLogConformal([], [])).toThrow();
	});
});
