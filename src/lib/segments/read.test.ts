import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random';
import { invoiceFileLimit, invoiceReadNotes, readInvoiceBlob, readInvoiceText, type InvoiceReadResult } from './read';
import { CUSTOMER_FEATURES } from './features';

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

/** A generated file: `n` lines over a few customers, some quoted descriptions with commas and quotes. */
function generated(n: number, seed = 3): string {
	const random = seededRandom(seed);
	const lines = [HEADER];
	for (let i = 0; i < n; i++) {
		const customer = random() < 0.1 ? '' : `${12000 + Math.floor(random() * 40)}.0`;
		const invoice = `${random() < 0.05 ? 'C' : ''}${536000 + Math.floor(i / 4)}`;
		const quantity = invoice.startsWith('C') ? -1 - Math.floor(random() * 3) : 1 + Math.floor(random() * 12);
		const day = 1 + Math.floor(i / 40) % 28;
		const description = random() < 0.2 ? '"LANTERN, ""GLASS"" 7"' : 'LANTERN';
		lines.push(
			[invoice, `2${Math.floor(random() * 30)}`, description, quantity, `2011-02-${String(day).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`, (0.5 + random() * 5).toFixed(2), customer, 'United Kingdom'].join(',')
		);
	}
	return lines.join('\n') + '\n';
}

function table(result: InvoiceReadResult) {
	if (!result.ok) throw new Error(result.failure.message);
	return result.aggregator.finish();
}

