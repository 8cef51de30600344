/**
 * Values no genuine file holds, found and named so they are reported by row and kept out of an
 * analysis instead of silently dominating it. Three rules, each chosen to leave real data alone
 * (the full UCI Online Retail file, 541,909 lines, has no line any of them flags):
 *
 *   overflow  arithmetic on the line's values overflows: e.g. quantity × unit price is not a finite
 *             number (1e200 × 1e200).
 *   date      a date before 1990-01-01 or from 2100-01-01 on (sentinels such as 1900-01-00, the
 *             epoch 1970-01-01 or 9999-12-31, and typing errors), or a date further from the bulk
 *             of the file's dates than the bulk is long: the bulk runs from the 1st to the 99th
 *             percentile of the dates (at least one date trimmed at each end), and the window
 *             around it is as wide as the bulk, and at least 365 days, on each side. One line dated
 *             2099-12-09 in a file of 2010-2011 is far outside; a thin tail of genuine older orders
 *             in a growing shop's history is not (it lies within a bulk's length of the bulk).
 *   outlier   a magnitude of at least 1e15 (a thousand trillion: no quantity, price or amount in a
 *             real file reaches it), or more than a million times (six orders of magnitude) the
 *             median magnitude of its column, once the column has 5 non-zero values. Heavy-tailed
 *             sales data span far less: the largest genuine quantity in Online Retail, 80,995, is
 *             27,000 times its median of 3; the largest line value 17,000 times its median.
 *
 * Tallies are streaming and cheap (fixed histograms, no sorting, no logarithms), so they run over
 * half a million lines in a few milliseconds. Pure, no DOM.
 */
import { formatCountPlain, plainNumber, roundedNumber } from './numberText';

const ABSURD_WRITTEN = '1,000,000,000,000,000';

/** Magnitudes from here on are implausible in any column. */
export const ABSURD_MAGNITUDE = 1e15;
/** A magnitude more than this many times its column's median magnitude is an extreme outlier. */
export const OUTLIER_FACTOR = 1e6;
/** Non-zero values a column needs before the relative outlier rule applies. */
export const MIN_VALUES_FOR_OUTLIERS = 5;

export const MS_PER_DAY = 86_400_000;
/** The earliest plausible date (inclusive) and the first implausible one after the window. */
export const EARLIEST_PLAUSIBLE_DATE = '1990-01-01';
export const LATEST_PLAUSIBLE_DATE = '2100-01-01';
const EARLIEST_DAY = Date.UTC(1990, 0, 1) / MS_PER_DAY;
const LATEST_DAY = Date.UTC(2100, 0, 1) / MS_PER_DAY;
/** Share of dates trimmed at each end to find the bulk (at least one date). */
export const DATE_TRIM_SHARE = 0.01;
/** The window extends the bulk by its own length on each side, and by at least this many days. */
export const MIN_DATE_MARGIN_DAYS = 365;

/** Why a line is implausible. */
export type ImplausibleRule = 'overflow' | 'date' | 'outlier';
export type ImplausibleCounts = Record<ImplausibleRule, number>;

export function noImplausible(): ImplausibleCounts {
	return { overflow: 0, date: 0, outlier: 0 };
}

/** Each rule in words, with its threshold, for pages and model cards. */
export const PLAUSIBILITY_RULES: Readonly<Record<ImplausibleRule, string>> = {
	overflow: 'Arithmetic on the values overflows (e.g. quantity × unit price is too large for a computer to hold)',
	date:
		'A date before 1990 or from 2100 on, or further from the bulk of the file’s dates (1st to 99th percentile) than the bulk is long, and at least a year',
	outlier:
		'A value of 1,000,000,000,000,000 or more, or over a million times the typical (median) size of its column: six orders of magnitude, where real sales data span about four'
};

// Magnitude histogram without logarithms: a double's exponent and the top 4 bits of its mantissa
// pick one of 16 bins per factor of two (bins 4.4% wide), over the whole range of doubles.
const SUB_BITS = 4;
const BINS = 2048 << SUB_BITS;
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
/** Index of the 32-bit word holding the sign, exponent and top of the mantissa. */
const HIGH = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

function binOf(a: number): number {
	word[0] = a;
	return (words[HIGH] >>> (20 - SUB_BITS)) & (BINS - 1);
}

/** The largest magnitude that falls in bin `b` (its upper edge). */
function binTop(b: number): number {
	const exponent = b >>> SUB_BITS;
	const sub = b & ((1 << SUB_BITS) - 1);
	return 2 ** (exponent - 1023) * (1 + (sub + 1) / (1 << SUB_BITS));
}

/** The magnitudes of a column's non-zero values, as a histogram (streaming, mergeable). */
export class MagnitudeTally {
	readonly bins = new Int32Array(BINS);
	count = 0;
	/** The median as of `medianAt` values: screening asks for it once per value, so it is kept until a value is added. */
	private cachedMedian = NaN;
	private medianAt = -1;

	add(x: number): void {
		if (x === 0 || x !== x) return;
		this.bins[binOf(x < 0 ? -x : x)]++;
		this.count++;
	}

	merge(other: MagnitudeTally): void {
		for (let b = 0; b < BINS; b++) this.bins[b] += other.bins[b];
		this.count += other.count;
		this.medianAt = -1;
	}

	/** The median magnitude, rounded up to its bin's upper edge (at most 6.25% above); NaN with no values. */
	median(): number {
		if (this.medianAt !== this.count) {
			this.cachedMedian = this.scanMedian();
			this.medianAt = this.count;
		}
		return this.cachedMedian;
	}

