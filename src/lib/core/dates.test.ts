import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';
import {
	DATE_STYLES_UNDERSTOOD,
	DateOrderEvidence,
	UNREADABLE_DATE,
	daysFromCivil,
	dateCodeToMs,
	detectDateOrder,
	isCalendarDate,
	msToDateCode,
	parseInvoiceDate,
	readingsOf,
	scanDate
} from './dates';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, mi, s, ms);

describe('parseInvoiceDate', () => {
	it('reads year-first dates with and without seconds', () => {
		expect(parseInvoiceDate('2010-12-01 08:26:00')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('2010-12-01 08:26')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('2011-12-09 12:50:59')).toBe(utc(2011, 12, 9, 12, 50, 59));
		expect(parseInvoiceDate('2010-12-01T08:26:00Z')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('2010/12/01 8:26')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('2010-12-01')).toBe(utc(2010, 12, 1));
		expect(parseInvoiceDate('2010-12-01 08:26:00.25')).toBe(utc(2010, 12, 1, 8, 26, 0, 250));
		expect(parseInvoiceDate('  2010-12-01 08:26:00 ')).toBe(utc(2010, 12, 1, 8, 26));
	});

	it('reads month-first and day-first dates in the order given', () => {
		expect(parseInvoiceDate('12/1/2010 8:26', 'month-first')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('12/1/2010 8:26', 'day-first')).toBe(utc(2010, 1, 12, 8, 26));
		expect(parseInvoiceDate('01/12/2010 08:26', 'day-first')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('01/12/2010 08:26:30', 'day-first')).toBe(utc(2010, 12, 1, 8, 26, 30));
		expect(parseInvoiceDate('01.12.2010 08:26', 'day-first')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('01-12-2010', 'day-first')).toBe(utc(2010, 12, 1));
		// Year-first dates ignore the order.
		expect(parseInvoiceDate('2010-12-01 08:26', 'day-first')).toBe(utc(2010, 12, 1, 8, 26));
	});

	it('reads AM/PM and two-digit years', () => {
		expect(parseInvoiceDate('12/1/2010 8:26 PM', 'month-first')).toBe(utc(2010, 12, 1, 20, 26));
		expect(parseInvoiceDate('12/1/2010 12:05 AM', 'month-first')).toBe(utc(2010, 12, 1, 0, 5));
		expect(parseInvoiceDate('12/1/2010 12:05 pm', 'month-first')).toBe(utc(2010, 12, 1, 12, 5));
		expect(parseInvoiceDate('12/1/10 8:26', 'month-first')).toBe(utc(2010, 12, 1, 8, 26));
		expect(parseInvoiceDate('12/1/99', 'month-first')).toBe(utc(1999, 12, 1));
	});

	it('resolves a day/month date without an order only when the value proves it', () => {
		expect(parseInvoiceDate('13/12/2010 08:26')).toBe(utc(2010, 12, 13, 8, 26));
		expect(parseInvoiceDate('12/13/2010 08:26')).toBe(utc(2010, 12, 13, 8, 26));
		expect(parseInvoiceDate('01/12/2010 08:26')).toBeNaN();
	});

	it('rejects what is not a date', () => {
		for (const text of [
			'',
			'abc',
			'2010-13-01',
			'2010-02-29',
			'2010-12-01 24:00',
			'2010-12-01 08:60',
			'2010-12-01 08:26:00 XM',
			'2010-12-01 13:00 PM',
			'31/31/2010',
			'30/2/2010',
			'12/1/201',
			'12-1/2010',
			'2010-12-01x',
			'12/1/2010 8',
			'20101201'
		]) {
			expect(scanDate(text), text).toBe(UNREADABLE_DATE);
			expect(parseInvoiceDate(text, 'day-first'), text).toBeNaN();
		}
		expect(parseInvoiceDate('2012-02-29')).toBe(utc(2012, 2, 29));
	});

	it('rejects a reading that is no calendar date', () => {
		// 13/1/2011 is 13 January day-first, and no date month-first.
		expect(parseInvoiceDate('13/1/2011', 'month-first')).toBeNaN();
		expect(parseInvoiceDate('13/1/2011', 'day-first')).toBe(utc(2011, 1, 13));
		expect(readingsOf('13/1/2011')).toEqual({ monthFirst: null, dayFirst: utc(2011, 1, 13) });
		expect(readingsOf('01/12/2010')).toEqual({ monthFirst: utc(2010, 1, 12), dayFirst: utc(2010, 12, 1) });
	});

	it('agrees with Date.UTC on random dates and times (no time-zone shifts)', () => {
		const random = seededRandom(7);
		for (let k = 0; k < 500; k++) {
			const y = 1900 + Math.floor(random() * 200);
			const m = 1 + Math.floor(random() * 12);
			const d = 1 + Math.floor(random() * 31);
			if (!isCalendarDate(y, m, d)) continue;
			const h = Math.floor(random() * 24);
			const mi = Math.floor(random() * 60);
			const s = Math.floor(random() * 60);
			const two = (n: number) => String(n).padStart(2, '0');
			const expected = utc(y, m, d, h, mi, s);
			expect(daysFromCivil(y, m, d)).toBe(Math.floor(expected / 86_400_000));
			expect(parseInvoiceDate(`${y}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}`)).toBe(expected);
			expect(parseInvoiceDate(`${m}/${d}/${y} ${h}:${two(mi)}:${two(s)}`, 'month-first')).toBe(expected);
			expect(parseInvoiceDate(`${two(d)}/${two(m)}/${y} ${two(h)}:${two(mi)}:${two(s)}`, 'day-first')).toBe(expected);
			expect(dateCodeToMs(msToDateCode(expected), 'iso')).toBe(expected);
		}
	});
});

