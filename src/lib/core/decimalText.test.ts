import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoneyText } from './decimalText';

// Values of every size and sign, halves and three-decimal values (where rounding differs most).
function values(): number[] {
	const out = [0, -0, 1.005, 2.5, -2.5, 0.5, -0.5, 999.5, 999_999, 999_950, 9.995, 0.000123, 1e-7, 123_456_789.123, 1e15, 1e21, 5e-324, 0.1 + 0.2];
	let seed = 1;
	const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
	for (let i = 0; i < 20_000; i++) {
		let v = (random() - 0.3) * 10 ** (Math.floor(random() * 24) - 8);
		if (i % 3 === 0) v = Math.round(v * 1000) / 1000;
		if (i % 5 === 0) v = Math.round(v) + 0.5;
		out.push(v);
	}
	return out;
}

const cases: [string, (v: number) => string, Intl.NumberFormat][] = [
	['whole numbers', (v) => formatDecimal(v, { maxFractionDigits: 0 }), new Intl.NumberFormat('en', { maximumFractionDigits: 0 })],
	['two decimals', (v) => formatDecimal(v, { maxFractionDigits: 2 }), new Intl.NumberFormat('en', { maximumFractionDigits: 2 })],
	['six decimals', (v) => formatDecimal(v, { maxFractionDigits: 6 }), new Intl.NumberFormat('en', { maximumFractionDigits: 6 })],
	['three significant digits', (v) => formatDecimal(v, { maxSignificantDigits: 3 }), new Intl.NumberFormat('en', { maximumSignificantDigits: 3 })],
	['Indian grouping', (v) => formatDecimal(v, { maxFractionDigits: 0, grouping: 'en-IN' }), new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 })],
	['en-GB defaults', (v) => formatDecimal(v), new Intl.NumberFormat('en-GB')],
	['pounds, whole', (v) => formatMoneyText(Math.round(v), '£'), new Intl.NumberFormat('en', { maximumFractionDigits: 0, style: 'currency', currency: 'GBP', currencyDisplay: 'narrowSymbol' })],
	['euros, compact', (v) => formatMoneyText(v, '€', true), new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3, style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol' })],
	['compact, no symbol', (v) => formatMoneyText(v, '', true), new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 })]
];

describe('numbers written as Intl.NumberFormat writes them, without Intl', () => {
	const all = values();
	it.each(cases)('%s: the same text as Intl for every value', (name, mine, intl) => {
		const differ: string[] = [];
		for (const v of all) {
			const x = name === 'pounds, whole' ? Math.round(v) : v;
			const a = mine(x);
			const b = intl.format(x);
			if (a !== b && differ.length < 5) differ.push(`${x}: ${a} vs Intl ${b}`);
		}
		expect(differ).toEqual([]);
	});

	it('rounds the shortest decimal half away from zero, as Intl does (not the binary value, as toFixed does)', () => {
		expect(formatDecimal(1.005, { maxFractionDigits: 2 })).toBe('1.01');
		expect((1.005).toFixed(2)).toBe('1.00');
		expect(formatDecimal(-2.5, { maxFractionDigits: 0 })).toBe('-3');
		expect(formatDecimal(999_999, { maxSignificantDigits: 3 })).toBe('1,000,000');
		expect(formatMoneyText(999_999, '£', true)).toBe('£1M');
		expect(formatDecimal(12_345_678, { grouping: 'en-IN' })).toBe('1,23,45,678');
	});
});
