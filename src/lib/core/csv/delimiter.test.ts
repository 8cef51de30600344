import { describe, expect, it } from 'vitest';
import { binaryKind, detectDelimiter, fieldCounts } from './delimiter';

describe('detectDelimiter', () => {
	it('finds comma, semicolon and tab', () => {
		expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toMatchObject({ ok: true, delimiter: ',', fieldCount: 3, consistency: 1 });
		expect(detectDelimiter('a;b;c\n1,5;2,5;3\n4;5;6\n')).toMatchObject({ ok: true, delimiter: ';', fieldCount: 3 });
		expect(detectDelimiter('a\tb\n1\t2\n')).toMatchObject({ ok: true, delimiter: '\t', fieldCount: 2 });
	});

	it('ignores delimiters inside quotes, including quoted line breaks', () => {
		const text = 'name;price\n"Smith, J.";"1,5"\n"multi\nline, text";2\n"a,b,c,d";3\n';
		expect(detectDelimiter(text)).toMatchObject({ ok: true, delimiter: ';', fieldCount: 2, consistency: 1 });
		expect(fieldCounts('"a,b",c\n', true)[',']).toEqual([2]);
	});

	it('prefers the delimiter with consistent counts over one that merely appears', () => {
		// Commas split the header too, but vary per line; semicolons are consistent.
		const text = 'a,b;c;d\n1,5;2;3\n4;5,25;6,1\n7;8;9\n';
		expect(detectDelimiter(text)).toMatchObject({ ok: true, delimiter: ';' });
	});

	it('drops a possibly partial last record when the sample is cut', () => {
		expect(fieldCounts('a,b\n1,2\n3', false)[',']).toEqual([2, 2]);
		expect(fieldCounts('a,b\n1,2\n3', true)[',']).toEqual([2, 2, 1]);
	});

	it('says a single column of prose is not a table', () => {
		const prose = 'Dear team\nPlease find attached the report\nRegards\n';
		expect(detectDelimiter(prose)).toMatchObject({ ok: false, reason: 'single-column' });
	});

	it('says prose with scattered commas is not a table', () => {
		const prose = 'Hello, world, this is a letter\nIt has commas, here and there\nNone here\nAnd, one, two, three, four\nFin\n';
		expect(detectDelimiter(prose)).toMatchObject({ ok: false, reason: 'inconsistent', delimiter: ',' });
	});

	it('calls whitespace blank', () => {
		expect(detectDelimiter('  \n\t\n\n')).toMatchObject({ ok: false, reason: 'blank' });
	});
});

describe('binaryKind', () => {
	it('spots many NUL bytes, zip archives and undecodable bytes, but not a stray NUL in text', () => {
		expect(binaryKind('a\u0000b\u0000\n\u00001\u0000,\u00002\n')).toBe('binary');
		expect(binaryKind('a,b\n1,\u00002\n' + 'x,y\n'.repeat(100))).toBeNull();
		expect(binaryKind('PK\u0003\u0004\u0014\u0000\u0006')).toBe('workbook');
		expect(binaryKind('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1')).toBe('workbook');
		expect(binaryKind('\ufffd\ufffd\u0001x\ufffdy\u0002z')).toBe('binary');
		expect(binaryKind('week,price\n1,₹5\n')).toBeNull();
	});
});
