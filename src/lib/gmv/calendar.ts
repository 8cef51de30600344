/**
 * Weeks and calendars of the ElecKart year. Week 1 is the Sunday-to-Saturday week that holds
 * 1 July 2015 (it starts on Sunday 28 June 2015); the data's "Holiday.Sale" flag marks weeks with
 * at least one special-sale day. Dates are ISO strings (YYYY-MM-DD), computed in UTC.
 */

import { dateCodeToMs, isDayMonthCode, scanDate } from '../core/dates';

const DAY_MS = 86_400_000;
/** Sunday 28 June 2015: the first day of week 1. */
export const WEEK_ONE_START = '2015-06-28';

export interface CalendarDay {
	date: string;
	name: string;
}

/** What the artifact carries about the calendar of the training year. */
export interface GmvCalendar {
	/** Special-sale days. */
	saleDays: CalendarDay[];
	/** Public holidays. */
	holidays: CalendarDay[];
	/** Net promoter score by month, 'YYYY-MM' -> score. */
	monthlyNps: Record<string, number>;
	/** First and last day of the data. */
	period: [string, string];
}

function toTime(iso: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new Error(`not an ISO date: ${iso}`);
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function toIso(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** True when `text` is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	return toIso(toTime(text)) === text;
}

/** "7/18/2015" (month/day/year, as in the data's calendars) -> "2015-07-18", read by the one date reader (core/dates). */
export function parseUsDate(text: string): string {
	const code = scanDate(text);
	if (code < 0 || !isDayMonthCode(code)) throw new Error(`not a M/D/YYYY date, or no such date: "${text}"`);
	const ms = dateCodeToMs(code, 'month-first');
	if (ms !== ms) throw new Error(`no such date: "${text}"`);
	return new Date(ms).toISOString().slice(0, 10);
}

/** The week number that holds a date (may be < 1 or > 53 outside the training year). */
export function weekOfDate(iso: string): number {
	return Math.floor((toTime(iso) - toTime(WEEK_ONE_START)) / (7 * DAY_MS)) + 1;
}

/** The Sunday that starts a week. */
export function weekStart(week: number): string {
	return toIso(toTime(WEEK_ONE_START) + (week - 1) * 7 * DAY_MS);
}

/** The seven days of a week, Sunday first. */
export function weekDays(week: number): string[] {
	const start = toTime(weekStart(week));
	return Array.from({ length: 7 }, (_, i) => toIso(start + i * DAY_MS));
}

/** The month ('YYYY-MM') a week belongs to: the month of its Wednesday. */
export function monthOfWeek(week: number): string {
	return weekDays(week)[3].slice(0, 7);
}

/** Sale days and holidays falling in a week, and the month's NPS when the calendar knows it. */
export function calendarForWeek(week: number, calendar: GmvCalendar) {
	const days = new Set(weekDays(week));
	const month = monthOfWeek(week);
	const [first, last] = calendar.period;
	const covered = weekDays(week).some((d) => d >= first && d <= last);
	return {
		week,
		month,
		start: weekStart(week),
		/** Whether the week lies in the calendars' year; outside it, sale days are unknown. */
		covered,
		saleDays: calendar.saleDays.filter((d) => days.has(d.date)),
		holidays: calendar.holidays.filter((d) => days.has(d.date)),
		nps: calendar.monthlyNps[month] as number | undefined
	};
}
