import { describe, expect, it } from 'vitest';
import { calendarForWeek, isIsoDate, monthOfWeek, parseUsDate, weekDays, weekOfDate, weekStart, type GmvCalendar } from './calendar';

const calendar: GmvCalendar = {
	saleDays: [
		{ date: '2015-07-18', name: 'Eid & Rathayatra sale' },
		{ date: '2015-07-19', name: 'Eid & Rathayatra sale' }
	],
	holidays: [{ date: '2015-07-18', name: 'Id-Ul-Fitr' }],
	monthlyNps: { '2015-07': 54.6, '2015-08': 60 },
	period: ['2015-07-01', '2016-06-30']
};

describe('weeks', () => {
	it('puts 1 July 2015 in week 1, which starts on Sunday 28 June', () => {
		expect(weekOfDate('2015-07-01')).toBe(1);
		expect(weekStart(1)).toBe('2015-06-28');
		expect(weekOfDate('2015-07-04')).toBe(1);
		expect(weekOfDate('2015-07-05')).toBe(2);
		expect(weekOfDate('2016-06-30')).toBe(53);
	});
	it('round-trips week numbers through dates', () => {
		for (let w = -3; w < 60; w++) expect(weekOfDate(weekStart(w))).toBe(w);
		expect(weekDays(10)).toHaveLength(7);
		expect(weekDays(10)[0]).toBe('2015-08-30');
	});
	it('gives a week the month of its Wednesday', () => {
		expect(monthOfWeek(10)).toBe('2015-09'); // 30 Aug .. 5 Sep: Wednesday 2 Sep
		expect(monthOfWeek(9)).toBe('2015-08');
	});
	it('finds sale days and holidays in a week', () => {
		const w3 = calendarForWeek(3, calendar); // 12..18 July
		expect(w3.saleDays.map((d) => d.date)).toEqual(['2015-07-18']);
		expect(w3.holidays).toHaveLength(1);
		expect(w3.nps).toBe(54.6);
		expect(calendarForWeek(4, calendar).saleDays).toHaveLength(1);
		expect(calendarForWeek(5, calendar).saleDays).toHaveLength(0);
		expect(calendarForWeek(80, calendar).covered).toBe(false);
	});
});

describe('dates', () => {
	it('parses the calendars\' M/D/YYYY dates and rejects impossible ones', () => {
		expect(parseUsDate('7/18/2015')).toBe('2015-07-18');
		expect(parseUsDate(' 12/1/2015 ')).toBe('2015-12-01');
		expect(parseUsDate('12/1/15')).toBe('2015-12-01');
		expect(() => parseUsDate('2/30/2016')).toThrow(/no such date/);
		expect(() => parseUsDate('2015-07-18')).toThrow(/M\/D\/YYYY/);
	});
	it('checks ISO dates', () => {
		expect(isIsoDate('2016-02-29')).toBe(true);
		expect(isIsoDate('2015-02-29')).toBe(false);
		expect(isIsoDate('2015-7-1')).toBe(false);
	});
});
