import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from './schema';
import { fieldText, formatRangeEnd, parseFieldValue, trainingRangeNote } from './fieldValue';
import { seededRandom } from './random';

const discount: ColumnSpec = { key: 'discount', label: 'Discount', type: 'number', unit: '%', required: true, min: 0, max: 100 };
const units: ColumnSpec = { key: 'units', label: 'Units', type: 'integer', required: true, min: 0 };
const price: ColumnSpec = { key: 'price', label: 'Price', type: 'number', unit: '₹', required: false };
const channel: ColumnSpec = { key: 'channel', label: 'Channel', type: 'category', required: true, categories: ['Web', 'Mobile App', 'Store'] };
const promo: ColumnSpec = { key: 'promo', label: 'Promotion', type: 'boolean', required: true };
const week: ColumnSpec = { key: 'week', label: 'Week', type: 'date', required: true, example: '2024-03-04' };
const note: ColumnSpec = { key: 'note', label: 'Note', type: 'text', required: false };

describe('parseFieldValue: numbers', () => {
	it('accepts plain, signed, decimal and exponent numbers', () => {
		expect(parseFieldValue(price, '12.5')).toEqual({ ok: true, value: 12.5 });
		expect(parseFieldValue(price, ' -3 ')).toEqual({ ok: true, value: -3 });
		expect(parseFieldValue(price, '+.5')).toEqual({ ok: true, value: 0.5 });
		expect(parseFieldValue(price, '1e3')).toEqual({ ok: true, value: 1000 });
		expect(parseFieldValue(price, '\u22122')).toEqual({ ok: true, value: -2 });
		expect(parseFieldValue(price, '-0')).toEqual({ ok: true, value: 0 });
	});

	it('accepts grouping commas, western and Indian, and a typed unit', () => {
		expect(parseFieldValue(price, '1,234,567.5')).toEqual({ ok: true, value: 1234567.5 });
		expect(parseFieldValue(price, '12,34,567')).toEqual({ ok: true, value: 1234567 });
		expect(parseFieldValue(price, '₹ 1,500')).toEqual({ ok: true, value: 1500 });
		expect(parseFieldValue(discount, '20%')).toEqual({ ok: true, value: 20 });
	});

	it('rejects text, hex, infinity and a decimal comma with a reason', () => {
		for (const bad of ['abc', '0x10', 'Infinity', 'NaN', '1..2', '12a', '1,2,3', '--1', '1e999']) {
			const r = parseFieldValue(price, bad);
			expect(r.ok, bad).toBe(false);
			if (!r.ok) expect(r.reason).toBe('Enter a number');
		}
		const comma = parseFieldValue(price, '1,5');
		expect(comma).toEqual({ ok: false, reason: 'Use a dot for decimals, e.g. 1.5' });
	});

	it('checks bounds and says what is wanted', () => {
		expect(parseFieldValue(discount, '0')).toEqual({ ok: true, value: 0 });
		expect(parseFieldValue(discount, '100')).toEqual({ ok: true, value: 100 });
		expect(parseFieldValue(discount, '100.01')).toEqual({ ok: false, reason: 'Enter a number between 0 and 100' });
		expect(parseFieldValue(discount, '-1')).toEqual({ ok: false, reason: 'Enter a number between 0 and 100' });
		expect(parseFieldValue(discount, 'lots')).toEqual({ ok: false, reason: 'Enter a number between 0 and 100' });
		expect(parseFieldValue(units, '-2')).toEqual({ ok: false, reason: 'Enter a whole number that is 0 or more' });
		expect(parseFieldValue({ ...units, min: undefined, max: 1_000_000 }, '2000000')).toEqual({
			ok: false,
			reason: 'Enter a whole number that is 1,000,000 or less'
		});
	});

	it('requires whole numbers for integer fields', () => {
		expect(parseFieldValue(units, '3')).toEqual({ ok: true, value: 3 });
		expect(parseFieldValue(units, '3.0')).toEqual({ ok: true, value: 3 });
		expect(parseFieldValue(units, '3.5').ok).toBe(false);
	});

	it('treats empty as null only when optional', () => {
		expect(parseFieldValue(price, '   ')).toEqual({ ok: true, value: null });
		expect(parseFieldValue(discount, '')).toEqual({ ok: false, reason: 'Enter a number between 0 and 100' });
	});

	it('round-trips random numbers through fieldText', () => {
		const random = seededRandom(7);
		for (let i = 0; i < 500; i++) {
			const n = (random() - 0.5) * 10 ** Math.floor(random() * 12);
			const r = parseFieldValue(price, fieldText(price, n));
			expect(r).toEqual({ ok: true, value: n === 0 ? 0 : n });
		}
	});
});

