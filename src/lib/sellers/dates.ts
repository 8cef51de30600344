/**
 * ISO 8601 dates as activity exports write them, read by hand from a slice of text (this runs once
 * per event on files of a million lines): `2018-06-14`, `2018-06-14 10:22`, `2018-06-14T10:22:31`,
 * with fractions of a second, and with a zone (`Z`, `+02:00`, `+0200`, `+02`, `-05:00`). Also
 * `2018/06/14`. The result is the calendar day as written (days since 1970-01-01): a zone is checked
 * but not applied, so an event belongs to the marketplace's own day and month, and nothing shifts
 * with the reader's time zone. Pure, no DOM.
 */
import { dayOf, daysInMonth } from './calendar';

/**
 * Why a date could not be read, returned by `readIsoDay` in place of a day. Far below any day a
 * 4-digit year can give (days before 1970 are negative too), so `isDateError` tells them apart.
 */
export const DATE_NOT_ISO = -1e9;
export const DATE_NO_SUCH_DAY = -1e9 - 1;
export const DATE_BAD_TIME = -1e9 - 2;

export function isDateError(code: number): boolean {
	return code <= DATE_NOT_ISO;
}

const digit = (c: number) => c >= 48 && c <= 57;

/** Read `count` digits at `at`, or -1. */
function digits(text: string, at: number, count: number, end: number): number {
	if (at + count > end) return -1;
	let v = 0;
	for (let i = 0; i < count; i++) {
		const c = text.charCodeAt(at + i);
		if (!digit(c)) return -1;
		v = v * 10 + c - 48;
	}
	return v;
}

/**
 * The day of the ISO date in `text[start, end)` (surrounding spaces allowed), or an error code
 * (`isDateError`): DATE_NOT_ISO, DATE_NO_SUCH_DAY (e.g. 2018-02-30) or DATE_BAD_TIME (a time or zone
 * that is not one). Plausibility (e.g. no year 1899) is the reader's to judge.
 */
export function readIsoDay(text: string, start = 0, end = text.length): number {
	while (start < end && text.charCodeAt(start) <= 32) start++;
	while (end > start && text.charCodeAt(end - 1) <= 32) end--;
	const y = digits(text, start, 4, end);
	if (y < 0) return DATE_NOT_ISO;
	const sep = text.charCodeAt(start + 4);
	if (sep !== 45 && sep !== 47) return DATE_NOT_ISO; // - or /
	// Month and day: one or two digits each.
	let at = start + 5;
	let m = digits(text, at, 2, end);
	if (m >= 0 && text.charCodeAt(at + 2) === sep) at += 3;
	else if ((m = digits(text, at, 1, end)) >= 0 && text.charCodeAt(at + 1) === sep) at += 2;
	else return DATE_NOT_ISO;
	let d = digits(text, at, 2, end);
	if (d >= 0 && (at + 2 === end || !digit(text.charCodeAt(at + 2)))) at += 2;
	else if ((d = digits(text, at, 1, end)) >= 0 && (at + 1 === end || !digit(text.charCodeAt(at + 1)))) at += 1;
	else return DATE_NOT_ISO;
	if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return DATE_NO_SUCH_DAY;
	if (at < end && !readTime(text, at, end)) return DATE_BAD_TIME;
	return dayOf(y, m, d);
}

/** Whether `text[at, end)` is a time (after `T` or a space) with an optional zone. */
function readTime(text: string, at: number, end: number): boolean {
	const sep = text.charCodeAt(at);
	if (sep !== 84 && sep !== 116 && sep !== 32) return false; // T, t, space
	at++;
	while (at < end && text.charCodeAt(at) === 32) at++;
	const h = digits(text, at, 2, end);
	if (h < 0 || h > 24 || text.charCodeAt(at + 2) !== 58) return false;
	const min = digits(text, at + 3, 2, end);
	if (min < 0 || min > 59) return false;
	at += 5;
	if (at < end && text.charCodeAt(at) === 58) {
		const s = digits(text, at + 1, 2, end);
		if (s < 0 || s > 60) return false;
		at += 3;
		if (at < end && (text.charCodeAt(at) === 46 || text.charCodeAt(at) === 44)) {
			at++;
			const from = at;
			while (at < end && digit(text.charCodeAt(at))) at++;
			if (at === from) return false;
		}
	}
	if (at === end) return true;
	while (at < end && text.charCodeAt(at) === 32) at++;
	const z = text.charCodeAt(at);
	if (z === 90 || z === 122) return at + 1 === end; // Z
	if (z !== 43 && z !== 45) return false; // + or -
	const zh = digits(text, at + 1, 2, end);
	if (zh < 0 || zh > 14) return false;
	at += 3;
	if (at === end) return true;
	if (text.charCodeAt(at) === 58) at++;
	const zm = digits(text, at, 2, end);
	return zm >= 0 && zm <= 59 && at + 2 === end;
}

/** The reason for an error code of `readIsoDay`, in words. */
export function dateProblem(code: number): string {
	if (code === DATE_NO_SUCH_DAY) return 'is not a calendar date';
	if (code === DATE_BAD_TIME) return 'has a time or time zone that cannot be read';
	return 'is not an ISO date (write 2018-06-14, 2018-06-14 10:22 or 2018-06-14T10:22:31Z)';
}
