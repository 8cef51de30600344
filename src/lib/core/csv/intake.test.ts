import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import type { TableSchema } from '../schema';
import { parseCsvBlob, parseCsvText, type IntakeResult, type IntakeSuccess } from './intake';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [
		{ key: 'week', label: 'Week', type: 'integer', required: true, min: 1, max: 53 },
		{ key: 'sub_category', label: 'Sub-category', type: 'category', categories: ['Camera', 'Home Audio'], required: true },
		{ key: 'price', label: 'Price', aliases: ['mrp'], type: 'number', unit: '₹', required: true, min: 0 },
		{ key: 'notes', label: 'Notes', type: 'text', required: false }
	]
};

function ok(result: IntakeResult): IntakeSuccess {
	if (!result.ok) throw new Error(`expected success, got ${result.failure.kind}: ${result.failure.message}`);
	return result;
}

function failure(result: IntakeResult) {
	if (result.ok) throw new Error('expected a failure');
	return result.failure;
}

/** A generated file of `n` rows; every 7th row has text in the price column. */
function generated(n: number, seed: number, delimiter = ','): string {
	const random = seededRandom(seed);
	const lines = [['week', 'sub_category', 'price', 'notes'].join(delimiter)];
	for (let i = 0; i < n; i++) {
		const price = i % 7 === 3 ? 'n/a' : (random() * 1000).toFixed(2);
		const note = i % 5 === 0 ? `"₹ note, with ""quotes""\nand a line break ${i}"` : `plain ${i}`;
		lines.push([1 + Math.floor(random() * 53), random() < 0.5 ? 'Camera' : 'home audio', price, note].join(delimiter));
	}
	return lines.join('\r\n') + '\r\n';
}

