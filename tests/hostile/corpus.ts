// The hostile corpus: files that have broken intakes before, or would, generated here from each
// tool's own good table (never stored as files). Every file says what a clear outcome is for it.
import { seededRandom } from '../../src/lib/core/random';
import type { ToolIntake } from './intake';
import { utf16, utf8, windows1252, withCells, writeTable, type Table } from './table';

/** What a clear outcome is for a file. */
export type Expectation =
	/** The whole file is refused with a message matching this. */
	| { failure: RegExp }
	/** Every row is used, with no problem listed (and this note, when given). */
	| { clean: true; note?: string }
	/** These spreadsheet rows are listed as problems (reason matching `reason`, when given); the rest are used. */
	| { rows: number[]; reason?: RegExp; note?: string }
	/** Shown as a problem first: a whole-file failure, or a result the drop zone holds back. */
	| { held: true; reason?: RegExp }
	/** Any clear outcome (the general checks only). */
	| { any: true };

export interface HostileFile {
	name: string;
	what: string;
	bytes: Uint8Array;
	expect: Expectation;
}

const random = seededRandom(20260307);
const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
const join = (...parts: (Uint8Array | number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : [...p])));
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00];

/** Spreadsheet row number of data row `i` (0-based): the header is row 1. */
const row = (i: number) => i + 2;

