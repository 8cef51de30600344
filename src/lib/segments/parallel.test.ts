import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSplit, readInvoiceInParts, readPart, type PartRunners, type RunPart } from './parallel';
import { readInvoiceText } from './read';
import { readOutcome } from './readOutcome.fixture';
import { generateInvoiceSample, withBrokenLines, type InvoiceSampleOptions } from './sample';
import { realDataFile } from './testData';

const outcome = readOutcome;

/** The second part read "elsewhere": here, in the same thread, through the same code a worker runs. */
const inThisThread: RunPart = (part, setup, onProgress) => readPart(part, setup, onProgress);
/** The papaparse reader's two parts (these tests are about it; byteRead.test.ts tests the byte scan). */
const papaparseOnly = (text: RunPart | null): PartRunners => ({ text, bytes: null, threads: 2 });
const NO_BYTES = { byteMinBytes: Infinity };

async function inParts(text: string) {
	const parted = await readInvoiceInParts(new Blob([text]), {}, papaparseOnly(inThisThread), { ...NO_BYTES, minBytes: 1 });
	return { parts: parted.parts, outcome: outcome(parted.result) };
}

const LAYOUTS: InvoiceSampleOptions[] = [
	{},
	{ dateFormat: 'month-first', crlf: true },
	{ dateFormat: 'day-first', delimiter: ';', bom: true, customerIdDecimal: true },
	{ ambiguousDates: true, dateFormat: 'month-first' }
];

describe('readInvoiceInParts', () => {
	for (const layout of LAYOUTS) {
		it(`gives what one reader gives, read in two parts: ${JSON.stringify(layout)}`, async () => {
			const { text } = withBrokenLines(generateInvoiceSample({ customers: 200, ...layout }), { count: 10 });
			const { parts, outcome: got } = await inParts(text);
			expect(parts).toBe(2);
			expect(got).toEqual(outcome(readInvoiceText(text)));
		});
	}

	it('cuts at a line end near the middle, and not in a UTF-16 file', async () => {
		const text = 'a,b\n' + 'x,1\n'.repeat(1000);
		const split = await findSplit(new Blob([text]));
		expect(split).not.toBeNull();
		expect(text[split as number]).toBe('\n');
		expect(Math.abs((split as number) - text.length / 2)).toBeLessThan(5);
		const utf16 = new Uint8Array([0xff, 0xfe, 97, 0, 10, 0, 98, 0, 10, 0]);
		expect(await findSplit(new Blob([utf16]))).toBeNull();
	});

	it('reads the file whole when the cut falls inside a quoted field, with the same result', async () => {
		const { text } = generateInvoiceSample({ customers: 60 });
		const lines = text.split('\n');
		const middle = Math.floor(lines.length / 2);
		// A description spanning many lines, longer than the rest of the file: the middle is inside it.
		const fields = lines[middle].split(',');
		fields[2] = `"LONG\n${'NOTE\n'.repeat(Math.ceil(text.length / 4))}END"`;
		lines[middle] = fields.join(',');
		const quoted = lines.join('\n');
		const { parts, outcome: got } = await inParts(quoted);
		expect(parts).toBe(1);
		expect(got).toEqual(outcome(readInvoiceText(quoted)));
	});

	it('reads small files, or without a second thread, in one part', async () => {
		const { text } = generateInvoiceSample({ customers: 30 });
		expect((await readInvoiceInParts(new Blob([text]), {}, papaparseOnly(inThisThread), NO_BYTES)).parts).toBe(1);
		expect((await readInvoiceInParts(new Blob([text]), {}, null, { ...NO_BYTES, minBytes: 1 })).parts).toBe(1);
	});

	it('falls back to one part when the second part fails', async () => {
		const { text } = generateInvoiceSample({ customers: 60 });
		const failing: RunPart = async () => ({ ok: false, failure: { kind: 'internal', message: 'no worker' } });
		const parted = await readInvoiceInParts(new Blob([text]), {}, papaparseOnly(failing), { ...NO_BYTES, minBytes: 1 });
		expect(parted.parts).toBe(1);
		expect(outcome(parted.result)).toEqual(outcome(readInvoiceText(text)));
	});

	it('reports a layout problem once, from the first part', async () => {
		const text = 'Invoice,Quantity\n' + '1,2\n'.repeat(100);
		const parted = await readInvoiceInParts(new Blob([text]), {}, papaparseOnly(inThisThread), { ...NO_BYTES, minBytes: 1 });
		expect(parted.result.ok).toBe(false);
		if (!parted.result.ok) expect(parted.result.failure.kind).toBe('missing-columns');
	});

	const full = realDataFile('online-retail/online-retail.csv') ?? '';
	it.skipIf(!full)('reads the full Online Retail file in two parts exactly as in one (needs ../shared/data)', { timeout: 60_000 }, async () => {
		const bytes = readFileSync(full);
		const parted = await readInvoiceInParts(new Blob([bytes]), {}, papaparseOnly(inThisThread), NO_BYTES);
		expect(parted.parts).toBe(2);
		expect(outcome(parted.result)).toEqual(outcome(readInvoiceText(bytes.toString('utf8'))));
	});
});
