import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { RecordSplitter, fieldText, isBlankRecord, type RecordView } from './records';

interface Got {
	fields: string[];
	row: number;
	malformed: boolean;
}

function split(text: string, delimiter = ',', chunkSize = text.length || 1): { records: Got[]; unclosed: boolean } {
	const records: Got[] = [];
	const s = new RecordSplitter(delimiter, (r: RecordView) => records.push({ fields: Array.from({ length: r.count }, (_, i) => fieldText(r, i)), row: r.row, malformed: r.malformed }));
	if (text.length === 0) s.push('', true);
	for (let at = 0; at < text.length; at += chunkSize) s.push(text.slice(at, at + chunkSize), at + chunkSize >= text.length);
	return { records, unclosed: s.unclosedQuote };
}

describe('RecordSplitter', () => {
	it('splits plain lines with LF, CRLF and lone CR', () => {
		for (const nl of ['\n', '\r\n', '\r']) {
			const { records } = split(['a,b,c', '1,2,3', ',,'].join(nl) + nl);
			expect(records.map((r) => r.fields)).toEqual([
				['a', 'b', 'c'],
				['1', '2', '3'],
				['', '', '']
			]);
		}
	});

	it('reads quoted fields with delimiters, line breaks and doubled quotes', () => {
		const { records } = split('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,""\n');
		expect(records.map((r) => r.fields)).toEqual([
			['id', 'note'],
			['1', 'a, b'],
			['2', 'say "hi"'],
			['3', 'two\nlines'],
			['4', '']
		]);
		expect(records.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
	});

	it('handles a last line without a line break, and a trailing delimiter', () => {
		expect(split('a,b\n1,').records.map((r) => r.fields)).toEqual([
			['a', 'b'],
			['1', '']
		]);
	});

	it('flags text after a closing quote, and a quote never closed', () => {
		const bad = split('a,b\n"x"y,2\n3,4\n');
		expect(bad.records[1]).toMatchObject({ fields: ['x', '2'], malformed: true });
		expect(bad.records[2].malformed).toBe(false);
		const open = split('a,b\n1,"never closed\n2,3\n');
		expect(open.unclosed).toBe(true);
		expect(open.records[1].malformed).toBe(true);
		expect(open.records[1].fields[1]).toBe('never closed\n2,3\n');
	});

	it('counts blank lines as rows and tells them apart', () => {
		const rows: [number, boolean][] = [];
		const s = new RecordSplitter(',', (r) => rows.push([r.row, isBlankRecord(r)]));
		s.push('a,b\n\n  ,\n1,2\n', true);
		expect(rows).toEqual([
			[1, false],
			[2, true],
			[3, true],
			[4, false]
		]);
	});

	it('gives the same records as papaparse for random CSV text, in any chunking', () => {
		const random = seededRandom(99);
		const pieces = ['a', 'bc', ' ', '1.5', '""', '"', ',', ';', '\n', '\r\n', 'é', 'x y'];
		for (let trial = 0; trial < 200; trial++) {
			const delimiter = random() < 0.5 ? ',' : ';';
			const rows: string[] = [];
			const nRows = 1 + Math.floor(random() * 6);
			for (let r = 0; r < nRows; r++) {
				const cells: string[] = [];
				const nCells = 1 + Math.floor(random() * 4);
				for (let c = 0; c < nCells; c++) {
					let cell = '';
					const len = Math.floor(random() * 4);
					for (let k = 0; k < len; k++) cell += pieces[Math.floor(random() * pieces.length)];
					const needsQuotes = /[",;\r\n]/.test(cell);
					cells.push(needsQuotes ? '"' + cell.replaceAll('"', '""') + '"' : cell);
				}
				rows.push(cells.join(delimiter));
			}
			const nl = random() < 0.5 ? '\n' : '\r\n';
			const text = rows.join(nl) + (random() < 0.5 ? nl : '');
			const expected = Papa.parse<string[]>(text, { delimiter, newline: nl }).data;
			// papaparse adds an empty record after a quoted last field and a final line break; we do not.
			const last = expected[expected.length - 1];
			if (last && last.length === 1 && last[0] === '' && text.endsWith(nl)) expected.pop();
			const chunk = 1 + Math.floor(random() * 8);
			const got = split(text, delimiter, chunk).records.map((r) => r.fields);
			expect(got, JSON.stringify(text)).toEqual(expected);
			expect(split(text, delimiter).records.map((r) => r.fields)).toEqual(expected);
		}
	});

	it('grows past its initial field capacity', () => {
		const line = Array.from({ length: 100 }, (_, i) => String(i)).join(',');
		const { records } = split(line + '\n' + line + '\n');
		expect(records[1].fields).toHaveLength(100);
		expect(records[1].fields[99]).toBe('99');
	});

	it('refuses a delimiter that cannot be one', () => {
		expect(() => new RecordSplitter('"', () => {})).toThrow(RangeError);
		expect(() => new RecordSplitter(',,', () => {})).toThrow(RangeError);
	});
});
