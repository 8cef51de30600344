import { describe, expect, it } from 'vitest';
import { dayOf } from './calendar';
import { EventKind } from './events';
import { featuresAt, indexLog, lastFullMonth } from './features';
import { DEFAULT_MARKET, generateMarket } from './generator';
import { EventLogBuilder, type EventLog } from './log';
import { readActivityBlob, readActivityText } from './reader';
import { activityCsv, type SampleStyle } from './sample';

function smallMarket(): EventLog {
	const b = new EventLogBuilder();
	generateMarket({ ...DEFAULT_MARKET, months: 10, firstMonthJoins: 25, seed: 5 }, b);
	return b.finish();
}

/** Events as sorted tuples of names, so logs built in another order compare equal. */
function eventSet(log: EventLog): string[] {
	const out: string[] = [];
	for (let i = 0; i < log.n; i++) {
		const c = log.category[i];
		out.push([log.userIds[log.user[i]], log.day[i], log.kind[i], c === 0xffff ? '' : log.categories[c], log.amount[i].toFixed(2)].join('|'));
	}
	return out.sort();
}

async function readEvents(text: string, options = {}) {
	const read = await readActivityText(text, options);
	if (!read.ok) throw new Error(read.failure.message);
	if (read.layout !== 'events') throw new Error('read as per-user rows');
	return read;
}

describe('reading an activity log', () => {
	const log = smallMarket();
	const expected = eventSet(log);

	it('the generated market has every kind of event', () => {
		for (const kind of Object.values(EventKind)) expect(log.kind.includes(kind)).toBe(true);
	});

	const styles: [string, SampleStyle][] = [
		['canonical, ISO with Z', {}],
		['semicolons with decimal commas, BOM, CRLF', { delimiter: ';', bom: true, crlf: true }],
		['tabs, date only, words', { delimiter: '\t', dates: 'date', eventNames: 'words' }],
		['header aliases in another order, offsets, Title Case, extra columns', { header: 'aliases', dates: 'iso-offset', eventNames: 'title', extraColumns: true }],
		['space-separated times, UPPER-HYPHEN names', { dates: 'datetime', eventNames: 'upper-hyphen' }]
	];
	it.each(styles)('reads every event back: %s', async (_, style) => {
		const read = await readEvents(activityCsv(log, style), { chunkSize: 4096 });
		expect(read.report.issueCount).toBe(0);
		expect(read.report.usedRows).toBe(log.n);
		expect(eventSet(read.log)).toEqual(expected);
		if (style.extraColumns) expect(read.report.ignoredColumns).toHaveLength(2);
		expect(read.report.decimalComma).toBe((style.delimiter ?? ',') !== ',');
	});

	it('gives the features the generator’s own log gives', async () => {
		const read = await readEvents(activityCsv(log, { delimiter: ';' }));
		const a = featuresAt(indexLog(log), lastFullMonth(log));
		const b = featuresAt(indexLog(read.log), lastFullMonth(read.log));
		const byUser = (t: typeof a, ids: string[]) => {
			const m = new Map<string, number[]>();
			const w = t.names.length;
			t.users.forEach((u, i) => m.set(ids[u], Array.from(t.X.subarray(i * w, (i + 1) * w))));
			return m;
		};
		expect(byUser(b, read.log.userIds)).toEqual(byUser(a, log.userIds));
	});

	it('reads a Blob the same way as text', async () => {
		const text = activityCsv(log, { crlf: true, bom: true });
		const read = await readActivityBlob(new Blob([text]), { chunkSize: 65536 });
		if (!read.ok || read.layout !== 'events') throw new Error('not read');
		expect(eventSet(read.log)).toEqual(expected);
	});

	it('lists bad rows by row, column and reason, and uses the rest', async () => {
		const text = [
			'user_id,timestamp,event,category,amount',
			'u1,2018-06-01,order,Funko Pop,12.50',
			'u2,01/06/2018,order,Funko Pop,3',
			',2018-06-02,order,Funko Pop,3',
			'u3,2018-06-03,refund,Funko Pop,3',
			'u4,2018-06-04,order,Funko Pop,abc',
			'u5,2018-06-05,order,Funko Pop,-3',
			'u6,2018-02-30,collection add,Amiibo,',
			'u7,2018-06-06T10:00:00Q,wishlist add,Amiibo,',
			'u8,1899-06-06,wishlist add,Amiibo,',
			'u9,2018-06-07',
			'u11,2018-06-09,Sale,Amiibo,',
			'u12,2018-06-10,refund,Amiibo,',
			'u10,2018-06-08,"sale"x,Amiibo,5'
		].join('\n');
		const read = await readEvents(text);
		expect(read.report.usedRows).toBe(2);
		expect(read.report.rows).toBe(13);
		expect(read.report.issues.map((i) => [i.row, i.column])).toEqual([
			[3, 'Timestamp'],
			[4, 'User id'],
			[5, 'Event'],
			[6, 'Amount'],
			[7, 'Amount'],
			[8, 'Timestamp'],
			[9, 'Timestamp'],
			[10, 'Timestamp'],
			[11, null],
			[13, 'Event'],
			[14, null]
		]);
		expect(read.report.issues[0].reason).toMatch(/not an ISO date/);
		expect(read.report.issues[2].reason).toMatch(/"refund" is not a known event/);
		expect(read.report.issues[4].reason).toMatch(/negative/);
		expect(read.report.issues[5].reason).toMatch(/not a calendar date/);
		expect(read.report.issues[7].reason).toMatch(/before 1990/);
		expect(read.report.issues[8].reason).toMatch(/2 fields; the header has 5/);
		expect(read.report.issues[10].reason).toMatch(/quote .* is never closed/);
		expect(read.report.unknownEvents).toEqual([{ name: 'refund', count: 2 }]);
		expect(read.report.emptyAmounts).toBe(1);
		expect(read.log.day[0]).toBe(dayOf(2018, 6, 1));
	});

	it('keeps only the first issues but counts them all', async () => {
		const lines = ['user_id,timestamp,event', ...Array.from({ length: 250 }, (_, i) => `u${i},yesterday,order`), 'u1,2018-01-01,order'];
		const read = await readEvents(lines.join('\n'), { maxIssues: 100 });
		expect(read.report.issues).toHaveLength(100);
		expect(read.report.issueCount).toBe(250);
	});

	it('fails the whole file with a reason when it cannot be a log', async () => {
		const failure = async (text: string) => {
			const r = await readActivityText(text);
			if (r.ok) throw new Error('read');
			return r.failure;
		};
		expect((await failure('')).kind).toBe('empty');
		expect((await failure('\n \n')).kind).toBe('empty');
		expect((await failure('user_id,timestamp,event\n')).message).toMatch(/no events below it/);
		expect(await failure('user_id,timestamp,category\nu1,2018-01-01,x\n')).toMatchObject({ kind: 'missing-columns', missing: ['Event'] });
		expect((await failure('a,b,c\n1,2,3\n')).kind).toBe('no-known-columns');
		expect((await failure('PK\u0003\u0004rest')).kind).toBe('not-csv');
		expect(await failure('user_id,timestamp,event\nu1,never,order\n')).toMatchObject({ kind: 'no-good-rows', issueCount: 1 });
		expect(await readActivityText('x'.repeat(2000), { maxBytes: 1000 })).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
	});
});