describe('parseCsvText', () => {
	it('reads a comma file with CRLF, a BOM, quotes and blank lines', () => {
		const text = '\uFEFFWeek,Sub-category,MRP,Notes\r\n1,camera,10,"a, b"\r\n\r\n2,Home Audio,20.5,"line\r\nbreak"\r\n,,,\r\n3,Camera,1e2,\r\n';
		const r = ok(parseCsvText(text, schema));
		expect(r.delimiter).toBe(',');
		expect(r.rows).toEqual([
			{ week: 1, sub_category: 'Camera', price: 10, notes: 'a, b' },
			{ week: 2, sub_category: 'Home Audio', price: 20.5, notes: 'line\r\nbreak' },
			{ week: 3, sub_category: 'Camera', price: 100, notes: null }
		]);
		expect(Array.from(r.rowNumbers)).toEqual([2, 4, 6]);
		expect(r.totalRows).toBe(3);
		expect(r.issueCount).toBe(0);
		expect(r.matchedColumns).toEqual({ Week: 'week', 'Sub-category': 'sub_category', MRP: 'price', Notes: 'notes' });
	});

	it('reads semicolons with decimal commas, and tabs', () => {
		const semi = ok(parseCsvText('week;sub_category;price\n1;Camera;12,5\n2;Camera;"1,25"\n', schema));
		expect(semi.delimiter).toBe(';');
		expect(semi.rows.map((r) => r.price)).toEqual([12.5, 1.25]);
		expect(semi.missingOptional).toEqual(['Notes']);
		const tab = ok(parseCsvText('week\tsub_category\tprice\n1\tCamera\t3\n', schema));
		expect(tab.delimiter).toBe('\t');
		expect(tab.rows[0].price).toBe(3);
	});

	it('keeps good rows and names the row and column of text in a number column', () => {
		const r = ok(parseCsvText('week,sub_category,price\n1,Camera,10\n2,Camera,abc\n3,Camera,30\n', schema));
		expect(r.rows.map((row) => row.week)).toEqual([1, 3]);
		expect(r.issues).toEqual([{ row: 3, column: 'Price', reason: '"abc" is not a number' }]);
		expect(r.issueCount).toBe(1);
		expect(r.totalRows).toBe(3);
	});

	it('reports rows with missing or extra fields and ignores unknown columns', () => {
		const r = ok(parseCsvText('week,sub_category,price,colour,\n1,Camera,10,red\n2,Camera\n3,Camera,5,blue,x,y\n4,Camera,6,green,,\n', schema));
		expect(r.ignoredColumns).toEqual(['colour']);
		expect(r.rows.map((row) => row.week)).toEqual([1, 4]);
		expect(r.issues).toEqual([
			{ row: 3, column: null, reason: 'has 2 values, but the header has 4 columns' },
			{ row: 4, column: null, reason: 'has 6 values, but the header has 4 columns (a value that contains a comma must be in double quotes)' }
		]);
	});

	it('reports duplicate columns and keeps the first', () => {
		const r = ok(parseCsvText('week,sub_category,price,mrp\n1,Camera,10,99\n', schema));
		expect(r.rows[0].price).toBe(10);
		expect(r.duplicateColumns).toEqual(['mrp']);
	});

	it('fails with the names of missing required columns', () => {
		const f = failure(parseCsvText('week,notes\n1,x\n', schema));
		expect(f.kind).toBe('missing-columns');
		expect(f.missing).toEqual(['Sub-category', 'Price']);
		expect(f.message).toBe('The file is missing 2 required columns: Sub-category (sub_category), Price (price).');
	});

	it('fails when none of the expected columns are present, giving examples', () => {
		const f = failure(parseCsvText('foo,bar\n1,2\n', schema));
		expect(f.kind).toBe('no-known-columns');
		expect(f.message).toMatch(/^None of the expected columns were found; expected e\.g\. week, sub_category, price, notes/);
	});

	it('handles a wrong delimiter with a clear message', () => {
		const f = failure(parseCsvText('week|sub_category|price\n1|Camera|10\n2|Camera|20\n', schema));
		expect(f.kind).toBe('not-csv');
		expect(f.message).toMatch(/commas, semicolons or tabs/);
	});

	it('still reads a table whose header is fine but whose lines have stray delimiters', () => {
		const text = 'week,sub_category,price,notes\n1,Camera,1,a,b\n2,Camera,2,c,d,e\n3,Camera,3,f,g\n4,Camera,4,h\n';
		const r = ok(parseCsvText(text, schema));
		expect(r.rows).toHaveLength(1);
		expect(r.issueCount).toBe(3);
	});

	it('says plain prose is not a CSV', () => {
		const single = failure(parseCsvText('Dear customer\nThank you for your order. It ships today\nRegards\n', schema));
		expect(single.kind).toBe('not-csv');
		expect(single.message).toMatch(/does not look like a CSV table/);
		const commas = 'Hello, world, this is a letter\nIt has commas, here and there\nNone here\nAnd, one, two, three, four\nFin\n';
		expect(failure(parseCsvText(commas, schema)).kind).toBe('not-csv');
	});

	it('gives distinct messages for empty, blank and header-only files', () => {
		const empty = failure(parseCsvText('', schema));
		const bomOnly = failure(parseCsvText('\uFEFF', schema));
		const blank = failure(parseCsvText('  \r\n\t\n\n', schema));
		const headerOnly = failure(parseCsvText('week,sub_category,price\r\n\r\n', schema));
		expect([empty.kind, blank.kind, headerOnly.kind]).toEqual(['empty', 'empty', 'empty']);
		expect(empty.message).toBe('The file is empty (0 bytes).');
		expect(bomOnly.message).toBe(empty.message);
		expect(blank.message).toMatch(/only blank lines/);
		expect(headerOnly.message).toBe('The file has a header row but no test rows below it.');
	});

	it('fails with no-good-rows and carries the issues when every row is bad', () => {
		const f = failure(parseCsvText('week,sub_category,price\n99,Camera,1\n2,Toaster,1\n', schema));
		expect(f.kind).toBe('no-good-rows');
		expect(f.message).toBe('None of the 2 test rows could be used. First problem: row 2, Week: 99 is above the maximum of 53.');
		expect(f.issueCount).toBe(2);
		expect(f.issues).toHaveLength(2);
	});

	it('caps the issue list at 100 but counts them all', () => {
		const r = ok(parseCsvText(generated(1000, 1), schema));
		expect(r.issueCount).toBe(143);
		expect(r.issues).toHaveLength(100);
		expect(r.rows).toHaveLength(1000 - 143);
		expect(r.issues.every((issue, i) => i === 0 || issue.row > r.issues[i - 1].row)).toBe(true);
		expect(r.issues[0]).toEqual({ row: 5, column: 'Price', reason: '"n/a" is not a number' });
	});

	it('refuses text over maxBytes', () => {
		expect(failure(parseCsvText('week,sub_category,price\n1,Camera,1\n', schema, { maxBytes: 10 })).kind).toBe('too-large');
	});

	it('gives the same result whatever the chunk size, with quotes spanning chunks', () => {
		const text = generated(2000, 2);
		const whole = ok(parseCsvText(text, schema, { chunkSize: 1e9 }));
		const progress: number[] = [];
		const chunked = ok(parseCsvText(text, schema, { chunkSize: 1024, onProgress: (p) => progress.push(p.fraction) }));
		expect(chunked.rows).toEqual(whole.rows);
		expect(Array.from(chunked.rowNumbers)).toEqual(Array.from(whole.rowNumbers));
		expect(chunked.issueCount).toBe(whole.issueCount);
		expect(whole.rows[0].notes).toMatch(/^₹ note, with "quotes"\nand a line break 0$/);
		expect(progress.length).toBeGreaterThan(10);
		expect(progress.at(-1)).toBe(1);
	});

	it('reads a CRLF header over an LF body, and notes the mix', () => {
		const text = 'week,sub_category,price\r\n' + Array.from({ length: 20 }, (_, i) => `${1 + i},Camera,${i + 1}`).join('\n') + '\n';
		const r = ok(parseCsvText(text, schema));
		expect(r.rows).toHaveLength(20);
		expect(r.notes.map((n) => n.kind)).toEqual(['line-endings']);
		expect(r.usage).toEqual({ rows: 20, usedRows: 20, complete: true });
	});

	it('counts the lines an unclosed quote swallowed as rows that could not be used', () => {
		const text = 'week,sub_category,price,notes\n1,Camera,1,a\n2,Camera,2,"oops\n' + Array.from({ length: 65 }, (_, i) => `${1 + (i % 50)},Camera,3,b`).join('\n') + '\n';
		const r = ok(parseCsvText(text, schema));
		expect(r.rows).toHaveLength(1);
		expect(r.usage).toEqual({ rows: 67, usedRows: 1, complete: true });
		expect(r.issues[0]).toMatchObject({ row: 3, column: null, reason: expect.stringMatching(/never closed, so the rest of the file \(65 more lines\)/) });
		expect(r.notes.map((n) => n.kind)).toContain('unclosed-quote');
	});

	it('leaves out implausible values by row, with a note, and keeps the rest', () => {
		const lines = Array.from({ length: 30 }, (_, i) => `${1 + (i % 50)},Camera,${10 + i}`);
		lines[7] = '8,Camera,1e300';
		lines[9] = '10,Camera,50000000000';
		const r = ok(parseCsvText(`week,sub_category,price\n${lines.join('\n')}\n`, schema));
		expect(r.rows).toHaveLength(28);
		expect(r.issues).toEqual([
			{ row: 9, column: 'Price', reason: expect.stringMatching(/^is implausibly large: at least 1,000,000,000,000,000/) },
			{ row: 11, column: 'Price', reason: expect.stringMatching(/^is implausibly large: 50,000,000,000 is over a million times the typical price/) }
		]);
		expect(r.notes.find((n) => n.kind === 'implausible')?.text).toMatch(/^2 rows left out as implausible/);
		expect(r.usage.usedRows).toBe(28);
	});

	it('notes an unclosed quote', () => {
		const r = ok(parseCsvText('week,sub_category,price,notes\n1,Camera,1,ok\n2,Camera,2,"never closed\n3,Camera,3,x\n', schema));
		expect(r.rows).toHaveLength(1);
		expect(r.issues.at(-1)?.reason).toMatch(/never closed/);
	});
});

