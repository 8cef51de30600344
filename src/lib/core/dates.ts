/**
 * The one date reader of every tool: dates as exports really write them, read by hand (no
 * `new Date(string)`, no regular expressions: this runs once per line on files of half a million lines):
 *
 *   2010-12-01 08:26:00    year first (also 2010/12/01, 2010.12.01, a `T` before the time)
 *   12/1/2010 8:26         month first (US exports)
 *   01/12/2010 08:26       day first (European exports; also 01.12.2010 and 01-12-2010)
 *   1-Dec-2010, 01 December 2010, Dec 1, 2010, December 1 2010
 *                          month names in English, short or long, any case (also Sept)
 *
 * with or without seconds (and fractions of a second), with or without a time, with AM/PM, with a
 * two-digit year (`12/1/10`: 00-69 -> 20xx, 70-99 -> 19xx), and a trailing `Z` (ignored). Times are
 * kept as written: the result is milliseconds since 1970-01-01 of that wall-clock time read as UTC,
 * so nothing shifts with the reader's time zone or daylight saving.
 *
 * Whether `01/12/2010` is 1 December or 12 January cannot be told from the value alone, so reading
 * happens in two steps: `scanDate` packs the numbers as written into one number (a "date code")
 * without deciding, and `dateCodeToMs` resolves a code once the order is known. The order is
 * decided from the whole file (`detectDateOrder`, or incrementally with `DateOrderEvidence`): a first
 * field above 12 proves day-first, a second field above 12 proves month-first; when every value is 12
 * or less, by plausibility (a reading that keeps the dates within a month beats one that spreads the
 * same few dates over three months or more), and only when that cannot tell either, the page asks
 * the user. Pure, no DOM.
 */

/** The date styles this reader understands, for messages when a column cannot be read. */
export const DATE_STYLES_UNDERSTOOD =
	'2010-12-01, 12/1/2010, 01/12/2010, 01.12.2010, 1-Dec-2010, 01 December 2010, Dec 1, 2010; two- or four-digit years; with or without a time (08:26, 08:26:00, 8:26 PM)';

/** How a file writes its dates. 'iso': year first (no question to ask). */
export type DateOrder = 'iso' | 'month-first' | 'day-first' | 'ambiguous';
/** The two readings of a day/month date. */
export type SlashOrder = 'month-first' | 'day-first';

export const MS_PER_DAY = 86_400_000;

/** `scanDate`'s answer for text that is not a date in any accepted form. */
export const UNREADABLE_DATE = -1;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
	return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** Whether (y, m, d) is a calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]) return false;
	return m !== 2 || d !== 29 || isLeapYear(y);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/*
 * A date code packs what was written: code = (((year * 32 + a) * 32 + b) * MS_PER_DAY + msOfDay) * 2 + kind.
 * kind 0: year first, a = month, b = day (already certain). kind 1: day/month, a = first field,
 * b = second field (order unknown). Years 0-9999 keep every code below 2^51, so the arithmetic is exact.
 */
const KIND_SLASH = 1;

function packDate(year: number, a: number, b: number, msOfDay: number, kind: number): number {
	return (((year * 32 + a) * 32 + b) * MS_PER_DAY + msOfDay) * 2 + kind;
}

/** The parts of a date code: [year, a, b, msOfDay, kind]. */
export function unpackDateCode(code: number): [number, number, number, number, number] {
	const kind = code % 2;
	let rest = (code - kind) / 2;
	const msOfDay = rest % MS_PER_DAY;
	rest = (rest - msOfDay) / MS_PER_DAY;
	const b = rest % 32;
	rest = (rest - b) / 32;
	const a = rest % 32;
	return [(rest - a) / 32, a, b, msOfDay, kind];
}

/** Whether a code was written day/month (its order needs deciding). */
export function isDayMonthCode(code: number): boolean {
	return code % 2 === KIND_SLASH;
}

// The scanner's cursor, kept in a module variable so scanning allocates nothing.
let pos = 0;

