import { describe, expect, it } from 'vitest';
import { ByteInterner } from './byteInterner';
import { plainFieldEnd, scanInvoiceBytes, SCAN_STOPS, type ByteColumns, type ScanOptions } from './byteScan';
import type { CustomerAggregator } from './features';
import { seededRandom } from '../core/random';

/** The Online Retail layout: InvoiceNo, StockCode, Description (not used), Quantity, InvoiceDate, UnitPrice, CustomerID, Country. */
const COLUMNS: ByteColumns = { invoice: 0, stock: 1, quantity: 3, date: 4, price: 5, customer: 6, country: 7, fieldCount: 8 };

/** An aggregator that notes what the scan hands it, and by which entry (addFields: read from the bytes; addLine: decoded). */
function recorder() {
	const calls: unknown[] = [];
	const aggregator = {
		addFields: (...args: unknown[]) => calls.push(['fields', ...args]),
		addLine: (fields: readonly string[], row: number) => calls.push(['line', [...fields], row])
	} as unknown as CustomerAggregator;
	return { calls, aggregator };
}

function scan(text: string | Uint8Array, options: Partial<ScanOptions> = {}) {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	const { calls, aggregator } = recorder();
	const outcome = scanInvoiceBytes(bytes, aggregator, { columns: COLUMNS, firstRow: 2, last: true, ...options });
	return { outcome, calls };
}

/** The scan with its fast route, and with the general route alone (what the scan did before it had a fast route): the same, always. */
function expectSameByBothRoutes(text: string | Uint8Array, last = true) {
	const fast = scan(text, { last });
	expect(fast).toEqual(scan(text, { last, generalRouteOnly: true }));
	return fast;
}

const LINE = '536365,85123A,WHITE HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom';
const entry = (calls: unknown[]) => calls.map((c) => (c as unknown[])[0]);