	private scanMedian(): number {
		if (this.count === 0) return NaN;
		const half = Math.ceil(this.count / 2);
		let seen = 0;
		for (let b = 0; b < BINS; b++) {
			seen += this.bins[b];
			if (seen >= half) return binTop(b);
		}
		return NaN;
	}

	/** The magnitude from which values are implausible: ABSURD_MAGNITUDE, or less by the relative rule. */
	limit(): number {
		if (this.count < MIN_VALUES_FOR_OUTLIERS) return ABSURD_MAGNITUDE;
		return Math.min(ABSURD_MAGNITUDE, this.median() * OUTLIER_FACTOR);
	}
}

/**
 * Why a value is an extreme outlier in its column (`what`: "quantity", "unit price", …), or null.
 * `tally` holds the column's values (this one included).
 */
export function outlierReason(x: number, tally: MagnitudeTally, what: string): string | null {
	const a = x < 0 ? -x : x;
	if (a >= ABSURD_MAGNITUDE) return `is implausibly large: at least ${ABSURD_WRITTEN} (a thousand trillion), which no real ${what} reaches`;
	if (a <= tally.limit()) return null;
	return `is implausibly large: ${plainNumber(x)} is over a million times the typical ${what} in this file (${roundedNumber(tally.median())})`;
}

/** Why `a × b` cannot be used (it overflows), or null when it is a finite number. */
export function overflowReason(a: number, b: number, what: string): string | null {
	const product = a * b;
	return product - product === 0 ? null : `${what} is too large to compute with (the result overflows)`;
}

/** The range of dates taken as plausible, in days since 1970-01-01 (UTC), and the bulk it was built around. */
export interface DateWindow {
	/** First and last plausible day (inclusive). */
	fromDay: number;
	toDay: number;
	/** The bulk of the file's dates (1st to 99th percentile), or null when there were too few dates. */
	bulk: { fromDay: number; toDay: number } | null;
}

/** The days of a file's dates, as a histogram over the hard window 1990-2099 (streaming). */
export class DateTally {
	private readonly days = new Int32Array(LATEST_DAY - EARLIEST_DAY);
	/** Dates counted inside the hard window. */
	count = 0;

	/** Count one date (milliseconds since the epoch, UTC), `times` times; dates outside 1990-2099 are not counted. */
	add(ms: number, times = 1): void {
		const day = Math.floor(ms / MS_PER_DAY);
		if (!(day >= EARLIEST_DAY && day < LATEST_DAY)) return;
		this.days[day - EARLIEST_DAY] += times;
		this.count += times;
	}

	/** The day at 0-based rank `k` among the counted dates. */
	private dayAt(k: number): number {
		let seen = 0;
		const days = this.days;
		for (let d = 0; d < days.length; d++) {
			seen += days[d];
			if (seen > k) return EARLIEST_DAY + d;
		}
		return LATEST_DAY - 1;
	}

	/** The plausible window (see the module comment). With fewer than 3 dates, only the hard limits. */
	window(): DateWindow {
		const n = this.count;
		if (n < 3) return { fromDay: EARLIEST_DAY, toDay: LATEST_DAY - 1, bulk: null };
		const trim = Math.max(1, Math.floor(DATE_TRIM_SHARE * n));
		const fromDay = this.dayAt(trim);
		const toDay = this.dayAt(n - 1 - trim);
		const margin = Math.max(MIN_DATE_MARGIN_DAYS, toDay - fromDay);
		return {
			fromDay: Math.max(EARLIEST_DAY, fromDay - margin),
			toDay: Math.min(LATEST_DAY - 1, toDay + margin),
			bulk: { fromDay, toDay }
		};
	}
}

/** A day number as YYYY-MM-DD. */
export function isoDay(day: number): string {
	const d = new Date(day * MS_PER_DAY);
	const y = d.getUTCFullYear();
	const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
	return `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Why a date (milliseconds since the epoch, UTC) is implausible for a file with this window, or null. */
export function dateReason(ms: number, window: DateWindow): string | null {
	const day = Math.floor(ms / MS_PER_DAY);
	if (day >= window.fromDay && day <= window.toDay) return null;
	const written = Number.isFinite(ms) ? isoDay(day) : 'this date';
	if (!(day >= EARLIEST_DAY && day < LATEST_DAY)) {
		return `${written} is not a plausible date for this data (before ${EARLIEST_PLAUSIBLE_DATE} or from ${LATEST_PLAUSIBLE_DATE} on)`;
	}
	const bulk = window.bulk;
	const most = bulk ? `most of the file's dates lie between ${isoDay(bulk.fromDay)} and ${isoDay(bulk.toDay)}` : 'it is far from the other dates';
	return `${written} is far outside the file's dates (${most}; dates before ${isoDay(window.fromDay)} or after ${isoDay(window.toDay)} are taken as errors)`;
}

/** "3 lines left out as implausible: 1 …, 2 …." or null when there were none. */
export function implausibleNote(counts: ImplausibleCounts, rowWord = 'row'): string | null {
	const total = counts.overflow + counts.date + counts.outlier;
	if (total === 0) return null;
	const parts: string[] = [];
	if (counts.date > 0) parts.push(`${formatCountPlain(counts.date)} with a date far outside the file's dates`);
	if (counts.overflow > 0) parts.push(`${formatCountPlain(counts.overflow)} with values too large to compute with`);
	if (counts.outlier > 0) parts.push(`${formatCountPlain(counts.outlier)} with an extreme value (over a million times its column's typical size)`);
	const rows = `${formatCountPlain(total)} ${rowWord}${total === 1 ? '' : 's'}`;
	return `${rows} left out as implausible: ${parts.join(', ')}. They are listed with the other problems.`;
}
