import { describe, expect, it } from 'vitest';
import { hyp2f1, logBeta, logGamma } from './special';

describe('special functions', () => {
	it('log-gamma matches factorials and Γ(1/2) = √π', () => {
		expect(logGamma(1)).toBeCloseTo(0, 13);
		expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
		expect(logGamma(20)).toBeCloseTo(Math.log(121645100408832000), 10);
		expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
		expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 11);
		expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
	});

	it('2F1 matches closed forms', () => {
		// 2F1(1, 1; 2; z) = -ln(1 - z) / z
		expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 12);
		expect(hyp2f1(1, 1, 2, 0.95)).toBeCloseTo(-Math.log(0.05) / 0.95, 10);
		// 2F1(a, b; b; z) = (1 - z)^-a
		expect(hyp2f1(0.7, 3, 3, 0.3)).toBeCloseTo(0.7 ** -0.7, 12);
		expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
	});
});
