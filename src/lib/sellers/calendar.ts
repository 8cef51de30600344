/**
 * Days and months of the activity log. A day is a whole number of days since 1970-01-01 (the
 * calendar date as written in the file, read as UTC: nothing shifts with the reader's time zone); a
 * month is a whole number of months since 1970-01 (`2017-01` is month 564). Pure, no DOM.
 */
import { daysFromCivil, isLeapYear } from '../core/dates';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month1: number): number {
	return month1 === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month1 - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date: the one in core/dates. */
export const dayOf = daysFromCivil;

/** The (year, month 1-12, day 1-31) of a day number (Hinnant's `civil_from_days`). */
export function civilOf(day: number): [number, number, number] {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Month number (months since 1970-01) of a year and month 1-12. */
export function monthOf(year: number, month1: number): number {
	return (year - 1970) * 12 + month1 - 1;
}

/** The month a day falls in. */
export function monthOfDay(day: number): number {
	const [y, m] = civilOf(day);
	return monthOf(y, m);
}

/** First day of a month. */
export function monthStart(month: number): number {
	const y = 1970 + Math.floor(month / 12);
	return dayOf(y, month - (y - 1970) * 12 + 1, 1);
}

/** The day after the month's last day (the end, exclusive). */
export function monthEnd(month: number): number {
	return monthStart(month + 1);
}

/** `2017-01` for month 564. */
export function monthLabel(month: number): string {
	const y = 1970 + Math.floor(month / 12);
	const m = month - (y - 1970) * 12 + 1;
	return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** Month number of `2017-01` (or `2017-1`); NaN when it is not a month. */
export function parseMonth(text: string): number {
	const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
	if (!m) return NaN;
	const month = Number(m[2]);
	return month >= 1 && month <= 12 ? monthOf(Number(m[1]), month) : NaN;
}

/** `2017-01-31` for a day number. */
export function dayLabel(day: number): string {
	const [y, m, d] = civilOf(day);
	return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
