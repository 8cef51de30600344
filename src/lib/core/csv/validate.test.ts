import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import type { TableSchema } from '../schema';
import { makeRowValidator, parseDate, parseNumber, withUnit } from './validate';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [
		{ key: 'week', label: 'Week', type: 'integer', required: true, min: 1, max: 53 },
		{ key: 'price', label: 'Price', type: 'number', unit: '₹', required: true, min: 0, max: 100000 },
		{ key: 'discount', label: 'Discount', type: 'number', unit: '%', required: false, min: 0, max: 90 },
		{ key: 'sub_category', label: 'Sub-category', type: 'category', categories: ['Camera', 'Home Audio', 'Gaming Console'], required: true },
		{ key: 'promo', label: 'On promotion', type: 'boolean', required: false },
		{ key: 'day', label: 'Day', type: 'date', required: false },
		{ key: 'notes', label: 'Notes', type: 'text', required: false }
	]
};
const header = ['week', 'price', 'discount', 'sub_category', 'promo', 'day', 'notes'];

describe('parseNumber', () => {
	it('accepts plain and scientific numbers', () => {
		expect(parseNumber('12')).toBe(12);
		expect(parseNumber('-12.5')).toBe(-12.5);
		expect(parseNumber('1.5e3')).toBe(1500);
		expect(parseNumber('.5')).toBe(0.5);
	});
	it('rejects text, thousands separators, hex and infinity', () => {
		for (const bad of ['abc', '12abc', '1,234.5', '0x1F', '0b11', 'Infinity', '1 000', '12,5']) expect(parseNumber(bad)).toBeNaN();
	});
	it('accepts a decimal comma only when asked', () => {
		expect(parseNumber('12,5', true)).toBe(12.5);
		expect(parseNumber('1.234,5', true)).toBeNaN();
		expect(parseNumber('1,2,3', true)).toBeNaN();
	});
});

describe('parseNumber agrees with Number()', () => {
	it('gives bit-identical values on generated decimal strings', () => {
		const random = seededRandom(11);
		for (let i = 0; i < 20000; i++) {
			const digits = 1 + Math.floor(random() * 17);
			let s = '';
			for (let d = 0; d < digits; d++) s += Math.floor(random() * 10);
			const point = Math.floor(random() * (digits + 2));
			if (point <= digits && random() < 0.7) s = s.slice(0, point) + '.' + s.slice(point);
			if (random() < 0.3) s = (random() < 0.5 ? '-' : '+') + s;
			if (random() < 0.1) s += 'e' + Math.floor(random() * 40 - 20);
			const expected = Number(s);
			if (Number.isNaN(expected)) expect(parseNumber(s)).toBeNaN();
			else expect(Object.is(parseNumber(s), expected), s).toBe(true);
		}
	});
});

describe('withUnit', () => {
	it('writes currency before and percent/other units after', () => {
		expect(withUnit(500, '₹')).toBe('₹500');
		expect(withUnit(90, '%')).toBe('90%');
		expect(withUnit(30, 'days')).toBe('30 days');
		expect(withUnit(7)).toBe('7');
	});
});

describe('parseDate', () => {
	it('reads ISO and day-first dates and rejects impossible ones', () => {
		expect(parseDate('2016-07-04')).toBe('2016-07-04');
		expect(parseDate('2016-07-04T00:00:00')).toBe('2016-07-04');
		expect(parseDate('04/07/2016')).toBe('2016-07-04');
		expect(parseDate('07/25/2016')).toBe('2016-07-25');
		expect(parseDate('2015-02-29')).toBeNull();
		// The one date reader (core/dates): month names, two-digit years, AM/PM.
		expect(parseDate('4-Jul-2016')).toBe('2016-07-04');
		expect(parseDate('Jul 4, 2016 8:15 PM')).toBe('2016-07-04');
		expect(parseDate('04 July 2016')).toBe('2016-07-04');
		expect(parseDate('25/07/16')).toBe('2016-07-25');
		expect(parseDate('Jul 32, 2016')).toBeNull();
		expect(parseDate('2016-02-29')).toBe('2016-02-29');
		expect(parseDate('2016-13-01')).toBeNull();
		expect(parseDate('yesterday')).toBeNull();
	});
});

