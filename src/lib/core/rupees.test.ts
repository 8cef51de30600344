import { describe, expect, it } from 'vitest';
import { formatLakhAndCrore, formatRupees, formatRupeesExact } from './rupees';

describe('rupees', () => {
	it('uses lakh and crore', () => {
		expect(formatRupees(45000)).toBe('₹45,000');
		expect(formatRupees(1_230_000)).toBe('₹12.3 lakh');
		expect(formatRupees(23_500_000)).toBe('₹2.35 crore');
		expect(formatRupees(-250_000)).toBe('−₹2.50 lakh');
		expect(formatRupees(NaN)).toBe('–');
		expect(formatLakhAndCrore(6_210_000)).toBe('₹62.1 lakh (₹0.62 crore)');
		expect(formatRupeesExact(12345678)).toBe('₹1,23,45,678');
	});
});

describe('rupees never print NaN, Infinity or exponents', () => {
	it('writes huge and broken amounts in words', () => {
		for (const f of [formatRupees, formatLakhAndCrore, formatRupeesExact]) {
			for (const x of [NaN, Infinity, -Infinity, 1e301, -1e301, 1e21, 9.99e13, 1e-300]) expect(f(x), `${f.name}(${x})`).not.toMatch(/NaN|Infinity|e[+-]?\d/);
		}
		expect(formatRupees(1e301)).toBe('more than ₹1,00,00,000 crore');
		expect(formatRupees(-Infinity)).toBe('less than −₹1,00,00,000 crore');
		expect(formatRupees(1.2345e11)).toBe('₹12,345 crore');
	});
});
