import { describe, expect, it } from 'vitest';
import { gamma, seededRandom } from '../core/random';
import { logGamma } from '../core/special';
import { expectedSpend, fitGammaGamma, gammaGammaLikelihood, gammaGammaLogLikelihood, type GammaGammaParams } from './gammaGamma';

/** The parameters Fader and Hardie (2013) fitted on the CDNOW sample. */
const CDNOW: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

function simulate(g: GammaGammaParams, customers: number, seed: number) {
	const random = seededRandom(seed);
	const x: number[] = [];
	const m: number[] = [];
	const own: number[] = [];
	for (let i = 0; i < customers; i++) {
		const nu = gamma(random, g.q, 1 / g.gamma);
		const n = 1 + (i % 8);
		let sum = 0;
		for (let k = 0; k < n; k++) sum += gamma(random, g.p, 1 / nu);
		x.push(n);
		m.push(sum / n);
		own.push(g.p / nu);
	}
	return { x, m, own };
}

describe('Gamma-Gamma', () => {
	it('shrinks a customer’s mean towards the population mean, less the more purchases they made', () => {
		const population = (CDNOW.p * CDNOW.gamma) / (CDNOW.q - 1);
		expect(expectedSpend(CDNOW, 0, 0)).toBeCloseTo(population, 10);
		const one = expectedSpend(CDNOW, 1, 100);
		const ten = expectedSpend(CDNOW, 10, 100);
		expect(one).toBeGreaterThan(population);
		expect(one).toBeLessThan(ten);
		expect(ten).toBeLessThan(100);
		expect(expectedSpend({ ...CDNOW, q: 0.9 }, 1, 10)).toBe(Infinity);
	});

	it('prepared once for many evaluations, gives exactly the numbers of the likelihood computed term by term', () => {
		const { x, m } = simulate(CDNOW, 400, 5);
		const direct = (g: GammaGammaParams) => {
			let total = 0;
			x.forEach((n, i) => {
				const px = g.p * n;
				const lg = -logGamma(g.q) + g.q * Math.log(g.gamma) + logGamma(px + g.q) - logGamma(px) + px * Math.log(n);
				total += lg + (px - 1) * Math.log(m[i]) - (px + g.q) * Math.log(g.gamma + m[i] * n);
			});
			return total;
		};
		const prepared = gammaGammaLikelihood(x, m);
		for (const g of [CDNOW, { p: 2, q: 1.5, gamma: 100 }, CDNOW]) expect(prepared(g)).toBe(direct(g));
	});

	it('recovers simulated parameters (the population mean closely), and its expected spends track each customer’s own mean', () => {
		const { x, m, own } = simulate(CDNOW, 3000, 3);
		const fit = fitGammaGamma(x, m);
		expect(fit.converged).toBe(true);
		const mean = (g: GammaGammaParams) => (g.p * g.gamma) / (g.q - 1);
		expect(mean(fit) / mean(CDNOW)).toBeGreaterThan(0.9);
		expect(mean(fit) / mean(CDNOW)).toBeLessThan(1.1);
		expect(fit.p).toBeGreaterThan(CDNOW.p * 0.7);
		expect(fit.p).toBeLessThan(CDNOW.p * 1.4);
		expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(CDNOW, x, m));
		// Shrunk estimates are closer to the customers' true means than their raw sample means.
		let rawError = 0;
		let shrunkError = 0;
		x.forEach((n, i) => {
			rawError += (m[i] - own[i]) ** 2;
			shrunkError += (expectedSpend(fit, n, m[i]) - own[i]) ** 2;
		});
		expect(shrunkError).toBeLessThan(rawError);
		expect(fitGammaGamma(x, m)).toEqual(fit);
	});
});
