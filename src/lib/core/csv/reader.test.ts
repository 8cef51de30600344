import { describe, expect, it } from 'vitest';
import type { RowIssue, TableSchema } from '../schema';
import { CsvReader, MAX_COLUMNS, MAX_RECORD_CHARS, type CsvLayout } from './reader';
import { feedBlob, feedText } from './source';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [
		{ key: 'id', label: 'Id', type: 'text', required: true },
		{ key: 'qty', label: 'Quantity', type: 'number', required: true },
		{ key: 'note', label: 'Note', type: 'text', required: false }
	]
};

/** Records and problems a reader hands to its sink. */
function collect(text: string, chunkSize = 1e6, part?: CsvLayout) {
	const records: { row: number; fields: string[] }[] = [];
	const problems: RowIssue[] = [];
	const reader = new CsvReader(schema, { record: (fields, row) => records.push({ row, fields }), unreadable: (i) => problems.push(i) }, { part });
	const fed = feedText(text, reader, { chunkSize });
	return { records, problems, reader, failure: fed.failure ?? reader.finish() };
}

describe('CsvReader', () => {
	it('reads a CRLF header over an LF body (rows appended with a Unix tool) line by line', () => {
		const text = 'id,qty,note\r\n' + Array.from({ length: 50 }, (_, i) => `a${i},${i},x`).join('\n') + '\n';
		const { records, reader, failure } = collect(text, 1024);
		expect(failure).toBeNull();
		expect(records).toHaveLength(50);
		expect(records[49]).toEqual({ row: 51, fields: ['a49', '49', 'x'] });
		expect(reader.lineEndings).toEqual({ crlf: 1, lf: 50, cr: 0 });
		expect(reader.notes().map((n) => n.kind)).toEqual(['line-endings']);
	});

	it('reads CR-only files and a CR that ends a chunk', () => {
		const text = 'id,qty\r' + Array.from({ length: 40 }, (_, i) => `b${i},${i}`).join('\r') + '\r';
		for (const size of [1024, 1025, 1031, 1e6]) {
			const { records } = collect(text + 'x'.repeat(0), size);
			expect(records.map((r) => r.fields[0])).toEqual(Array.from({ length: 40 }, (_, i) => `b${i}`));
		}
	});

	it('keeps out rows with NUL characters anywhere, by row and column', () => {
		const body = Array.from({ length: 3000 }, (_, i) => (i === 2500 ? `c${i},5\u0000,ok` : `c${i},${i},ok`)).join('\n');
		const { records, problems } = collect(`id,qty,note\n${body}\n`, 4096);
		expect(records).toHaveLength(2999);
		expect(problems).toEqual([{ row: 2502, column: 'Quantity', reason: expect.stringMatching(/NUL character/) }]);
	});

	it('refuses a header with more columns than a spreadsheet holds, quickly and with the count', () => {
		const wide = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\n1,2\n';
		// Speed is measured by the bench, not asserted here; a reader stuck on this header fails by the test’s timeout.
		const { failure } = collect(wide);
		expect(failure?.kind).toBe('too-many-columns');
		expect(failure?.message).toMatch(/more than 16,384 columns/);
		const fewer = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',') + '\n';
		expect(collect(fewer).failure?.message).toBe(
			'The header row has 16,385 columns; a table has at most 16,384, the most a spreadsheet holds. This is not a table this tool can read.'
		);
	});

	it('stops at a record longer than the limit, naming the row, instead of reading on slowly', () => {
		const text = `id,qty\n1,2\n3,"${'x'.repeat(2 * MAX_RECORD_CHARS)}\n4,5\n`;
		const { records, problems, reader } = collect(text, 65536);
		expect(records).toHaveLength(1);
		expect(problems).toEqual([{ row: 3, column: null, reason: expect.stringMatching(/^a quote \(".*not closed within/) }]);
		expect(reader.stoppedAt).toBe(3);
		expect(reader.notes().map((n) => n.kind)).toContain('stopped');
	});

	it('routes the record of a quote never closed to the problems, with the lines it swallowed', () => {
		const text = 'id,qty\n1,2\n2,"3\n' + Array.from({ length: 65 }, (_, i) => `${i},1`).join('\n') + '\n';
		const { records, problems, reader } = collect(text);
		expect(records).toHaveLength(1);
		expect(problems[0]).toMatchObject({ row: 3, column: null });
		expect(problems[0].reason).toMatch(/never closed, so the rest of the file \(65 more lines\) was read as one value/);
		expect(reader.unclosedQuote).toEqual({ row: 3, swallowedLines: 65 });
	});

	it('notes duplicated columns: which column, where, and which one was used', () => {
		const { reader } = collect('id,qty,Quantity,note\n1,2,3,x\n');
		expect(reader.headerNotes).toEqual([
			{
				kind: 'duplicate-column',
				text: 'The column Quantity is named twice, in column 2 (B) “qty” and column 3 (C) “Quantity”: column 2 was used and column 3 ignored.'
			}
		]);
	});

	it('reads a later part of a file with the first part’s layout', () => {
		const first = collect('id,qty\n1,2\n');
		const part = collect('5,6\r\n7,8\n', 1e6, first.reader.layout as CsvLayout);
		expect(part.records.map((r) => r.fields)).toEqual([
			['5', '6'],
			['7', '8']
		]);
	});

	it('sniffs bytes before reading a Blob: a ZIP is named, UTF-16 is decoded', async () => {
		const read = async (bytes: Uint8Array) => {
			const records: string[][] = [];
			const reader = new CsvReader(schema, { record: (f) => records.push(f), unreadable: () => {} });
			const fed = await feedBlob(new Blob([bytes as BlobPart]), reader);
			return { records, failure: fed.failure ?? reader.finish(), fed };
		};
		const zip = await read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
		expect(zip.failure?.message).toMatch(/ZIP archive/);
		const text = 'id\tqty\r\nx\t1\r\n';
		const le = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
		const utf16 = await read(le);
		expect(utf16.failure).toBeNull();
		expect(utf16.records).toEqual([['x', '1']]);
		expect(utf16.fed.notes[0].text).toMatch(/UTF-16/);
	});
});
