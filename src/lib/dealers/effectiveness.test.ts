import { describe, expect, it } from 'vitest';
import { poisson, seededRandom } from '../core/random';
import { normalCdf } from '../core/stats';
import { effectiveness, monthlyDispersion, zForLevel } from './effectiveness';

const interval = { z: 1.6449, dispersion: 1.5, modelError: 0.05 };

describe('sales effectiveness and its interval', () => {
	it('is actual over expected, inside an interval that narrows with more sales', () => {
		const small = effectiveness(8, 10, interval);
		const large = effectiveness(800, 1000, interval);
		expect(small.ratio).toBeCloseTo(0.8, 12);
		expect(large.ratio).toBeCloseTo(0.8, 12);
		for (const e of [small, large]) {
			expect(e.low!).toBeLessThan(e.ratio!);
			expect(e.high!).toBeGreaterThan(e.ratio!);
		}
		expect(large.high! - large.low!).toBeLessThan(small.high! - small.low!);
		// The model error is a floor: even huge counts keep a width of about 2 z modelError on the log scale.
		const huge = effectiveness(8e6, 1e7, interval);
		expect(Math.log(huge.high! / huge.low!)).toBeCloseTo(2 * 1.6449 * 0.05, 3);
	});

	it("calls a dealer below or above expectation only when the whole interval says so", () => {
		expect(effectiveness(8, 10, interval).verdict).toBe('as expected');
		expect(effectiveness(800, 1000, interval).verdict).toBe('below');
		expect(effectiveness(1300, 1000, interval).verdict).toBe('above');
		expect(effectiveness(0, 30, interval).verdict).toBe('below');
		expect(effectiveness(0, 30, interval).low!).toBeGreaterThan(0);
		expect(effectiveness(5, 0, interval)).toMatchObject({ ratio: null, verdict: 'unknown' });
	});

	it('measures month-to-month dispersion: about 1 for Poisson months, more when months vary more', () => {
		const random = seededRandom(4);
		const dealerOf: number[] = [];
		const actual: number[] = [];
		const noisy: number[] = [];
		const expected: number[] = [];
		for (let d = 0; d < 400; d++) {
			const level = 0.5 + random();
			for (let m = 0; m < 12; m++) {
				const e = 5 + 40 * random();
				dealerOf.push(d);
				expected.push(e);
				actual.push(poisson(random, level * e));
				noisy.push(poisson(random, level * e * Math.exp(0.3 * (random() - 0.5) * 3.46)));
			}
		}
		expect(monthlyDispersion(dealerOf, actual, expected)).toBeCloseTo(1, 1);
		expect(monthlyDispersion(dealerOf, noisy, expected)).toBeGreaterThan(1.5);
	});

	it('finds the two-sided normal quantile of a level', () => {
		expect(zForLevel(0.9, normalCdf)).toBeCloseTo(1.644854, 5);
		expect(zForLevel(0.95, normalCdf)).toBeCloseTo(1.959964, 5);
	});
});
