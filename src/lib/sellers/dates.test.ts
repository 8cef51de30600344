import { describe, expect, it } from 'vitest';
import { dayOf } from './calendar';
import { DATE_BAD_TIME, DATE_NOT_ISO, DATE_NO_SUCH_DAY, dateProblem, isDateError, readIsoDay } from './dates';

describe('readIsoDay', () => {
	const june14 = dayOf(2018, 6, 14);
	it.each([
		'2018-06-14',
		'2018-6-14',
		'2018/06/14',
		' 2018-06-14 ',
		'2018-06-14 10:22',
		'2018-06-14T10:22:31',
		'2018-06-14t10:22:31',
		'2018-06-14T10:22:31Z',
		'2018-06-14T10:22:31.123Z',
		'2018-06-14T10:22:31,5',
		'2018-06-14T23:59:59+02:00',
		'2018-06-14T00:30:00-05:00',
		'2018-06-14T00:30:00-0500',
		'2018-06-14T00:30:00+09',
		'2018-06-14 10:22:31 +01:00'
	])('reads %s as the day written', (text) => {
		expect(readIsoDay(text)).toBe(june14);
	});

	it('keeps the calendar day as written, whatever the zone', () => {
		expect(readIsoDay('2018-06-30T23:30:00-05:00')).toBe(dayOf(2018, 6, 30));
		expect(readIsoDay('2018-07-01T00:10:00+14:00')).toBe(dayOf(2018, 7, 1));
	});

	it('reads a slice of a longer text', () => {
		const line = 'u1,2018-06-14T10:22:31Z,order';
		expect(readIsoDay(line, 3, 23)).toBe(june14);
	});

	it.each([
		['14/06/2018', DATE_NOT_ISO],
		['06/14/2018', DATE_NOT_ISO],
		['20180614', DATE_NOT_ISO],
		['June 14, 2018', DATE_NOT_ISO],
		['', DATE_NOT_ISO],
		['2018-06', DATE_NOT_ISO],
		['2018-02-30', DATE_NO_SUCH_DAY],
		['2019-02-29', DATE_NO_SUCH_DAY],
		['2018-13-01', DATE_NO_SUCH_DAY],
		['2018-06-14T25:00', DATE_BAD_TIME],
		['2018-06-14T10:61', DATE_BAD_TIME],
		['2018-06-14T10:22:31X', DATE_BAD_TIME],
		['2018-06-14T10:22:31+2', DATE_BAD_TIME],
		['2018-06-14 noon', DATE_BAD_TIME],
		['2018-06-145', DATE_NOT_ISO]
	])('refuses %s', (text, code) => {
		expect(readIsoDay(text)).toBe(code);
		expect(dateProblem(code)).toMatch(/date|time/);
	});

	it('reads days before 1970 as negative days, never as an error', () => {
		expect(readIsoDay('1899-06-06')).toBe(dayOf(1899, 6, 6));
		expect(isDateError(readIsoDay('1899-06-06'))).toBe(false);
		expect(isDateError(readIsoDay('0001-01-01'))).toBe(false);
		expect(isDateError(DATE_NOT_ISO) && isDateError(DATE_NO_SUCH_DAY) && isDateError(DATE_BAD_TIME)).toBe(true);
	});

	it('accepts 29 February in leap years only', () => {
		expect(readIsoDay('2020-02-29')).toBe(dayOf(2020, 2, 29));
		expect(readIsoDay('2000-02-29')).toBe(dayOf(2000, 2, 29));
		expect(readIsoDay('1900-02-29')).toBe(DATE_NO_SUCH_DAY);
	});
});