/** Read a run of at most `max` ASCII digits at `pos` and return its value (pos - start says how many). */
function readNumber(s: string, max: number): number {
	let value = 0;
	const end = Math.min(s.length, pos + max);
	while (pos < end) {
		const c = s.charCodeAt(pos) - 48;
		if (c < 0 || c > 9) break;
		value = value * 10 + c;
		pos++;
	}
	return value;
}

function skipSpaces(s: string): void {
	while (pos < s.length && s.charCodeAt(pos) === 32) pos++;
}

/**
 * The time after a date, from `pos` to the end: `H:MM`, `H:MM:SS`, `H:MM:SS.fff`, each with an optional
 * AM/PM and an optional trailing Z; or nothing. Milliseconds of the day, or -1.
 */
function readTime(s: string): number {
	const len = s.length;
	if (pos === len) return 0;
	const sep = s.charCodeAt(pos);
	if (sep === 84 || sep === 116) pos++; // T or t
	else if (sep === 32) skipSpaces(s);
	else return -1;
	if (pos === len) return 0;
	let start = pos;
	let hour = readNumber(s, 2);
	if (pos === start || s.charCodeAt(pos) !== 58) return -1;
	start = ++pos;
	const minute = readNumber(s, 2);
	if (pos - start !== 2 || minute > 59) return -1;
	let second = 0;
	let ms = 0;
	if (s.charCodeAt(pos) === 58) {
		start = ++pos;
		second = readNumber(s, 2);
		if (pos - start !== 2 || second > 59) return -1;
		if (s.charCodeAt(pos) === 46) {
			start = ++pos;
			const fraction = readNumber(s, 3);
			const n = pos - start;
			if (n === 0) return -1;
			ms = n === 1 ? fraction * 100 : n === 2 ? fraction * 10 : fraction;
			readNumber(s, 9); // further digits: below a millisecond
		}
	}
	skipSpaces(s);
	if (pos < len) {
		const c0 = s.charCodeAt(pos) | 32;
		if ((c0 === 97 || c0 === 112) && (s.charCodeAt(pos + 1) | 32) === 109) {
			// AM / PM: 12 AM is midnight, 12 PM noon.
			if (hour < 1 || hour > 12) return -1;
			hour = c0 === 112 ? (hour % 12) + 12 : hour % 12;
			pos += 2;
			skipSpaces(s);
		}
	}
	if (pos < len && (s.charCodeAt(pos) | 32) === 122) pos++; // Z
	if (pos !== len || hour > 23) return -1;
	return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Month names as pages write them: 'Jan' ... 'Dec'. */
export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isLetter(c: number): boolean {
	const l = c | 32;
	return l >= 97 && l <= 122;
}

/** A month name at `pos` (3 letters, the full name, or "sept"; any case): 1-12, or 0. */
function readMonthName(s: string): number {
	const start = pos;
	while (pos < s.length && isLetter(s.charCodeAt(pos))) pos++;
	const word = s.slice(start, pos).toLowerCase();
	if (word.length < 3) return 0;
	for (let m = 0; m < 12; m++) {
		const name = MONTH_NAMES[m];
		if (word === name || word === name.slice(0, 3) || (m === 8 && word === 'sept')) return m + 1;
	}
	return 0;
}

/** Skip one separator between date parts: spaces, or one of - / . with spaces around. Whether one was there. */
function skipDatePartSeparator(s: string): boolean {
	const from = pos;
	skipSpaces(s);
	const c = s.charCodeAt(pos);
	if (c === 45 || c === 47 || c === 46) {
		pos++;
		skipSpaces(s);
	}
	return pos > from;
}

/** A year of 4 digits, or 2 (00-69 -> 20xx, 70-99 -> 19xx), at `pos`; -1 when neither. */
function readYear(s: string): number {
	const start = pos;
	const y = readNumber(s, 4);
	const n = pos - start;
	if (n === 4) return y;
	if (n === 2) return y < 70 ? 2000 + y : 1900 + y;
	return -1;
}

/** The rest of a date whose month is a name: a certain (year-first kind) code, or UNREADABLE_DATE. */
function finishNamedDate(s: string, year: number, month: number, day: number): number {
	if (year < 0 || month === 0 || !isCalendarDate(year, month, day)) return UNREADABLE_DATE;
	const msOfDay = readTime(s);
	if (msOfDay < 0) return UNREADABLE_DATE;
	return packDate(year, month, day, msOfDay, 0);
}

/** "1-Dec-2010", "01 December 2010", "1 dec 10 8:26": the day (already read) before the month name. */
function scanDayMonthName(s: string, day: number): number {
	if (!skipDatePartSeparator(s)) return UNREADABLE_DATE;
	const month = readMonthName(s);
	if (month === 0 || !skipDatePartSeparator(s)) return UNREADABLE_DATE;
	return finishNamedDate(s, readYear(s), month, day);
}

/** "Dec 1, 2010", "December 01 2010", "dec-1-10": the month name first. */
function scanMonthFirstName(s: string): number {
	const month = readMonthName(s);
	if (month === 0 || !skipDatePartSeparator(s)) return UNREADABLE_DATE;
	const start = pos;
	const day = readNumber(s, 2);
	if (pos === start) return UNREADABLE_DATE;
	if (s.charCodeAt(pos) === 44) pos++; // a comma after the day
	if (!skipDatePartSeparator(s)) return UNREADABLE_DATE;
	return finishNamedDate(s, readYear(s), month, day);
}

/**
 * Pack a written date (and time) into a date code without deciding day/month order, or return
 * UNREADABLE_DATE. A day/month value is accepted when at least one reading is a calendar date.
 * Leading and trailing spaces are allowed.
 */
export function scanDate(text: string): number {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
	const s = end === text.length ? text : text.slice(0, end);
	pos = 0;
	skipSpaces(s);
	if (isLetter(s.charCodeAt(pos))) return scanMonthFirstName(s);
	let start = pos;
	const f1 = readNumber(s, 4);
	const n1 = pos - start;
	if (n1 === 0) return UNREADABLE_DATE;
	if (n1 <= 2 && (s.charCodeAt(pos) === 32 || isLetter(s.charCodeAt(pos + 1)))) return scanDayMonthName(s, f1);
	const sep = s.charCodeAt(pos);
	if (sep !== 45 && sep !== 47 && sep !== 46) return UNREADABLE_DATE; // - / .
	start = ++pos;
	const f2 = readNumber(s, 2);
	if (pos === start || s.charCodeAt(pos) !== sep) return UNREADABLE_DATE;
	start = ++pos;
	const f3 = readNumber(s, 4);
	const n3 = pos - start;
	if (n3 === 0) return UNREADABLE_DATE;
	const msOfDay = readTime(s);
	if (msOfDay < 0) return UNREADABLE_DATE;
	if (n1 === 4) {
		if (n3 > 2 || !isCalendarDate(f1, f2, f3)) return UNREADABLE_DATE;
		return packDate(f1, f2, f3, msOfDay, 0);
	}
	if (n1 > 2 || (n3 !== 4 && n3 !== 2)) return UNREADABLE_DATE;
	const year = n3 === 4 ? f3 : f3 < 70 ? 2000 + f3 : 1900 + f3;
	if (!isCalendarDate(year, f1, f2) && !isCalendarDate(year, f2, f1)) return UNREADABLE_DATE;
	return packDate(year, f1, f2, msOfDay, KIND_SLASH);
}

/**
 * Milliseconds since the epoch (UTC, as written) of a date code read in `order`, or NaN when that
 * reading is not a calendar date. Year-first codes ignore `order`. With 'iso' or 'ambiguous', a
 * day/month code resolves only when the value itself proves its order (a field above 12).
 */
export function dateCodeToMs(code: number, order: DateOrder): number {
	if (code < 0) return NaN;
	const [year, a, b, msOfDay, kind] = unpackDateCode(code);
	let month = a;
	let day = b;
	if (kind === KIND_SLASH) {
		const dayFirst = order === 'day-first' || ((order === 'iso' || order === 'ambiguous') && a > 12 && b <= 12);
		const monthFirst = order === 'month-first' || ((order === 'iso' || order === 'ambiguous') && b > 12 && a <= 12);
		if (dayFirst) {
			month = b;
			day = a;
		} else if (!monthFirst) return NaN;
	}
	if (!isCalendarDate(year, month, day)) return NaN;
	return daysFromCivil(year, month, day) * MS_PER_DAY + msOfDay;
}

/** Read one date in a known order: milliseconds since the epoch (UTC, as written), or NaN. */
export function parseInvoiceDate(text: string, order: DateOrder = 'ambiguous'): number {
	const code = scanDate(text);
	return code < 0 ? NaN : dateCodeToMs(code, order);
}

/** The date code of a moment (milliseconds since the epoch, UTC): what a year-first text of it scans to. */
export function msToDateCode(ms: number): number {
	if (!Number.isFinite(ms)) return UNREADABLE_DATE;
	const date = new Date(ms);
	const year = date.getUTCFullYear();
	if (year < 0 || year > 9999) return UNREADABLE_DATE;
	const day = Math.floor(ms / MS_PER_DAY);
	return packDate(year, date.getUTCMonth() + 1, date.getUTCDate(), ms - day * MS_PER_DAY, 0);
}

/** A `DateOrderEvidence` as plain data. */
export interface DateOrderVotes {
	yearFirst: number;
	dayMonth: number;
	firstAbove12: number;
	secondAbove12: number;
	/** [key, votes] of the values that prove nothing (absent: none counted). */
	ambiguous?: [number, number][];
}

/**
 * What the dates of a file say about their order, counted as they are read. Only day/month values
 * vote; a value with both fields at 12 or less proves nothing.
 */
export class DateOrderEvidence {
	/** Readable dates written year first. */
	yearFirst = 0;
	/** Readable dates written day/month or month/day. */
	dayMonth = 0;
	/** Day/month values whose first field is above 12 (so the first field is the day). */
	firstAbove12 = 0;
	/** Day/month values whose second field is above 12 (so the first field is the month). */
	secondAbove12 = 0;
	/** Votes per distinct day/month value that proves nothing (both fields 12 or less), keyed year * 1024 + a * 32 + b. */
	ambiguous = new Map<number, number>();

	/** Count one date code (UNREADABLE_DATE is ignored). */
	add(code: number): void {
		if (code < 0) return;
		if (code % 2 !== KIND_SLASH) {
			this.yearFirst++;
			return;
		}
		this.dayMonth++;
		// Cheap unpack of the two fields only.
		const fields = Math.floor(code / (2 * MS_PER_DAY));
		const b = fields % 32;
		const a = Math.floor(fields / 32) % 32;
		if (a > 12) this.firstAbove12++;
		if (b > 12) this.secondAbove12++;
		if (a <= 12 && b <= 12) {
			const key = Math.floor(fields / 1024) * 1024 + a * 32 + b;
			this.ambiguous.set(key, (this.ambiguous.get(key) ?? 0) + 1);
		}
	}

	/** Take back one vote counted by `add` (when two halves of a file read apart counted one run twice). */
	remove(code: number): void {
		if (code < 0) return;
		if (code % 2 !== KIND_SLASH) {
			this.yearFirst--;
			return;
		}
		this.dayMonth--;
		const fields = Math.floor(code / (2 * MS_PER_DAY));
		if (fields % 32 > 12) this.secondAbove12--;
		if (Math.floor(fields / 32) % 32 > 12) this.firstAbove12--;
		if (fields % 32 <= 12 && Math.floor(fields / 32) % 32 <= 12) {
			const left = (this.ambiguous.get(fields) ?? 0) - 1;
			if (left > 0) this.ambiguous.set(fields, left);
			else this.ambiguous.delete(fields);
		}
	}

	/** The tally as plain data (to send from a worker and `merge` elsewhere). */
	toJSON(): DateOrderVotes {
		return { yearFirst: this.yearFirst, dayMonth: this.dayMonth, firstAbove12: this.firstAbove12, secondAbove12: this.secondAbove12, ambiguous: [...this.ambiguous] };
	}

	/** Add the votes of another tally. */
	merge(other: DateOrderVotes): void {
		this.yearFirst += other.yearFirst;
		this.dayMonth += other.dayMonth;
		this.firstAbove12 += other.firstAbove12;
		this.secondAbove12 += other.secondAbove12;
		for (const [key, n] of other.ambiguous ?? []) this.ambiguous.set(key, (this.ambiguous.get(key) ?? 0) + n);
	}

	/**
	 * When no value proves the order: the reading that keeps the distinct dates within a month
	 * (at most 31 days apart) while the other spreads them over at least three months, with the
	 * spans in words; null when both readings are alike (then the person is asked).
	 */
	get plausible(): { order: SlashOrder; why: string } | null {
		if (this.ambiguous.size < 3) return null;
		const spread = (dayFirst: boolean) => {
			let min = Infinity;
			let max = -Infinity;
			const months = new Set<number>();
			for (const key of this.ambiguous.keys()) {
				const year = Math.floor(key / 1024);
				const a = Math.floor(key / 32) % 32;
				const b = key % 32;
				const [month, day] = dayFirst ? [b, a] : [a, b];
				if (!isCalendarDate(year, month, day)) continue;
				const d = daysFromCivil(year, month, day);
				if (d < min) min = d;
				if (d > max) max = d;
				months.add(year * 12 + month);
			}
			return { span: max - min, months: months.size };
		};
		const dayFirst = spread(true);
		const monthFirst = spread(false);
		const n = this.ambiguous.size;
		const words = (s: { span: number; months: number }, order: string) =>
			`read ${order} they would spread ${n} different dates over ${s.months} months (${s.span + 1} days)`;
		if (dayFirst.span <= 31 && monthFirst.months >= 3)
			return { order: 'day-first', why: `read day first the ${n} different dates fall within ${dayFirst.span + 1} days; ${words(monthFirst, 'month first')}` };
		if (monthFirst.span <= 31 && dayFirst.months >= 3)
			return { order: 'month-first', why: `read month first the ${n} different dates fall within ${monthFirst.span + 1} days; ${words(dayFirst, 'day first')}` };
		return null;
	}

	/**
	 * The order the evidence supports. No day/month values: 'iso'. Proof one way only: that order.
	 * No proof: 'ambiguous' (ask the user). Proof both ways (a file mixing the two): the order more
	 * values prove; the values written the other way then fail to read and are reported. A tie is
	 * 'ambiguous'.
	 */
	get order(): DateOrder {
		if (this.dayMonth === 0) return 'iso';
		if (this.firstAbove12 > this.secondAbove12) return 'day-first';
		if (this.secondAbove12 > this.firstAbove12) return 'month-first';
		if (this.firstAbove12 === 0) return this.plausible?.order ?? 'ambiguous';
		return 'ambiguous';
	}
}

/** Decide the date order of a file from sample date texts (unreadable texts are ignored). */
export function detectDateOrder(samples: readonly string[]): DateOrder {
	const evidence = new DateOrderEvidence();
	for (const text of samples) evidence.add(scanDate(text));
	return evidence.order;
}

/** Both readings of a day/month date, for asking the user: null where a reading is not a date. */
export function readingsOf(text: string): { monthFirst: number | null; dayFirst: number | null } {
	const code = scanDate(text);
	const monthFirst = dateCodeToMs(code, 'month-first');
	const dayFirst = dateCodeToMs(code, 'day-first');
	return { monthFirst: monthFirst === monthFirst ? monthFirst : null, dayFirst: dayFirst === dayFirst ? dayFirst : null };
}
