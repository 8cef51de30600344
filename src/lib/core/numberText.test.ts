import { describe, expect, it } from 'vitest';
import { formatCountPlain, plainNumber, roundedNumber } from './numberText';

const BAD = /NaN|Infinity|undefined|e[+-]?\d/;

describe('number text', () => {
	it('never writes NaN, Infinity or exponent notation', () => {
		for (const n of [NaN, Infinity, -Infinity, 1e300, -1e300, 1e21, 1e-300, -1e-300, 5e-7, 123456789012345, 0.1 + 0.2]) {
			for (const f of [formatCountPlain, plainNumber, roundedNumber]) expect(f(n), `${f.name}(${n})`).not.toMatch(BAD);
		}
	});

	it('writes ordinary values plainly', () => {
		expect(plainNumber(80995)).toBe('80,995');
		expect(plainNumber(-2.55)).toBe('-2.55');
		expect(plainNumber(1e300)).toBe('more than 1,000,000,000,000,000');
		expect(plainNumber(-Infinity)).toBe('less than -1,000,000,000,000,000');
		expect(plainNumber(1e-9)).toBe('less than 0.000001');
		expect(roundedNumber(12.345)).toBe('12.3');
		expect(roundedNumber(-12345.6)).toBe('−12,346');
		expect(formatCountPlain(541909)).toBe('541,909');
	});
});