describe('makeRowValidator', () => {
	const validate = makeRowValidator(schema, header);

	it('types a good row, trims spaces and uses the canonical category spelling', () => {
		const check = validate([' 3', '1.2e3 ', '', 'home audio', 'Yes', '2016-07-04', ' hi '], 2);
		expect(check.issues).toBeUndefined();
		expect(check.row).toEqual({ week: 3, price: 1200, discount: null, sub_category: 'Home Audio', promo: true, day: '2016-07-04', notes: 'hi' });
	});

	it('matches categories ignoring case and spaces', () => {
		expect(validate(['1', '1', '', 'GAMINGCONSOLE', '0', '', ''], 2).row?.sub_category).toBe('Gaming Console');
	});

	it('names the problem for each bad cell', () => {
		const check = validate(['2.5', 'abc', '95', 'Toaster', 'maybe', '31/02/2016', ''], 7);
		expect(check.row).toBeUndefined();
		const reasons = Object.fromEntries((check.issues ?? []).map((i) => [i.column, i.reason]));
		expect(check.issues?.every((i) => i.row === 7)).toBe(true);
		expect(reasons['Week']).toBe('"2.5" is not a whole number');
		expect(reasons['Price']).toBe('"abc" is not a number');
		expect(reasons['Discount']).toBe('95 is above the maximum of 90%');
		expect(reasons['Sub-category']).toMatch(/^"Toaster" is not one of the allowed values: Camera, Home Audio, Gaming Console/);
		expect(reasons['On promotion']).toMatch(/is not yes\/no/);
		expect(reasons['Day']).toMatch(/is not a date/);
	});

	it('names the lower bound with its unit', () => {
		const check = validate(['0', '-5', '', 'Camera', '', '', ''], 3);
		expect(check.issues).toEqual([
			{ row: 3, column: 'Week', reason: '0 is below the minimum of 1' },
			{ row: 3, column: 'Price', reason: '-5 is below the minimum of ₹0' }
		]);
	});

	it('says required cells are empty', () => {
		expect(validate(['1', '  ', '', 'Camera', '', '', ''], 4).issues).toEqual([{ row: 4, column: 'Price', reason: 'is empty' }]);
	});

	it('explains comma decimals and thousands separators', () => {
		const reasons = (validate(['1', '12,5', '1,234.5', 'Camera', '', '', ''], 2).issues ?? []).map((i) => i.reason);
		expect(reasons).toEqual(['"12,5" is not a number (use a dot for decimals)', '"1,234.5" is not a number (remove thousands separators)']);
	});

	it('accepts decimal commas when the delimiter is not a comma', () => {
		const semicolonValidator = makeRowValidator(schema, header, { decimalComma: true });
		expect(semicolonValidator(['1', '12,5', '0,5', 'Camera', '', '', ''], 2).row?.price).toBe(12.5);
	});

	it('gives one whole-row issue for a wrong number of fields, but allows empty extras', () => {
		expect(validate(['1', '2', '3'], 5).issues).toEqual([{ row: 5, column: null, reason: 'has 3 values, but the header has 7 columns' }]);
		expect(validate(['1', '2', '', 'Camera', '', '', '', 'extra'], 6).issues).toEqual([
			{ row: 6, column: null, reason: 'has 8 values, but the header has 7 columns (a value that contains a comma must be in double quotes)' }
		]);
		expect(validate(['1', '2', '', 'Camera', '', '', '', '', ' '], 6).row).toBeDefined();
	});

	it('fills absent optional columns with null and ignores unknown columns', () => {
		const v = makeRowValidator(schema, ['sub_category', null, 'price', 'week']);
		expect(v(['camera', 'whatever', '10', '2'], 2).row).toEqual({
			week: 2,
			price: 10,
			discount: null,
			sub_category: 'Camera',
			promo: null,
			day: null,
			notes: null
		});
	});
});
