import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBytePart } from './byteRead';
import { simpleDecimal } from './byteScan';
import { readInvoiceInParts, readPart, type PartRunners } from './parallel';
import { readInvoiceText, type InvoiceReadResult } from './read';
import { readOutcome } from './readOutcome.fixture';
import { generateInvoiceSample, withBrokenLines, type InvoiceSampleOptions } from './sample';
import { realDataFile } from './testData';

/** Everything a reader hands on: the table, cleaning counts, problems, rows, line ends and notes. */
function outcome(result: InvoiceReadResult) {
	if (!result.ok) return { failure: result.failure };
	const aggregator = result.aggregator;
	return {
		...readOutcome(result),
		extraLines: aggregator.extraLines,
		recordsRead: result.recordsRead,
		lineEndings: result.lineEndings,
		headerNotes: result.headerNotes,
		columns: [result.matchedColumns, result.ignoredColumns, result.missingOptional, result.duplicateColumns]
	};
}

/** Parts scanned "elsewhere": here, through the same code a reading worker runs. */
const inThisThread = (threads: number): PartRunners => ({
	threads,
	bytes: (part, setup, onProgress) => readBytePart(part, setup, onProgress),
	text: (part, setup, onProgress) => readPart(part, setup, onProgress)
});

/** Read with the byte scan forced on (any size, parts of a few KB). */
async function byBytes(input: string | Uint8Array<ArrayBuffer>, threads = 3) {
	const parted = await readInvoiceInParts(new Blob([input]), {}, inThisThread(threads), { byteMinBytes: 0, minPartBytes: 2048 });
	return { reader: parted.reader, parts: parted.parts, outcome: outcome(parted.result) };
}

const papaparse = (text: string) => outcome(readInvoiceText(text));

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

/** Lines that test the edges of splitting and reading: quoting, blanks, counts, spaces, odd numbers, non-ASCII. */
const AWKWARD = [
	HEADER,
	'536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom',
	'536365,71053,"METAL LANTERN, WHITE",6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
	'536366,22633,"RECORD FRAME 7"" SINGLE",6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom',
	'536366,22632,"TWO\nLINE NOTE",6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom',
	'',
	',,,,,,,',
	'   ',
	'536367,84879,BIRD,32,2010-12-01 08:34:00,1.69,13047.0,"United Kingdom"',
	'"536367","84880",BIRD,"32","2010-12-01 08:34:00","1.69","13047.0",United Kingdom',
	'536368,22960, JAR , 6 ,2010-12-01 08:34:00, 4.25 ,  13047 , United Kingdom ',
	'536369,21756,BATH,+3,2010-12-01 08:35:00,5.95,13047.0,United Kingdom',
	'536370,22728,ALARM,1e2,2010-12-01 08:45:00,3.75,12583.0,France',
	'536370,22727,ALARM,1,000,2010-12-01 08:45:00,3.75,12583.0,France',
	'536371,22086,PAPER,80,2010-12-01 09:00:00,2.55,13748.0',
	'536372,22632,HAND,6,2010-12-01 09:01:00,1.85,17850.0,United Kingdom,,',
	'536372,22633,HAND,6,2010-12-01 09:01:00,1.85,17850.0,United Kingdom,extra',
	'536373,82494L,CAFÉ SIGN,6,2010-12-01 09:02:00,2.55,17850.0,Ísland',
	'536374,21258,"CAFÉ ""B""",32,2010-12-01 09:09:00,10.95,15100.0,"Côte d’Ivoire"',
	'C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom',
	'C536383,35004C,SET,-1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom',
	'536384,POST,POSTAGE,3,2010-12-01 09:53:00,18,12583.0,France',
	'536385,22783,SET,4,2010-12-01 09:56:00,0.01,,United Kingdom',
	'536386,22783,SET,4,2010-12-01 09:57:00,2.00,,Unspecified',
	'536387,22783,SET,0,2010-12-01 09:58:00,2.00,,United Kingdom',
	'536388,22783,SET,4,someday,2.00,,United Kingdom',
	'536389,22783,SET,4,1-Dec-2010 10:00,2.00,,United Kingdom',
	'536390,22783,SET,4,2010-12-01 10:01:00,2.00,,United Kingdom',
	'536390,22784,SET,2,2010-12-01 10:01:00,2.00,,United Kingdom',
	'536391,22785,SET,1234567890123456,2010-12-01 10:02:00,0.5,12347,Iceland',
	'536392,22786,SET,-.5,2010-12-01 10:03:00,5.,12347,Iceland',
	'\u00a0,\u00a0',
	'536393,,SET,1,2010-12-01 10:04:00,1,12347,Iceland',
	'536394,22787,SET,1,2010-12-02 10:04:00,1,12348,Iceland'
];