describe('month names', () => {
	it('reads day-month-year and month-day-year with English month names, short or long, any case', () => {
		const cases: [string, number][] = [
			['1-Dec-2010', utc(2010, 12, 1)],
			['01-dec-10 08:26', utc(2010, 12, 1, 8, 26)],
			['1 DEC 2010 08:26:00', utc(2010, 12, 1, 8, 26)],
			['01 December 2010', utc(2010, 12, 1)],
			['Dec 1, 2010', utc(2010, 12, 1)],
			['December 1 2010 8:26 PM', utc(2010, 12, 1, 20, 26)],
			['sept 3, 2011', utc(2011, 9, 3)],
			['Feb-29-2012', utc(2012, 2, 29)],
			['  9 January 11  ', utc(2011, 1, 9)]
		];
		for (const [text, ms] of cases) {
			expect(parseInvoiceDate(text), text).toBe(ms);
			// A named month is certain: the file's day/month order does not change it.
			expect(parseInvoiceDate(text, 'month-first'), text).toBe(ms);
			expect(parseInvoiceDate(text, 'day-first'), text).toBe(ms);
		}
	});

	it('rejects what is not a named date', () => {
		for (const text of ['1-Foo-2010', 'Dec 32, 2010', '30-Feb-2011', 'Dec 1 2010x', 'De 1 2010', '1-Dec-201', 'Dec 1', '1 Dec']) {
			expect(scanDate(text), text).toBe(UNREADABLE_DATE);
		}
	});

	it('names the styles it understands, for messages', () => {
		for (const style of ['2010-12-01', '12/1/2010', '01/12/2010', '1-Dec-2010', 'Dec 1, 2010', 'PM']) expect(DATE_STYLES_UNDERSTOOD).toContain(style);
	});
});

describe('the day/month order by plausibility', () => {
	it('prefers consecutive days over the same day of many months, and says why', () => {
		// 1-9 December read day first; read month first, the 12th of January to September.
		const days = Array.from({ length: 9 }, (_, i) => `0${i + 1}/12/2010 10:00`);
		const evidence = new DateOrderEvidence();
		for (const d of days) evidence.add(scanDate(d));
		expect(evidence.firstAbove12 + evidence.secondAbove12).toBe(0);
		expect(evidence.order).toBe('day-first');
		expect(evidence.plausible?.why).toBe(
			'read day first the 9 different dates fall within 9 days; read month first they would spread 9 different dates over 9 months (244 days)'
		);
		// The same days written month first.
		expect(detectDateOrder(days.map((d) => `12/${d.slice(0, 2)}/2010`))).toBe('month-first');
	});

	it('asks when both readings spread the dates alike, or there are too few', () => {
		expect(detectDateOrder(['01/12/2010 08:26', '12/01/2011 10:00', '05/06/2011'])).toBe('ambiguous');
		expect(detectDateOrder(['01/12/2010', '02/12/2010'])).toBe('ambiguous');
	});

	it('merges the votes of two parts of a file, and takes one back', () => {
		const a = new DateOrderEvidence();
		const b = new DateOrderEvidence();
		for (const d of ['01/12/2010', '02/12/2010']) a.add(scanDate(d));
		for (const d of ['03/12/2010', '04/12/2010']) b.add(scanDate(d));
		expect(a.order).toBe('ambiguous');
		a.merge(JSON.parse(JSON.stringify(b)));
		expect(a.order).toBe('day-first');
		a.remove(scanDate('04/12/2010'));
		a.remove(scanDate('03/12/2010'));
		expect(a.order).toBe('ambiguous');
	});
});

describe('detectDateOrder', () => {
	it('says iso for year-first dates', () => {
		expect(detectDateOrder(['2010-12-01 08:26:00', '2011-01-13 10:00:00'])).toBe('iso');
	});

	it('finds month-first from a second field above 12', () => {
		expect(detectDateOrder(['12/1/2010 8:26', '12/2/2010 9:00', '12/13/2010 9:00'])).toBe('month-first');
	});

	it('finds day-first from a first field above 12', () => {
		expect(detectDateOrder(['01/12/2010 08:26', '02/12/2010 08:26', '13/12/2010 08:26'])).toBe('day-first');
	});

	it('is ambiguous when every field is 12 or less and both readings are alike', () => {
		expect(detectDateOrder(['01/12/2010 08:26', '12/01/2011 10:00', '05/06/2011'])).toBe('ambiguous');
	});

	it('ignores unreadable samples and lets year-first dates abstain', () => {
		expect(detectDateOrder(['n/a', '', '2010-12-01 08:26', '12/13/2010'])).toBe('month-first');
		expect(detectDateOrder(['n/a', '2010-12-01 08:26'])).toBe('iso');
	});

	it('follows the majority when a file mixes both orders, and a tie is ambiguous', () => {
		expect(detectDateOrder(['13/12/2010', '14/12/2010', '12/13/2010'])).toBe('day-first');
		expect(detectDateOrder(['13/12/2010', '12/13/2010'])).toBe('ambiguous');
	});

	it('counts evidence incrementally', () => {
		const evidence = new DateOrderEvidence();
		evidence.add(scanDate('01/12/2010 08:26'));
		expect(evidence.order).toBe('ambiguous');
		evidence.add(scanDate('2010-12-01'));
		evidence.add(UNREADABLE_DATE);
		expect(evidence.order).toBe('ambiguous');
		evidence.add(scanDate('25/12/2010 08:26'));
		expect(evidence.order).toBe('day-first');
		expect({ yearFirst: evidence.yearFirst, dayMonth: evidence.dayMonth, first: evidence.firstAbove12, second: evidence.secondAbove12 }).toEqual({
			yearFirst: 1,
			dayMonth: 2,
			first: 1,
			second: 0
		});
	});
});