describe('reading the per-user layout', () => {
	const header = 'user id,collection adds m1,collection adds m2,collection adds m3,orders m1,orders m2,orders m3,order amount m1,order amount m2,order amount m3,wishlist adds m1,wishlist adds m2,wishlist adds m3,recent categories';
	it('reads the 12 counts and the recent categories', async () => {
		const text = [header, 'a,1,2,3,0,1,0,0,12.5,0,4,0,0,Funko Pop:3|Amiibo:1', 'b,0,0,0,0,0,0,0,0,0,1,1,1,', 'a,1,1,1,1,1,1,1,1,1,1,1,1,', 'c,1,x,1,1,1,1,1,1,1,1,1,1,', 'd,1,1,1,1.5,1,1,1,1,1,1,1,1,', 'e,1,1,1,1,1,1,1,1,1,1,1,1,Funko Pop'].join('\n');
		const read = await readActivityText(text);
		if (!read.ok || read.layout !== 'users') throw new Error('not read as users');
		const { users, report } = read;
		expect(users.ids).toEqual(['a', 'b']);
		expect(Array.from(users.X.subarray(0, 12))).toEqual([1, 2, 3, 0, 1, 0, 0, 12.5, 0, 4, 0, 0]);
		expect(users.categories).toEqual(['Funko Pop', 'Amiibo']);
		expect(Array.from(users.recentCount)).toEqual([3, 1]);
		expect(Array.from(users.recentOffsets)).toEqual([0, 2, 2]);
		expect(report.issues.map((i) => [i.row, i.column])).toEqual([
			[4, 'User id'],
			[5, 'Collection adds, month 2'],
			[6, 'Orders, month 1'],
			[7, 'Recent categories']
		]);
	});

	it('says which monthly counts are missing', async () => {
		const r = await readActivityText('user id,collection adds m1,orders m1\nu,1,1\n');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.failure.message).toMatch(/per-user layout.*10/);
	});
});
