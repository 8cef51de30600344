import { describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../random';
import type { TableSchema } from '../schema';
import { parseCsvBlobColumns, parseCsvTextColumns, type ColumnIntakeResult } from './columnIntake';
import { rowsOf } from './columns';
import { IntakeTally, parseCsvBlob, parseCsvText, readTextInto, type IntakeResult } from './intake';
import type { RecordSink } from './reader';

const schema: TableSchema = {
	id: 'test',
	rowNoun: 'test rows',
	columns: [
		{ key: 'week', label: 'Week', type: 'integer', required: false, min: 1, max: 53 },
		{ key: 'sub_category', label: 'Sub-category', type: 'category', categories: ['Camera', 'Home Audio', 'Speaker'], required: true },
		{ key: 'price', label: 'Price', aliases: ['mrp'], type: 'number', unit: '₹', required: true, min: 0, max: 1e6 },
		{ key: 'discount', label: 'Discount', type: 'number', unit: '%', required: false, min: 0, max: 100 },
		{ key: 'spend', label: 'Spend', type: 'number', required: true, min: -50 },
		{ key: 'sale', label: 'Sale week', type: 'boolean', required: true }
	]
};

/** The columnar result in the object intake's shape, to compare the two whole. */
function asRows(result: ColumnIntakeResult | null): IntakeResult {
	if (!result) throw new Error('the schema should be columnar');
	if (!result.ok) return result;
	const { columns, ...rest } = result;
	return { ...rest, rows: rowsOf(columns) };
}

/** Good lines with every kind of cell the fast reader reads in place, and now and then one it must not. */
function generated(n: number, seed: number, { broken = false, delimiter = ',', decimalComma = false } = {}): string {
	const random = seededRandom(seed);
	const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
	const num = (x: number, digits: number) => {
		const text = x.toFixed(digits);
		return decimalComma ? text.replace('.', ',') : text;
	};
	const lines = [['week', 'sub_category', 'MRP', 'discount', 'ignored', 'spend', 'sale'].join(delimiter)];
	for (let i = 0; i < n; i++) {
		const cells = [
			String(1 + Math.floor(random() * 53)),
			pick(['Camera', 'Home Audio', 'Speaker']),
			num(random() * 5000, 2),
			random() < 0.1 ? '' : num(random() * 90, 1),
			'x',
			num((random() - 0.2) * 40, 4),
			pick(['0', '1'])
		];
		// Outliers now and then, so the plausibility screen has rows to take out.
		if (i % 997 === 5) cells[5] = '123456789';
		if (broken) {
			const kind = Math.floor(random() * 40);
			if (kind === 0) cells[2] = 'abc';
			else if (kind === 1) cells[0] = '4.5';
			else if (kind === 2) cells[0] = '60';
			else if (kind === 3) cells[1] = 'camera';
			else if (kind === 4) cells[1] = 'Home  audio';
			else if (kind === 5) cells[1] = 'Tablet';
			else if (kind === 6) cells[2] = ' 12';
			else if (kind === 7) cells[2] = '1e3';
			else if (kind === 8) cells[2] = '+7';
			else if (kind === 9) cells[5] = '-0';
			else if (kind === 10) cells[6] = 'yes';
			else if (kind === 11) cells[6] = 'maybe';
			else if (kind === 12) cells[1] = '';
			else if (kind === 13) cells[3] = '101';
			else if (kind === 14) cells.push('extra');
			else if (kind === 15) cells.push('', ' ');
			else if (kind === 16) cells.pop();
			else if (kind === 17) cells[2] = '1,234.5';
			else if (kind === 18) cells[2] = '0x10';
			else if (kind === 19) cells[5] = '-60';
			else if (kind === 20) cells[2] = '1234567890123456';
			else if (kind === 21) cells[0] = ' ';
			else if (kind === 22) cells[2] = '\u00a012';
			else if (kind === 23) cells[3] = 'Infinity';
			else if (kind === 24) cells[2] = '.5';
			else if (kind === 25) cells[2] = '5.';
			else if (kind === 26) cells.fill('');
			else if (kind === 27) cells[2] = '\uFEFF1';
		}
		lines.push(cells.join(delimiter));
		if (broken && i % 50 === 7) lines.push('');
		if (broken && i % 113 === 9) lines.push(` ${delimiter} `);
	}
	return lines.join('\n') + (seed % 2 ? '\n' : '');
}

describe('the columnar intake', () => {
	const cases: [string, string][] = [
		['clean lines', generated(3000, 1)],
		['clean lines, no final line end', generated(3000, 2)],
		['broken lines of every kind', generated(4000, 3, { broken: true })],
		['broken lines, semicolons and decimal commas', generated(2000, 5, { broken: true, delimiter: ';', decimalComma: true })],
		['broken lines, tabs', generated(2000, 7, { broken: true, delimiter: '\t' })],
		['CRLF line ends (read by the parser throughout)', generated(2000, 9, { broken: true }).replace(/\n/g, '\r\n')],
		['a quoted value now and then (chunks with quotes read by the parser)', generated(3000, 11, { broken: true }).replace(/\n(\d+),Speaker,/g, (_, w) => `\n${w},"Speaker",`)],
		['a mix of line ends in one part of the file', (() => {
			const text = generated(3000, 13, { broken: true });
			return text.slice(0, 20_000) + text.slice(20_000, 40_000).replace(/\n/g, '\r\n') + text.slice(40_000);
		})()],
		['a NUL character in a row', generated(500, 15).replace('\n3,', '\n3\0,')],
		['blank lines and a BOM before the header', '\uFEFF\n \n' + generated(500, 17, { broken: true })],
		['an unclosed quote', generated(800, 19) + '\n4,"Camera,5,5,x,5,1\n1,Camera,5,5,x,5,1\n'],
		['every row an outlier or broken', 'week,sub_category,mrp,spend,sale\n1,Tablet,1,1,1\n2,Camera,abc,1,1\n'],
		['a header only', 'week,sub_category,mrp,spend,sale\n'],
		['a missing required column', 'week,sub_category,mrp\n1,Camera,1\n']
	];
	for (const [name, text] of cases) {
		it(`gives what the row intake gives: ${name}`, () => {
			for (const chunkSize of [1024, 7777, undefined]) {
				const want = parseCsvText(text, schema, { chunkSize, maxIssues: 1000 });
				const got = asRows(parseCsvTextColumns(text, schema, { chunkSize, maxIssues: 1000 }));
				expect(got).toEqual(want);
			}
		});
	}

	it('read from a Blob, gives what the row intake gives (problems found, and most lines read in place)', async () => {
		const text = generated(20_000, 21, { broken: true });
		const want = await parseCsvBlob(new Blob([text]), schema, { chunkSize: 65_536 });
		const got = asRows(await parseCsvBlobColumns(new Blob([text]), schema, { chunkSize: 65_536 }));
		expect(got).toEqual(want);
		if (!want.ok) throw new Error(want.failure.message);
		expect(want.issueCount).toBeGreaterThan(100);
		expect(want.notes.map((n) => n.kind)).toContain('implausible');
	});

	it('the reader hands plain lines over as lines, and records of a chunk with quotes or CRLF as split fields', () => {
		const count = (text: string) => {
			const seen = { lines: 0, records: 0, rows: [] as number[] };
			const sink: RecordSink = {
				record: (_, row) => (seen.records++, seen.rows.push(row)),
				line: (_, __, ___, row) => (seen.lines++, seen.rows.push(row)),
				unreadable: () => {}
			};
			readTextInto(text, schema, sink, { chunkSize: 1024 });
			return seen;
		};
		const plain = generated(1000, 23);
		const lines = count(plain);
		expect(lines.lines).toBeGreaterThan(900);
		expect(lines.records).toBeLessThan(100); // the first chunk, read with the header, goes through the parser
		const crlf = count(plain.replace(/\n/g, '\r\n'));
		expect(crlf).toEqual({ lines: 0, records: 1000, rows: lines.rows });
	});

	it('reads clean lines in place: none goes through the row validator', () => {
		const record = vi.spyOn(IntakeTally.prototype, 'record');
		try {
			const text = generated(5000, 25);
			const got = parseCsvTextColumns(text, schema, { chunkSize: 4096 });
			if (!got?.ok) throw new Error('expected a good result');
			expect(got.totalRows).toBe(5000);
			expect(record.mock.calls.length).toBe(0);
		} finally {
			record.mockRestore();
		}
	});

	it('tells categories of the same length apart, and a category listed twice reads as the row validator reads it', () => {
		const twins: TableSchema = {
			...schema,
			columns: schema.columns.map((c) => (c.key === 'sub_category' ? { ...c, categories: ['Camera', 'Camerb', 'Speaker', 'Camera', 'Cam'] } : c))
		};
		const rows = ['week,sub_category,mrp,spend,sale'];
		for (let i = 0; i < 3000; i++) rows.push(`${1 + (i % 53)},${['Camera', 'Camerb', 'Speaker', 'Cam', 'Camer', 'Cameras', 'camera'][i % 7]},${i},${i % 40},${i % 2}`);
		const text = rows.join('\n');
		const want = parseCsvText(text, twins, { chunkSize: 4096, maxIssues: 5000 });
		const got = asRows(parseCsvTextColumns(text, twins, { chunkSize: 4096, maxIssues: 5000 }));
		expect(got).toEqual(want);
		if (!want.ok) throw new Error(want.failure.message);
		expect(want.rows.filter((r) => r.sub_category === 'Camera').length).toBeGreaterThan(400);
	});

	it('is not offered for a schema with text or date columns', () => {
		const withText: TableSchema = { ...schema, columns: [...schema.columns, { key: 'notes', label: 'Notes', type: 'text', required: false }] };
		expect(parseCsvTextColumns('week\n1\n', withText)).toBeNull();
	});
});