describe('the byte scan’s fast route', () => {
	it('reads plain records from their bytes, LF and CRLF, and counts the line ends', () => {
		const got = expectSameByBothRoutes(`${LINE}\n${LINE}\r\n${LINE}\n`);
		expect(got.outcome).toEqual({ ok: true, records: 4, crlf: 1, lf: 2 });
		expect(entry(got.calls)).toEqual(['fields', 'fields', 'fields']);
		expect(got.calls[0]).toEqual(['fields', '536365', '85123A', 6, '', 2.55, '', '2010-12-01 08:26:00', '17850.0', 'United Kingdom', 2, 0]);
	});

	it('reads a description with non-ASCII text from the bytes, and decodes a record with non-ASCII in a used field', () => {
		const text = [LINE.replace('WHITE HEART', 'CAFÉ “NOIR” ☕'), LINE.replace('United Kingdom', 'Ísland'), LINE.replace('85123A', '8512É'), LINE.replace('17850.0', '17850\u00a0')].join('\n') + '\n';
		const got = expectSameByBothRoutes(text);
		expect(entry(got.calls)).toEqual(['fields', 'line', 'line', 'line']);
		expect((got.calls[1] as unknown[])[1]).toContain('Ísland');
	});

	it('leaves quoted fields, other field counts and blank records to the general route, with the same result', () => {
		const text = [
			LINE.replace('WHITE HEART', '"WHITE, HEART"'),
			LINE.replace('WHITE HEART', '"7"" FRAME"'),
			LINE.replace('536365', '"536365"'),
			LINE + ',',
			LINE + ',extra',
			LINE.replace(',United Kingdom', ''),
			'',
			',,,,,,,',
			' , ,\u00a0, , , , , ',
			LINE
		].join('\n');
		const got = expectSameByBothRoutes(text);
		expect(got.outcome).toEqual({ ok: true, records: 10, crlf: 0, lf: 9 });
		expect(entry(got.calls)).toEqual(['fields', 'fields', 'fields', 'line', 'line', 'line', 'fields']);
	});

	const stops: [string, string, string][] = [
		['a quote inside the description', LINE.replace('WHITE HEART', 'WHITE 7" HEART'), SCAN_STOPS.quoteInValue],
		['a quote inside a used field', LINE.replace('85123A', '851"3A'), SCAN_STOPS.quoteInValue],
		['text after a closing quote', LINE.replace('WHITE HEART', '"WHITE" HEART'), SCAN_STOPS.textAfterQuote],
		['a NUL byte in the description', LINE.replace('WHITE HEART', 'WHITE\u0000HEART'), SCAN_STOPS.nul],
		['a NUL byte in a used field', LINE.replace('2010-12-01', '2010\u000012-01'), SCAN_STOPS.nul],
		['a CR alone in the description', LINE.replace('WHITE HEART', 'WHITE\rHEART'), SCAN_STOPS.bareCr],
		['a CR alone at the line end', LINE + '\r' + LINE, SCAN_STOPS.bareCr],
		['a quote never closed', LINE.replace('WHITE HEART', '"WHITE HEART'), SCAN_STOPS.unclosed]
	];
	for (const [name, bad, why] of stops) {
		it(`stops at ${name}, after reading the records before it, as the general route does`, () => {
			const got = expectSameByBothRoutes(`${LINE}\n${bad}\n${LINE}\n`);
			expect(got.outcome).toEqual({ ok: false, why, cutInQuotes: false });
			expect(entry(got.calls)[0]).toBe('fields');
		});
	}

	it('reads records whose field ends fall at every place in a 4-byte word, and a last record with no line end, at every distance from the end', () => {
		for (let pad = 0; pad < 9; pad++) {
			const line = LINE.replace('WHITE HEART', 'W'.repeat(pad)).replace('United Kingdom', 'UK'.slice(0, pad % 3));
			for (const ending of ['\n', '\r\n', '']) {
				const text = `${line}\n${line}${ending}`;
				for (let cut = 0; cut < 6; cut++) {
					const got = expectSameByBothRoutes(text + 'x'.repeat(cut) + (cut ? ',1' : ''));
					expect(got.outcome.ok).toBe(true);
				}
			}
		}
	});

	it('reads a part that is not the last (it ends with a line end) as the general route does', () => {
		const got = expectSameByBothRoutes(`${LINE}\n${LINE}\n`, false);
		expect(got.outcome).toEqual({ ok: true, records: 2, crlf: 0, lf: 2 });
		expect(expectSameByBothRoutes(`${LINE}\n"OPEN\n`, false).outcome).toEqual({ ok: false, why: SCAN_STOPS.unclosed, cutInQuotes: true });
	});

	it('reads random files, awkward bytes anywhere, exactly as the general route does', () => {
		let seed = 12345;
		const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
		const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
		const plain = ['536365', '85123A', '6', '-1', '2.55', '2010-12-01 08:26:00', '17850.0', 'United Kingdom', 'A B C', '', ' 7 ', '1e3', 'x!#$%&\'()*+y'];
		const awkward = ['É', 'Ü12', '"q"', '"a,b"', '"a""b"', 'x"y', '\r', '\u0000', '\u00a0', '\uFEFF', '"\n"', 'ab\r\ncd', '\t'];
		const field = () => (random() < 0.93 ? pick(plain) : pick(plain) + pick(awkward) + pick(plain));
		for (let file = 0; file < 400; file++) {
			const records: string[] = [];
			const count = 1 + Math.floor(random() * 12);
			for (let r = 0; r < count; r++) {
				const fields = Array.from({ length: random() < 0.9 ? 8 : 6 + Math.floor(random() * 5) }, field);
				records.push(fields.join(','));
			}
			const text = records.map((r) => r + pick(['\n', '\n', '\r\n', '\n'])).join('');
			expectSameByBothRoutes(random() < 0.5 ? text : text.slice(0, -1));
			expectSameByBothRoutes(text, false);
		}
	});
});

