import { describe, expect, it } from 'vitest';
import { CUSTOMER_FEATURES, type CustomerTable } from './features';
import { readInvoiceText, type InvoiceReadSuccess } from './read';
import { generateInvoiceSample, withBrokenLines, type InvoiceSampleOptions, type SampleDateFormat } from './sample';

function read(text: string): InvoiceReadSuccess {
	const result = readInvoiceText(text);
	if (!result.ok) throw new Error(result.failure.message);
	return result;
}

/** Same customers, same features, value for value. */
function expectSameCustomers(table: CustomerTable, reference: CustomerTable): void {
	expect(table.count).toBe(reference.count);
	expect(table.ids).toEqual(reference.ids);
	for (const feature of CUSTOMER_FEATURES) expect(table.features[feature], feature).toEqual(reference.features[feature]);
}

const FORMATS: SampleDateFormat[] = ['iso', 'month-first', 'day-first'];
const plain = read(generateInvoiceSample({ seed: 5 }).text).aggregator.finish();

describe('generateInvoiceSample', () => {
	it('is deterministic for a seed and differs between seeds', () => {
		const a = generateInvoiceSample({ seed: 9 });
		expect(generateInvoiceSample({ seed: 9 })).toEqual(a);
		expect(generateInvoiceSample({ seed: 10 }).text).not.toBe(a.text);
	});

	it('has the export header, about 8,000 lines for 300 customers, and every customer type', () => {
		const sample = generateInvoiceSample();
		const rows = sample.text.split('\n');
		expect(rows[0]).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
		expect(rows.length - 2).toBe(sample.lines);
		expect(sample.lines).toBeGreaterThan(6000);
		expect(sample.lines).toBeLessThan(10000);
		expect(sample.text.length).toBeLessThan(1_000_000);
		expect(sample.customers).toBe(300);
		expect(Object.values(sample.byType).reduce((a, b) => a + b, 0)).toBe(300);
		for (const n of Object.values(sample.byType)) expect(n).toBeGreaterThan(0);
	});

	it('numbers invoices with 6 digits, increasing with time, lines of one invoice adjacent with one date', () => {
		const rows = generateInvoiceSample({ seed: 3 }).text.trim().split('\n').slice(1);
		const seen = new Set<string>();
		let previous = '';
		let previousNumber = 0;
		let previousDate = '';
		for (const row of rows) {
			const invoice = row.slice(0, row.indexOf(','));
			const date = /,(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00),/.exec(row)?.[1] ?? '';
			expect(invoice).toMatch(/^C?\d{6}$/);
			if (invoice === previous) {
				expect(date).toBe(previousDate);
				continue;
			}
			expect(seen.has(invoice)).toBe(false);
			seen.add(invoice);
			const number = Number(invoice.replace('C', ''));
			expect(number).toBe(previousNumber === 0 ? number : previousNumber + 1);
			expect(date >= previousDate).toBe(true);
			previous = invoice;
			previousNumber = number;
			previousDate = date;
		}
	});

	it('has something for each cleaning rule to remove, guests, returns and cancellations', () => {
		const { report } = plain;
		expect(report.removed['low-price']).toBeGreaterThan(0);
		expect(report.removed['stock-code']).toBeGreaterThan(0);
		expect(report.removed.country).toBeGreaterThan(0);
		expect(report.guestInvoices).toBeGreaterThan(0);
		expect(report.cancellationInvoices).toBeGreaterThan(0);
		expect(report.returnLines - report.cancellationLines).toBeGreaterThan(0);
		expect(report.returnOnlyCustomers).toBeGreaterThan(0);
		expect(plain.issueCount).toBe(0);
		// Every named customer keeps a purchase; the other rows are guest invoices.
		let named = 0;
		for (let i = 0; i < plain.count; i++) if (plain.guest[i] === 0) named++;
		expect(named).toBe(300);
		// Guests are about 10% of the invoices.
		const invoices = plain.features.invoices.reduce((a, b) => a + b, 0);
		expect(report.guestInvoices / invoices).toBeGreaterThan(0.05);
		expect(report.guestInvoices / invoices).toBeLessThan(0.15);
	});

	it('quotes descriptions that hold the delimiter or a quote', () => {
		const comma = generateInvoiceSample({ seed: 5 }).text;
		expect(comma).toMatch(/,"SET OF \d [A-Z ]+S, [A-Z]+",/);
		expect(comma).toMatch(/,"[A-Z ]+ ""[A-Z ]+"" [A-Z]+",/);
		const semicolon = generateInvoiceSample({ seed: 5, delimiter: ';' }).text;
		expect(semicolon).toMatch(/;SET OF \d [A-Z ]+S, [A-Z]+;/);
		expect(semicolon).toMatch(/;2,55;/);
	});

	for (const dateFormat of FORMATS) {
		for (const delimiter of [',', ';'] as const) {
			for (const extras of [false, true]) {
				const options: InvoiceSampleOptions = { seed: 5, dateFormat, delimiter, ...(extras ? { bom: true, crlf: true, customerIdDecimal: true } : {}) };
				it(`reads ${dateFormat} ${delimiter === ',' ? 'comma' : 'semicolon'}${extras ? ' with BOM, CRLF and decimal ids' : ''} to the same customers`, () => {
					const { text } = generateInvoiceSample(options);
					if (extras) {
						expect(text.startsWith('\uFEFF')).toBe(true);
						expect(text).toContain('\r\n');
						expect(text).toMatch(delimiter === ',' ? /,1\d{4}\.0,/ : /;1\d{4},0;/);
					}
					const result = read(text);
					expect(result.delimiter).toBe(delimiter);
					expect(result.ignoredColumns).toEqual([]);
					expect(result.missingOptional).toEqual([]);
					expect(result.aggregator.dateOrder).toBe(dateFormat);
					const table = result.aggregator.finish();
					expect(table.issueCount).toBe(0);
					expect(table.issues).toEqual([]);
					expectSameCustomers(table, plain);
					expect({ ...table.report, dateOrder: 'iso' }).toEqual(plain.report);
				});
			}
		}
	}

	it('writes the three date formats as exports do', () => {
		const first = (format: SampleDateFormat) => generateInvoiceSample({ seed: 5, dateFormat: format, period: ['2011-03-04', '2011-03-20'] }).text.split('\n')[1];
		expect(first('iso')).toMatch(/,2011-03-\d{2} \d{2}:\d{2}:00,/);
		expect(first('month-first')).toMatch(/,3\/\d{1,2}\/2011 \d{1,2}:\d{2},/);
		expect(first('day-first')).toMatch(/,\d{2}\/03\/2011 \d{2}:\d{2},/);
	});

	it('keeps to the period, and a short period still proves the day/month order', () => {
		const table = read(generateInvoiceSample({ seed: 2, period: ['2011-01-01', '2011-01-31'] }).text).aggregator.finish();
		expect(new Date(table.firstDate).toISOString() >= '2011-01-01').toBe(true);
		expect(new Date(table.lastDate).toISOString() < '2011-02-01').toBe(true);
		// Days 1-13 only: one guest invoice is moved to the 13th so the order can be told.
		for (const dateFormat of ['month-first', 'day-first'] as const) {
			const result = read(generateInvoiceSample({ seed: 2, dateFormat, customers: 30, period: ['2011-02-01', '2011-02-13'] }).text);
			expect(result.aggregator.dateOrder).toBe(dateFormat);
		}
		expect(() => generateInvoiceSample({ dateFormat: 'day-first', period: ['2011-02-01', '2011-02-12'] })).toThrow(/day above 12/);
	});

	it('with ambiguousDates writes only days 1-12: the reader asks, and either answer reads', () => {
		const reference = read(generateInvoiceSample({ seed: 5, ambiguousDates: true }).text).aggregator.finish();
		expect(new Date(reference.lastDate).getUTCDate()).toBeLessThanOrEqual(12);
		for (const dateFormat of ['month-first', 'day-first'] as const) {
			const result = read(generateInvoiceSample({ seed: 5, dateFormat, ambiguousDates: true, delimiter: ';' }).text);
			const aggregator = result.aggregator;
			expect(aggregator.dateOrder).toBe('ambiguous');
			expect(aggregator.ambiguousDateExamples.length).toBeGreaterThan(0);
			expect(() => aggregator.finish()).toThrow();
			const table = aggregator.finish({ dateOrder: dateFormat });
			expect(table.issueCount).toBe(0);
			expectSameCustomers(table, reference);
			// The wrong answer reads other dates (still calendar dates), so the features change.
			const other = aggregator.finish({ dateOrder: dateFormat === 'month-first' ? 'day-first' : 'month-first' });
			expect(other.features.recencyDays).not.toEqual(reference.features.recencyDays);
		}
	});
});

