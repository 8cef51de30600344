import { describe, expect, it } from 'vitest';
import { beta, gamma, seededRandom } from '../core/random';
import { logGamma } from '../core/special';
import { bgNbdLikelihood, bgNbdLogLikelihood, compressHistories, expectedPurchases, fitBgNbd, probabilityAlive, type BgNbdParams } from './bgnbd';

/** The parameters Fader, Hardie and Lee (2005) fitted on the CDNOW sample (weeks). */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Customers simulated from the model itself: first purchase at 0, observed for `T` time units. */
function simulate(p: BgNbdParams, customers: number, T: (i: number) => number, seed: number) {
	const random = seededRandom(seed);
	const x: number[] = [];
	const tx: number[] = [];
	const Ts: number[] = [];
	for (let i = 0; i < customers; i++) {
		const rate = gamma(random, p.r, 1 / p.alpha);
		const drop = beta(random, p.a, p.b);
		const end = T(i);
		let t = 0;
		let n = 0;
		for (;;) {
			const next = t - Math.log(1 - random()) / rate;
			if (next > end) break;
			t = next;
			n++;
			if (random() < drop) break;
		}
		x.push(n);
		tx.push(t);
		Ts.push(end);
	}
	return { x, tx, T: Ts };
}

describe('BG/NBD', () => {
	it('gives the published CDNOW figure: 1.226 purchases in 39 weeks for x = 2, t_x = 30.43, T = 38.86', () => {
		expect(expectedPurchases(CDNOW, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
	});

	it('a customer with no repeat purchase is certainly alive; one long silent after many purchases probably is not', () => {
		expect(probabilityAlive(CDNOW, 0, 0, 38.86)).toBe(1);
		expect(probabilityAlive(CDNOW, 10, 5, 38.86)).toBeLessThan(0.2);
		expect(probabilityAlive(CDNOW, 10, 38, 38.86)).toBeGreaterThan(0.8);
	});

	it('counts identical histories once, with weights, without changing the likelihood', () => {
		const h = { x: [0, 2, 0, 2, 5], tx: [0, 10, 0, 10, 30], T: [40, 40, 40, 40, 40] };
		const c = compressHistories(h);
		expect(c.weight).toEqual([2, 2, 1]);
		expect(bgNbdLogLikelihood(CDNOW, c)).toBeCloseTo(bgNbdLogLikelihood(CDNOW, h), 10);
	});

	it('prepared once for many evaluations, gives exactly the numbers of the equation computed term by term', () => {
		// Equation 6 in logs, written out per customer (whole-number days: the tabulated logs; fractional times: not).
		const direct = (p: BgNbdParams, h: { x: number[]; tx: number[]; T: number[] }) => {
			let total = 0;
			h.x.forEach((x, i) => {
				const lnA12 = -logGamma(p.r) + p.r * Math.log(p.alpha) + logGamma(p.a + p.b) - logGamma(p.b) + logGamma(p.r + x) + logGamma(p.b + x) - logGamma(p.a + p.b + x);
				const lnA3 = -(p.r + x) * Math.log(p.alpha + h.T[i]);
				if (x === 0) total += lnA12 + lnA3;
				else {
					const lnA4 = Math.log(p.a) - Math.log(p.b + x - 1) - (p.r + x) * Math.log(p.alpha + h.tx[i]);
					total += lnA12 + Math.max(lnA3, lnA4) + Math.log1p(Math.exp(-Math.abs(lnA3 - lnA4)));
				}
			});
			return total;
		};
		const days = simulate(CDNOW, 500, (i) => 27 + (i % 13), 3);
		const whole = { x: days.x, tx: days.tx.map(Math.floor), T: days.T };
		for (const h of [days, whole]) {
			const prepared = bgNbdLikelihood(h);
			for (const p of [CDNOW, { r: 1.3, alpha: 20, a: 0.2, b: 7 }, CDNOW]) expect(prepared(p)).toBe(direct(p, h));
		}
	});

	it('recovers the parameters of data simulated from them, deterministically', () => {
		const data = simulate(CDNOW, 4000, (i) => 27 + (i % 13), 11);
		const fit = fitBgNbd(data);
		expect(fit.converged).toBe(true);
		expect(fit.r).toBeGreaterThan(CDNOW.r * 0.8);
		expect(fit.r).toBeLessThan(CDNOW.r * 1.25);
		expect(fit.alpha).toBeGreaterThan(CDNOW.alpha * 0.7);
		expect(fit.alpha).toBeLessThan(CDNOW.alpha * 1.4);
		// a and b are known less precisely; their mean drop-out probability a / (a + b) well.
		expect(fit.a / (fit.a + fit.b)).toBeCloseTo(CDNOW.a / (CDNOW.a + CDNOW.b), 1);
		// The maximum is a maximum: the true parameters are no more likely.
		expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(CDNOW, data));
		expect(fitBgNbd(data)).toEqual(fit);
	});

	it('forecasts what simulated customers then buy, in total', () => {
		// Calibrate on weeks 0-39, predict weeks 39-78, from the same simulated lives.
		const random = seededRandom(5);
		let predicted = 0;
		let actual = 0;
		for (let i = 0; i < 3000; i++) {
			const rate = gamma(random, CDNOW.r, 1 / CDNOW.alpha);
			const drop = beta(random, CDNOW.a, CDNOW.b);
			let t = 0;
			let x = 0;
			let tx = 0;
			let later = 0;
			for (;;) {
				const next = t - Math.log(1 - random()) / rate;
				if (next > 78) break;
				t = next;
				if (t <= 39) {
					x++;
					tx = t;
				} else later++;
				if (random() < drop) break;
			}
			predicted += expectedPurchases(CDNOW, 39, x, tx, 39);
			actual += later;
		}
		expect(predicted / actual).toBeGreaterThan(0.9);
		expect(predicted / actual).toBeLessThan(1.1);
	});
});