describe('parseFieldValue: other types', () => {
	it('matches categories ignoring case and spaces, returning the canonical spelling', () => {
		expect(parseFieldValue(channel, 'mobileapp')).toEqual({ ok: true, value: 'Mobile App' });
		expect(parseFieldValue(channel, ' WEB ')).toEqual({ ok: true, value: 'Web' });
		expect(parseFieldValue(channel, 'Phone')).toEqual({ ok: false, reason: 'Choose one of: Web, Mobile App, Store' });
		expect(parseFieldValue(channel, '')).toEqual({ ok: false, reason: 'Choose an option' });
		const many: ColumnSpec = { ...channel, categories: 'abcdefghij'.split('') };
		expect(parseFieldValue(many, 'z')).toEqual({ ok: false, reason: 'Choose one of the 10 listed options' });
	});

	it('reads yes/no words as booleans', () => {
		for (const w of ['true', 'Yes', 'y', '1', 'ON']) expect(parseFieldValue(promo, w)).toEqual({ ok: true, value: true });
		for (const w of ['false', 'NO', 'n', '0', 'off']) expect(parseFieldValue(promo, w)).toEqual({ ok: true, value: false });
		expect(parseFieldValue(promo, 'maybe')).toEqual({ ok: false, reason: 'Enter yes or no' });
	});

	it('accepts only real ISO dates', () => {
		expect(parseFieldValue(week, '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
		expect(parseFieldValue(week, '2023-02-29')).toEqual({ ok: false, reason: 'There is no such date. Enter a real date, e.g. 2024-03-04' });
		expect(parseFieldValue(week, '04/03/2024')).toEqual({ ok: false, reason: 'Enter a date as year-month-day, e.g. 2024-03-04' });
		expect(parseFieldValue(week, '2024-13-01').ok).toBe(false);
	});

	it('trims text and keeps it', () => {
		expect(parseFieldValue(note, '  hello  ')).toEqual({ ok: true, value: 'hello' });
		expect(parseFieldValue(note, '')).toEqual({ ok: true, value: null });
		expect(parseFieldValue({ ...note, required: true }, ' ')).toEqual({ ok: false, reason: 'Enter a value' });
	});
});

describe('fieldText', () => {
	it('shows null as empty and booleans as words the parser reads back', () => {
		expect(fieldText(price, null)).toBe('');
		expect(fieldText(price, undefined)).toBe('');
		expect(fieldText(promo, true)).toBe('true');
		expect(parseFieldValue(promo, fieldText(promo, false))).toEqual({ ok: true, value: false });
	});
});

describe('trainingRangeNote', () => {
	const range = { min: 2.1234, max: 9.8, p01: 2.5, p99: 9.5 };
	it('is null inside the range and for non-numbers', () => {
		expect(trainingRangeNote(2.1234, range)).toBeNull();
		expect(trainingRangeNote(9.8, range)).toBeNull();
		expect(trainingRangeNote('x', range)).toBeNull();
		expect(trainingRangeNote(50, undefined)).toBeNull();
	});
	it('names the rounded range when outside', () => {
		expect(trainingRangeNote(10, range)).toBe('Outside the training range 2.12–9.8: the model is extrapolating');
		expect(trainingRangeNote(1, range)).not.toBeNull();
	});
	it('rounds large range ends to whole numbers', () => {
		expect(formatRangeEnd(12345.678)).toBe('12,346');
		expect(formatRangeEnd(0.012345)).toBe('0.0123');
	});
});