describe('parseCsvBlob', () => {
	it('matches the text variant, across chunk boundaries and multi-byte characters', async () => {
		const text = generated(6000, 3);
		const blob = new Blob([text]);
		expect(blob.size).toBeGreaterThan(3 * 65536);
		const fromText = ok(parseCsvText(text, schema));
		const progress: number[] = [];
		const fromBlob = ok(await parseCsvBlob(blob, schema, { chunkSize: 65536, onProgress: (p) => progress.push(p.fraction) }));
		expect(fromBlob.rows).toEqual(fromText.rows);
		expect(fromBlob.issueCount).toBe(fromText.issueCount);
		expect(progress.at(-1)).toBe(1);
		expect(progress.length).toBeGreaterThan(2);
	});

	it('reads a small semicolon file with a UTF-8 BOM', async () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Week;Sub-category;Price\n5;Camera;7,5\n')]);
		const r = ok(await parseCsvBlob(new Blob([bytes]), schema));
		expect(r.rows).toEqual([{ week: 5, sub_category: 'Camera', price: 7.5, notes: null }]);
	});

	it('reads UTF-16LE text (Excel "Unicode text")', async () => {
		const text = 'week\tsub_category\tprice\r\n1\tCamera\t₹'.slice(0, -1) + '9\r\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes[0] = 0xff;
		bytes[1] = 0xfe;
		for (let i = 0; i < text.length; i++) {
			bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
			bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
		}
		const r = ok(await parseCsvBlob(new Blob([bytes]), schema));
		expect(r.rows).toEqual([{ week: 1, sub_category: 'Camera', price: 9, notes: null }]);
	});

	it('reads Windows-1252 text (older Excel "CSV (Comma delimited)")', async () => {
		const ascii = new TextEncoder().encode('week,sub_category,price,notes\r\n1,Camera,5,caf');
		const bytes = new Uint8Array([...ascii, 0xe9, 0x0d, 0x0a]);
		const r = ok(await parseCsvBlob(new Blob([bytes]), schema));
		expect(r.rows[0].notes).toBe('café');
	});

	it('says binary garbage and spreadsheets are not CSV', async () => {
		const random = seededRandom(4);
		const garbage = new Uint8Array(5000).map(() => Math.floor(random() * 256));
		expect(failure(await parseCsvBlob(new Blob([garbage]), schema)).kind).toBe('not-csv');
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
		const f = failure(await parseCsvBlob(new Blob([zip]), schema));
		expect(f.kind).toBe('not-csv');
		expect(f.message).toMatch(/ZIP archive: unzip it/);
		const xlsx = new Uint8Array([...zip, ...new TextEncoder().encode('[Content_Types].xml....xl/workbook.xml')]);
		expect(failure(await parseCsvBlob(new Blob([xlsx]), schema)).message).toMatch(/Excel workbook \(\.xlsx\).*Save As/);
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
		expect(failure(await parseCsvBlob(new Blob([xls]), schema)).message).toMatch(/Excel workbook/);
	});

	it('gives distinct messages for 0 bytes and whitespace', async () => {
		expect(failure(await parseCsvBlob(new Blob([]), schema)).message).toBe('The file is empty (0 bytes).');
		expect(failure(await parseCsvBlob(new Blob(['\n \n']), schema)).message).toMatch(/only blank lines/);
	});

	it('refuses a too-large file without reading it', async () => {
		let reads = 0;
		const huge = {
			size: 600 * 1024 * 1024,
			slice: () => {
				reads++;
				throw new Error('should not read');
			},
			text: () => {
				reads++;
				throw new Error('should not read');
			}
		} as unknown as Blob;
		const f = failure(await parseCsvBlob(huge, schema));
		expect(f.kind).toBe('too-large');
		expect(f.message).toBe('The file is 600 MB; the limit is 512 MB. Split it into smaller files.');
		expect(reads).toBe(0);
		expect(failure(await parseCsvBlob(new Blob(['week,sub_category,price\n1,Camera,2\n']), schema, { maxBytes: 20 })).kind).toBe('too-large');
	});

	it('stops when the signal aborts', async () => {
		const controller = new AbortController();
		const blob = new Blob([generated(6000, 5)]);
		const run = parseCsvBlob(blob, schema, { chunkSize: 65536, signal: controller.signal, onProgress: () => controller.abort() });
		await expect(run).rejects.toThrow();
	});
});