describe('readInvoiceText / readInvoiceBlob', () => {
	it('matches the header spellings of other exports (Invoice, Price, Customer ID) in any order', () => {
		const text = 'Customer ID,Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Country,Extra\n17850.0,536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,United Kingdom,x\n';
		const result = readInvoiceText(text);
		if (!result.ok) throw new Error(result.failure.message);
		expect(result.matchedColumns).toMatchObject({ 'Customer ID': 'CustomerID', Invoice: 'InvoiceNo', Price: 'UnitPrice' });
		expect(result.ignoredColumns).toEqual(['Extra']);
		const t = result.aggregator.finish();
		expect(t.ids).toEqual(['17850']);
		expect(t.features.grossRevenue[0]).toBeCloseTo(15.3, 10);
	});

	it('names the missing columns of a file in another layout', () => {
		const result = readInvoiceText('Invoice,Quantity,Country\n1,2,France\n');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure.kind).toBe('missing-columns');
		expect(result.failure.missing).toEqual(['Stock code', 'Invoice date', 'Unit price', 'Customer ID']);
		expect(result.failure.message).toBe(
			'The file is missing 4 required columns: Stock code (StockCode), Invoice date (InvoiceDate), Unit price (UnitPrice), Customer ID (CustomerID).'
		);
	});

	it('works without the optional columns (no country: no country rule)', () => {
		const t = table(readInvoiceText('InvoiceNo\tStockCode\tQuantity\tInvoiceDate\tUnitPrice\tCustomerID\n1\tA\t2\t2010-12-01\t1,5\t7\n'));
		expect(t.features.grossRevenue[0]).toBe(3);
	});

	it('refuses empty files, files with no known columns and files over the limit', () => {
		const empty = readInvoiceText('');
		expect(!empty.ok && empty.failure.kind).toBe('empty');
		const headerOnly = readInvoiceText(HEADER + '\n');
		expect(!headerOnly.ok && headerOnly.failure.message).toBe('The file has a header row but no invoice lines below it.');
		const other = readInvoiceText('a,b,c\n1,2,3\n');
		expect(!other.ok && other.failure.kind).toBe('no-known-columns');
		const big = readInvoiceText(generated(10), { maxBytes: 100 });
		expect(!big.ok && big.failure.kind).toBe('too-large');
	});

	it('refuses a file too large for the device before reading a byte of it', async () => {
		// A Blob-like file of 3 GB whose bytes must never be asked for.
		const huge = {
			size: 3 * 1024 ** 3,
			slice: () => {
				throw new Error('read');
			}
		} as unknown as Blob;
		const result = await readInvoiceBlob(huge, { maxBytes: invoiceFileLimit(4) });
		expect(!result.ok && result.failure.kind).toBe('too-large');
		expect(!result.ok && result.failure.message).toBe('The file is 3072 MB; the limit is 512 MB. Split it into smaller files.');
	});

	it('sets the size limit to a quarter of the device memory, at most 512 MB', () => {
		expect(invoiceFileLimit(undefined)).toBe(512 * 1024 * 1024);
		expect(invoiceFileLimit(8)).toBe(512 * 1024 * 1024);
		expect(invoiceFileLimit(1)).toBe(256 * 1024 * 1024);
		expect(invoiceFileLimit(0.5)).toBe(128 * 1024 * 1024);
	});

	it('gives the same customers from a Blob read in small chunks as from the text', async () => {
		const text = generated(3000);
		const fromText = table(readInvoiceText(text));
		const progress: number[] = [];
		const fromBlob = table(
			await readInvoiceBlob(new Blob([text]), { chunkSize: 64 * 1024, onProgress: (p) => progress.push(p.fraction) })
		);
		const fromSmallTextChunks = table(readInvoiceText(text, { chunkSize: 1000 }));
		expect(fromText.report.linesRead).toBe(3000);
		expect(fromText.count).toBeGreaterThan(40);
		for (const other of [fromBlob, fromSmallTextChunks]) {
			expect(other.ids).toEqual(fromText.ids);
			expect(other.report).toEqual(fromText.report);
			for (const f of CUSTOMER_FEATURES) expect([...other.features[f]], f).toEqual([...fromText.features[f]]);
		}
		expect(progress.at(-1)).toBe(1);
	});

	it('lists broken lines by row and analyses the rest', () => {
		const text = `${HEADER}\n1,A,x,2,2010-12-01 10:00,1.5,7,France\n2,A,x,lots,2010-12-01 10:00,1.5,7,France\n\n3,A,x,1,yesterday,1.5,7,France\n4,A,x,1\n5,A,x,1,2010-12-02 10:00,1.5,8,France\n`;
		const t = table(readInvoiceText(text));
		expect(t.ids).toEqual(['7', '8']);
		expect(t.issues.map((i) => [i.row, i.column])).toEqual([
			[3, 'Quantity'],
			[5, 'Invoice date'],
			[6, null]
		]);
		expect(t.report.unreadableLines).toBe(3);
		expect(t.report.linesRead).toBe(5);
	});

	it('reads a CRLF header over an LF body, CR-only files and any mix, at every chunk size, and notes the mix', async () => {
		const lf = generated(400);
		const lines = lf.split('\n');
		const crlfHeader = lines[0] + '\r\n' + lines.slice(1).join('\n');
		const crOnly = lf.replaceAll('\n', '\r');
		const mixed = lines.map((line, i) => line + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
		const expected = table(readInvoiceText(lf));
		for (const text of [crlfHeader, crOnly, mixed]) {
			for (const chunkSize of [1024, 1025, 4099]) {
				const t = table(readInvoiceText(text, { chunkSize }));
				expect(t.ids).toEqual(expected.ids);
				expect(t.report).toEqual(expected.report);
			}
			const fromBlob = await readInvoiceBlob(new Blob([text]), { chunkSize: 65536 });
			expect(table(fromBlob).ids).toEqual(expected.ids);
		}
		const read = readInvoiceText(crlfHeader);
		expect(read.ok && invoiceReadNotes(read).map((n) => n.text)).toEqual([
			'The line endings are mixed: 1 line ends with CR LF (Windows), 400 lines with LF (Unix, macOS). Every one was read as the end of a line.'
		]);
	});

	it('keeps lines with NUL bytes out, by row and column, wherever they are', () => {
		const lines = generated(3000).split('\n');
		lines[2500] = lines[2500].replace('LANTERN', 'LAN\u0000TERN');
		const t = table(readInvoiceText(lines.join('\n'), { chunkSize: 4096 }));
		expect(t.issues).toEqual([{ row: 2501, column: 'Description', reason: expect.stringMatching(/NUL character/) }]);
		expect(t.report.unreadableLines).toBe(1);
		expect(t.report.linesRead).toBe(3000);
	});

	it('reports a quote that is never closed', () => {
		const text = `${HEADER}\n1,A,x,2,2010-12-01 10:00,1.5,7,France\n2,A,"broken,1,2010-12-01 10:00,1.5,7,France\n3,A,x,1,2010-12-02 10:00,1.5,8,France\n`;
		const t = table(readInvoiceText(text));
		expect(t.ids).toEqual(['7']);
		expect(t.issues.at(-1)?.reason).toMatch(/never closed/);
		expect(t.issues.at(-1)?.row).toBe(3);
	});
});