describe('the fast route’s search for a field’s end, four bytes at a time', () => {
	it('stops at the first comma, LF, CR, quote or NUL (and byte from 128 in a used field) wherever it is in a word, and nowhere else', () => {
		const stopsUsed = (b: number) => b === 44 || b === 10 || b === 13 || b === 34 || b === 0 || b >= 128;
		for (let b = 0; b < 256; b++) {
			for (let offset = 0; offset < 9; offset++) {
				for (let from = 0; from < 4; from++) {
					// `offset` plain bytes (all the others below 45 among them), byte `b`, then an LF to end the search.
					const before = Array.from({ length: from + offset }, (_, k) => [32, 33, 35, 43, 45, 65, 57, 127][k % 8]);
					const bytes = Uint8Array.from([...before, b, 65, 66, 10, 65, 65, 65, 65]);
					const lf = before.length + 3;
					for (const used of [true, false]) {
						const stops = used ? stopsUsed(b) : stopsUsed(b) && b < 128;
						expect(plainFieldEnd(bytes, from, used), `byte ${b} at ${from + offset}, used ${used}`).toBe(stops ? before.length : lf);
					}
				}
			}
		}
	});

	it('stops where a byte-by-byte search stops, on random bytes rich in near misses (tabs, bytes 1-14, 0x22/0x2c look-alikes)', () => {
		const random = seededRandom(7);
		const pool = [0, 1, 9, 10, 11, 12, 13, 14, 15, 32, 33, 34, 35, 43, 44, 45, 0x2d, 0x23, 0x21, 0x62, 0xa2, 0xac, 0x80, 0xff, 65];
		const stopsUsed = (b: number) => b === 44 || b === 10 || b === 13 || b === 34 || b === 0 || b >= 128;
		for (let trial = 0; trial < 3000; trial++) {
			const length = 1 + Math.floor(random() * 24);
			const bytes = Uint8Array.from({ length: length + 1 }, (_, k) => (k === length ? 10 : pool[Math.floor(random() * pool.length)]));
			for (const used of [true, false]) {
				const stop = (b: number) => (used ? stopsUsed(b) : stopsUsed(b) && b < 128);
				const from = Math.floor(random() * length);
				let expected = from;
				while (!stop(bytes[expected])) expected++;
				expect(plainFieldEnd(bytes, from, used), `${Array.from(bytes).join(',')} from ${from}, used ${used}`).toBe(expected);
			}
		}
	});

	it('finds a stop in the last bytes, where a word would run past the end', () => {
		for (let length = 1; length < 10; length++) {
			const bytes = Uint8Array.from({ length }, (_, k) => (k === length - 1 ? 10 : 65));
			for (let from = 0; from < length; from++) expect(plainFieldEnd(bytes, from, true)).toBe(length - 1);
		}
	});
});

describe('ByteInterner', () => {
	it('gives one string per distinct value, numbered in the order first met, across parts and after growing', () => {
		const interner = new ByteInterner(4);
		const words = Array.from({ length: 50 }, (_, k) => `W${k}${'x'.repeat(k % 7)}`);
		const bytes = new TextEncoder().encode(words.join(',') + ',' + words.join(','));
		const again = new TextEncoder().encode(words.join(','));
		const seen: string[] = [];
		let at = 0;
		for (const [k, w] of [...words, ...words].entries()) {
			const text = interner.get(bytes, at, at + w.length);
			expect(text).toBe(w);
			expect(interner.number).toBe(k % words.length);
			if (k < words.length) seen.push(text);
			else expect(Object.is(text, seen[k - words.length])).toBe(true);
			at += w.length + 1;
		}
		at = 0;
		for (const [k, w] of words.entries()) {
			expect(interner.get(again, at, at + w.length)).toBe(w);
			expect(interner.number).toBe(k);
			at += w.length + 1;
		}
		expect(interner.get(again, 3, 3)).toBe('');
		expect(interner.number).toBe(-1);
	});

	it('tells apart values of the same length that differ in any one byte (the last word overlaps the one before)', () => {
		for (let length = 1; length <= 13; length++) {
			const interner = new ByteInterner(2);
			const base = 'ABCDEFGHIJKLMNOP'.slice(0, length);
			const values = [base, ...Array.from({ length }, (_, p) => base.slice(0, p) + 'z' + base.slice(p + 1))];
			// Each value twice in a row (the second time from the previous value's cache), then all again (from the table).
			const text = [...values.flatMap((v) => [v, v]), ...values].join(',');
			const bytes = new TextEncoder().encode(text);
			let at = 0;
			for (const [k, v] of [...values.flatMap((v) => [v, v]), ...values].entries()) {
				expect(interner.get(bytes, at, at + length)).toBe(v);
				expect(interner.number).toBe(k < 2 * values.length ? k >> 1 : k - 2 * values.length);
				at += length + 1;
			}
		}
	});
});
