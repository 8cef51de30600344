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