describe('the byte scan', () => {
	it('reads simple numbers exactly as Number() does, and leaves the rest to the full parser', () => {
		const bytes = (s: string) => new TextEncoder().encode(s);
		for (const s of ['2.55', '0.1', '-3', '17850.0', '+4', '5.', '.5', '123456789012345', '0.000001']) {
			const b = bytes(s);
			expect(simpleDecimal(b, 0, b.length)).toBe(Number(s));
		}
		for (const s of ['', '-', '1e3', '1,0', '1.2.3', '1234567890123456', ' 1', 'NaN']) {
			const b = bytes(s);
			expect(simpleDecimal(b, 0, b.length)).toBeNaN();
		}
	});

	it('gives what the papaparse reader gives on awkward lines, with LF, CRLF, a mix, a BOM and blank lines before the header', async () => {
		const lf = AWKWARD.join('\n') + '\n';
		const variants = {
			lf,
			crlf: AWKWARD.join('\r\n'),
			mixed: AWKWARD.map((l, i) => l + (i % 3 === 0 ? '\r\n' : '\n')).join(''),
			bom: '\uFEFF' + lf,
			blankFirst: '\n  \n' + lf + '\n\n'
		};
		for (const [name, text] of Object.entries(variants)) {
			for (const threads of [1, 4]) {
				const got = await byBytes(text, threads);
				expect(got.reader, name).toEqual({ kind: 'bytes' });
				expect(got.outcome, `${name}, ${threads} threads`).toEqual(papaparse(text));
			}
		}
	});

	const LAYOUTS: InvoiceSampleOptions[] = [
		{},
		{ dateFormat: 'month-first', crlf: true },
		{ dateFormat: 'day-first', bom: true, customerIdDecimal: true },
		{ ambiguousDates: true, dateFormat: 'month-first' },
		{ dateFormat: 'day-month-name' },
		{ dateFormat: 'short-year-am-pm', customerIdDecimal: true }
	];
	for (const layout of LAYOUTS) {
		it(`gives what the papaparse reader gives on a sample with broken lines, on 1 and 3 threads: ${JSON.stringify(layout)}`, async () => {
			const { text } = withBrokenLines(generateInvoiceSample({ customers: 150, ...layout }), { count: 12 });
			const expected = papaparse(text);
			for (const threads of [1, 3]) {
				const got = await byBytes(text, threads);
				expect(got.reader).toEqual({ kind: 'bytes' });
				if (threads > 1) expect(got.parts).toBeGreaterThan(1);
				expect(got.outcome).toEqual(expected);
			}
		});
	}

	it('scans again in one part when a cut falls inside a quoted value, with the same result', async () => {
		const { text } = generateInvoiceSample({ customers: 80 });
		const lines = text.split('\n');
		const fields = lines[Math.floor(lines.length / 2)].split(',');
		fields[2] = `"LONG\n${'NOTE\n'.repeat(Math.ceil(text.length / 5))}END"`;
		lines[Math.floor(lines.length / 2)] = fields.join(',');
		const quoted = lines.join('\n');
		const got = await byBytes(quoted, 4);
		expect(got.reader).toEqual({ kind: 'bytes' });
		expect(got.parts).toBe(1);
		expect(got.outcome).toEqual(papaparse(quoted));
	});

	const sample = generateInvoiceSample({ customers: 60 }).text;
	const cases: [string, string | Uint8Array<ArrayBuffer>, string][] = [
		['a semicolon-separated file', generateInvoiceSample({ customers: 60, delimiter: ';' }).text, 'a delimiter other than a comma'],
		['a line ending in CR alone', sample.replaceAll('\n', '\r'), 'a line ending in CR alone'],
		['a NUL byte', sample.replace('\n5', '\n\u00005'), 'a NUL byte'],
		['a NUL byte inside a quoted value', sample.replace(/\n(\d+),(\w+),[^,]*,/, '\n$1,$2,"A\u0000B",'), 'a NUL byte'],
		['a quote inside an unquoted value', sample.replace(/\n(\d+),(\w+),/, '\n$1,$2 7",'), 'a quote inside an unquoted value'],
		['text after a closing quote', sample.replace(/\n(\d+),(\w+),[^,]*,/, '\n$1,$2,"X" Y,'), 'text after a closing quote'],
		['a quote never closed', sample + '536999,1,"OPEN,1,2010-12-01 08:26:00,1,1,UK\n', 'a quote never closed'],
		['a Windows-1252 file', Uint8Array.from([...new TextEncoder().encode(sample), ...new TextEncoder().encode('536999,1,CAF'), 0xc9, ...new TextEncoder().encode(',1,2010-12-01 08:26:00,1,1,UK\n')]), 'the windows-1252 encoding']
	];
	for (const [name, input, why] of cases) {
		it(`hands ${name} to the papaparse reader, saying why, with the papaparse result`, async () => {
			const got = await byBytes(input);
			expect(got.reader).toEqual({ kind: 'papaparse', why });
			const text = typeof input === 'string' ? input : null;
			if (text !== null) expect(got.outcome).toEqual(papaparse(text));
		});
	}

	it('names a NUL byte as the reason even when the scan stops earlier in the same part', async () => {
		const input = sample.replace(/\n(\d+),(\w+),/, '\n$1,$2 7",') + '536999,1,X\u0000,1,2010-12-01 08:26:00,1,1,UK\n';
		expect((await byBytes(input, 1)).reader).toEqual({ kind: 'papaparse', why: 'a NUL byte' });
	});

	it('leaves files under 1 MB to the papaparse reader by default', async () => {
		const parted = await readInvoiceInParts(new Blob([sample]), {}, inThisThread(2));
		expect(parted.reader.kind).toBe('papaparse');
	});

	const full = realDataFile('online-retail/online-retail.csv') ?? '';
	it.skipIf(!full)('reads the full Online Retail file on 1 and 4 threads exactly as the papaparse reader does (needs ../shared/data)', { timeout: 120_000 }, async () => {
		const bytes = readFileSync(full);
		const expected = papaparse(bytes.toString('utf8'));
		for (const threads of [1, 4]) {
			const parted = await readInvoiceInParts(new Blob([bytes]), {}, inThisThread(threads));
			expect(parted.reader).toEqual({ kind: 'bytes' });
			expect(parted.parts).toBe(threads);
			expect(outcome(parted.result)).toEqual(expected);
		}
	});
});