/** Every hostile file for one tool. Files that need a column the tool lacks (a number, a date, an id) are left out. */
export function hostileCorpus(tool: ToolIntake): HostileFile[] {
	const table = tool.table();
	const { number, secondNumber, date, month, text, id, required } = tool.columns;
	const dated = tool.formatDate ?? ((d: string) => d);
	const csv = (t: Table = table, options?: Parameters<typeof writeTable>[1]) => utf8(writeTable(t, options));
	const n = table.rows.length;
	const files: HostileFile[] = [
		{ name: 'good.csv', what: 'the good table itself (a control)', bytes: csv(), expect: { clean: true } },
		{ name: 'empty.csv', what: '0 bytes', bytes: new Uint8Array(0), expect: { failure: /empty \(0 bytes\)/ } },
		{ name: 'bom-only.csv', what: 'a UTF-8 byte-order mark and nothing else', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), expect: { failure: /empty/ } },
		{ name: 'whitespace.csv', what: 'spaces, tabs and blank lines', bytes: utf8('  \r\n\t\n \n\n'), expect: { failure: /only blank lines or spaces/ } },
		{ name: 'header-only.csv', what: 'the header row and nothing below', bytes: csv({ header: table.header, rows: [] }), expect: { failure: /header row but no/ } },
		{ name: 'random.bin', what: 'random bytes', bytes: noise(6000), expect: { failure: /not text/ } },
		{ name: 'chart.png', what: 'a PNG picture', bytes: join([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], noise(3000)), expect: { failure: /image \(PNG\)/ } },
		{ name: 'photo.jpg', what: 'a JPEG photo', bytes: join([0xff, 0xd8, 0xff, 0xe0], noise(3000)), expect: { failure: /JPEG/ } },
		{ name: 'report.pdf', what: 'a PDF document', bytes: join('%PDF-1.7\n%\u00e2\u00e3\n', noise(3000)), expect: { failure: /PDF document/ } },
		{ name: 'data.csv.gz', what: 'a gzip-compressed CSV', bytes: join([0x1f, 0x8b, 0x08, 0x00], noise(3000)), expect: { failure: /gzip/ } },
		{ name: 'archive.zip', what: 'a ZIP archive of a CSV', bytes: join(ZIP, 'data/sales.csv', noise(2000)), expect: { failure: /ZIP archive: unzip it and choose the CSV/ } },
		{ name: 'book.xlsx', what: 'an Excel workbook', bytes: join(ZIP, '[Content_Types].xml', noise(300), 'xl/workbook.xml', noise(2000)), expect: { failure: /Excel workbook.*Save As/ } },
		{ name: 'book.xls', what: 'an Excel 97-2003 workbook', bytes: join([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], noise(3000)), expect: { failure: /Excel workbook.*Save As/ } },
		{ name: 'sheet.ods', what: 'an OpenDocument spreadsheet', bytes: join(ZIP, 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet', noise(2000)), expect: { failure: /spreadsheet \(OpenDocument/ } },
		{ name: 'page.html', what: 'a web page', bytes: utf8('<!DOCTYPE html>\n<html><head><title>Sales</title></head>\n<body><table><tr><td>1</td></tr></table></body></html>\n'), expect: { failure: /./ } },
		{ name: 'data.json', what: 'JSON', bytes: utf8('[{"week": 1, "price": 2},\n {"week": 2, "price": 3}]\n'), expect: { failure: /./ } },
		{ name: 'utf16le.csv', what: 'UTF-16 LE with a BOM (Excel "Unicode text")', bytes: utf16(writeTable(table, { newline: '\r\n' }), true), expect: { clean: true, note: 'encoding' } },
		{ name: 'utf16be.csv', what: 'UTF-16 BE with a BOM', bytes: utf16(writeTable(table), false), expect: { clean: true, note: 'encoding' } },
		{
			name: 'windows-1252.csv',
			what: 'Windows-1252 (older Excel) with accented text',
			bytes: windows1252(writeTable({ header: [...table.header, 'Remarque'], rows: table.rows.map((r, i) => [...r, i % 2 ? 'Café crème' : 'Größe']) })),
			expect: { clean: true, note: 'encoding' }
		},
		{
			name: 'nul-late.csv',
			what: 'a NUL byte in a row far past the first 8 KB',
			bytes: csv(withCells(table, number ?? text, { [n - 3]: `1\u00002` })),
			expect: { rows: [row(n - 3)], reason: /NUL character/ }
		},
		{ name: 'wide-header.csv', what: 'a header of 1,000,000 columns', bytes: utf8(Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\n1,2\n'), expect: { failure: /more than 16,384 columns/ } },
		{
			name: 'long-line.csv',
			what: 'a row longer than 2 MB',
			bytes: csv(withCells(table, text, { 4: 'x'.repeat(2_100_000) })),
			expect: { held: true, reason: /longer than/ }
		},
		{
			name: 'mixed-endings.csv',
			what: 'CRLF, LF and CR line endings mixed',
			bytes: csv(table, { newline: (i) => ['\r\n', '\n', '\r'][i % 3] }),
			expect: { clean: true, note: 'line-endings' }
		},
		{ name: 'cr-only.csv', what: 'old Mac line endings (CR alone)', bytes: csv(table, { newline: '\r' }), expect: { clean: true } },
		{
			name: 'crlf-header-lf-body.csv',
			what: 'a CRLF header over an LF body (rows appended to the template with a Unix tool)',
			bytes: csv(table, { newline: (i) => (i === 0 ? '\r\n' : '\n') }),
			expect: { clean: true, note: 'line-endings' }
		},
		{ name: 'unbalanced-quote.csv', what: 'a quote opened in row 3 and never closed', bytes: utf8(openQuote(writeTable(table), 1)), expect: { held: true, reason: /row 3 is never closed/ } },
		{
			name: 'stray-quote.csv',
			what: 'a quote opened in row 3 and closed three lines later',
			bytes: utf8(openQuote(writeTable(table), 1, true)),
			expect: { rows: [row(1)], reason: /runs over \d+ lines: a quote \("\) in it is probably unbalanced/ }
		},
		{
			name: 'duplicate-headers.csv',
			what: 'a column named twice',
			bytes: csv({ header: [...table.header, number ?? text], rows: table.rows.map((r) => [...r, '7']) }),
			expect: { clean: true, note: 'duplicate-column' }
		},
		{
			name: 'formulas-and-html.csv',
			what: 'formula injection and HTML/script in cells',
			bytes: csv(
				withCells(table, id ?? text, {
					0: '=HYPERLINK("http://example.invalid","click")',
					1: "+cmd|' /C calc'!A0",
					2: '-2+3',
					3: '@SUM(A1:A9)',
					4: '<script>alert(1)</script>',
					5: '<img src=x onerror=alert(1)>'
				})
			),
			expect: { any: true }
		},
		{
			name: 'semicolons.csv',
			what: 'semicolons and decimal commas throughout (a control)',
			bytes: utf8(writeTable({ header: table.header, rows: table.rows.map((r) => r.map((c) => (/^-?\d+\.\d+$/.test(c) ? c.replace('.', ',') : c))) }, { delimiter: ';' })),
			expect: { clean: true }
		},
		{ name: 'pipes.csv', what: 'the wrong delimiter (|)', bytes: csv(table, { delimiter: '|' }), expect: { failure: /commas, semicolons or tabs|does not look like a CSV/ } },
		{
			name: 'missing-column.csv',
			what: 'a required column left out',
			bytes: csv(dropColumn(table, required)),
			expect: { failure: /missing (a required column|\d+ required columns)/ }
		},
		{
			name: 'extra-columns.csv',
			what: 'three columns the tool does not know',
			bytes: csv({ header: [...table.header, 'store', 'region', 'note'], rows: table.rows.map((r, i) => [...r, `s${i}`, 'north', 'ok']) }),
			expect: { clean: true }
		},
		{
			name: 'truncated.csv',
			what: 'the last line cut off half-way',
			bytes: utf8(cutLastLine(writeTable(table))),
			expect: { rows: [row(n - 1)] }
		},
		{
			name: 'mostly-broken.csv',
			what: 'four rows in five with text in a number (or date) column',
			bytes: csv(withCells(table, number ?? date ?? required, Object.fromEntries(table.rows.map((_, i) => [i, 'n/a']).filter(([i]) => Number(i) % 5 !== 0)))),
			expect: { held: true }
		}
	];
	if (number) {
		files.push(
			{
				name: 'huge-numbers.csv',
				what: 'huge, infinite and 1e300 numbers',
				bytes: csv(withCells(table, number, { 2: '1e300', 3: '-1e300', 4: '1e400', 5: '99999999999999999999' })),
				expect: { rows: [row(2), row(3), row(4), row(5)] }
			},
			{ name: 'nan-text.csv', what: 'NaN and Infinity written in number cells', bytes: csv(withCells(table, number, { 1: 'NaN', 2: 'Infinity' })), expect: { rows: [row(1), row(2)] } },
			{ name: 'negative.csv', what: 'a negative number', bytes: csv(withCells(table, number, { 3: '-5' })), expect: { any: true } },
			{
				name: 'thousands.csv',
				what: 'thousands separators in a number',
				bytes: csv(withCells(table, number, { 6: '1,234,567' })),
				expect: { rows: [row(6)], reason: /thousands separators/ }
			},
			{ name: 'decimal-comma.csv', what: 'a decimal comma in a comma-separated file', bytes: csv(withCells(table, number, { 7: '12,5' })), expect: { rows: [row(7)], reason: /use a dot/ } }
		);
	}
	if (number && secondNumber) {
		files.push({
			name: 'overflow.csv',
			what: 'two numbers whose product overflows',
			bytes: csv(withCells(withCells(table, number, { 8: '1e200' }), secondNumber, { 8: '1e200' })),
			expect: { rows: [row(8)] }
		});
	}
	if (date) {
		files.push({
			name: 'absurd-dates.csv',
			what: 'dates in 2099, 1900 and 9999',
			bytes: csv(withCells(table, date, { 1: dated('2099-12-09 10:00:00'), 2: dated('1900-01-01 00:00:00'), 3: dated('9999-12-31 23:59:00') })),
			expect: { rows: [row(1), row(2), row(3)] }
		});
	}
	if (month) {
		files.push({
			name: 'absurd-months.csv',
			what: 'months 13, 0 and "Jan 2099"',
			bytes: csv(withCells(table, month, { 1: '13', 2: '0', 3: 'Jan 2099' })),
			expect: { rows: [row(1), row(2), row(3)] }
		});
	}
	if (id) {
		files.push({
			name: 'emoji-rtl-ids.csv',
			what: 'emoji and right-to-left marks in ids',
			bytes: csv(withCells(table, id, { 0: '😀 17850', 1: '\u200f12345\u200e', 2: '\u202e54321', 3: 'عميل-7' })),
			expect: { clean: true }
		});
	}
	return files;
}

/**
 * The text with a stray quote at the start of a field of data row `i` (spreadsheet row i + 2): never
 * closed (every later quote removed), or closed by the next quote in the file, a few lines on.
 */
function openQuote(text: string, i: number, closedLater = false): string {
	const lines = text.split('\n');
	const line = lines[i + 1];
	const at = line.indexOf(',') + 1;
	lines[i + 1] = `${line.slice(0, at)}"${line.slice(at).replaceAll('"', '')}`;
	if (closedLater) {
		lines[i + 4] = `${lines[i + 4]}"`;
		return lines.join('\n');
	}
	return [...lines.slice(0, i + 2), ...lines.slice(i + 2).map((l) => l.replaceAll('"', ''))].join('\n');
}

function dropColumn(table: Table, column: string): Table {
	const at = table.header.indexOf(column);
	return { header: table.header.filter((_, j) => j !== at), rows: table.rows.map((r) => r.filter((_, j) => j !== at)) };
}

/** The text cut in the middle of its last line (no final line end). */
function cutLastLine(text: string): string {
	const body = text.trimEnd();
	const start = body.lastIndexOf('\n') + 1;
	return body.slice(0, start + Math.floor((body.length - start) / 2));
}
