/**
 * Special functions the count models need: the log of the gamma function (Lanczos, g = 7, n = 9;
 * about 15 significant digits for positive arguments) and the Gauss hypergeometric function 2F1 by
 * its power series (|z| < 1). Pure TS.
 */

const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
	9.9843695780195716e-6, 1.5056327351493116e-7
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection below 0.5). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	const y = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (y + i);
	const t = y + 7.5;
	return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
	return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * 2F1(a, b; c; z) for 0 <= z < 1 by summing its series until a term no longer changes the sum
 * (relative 1e-15) or `maxTerms` terms; NaN when it has not converged by then.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 100_000): number {
	if (!(z >= 0 && z < 1)) return NaN;
	let term = 1;
	let sum = 1;
	for (let k = 0; k < maxTerms; k++) {
		term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
		sum += term;
		if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
	}
	return NaN;
}
