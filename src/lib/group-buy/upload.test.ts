import { describe, expect, it } from 'vitest';
import { isoDayKey, readGroupFile } from './upload';

const CATALOGUE = ['whole milk', 'rolls/buns', 'soda', 'yogurt'];
const read = (text: string) => {
	const out = readGroupFile(text, 'f.csv', CATALOGUE);
	if (!out.ok) throw new Error(out.message);
	return out.read;
};

describe('readGroupFile', () => {
	it('reads a purchase log with the Groceries headers into date-ordered baskets', () => {
		const r = read('Member_number,Date,itemDescription\n7,21-07-2015,soda\n7,05-01-2015,Whole Milk\n7,05-01-2015,rolls/buns\n3,2015-01-05,yogurt\n');
		expect(r.layout).toBe('purchase-log');
		expect(r.members.map((m) => m.member)).toEqual(['3', '7']);
		expect(r.members[1].baskets).toEqual([[0, 1], [2]]);
		expect(r.goodLines).toBe(4);
		expect(r.issueCount).toBe(0);
	});

	it('accepts header aliases, a semicolon, a byte-order mark and extra columns (ignored, named)', () => {
		const r = read('\uFEFFcustomer;day;product;price\nAsha;01-02-2026;soda;10\n');
		expect(r.layout).toBe('purchase-log');
		expect(r.ignoredColumns).toEqual(['price']);
		expect(r.members[0].baskets).toEqual([[2]]);
	});

	it('reports bad lines by row, column and reason, lists unknown items, and keeps the good lines', () => {
		const r = read('member,date,item\n1,31-02-2015,soda\n1,01-02-2015,caviar\n,01-02-2015,soda\n1,01-02-2015,\n1,01-02-2015,soda\n2,01-02-2015,caviar\n');
		expect(r.goodLines).toBe(1);
		expect(r.usage).toEqual({ rows: 6, usedRows: 1, complete: true });
		expect(r.issues.map((i) => [i.row, i.column])).toEqual([
			[2, 'date'],
			[3, 'item'],
			[4, 'member'],
			[5, 'item'],
			[7, 'item']
		]);
		expect(r.issues[0].reason).toContain('"31-02-2015" is not a date');
		expect(r.unknownItems).toEqual([{ name: 'caviar', count: 2, rows: [3, 7] }]);
	});

	it('reads baskets one per line without a header; a line with no known item is reported', () => {
		const r = read('whole milk,rolls/buns\nsoda,caviar\nunicorn\n yogurt ; x\n');
		expect(r.layout).toBe('baskets');
		expect(r.members.map((m) => m.baskets[0])).toEqual([[0, 1], [2]]);
		expect(r.issues.map((i) => i.row)).toEqual([2, 3, 3, 4, 4]);
		expect(r.unknownItems.map((u) => u.name)).toEqual(['caviar', 'unicorn', 'yogurt ; x']);
	});

	it('reads a group file, skipping repeated members and empty cells', () => {
		const r = read('group,member\nA,1\nA,2\nA,1\nB,\nB,3\n');
		expect(r.layout).toBe('groups');
		expect(r.groups).toEqual([
			{ group: 'A', members: ['1', '2'] },
			{ group: 'B', members: ['3'] }
		]);
		expect(r.issues.map((i) => i.row)).toEqual([4, 5]);
	});

	it('refuses whole files that cannot be read, with a reason', () => {
		const fail = (text: string) => {
			const out = readGroupFile(text, 'f.csv', CATALOGUE);
			return out.ok ? '' : out.message;
		};
		expect(fail('')).toContain('empty');
		expect(fail('\n \n')).toContain('blank');
		expect(fail('PK\u0003\u0004\u0014\u0000\u0006\u0000')).toMatch(/workbook|binary/);
		expect(fail('member,item\n1,soda\n')).toContain('needs a date column');
		expect(fail('member,date,item\n1,x,soda\n')).toContain('No line');
		expect(fail('apples,pears\n')).toContain('no line held a known item');
	});
});

describe('isoDayKey', () => {
	it('reads real ISO dates only', () => {
		expect(isoDayKey('2015-01-05')).toBe(20150105);
		expect(isoDayKey('2015-02-30')).toBeNull();
		expect(isoDayKey('05-01-2015')).toBeNull();
	});
});
