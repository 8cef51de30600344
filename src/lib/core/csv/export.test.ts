import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../schema';
import { csvCell, looksLikeFormula, templateCsv, toCsv } from './export';
import { parseCsvText } from './intake';

describe('csvCell', () => {
	it('quotes commas, quotes, semicolons and line breaks (RFC 4180)', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('a;b')).toBe('"a;b"');
	});

	it('writes numbers, booleans and empty values', () => {
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(1e21)).toBe('1e+21');
		expect(csvCell(NaN)).toBe('');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(true)).toBe('true');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvCell('+91 98')).toBe("'+91 98");
		expect(csvCell('-12')).toBe("'-12");
		expect(csvCell('@cmd')).toBe("'@cmd");
		expect(csvCell('\tx')).toBe("'\tx");
		expect(csvCell('  =1+1')).toBe("'  =1+1");
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvCell('a=b')).toBe('a=b');
		expect(looksLikeFormula('   ')).toBe(false);
		expect(looksLikeFormula('\r=1')).toBe(true);
	});
});

describe('toCsv', () => {
	it('writes a header of keys (or labels) and CRLF-terminated rows', () => {
		const columns = [
			{ key: 'week', label: 'Week' },
			{ key: 'gmv', label: 'GMV, ₹' },
			{ key: 'note', label: 'Note' }
		];
		const rows = [
			{ week: 1, gmv: -12.5, note: '-12' },
			{ week: 2, gmv: null, note: 'fine' }
		];
		expect(toCsv(columns, rows)).toBe("week,gmv,note\r\n1,-12.5,'-12\r\n2,,fine\r\n");
		expect(toCsv(columns, [], { header: 'label', bom: true })).toBe('\uFEFFWeek,"GMV, ₹",Note\r\n');
	});
});

describe('templateCsv', () => {
	const schema: TableSchema = {
		id: 'test',
		rowNoun: 'test rows',
		columns: [
			{ key: 'week', label: 'Week', type: 'integer', required: true, min: 1, max: 53, example: 12 },
			{ key: 'change', label: 'Price change', type: 'number', unit: '%', required: true, min: -50, max: 50, example: '-5' },
			{ key: 'sub_category', label: 'Sub-category', type: 'category', categories: ['Camera', 'Home Audio'], required: true, example: 'Home Audio' },
			{ key: 'promo', label: 'Promotion', type: 'boolean', required: true },
			{ key: 'start', label: 'Start', type: 'date', required: false, example: '2016-07-04' },
			{ key: 'notes', label: 'Notes', type: 'text', required: false, example: 'Diwali, big sale' },
			{ key: 'units', label: 'Units', type: 'integer', required: true, min: 2.5 }
		]
	};

	it('writes canonical keys and the examples', () => {
		expect(templateCsv(schema)).toBe('week,change,sub_category,promo,start,notes,units\r\n12,-5,Home Audio,no,2016-07-04,"Diwali, big sale",3\r\n');
	});

	it('round-trips through intake with zero issues', () => {
		const result = parseCsvText(templateCsv(schema, { bom: true }), schema);
		if (!result.ok) throw new Error(result.failure.message);
		expect(result.issueCount).toBe(0);
		expect(result.ignoredColumns).toEqual([]);
		expect(result.missingOptional).toEqual([]);
		expect(result.rows).toEqual([
			{ week: 12, change: -5, sub_category: 'Home Audio', promo: false, start: '2016-07-04', notes: 'Diwali, big sale', units: 3 }
		]);
	});
});