describe('withBrokenLines', () => {
	for (const options of [{ seed: 5 }, { seed: 6, dateFormat: 'day-first', delimiter: ';', bom: true, crlf: true, customerIdDecimal: true }] as InvoiceSampleOptions[]) {
		it(`reports exactly the broken rows and keeps the customers of the good lines (${options.delimiter ?? ','})`, () => {
			const sample = generateInvoiceSample(options);
			const reference = read(sample.text).aggregator.finish();
			const { text, broken } = withBrokenLines(sample, { seed: 11, count: 8 });
			expect(broken).toHaveLength(8);
			expect(new Set(broken.map((b) => b.kind))).toEqual(new Set(['quantity-text', 'unreadable-date', 'empty-invoice', 'price-text', 'too-few-fields']));
			expect(text.split(options.crlf ? '\r\n' : '\n').length).toBe(sample.text.split(options.crlf ? '\r\n' : '\n').length + 8);
			const result = read(text);
			expect(result.aggregator.dateOrder).toBe(options.dateFormat ?? 'iso');
			const table = result.aggregator.finish();
			expect(table.issues.map((i) => ({ row: i.row, column: i.column }))).toEqual(broken.map((b) => ({ row: b.row, column: b.column })));
			expect(table.issueCount).toBe(8);
			expect(table.report.unreadableLines).toBe(8);
			expect(table.report.linesRead).toBe(sample.lines + 8);
			expectSameCustomers(table, reference);
		});
	}

	it('names the columns the reader names, and is deterministic', () => {
		const sample = generateInvoiceSample({ customers: 40 });
		const { broken } = withBrokenLines(sample);
		expect(broken.map((b) => [b.kind, b.column]).sort()).toEqual([
			['empty-invoice', 'Invoice'],
			['price-text', 'Unit price'],
			['quantity-text', 'Quantity'],
			['too-few-fields', null],
			['unreadable-date', 'Invoice date']
		]);
		expect(withBrokenLines(sample)).toEqual(withBrokenLines(sample));
		const table = read(withBrokenLines(sample).text).aggregator.finish();
		const reasons = table.issues.map((i) => i.reason).join(' | ');
		expect(reasons).toContain('"six" is not a number');
		expect(reasons).toContain('"someday" is not a date');
		expect(reasons).toContain('"n/a" is not a number');
		expect(reasons).toContain('is empty');
		expect(reasons).toContain('has 5 values, but the header has 8 columns');
	});
});
