import { describe, expect, it } from 'vitest';
import { createCustomerAggregator, CUSTOMER_FEATURES, featureMatrix, type CustomerTable, type InvoiceLine } from './features';
import { readInvoiceText } from './read';

/**
 * A hand-checked invoice set. Row numbers are spreadsheet rows (the header is row 1, so the first
 * line below is row 2). Dates are [year, month, day, hour, minute]; every line is in December 2010
 * except row 13 (13 December, which also tells a month-first file from a day-first one).
 */
type Line = [invoice: string, stock: string, description: string, quantity: string, date: number[], price: string, customer: string, country: string];
const LINES: Line[] = [
	/* 2 */ ['536365', '85123A', 'WHITE HANGING HEART', '6', [2010, 12, 1, 8, 26], '2.55', '17850.0', 'United Kingdom'], // 17850 buys: 6 x 2.55 = 15.30
	/* 3 */ ['536365', '71053', 'WHITE METAL LANTERN', '6', [2010, 12, 1, 8, 26], '3.39', '17850.0', 'United Kingdom'], // 6 x 3.39 = 20.34
	/* 4 */ ['536366', '22633', 'HAND WARMER, UNION JACK', '6', [2010, 12, 1, 8, 28], '1.85', '17850', 'United Kingdom'], // id without .0; 6 x 1.85 = 11.10
	/* 5 */ ['536367', '85123A', 'WHITE HANGING HEART', '12', [2010, 12, 3, 9, 0], '2.55', '17850.0', 'United Kingdom'], // same product again: 12 x 2.55 = 30.60
	/* 6 */ ['C536368', '85123A', 'WHITE HANGING HEART', '-2', [2010, 12, 4, 10, 0], '2.55', '17850.0', 'United Kingdom'], // cancellation: 2 returned
	/* 7 */ ['536369', 'POST', 'POSTAGE', '1', [2010, 12, 3, 9, 0], '18.00', '17850.0', 'United Kingdom'], // dropped stock code
	/* 8 */ ['536370', '22728', 'ALARM CLOCK PINK', '24', [2010, 12, 5, 8, 45], '3.75', '12583.0', 'France'], // 12583 buys: 24 x 3.75 = 90.00
	/* 9 */ ['536375', '22727', 'ALARM CLOCK RED', '24', [2010, 12, 5, 16, 0], '3.75', '12583.0', 'France'], // second invoice, same day: 90.00
	/* 10 */ ['536371', '22728', 'ALARM CLOCK PINK', '-3', [2010, 12, 6, 10, 0], '3.75', '12583.0', 'France'], // negative quantity, not a C invoice: 3 returned
	/* 11 */ ['536372', 'M', 'Manual', '1', [2010, 12, 6, 11, 0], '5.00', '12583.0', 'France'], // dropped stock code M
	/* 12 */ ['536373', 'm', 'manual', '1', [2010, 12, 6, 11, 0], '5.00', '12583.0', 'France'], // dropped stock code m
	/* 13 */ ['536374', '22728', 'ALARM CLOCK PINK', '2', [2010, 12, 13, 14, 0], '0.03', '12583.0', 'France'], // price below 0.04
	/* 14 */ ['536380', '22086', 'PAPER CHAIN KIT', '10', [2010, 12, 7, 10, 0], '2.95', '', 'United Kingdom'], // no customer: guest-536380, 29.50
	/* 15 */ ['536380', '22910', 'PAPER CHAIN KIT VINTAGE', '5', [2010, 12, 7, 10, 0], '2.95', '', 'United Kingdom'], // same guest: 14.75
	/* 16 */ ['536381', '22086', 'PAPER CHAIN KIT', '4', [2010, 12, 8, 12, 0], '2.95', '', 'United Kingdom'], // another invoice: guest-536381, 11.80
	/* 17 */ ['536390', '21730', 'GLASS LANTERN', '8', [2010, 12, 8, 13, 0], '4.25', '14000.0', 'European Community'], // dropped country
	/* 18 */ ['536391', '21730', 'GLASS LANTERN', '8', [2010, 12, 8, 13, 0], '4.25', '14001.0', 'Unspecified'], // dropped country
	/* 19 */ ['C536392', '21730', 'GLASS LANTERN', '-1', [2010, 12, 9, 9, 0], '4.25', '15000.0', 'United Kingdom'], // return only: 15000 left out; the last date
	/* 20 */ ['536393', '22728', 'ALARM CLOCK PINK', 'two', [2010, 12, 8, 10, 0], '3.75', '12583.0', 'France'], // text in a number
	/* 21 */ ['', '22728', 'ALARM CLOCK PINK', '1', [2010, 12, 8, 10, 0], '3.75', '12583.0', 'France'], // missing invoice
	/* 22 */ ['536394', '22728', 'ALARM CLOCK PINK', '1', [], '3.75', '12583.0', 'France'] // unreadable date (31/31/2010)
];

/*
 * Expected, by hand. The last date in the data is 9 December (row 19, a return).
 *
 * 17850 (rows 2-6; row 7 dropped):
 *   revenue   15.30 + 20.34 + 11.10 + 30.60 = 77.34
 *   invoices  536365, 536366, 536367 = 3 (C536368 is a return)
 *   items     6 + 6 + 6 + 12 = 30;   products 85123A, 71053, 22633 = 3
 *   span      1 Dec .. 3 Dec = 3 days -> frequency 3 / 3 = 1
 *   recency   9 Dec - 3 Dec = 6 days;   returned 2 -> share 2 / 30
 * 12583 (rows 8-10; 11, 12, 13 dropped; 20-22 unreadable):
 *   revenue   90 + 90 = 180;   invoices 536370, 536375 = 2;   items 48;   products 22728, 22727 = 2
 *   span      5 Dec only = 1 day -> frequency 2 / 1 = 2
 *   recency   9 - 5 = 4;   returned 3 -> share 3 / 48 = 0.0625
 * guest-536380 (rows 14, 15): revenue 29.50 + 14.75 = 44.25, 1 invoice, 15 items, 2 products,
 *   span 1 -> frequency 1, recency 9 - 7 = 2, nothing returned
 * guest-536381 (row 16): revenue 11.80, 1 invoice, 4 items, 1 product, frequency 1, recency 1
 * 15000 (row 19): returns only -> left out.
 *
 * Report: 21 lines read; 3 unreadable (rows 20, 21, 22); removed: low price 1 (13), stock code 3
 * (7, 11, 12), country 2 (17, 18); kept 12 = 9 purchases (2-5, 8, 9, 14-16) + 3 returns (6, 10, 19),
 * of which 2 on C invoices (6, 19; 2 invoices); 2 guest invoices with 3 lines; 1 return-only customer.
 */
const EXPECTED = {
	ids: ['17850', '12583', 'guest-536380', 'guest-536381'],
	guest: [0, 0, 1, 1],
	grossRevenue: [77.34, 180, 44.25, 11.8],
	recencyDays: [6, 4, 2, 1],
	invoices: [3, 2, 1, 1],
	itemsBought: [30, 48, 15, 4],
	distinctProducts: [3, 2, 2, 1],
	frequency: [1, 2, 1, 1],
	itemsReturned: [2, 3, 0, 0],
	returnShare: [2 / 30, 0.0625, 0, 0]
};
const EXPECTED_REPORT = {
	linesRead: 21,
	unreadableLines: 3,
	removed: { 'low-price': 1, 'stock-code': 3, country: 2, 'zero-quantity': 0 },
	keptLines: 12,
	purchaseLines: 9,
	returnLines: 3,
	cancellationLines: 2,
	cancellationInvoices: 2,
	guestInvoices: 2,
	guestLines: 3,
	returnOnlyCustomers: 1,
	customers: 4
};

type Format = 'iso' | 'month-first' | 'day-first';
const two = (n: number) => String(n).padStart(2, '0');

function dateText(date: number[], format: Format): string {
	if (date.length === 0) return '31/31/2010 10:00';
	const [y, m, d, h, mi] = date;
	if (format === 'iso') return `${y}-${two(m)}-${two(d)} ${two(h)}:${two(mi)}:00`;
	if (format === 'month-first') return `${m}/${d}/${y} ${h}:${two(mi)}`;
	return `${two(d)}/${two(m)}/${y} ${two(h)}:${two(mi)}`;
}

function csvCell(text: string, delimiter: string): string {
	return text.includes(delimiter) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The set as a CSV file; a semicolon file writes decimal commas (prices and ids). */
function csv(format: Format, delimiter = ',', lines: Line[] = LINES, newline = '\n'): string {
	const comma = delimiter === ';';
	const header = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
	const rows = lines.map(([invoice, stock, description, quantity, date, price, customer, country]) =>
		[invoice, stock, description, quantity, dateText(date, format), comma ? price.replace('.', ',') : price, comma ? customer.replace('.', ',') : customer, country]
			.map((cell) => csvCell(cell, delimiter))
			.join(delimiter)
	);
	return [header.join(delimiter), ...rows].join(newline) + newline;
}

function expectHandSet(table: CustomerTable) {
	expect(table.count).toBe(4);
	expect(table.ids).toEqual(EXPECTED.ids);
	expect([...table.guest]).toEqual(EXPECTED.guest);
	for (const feature of CUSTOMER_FEATURES) {
		const got = [...table.features[feature]];
		EXPECTED[feature].forEach((value, i) => expect(got[i], `${feature} of ${EXPECTED.ids[i]}`).toBeCloseTo(value, 10));
	}
	expect(table.report).toMatchObject(EXPECTED_REPORT);
	expect(table.lastDate).toBe(Date.UTC(2010, 11, 9, 9, 0));
	expect(table.firstDate).toBe(Date.UTC(2010, 11, 1, 8, 26));
	expect(table.firstPurchase[0]).toBe(Date.UTC(2010, 11, 1, 8, 26));
	expect(table.lastPurchase[0]).toBe(Date.UTC(2010, 11, 3, 9, 0));
	expect(table.issueCount).toBe(3);
	expect(table.issues.map((i) => [i.row, i.column])).toEqual([
		[20, 'Quantity'],
		[21, 'Invoice'],
		[22, 'Invoice date']
	]);
	expect(table.issues[0].reason).toBe('"two" is not a number');
	expect(table.issues[1].reason).toBe('is empty');
	expect(table.issues[2].reason).toMatch(/^"31\/31\/2010 10:00" is not a date/);
}

function read(text: string) {
	const result = readInvoiceText(text);
	if (!result.ok) throw new Error(result.failure.message);
	return result;
}

describe('customer features from the hand-checked set', () => {
	it('computes every feature and count with year-first dates', () => {
		const result = read(csv('iso'));
		expect(result.aggregator.dateOrder).toBe('iso');
		const table = result.aggregator.finish();
		expectHandSet(table);
		expect(table.report.dateOrder).toBe('iso');
	});

	it('gives the same answers with month-first dates (12/1/2010 8:26), detected from the data', () => {
		const result = read(csv('month-first'));
		expect(result.aggregator.dateOrder).toBe('month-first');
		expectHandSet(result.aggregator.finish());
	});

	it('gives the same answers with day-first dates (01/12/2010 08:26), detected from the data', () => {
		const result = read(csv('day-first'));
		expect(result.aggregator.dateOrder).toBe('day-first');
		expectHandSet(result.aggregator.finish());
	});

	it('gives the same answers from a semicolon file with decimal commas (2,55 and 17850,0), a BOM and CRLF', () => {
		const result = read('\uFEFF' + csv('iso', ';', LINES, '\r\n'));
		expect(result.delimiter).toBe(';');
		expect(result.decimalComma).toBe(true);
		expectHandSet(result.aggregator.finish());
	});

	it('decides the date order by plausibility when no value proves it, and finishes either way without reading again', () => {
		// Without row 13 (13 December) every day/month value is 12 or less: read day first they are days of
		// December 2010; read month first, the 12th of many months. The first is chosen, and the report says why.
		const lines = LINES.filter((line) => line[0] !== '536374');
		const result = read(csv('day-first', ',', lines));
		expect(result.aggregator.dateOrder).toBe('day-first');
		expect(result.aggregator.ambiguousDateExamples[0]).toBe('01/12/2010 08:26');
		const right = result.aggregator.finish();
		expect(right.ids).toEqual(EXPECTED.ids);
		expect([...right.features.recencyDays]).toEqual(EXPECTED.recencyDays);
		expect(right.report.dateOrder).toBe('day-first');
		expect(right.report.dateOrderWhy).toMatch(/^read day first the \d+ different dates fall within \d+ days; read month first they would spread \d+ different dates over \d+ months/);
		// Read month first, "01/12/2010" is 12 January and "09/12/2010" 12 September: the answers change.
		const wrong = result.aggregator.finish({ dateOrder: 'month-first' });
		expect(wrong.lastDate).toBe(Date.UTC(2010, 8, 12, 9, 0));
		expect(wrong.features.recencyDays[0]).toBe(Math.round((Date.UTC(2010, 8, 12) - Date.UTC(2010, 2, 12)) / 86_400_000));
		expect(right.features.recencyDays[0]).toBe(6);
	});

	it('sets aside, at finish, a line whose date is no date in the order the file proves', () => {
		// A month-first file with one day-first value (13/1/2011): it proves less than the rest.
		const lines: Line[] = [
			['1', 'A', '', '1', [2010, 12, 13, 9, 0], '1', '1', 'France'],
			['2', 'A', '', '1', [2010, 12, 14, 9, 0], '1', '1', 'France'],
			['3', 'A', '', '1', [2010, 12, 15, 9, 0], '1', '2', 'France']
		];
		const text = csv('month-first', ',', lines) + '4,A,,1,13/1/2011 9:00,1,2,France\n';
		const result = read(text);
		expect(result.aggregator.dateOrder).toBe('month-first');
		const table = result.aggregator.finish();
		expect(table.report.unreadableLines).toBe(1);
		expect(table.issues).toEqual([{ row: 5, column: 'Invoice date', reason: '"13/1/2011 9:00" is not a date when read month first' }]);
		expect(table.lastDate).toBe(Date.UTC(2010, 11, 15, 9, 0));
		expect([...table.features.invoices]).toEqual([2, 1]);
	});

	it('gives the same answers from typed lines (addInvoiceLine)', () => {
		const aggregator = createCustomerAggregator();
		LINES.forEach(([invoice, stock, , quantity, date, price, customer, country], i) => {
			const line: InvoiceLine = {
				invoice,
				stockCode: stock,
				quantity: Number(quantity),
				unitPrice: Number(price),
				date: date.length ? Date.UTC(date[0], date[1] - 1, date[2], date[3], date[4]) : NaN,
				customerId: customer === '' ? null : Number(customer),
				country
			};
			aggregator.addInvoiceLine(line, i + 2);
		});
		const table = aggregator.finish();
		expect(table.ids).toEqual(EXPECTED.ids);
		for (const feature of CUSTOMER_FEATURES) {
			EXPECTED[feature].forEach((value, i) => expect(table.features[feature][i], feature).toBeCloseTo(value, 10));
		}
		expect(table.report).toMatchObject(EXPECTED_REPORT);
		expect(table.issues.map((i) => i.row)).toEqual([20, 21, 22]);
	});

	it('lays the features out row-major for a model', () => {
		const table = read(csv('iso')).aggregator.finish();
		const matrix = featureMatrix(table, ['grossRevenue', 'invoices']);
		[77.34, 3, 180, 2, 44.25, 1, 11.8, 1].forEach((value, i) => expect(matrix[i]).toBeCloseTo(value, 10));
		expect(featureMatrix(table)).toHaveLength(4 * CUSTOMER_FEATURES.length);
	});
});

describe('the aggregator on its own', () => {
	it('takes fields in the header order it is given, and counts short rows as unreadable', () => {
		// Columns shuffled: Country, CustomerID, UnitPrice, InvoiceDate, Quantity, StockCode, InvoiceNo.
		const aggregator = createCustomerAggregator({
			columns: { Country: 0, CustomerID: 1, UnitPrice: 2, InvoiceDate: 3, Quantity: 4, StockCode: 5, InvoiceNo: 6 },
			fieldCount: 7
		});
		aggregator.addLine(['France', '12583.0', '3.75', '2010-12-05 08:45', '24', '22728', '536370'], 2);
		aggregator.addLine(['France', '12583'], 3);
		aggregator.addLine(['France', '12583', '1', '2010-12-06 08:45', '1', '22727', '536371', '', ' '], 4);
		const table = aggregator.finish();
		expect(table.ids).toEqual(['12583']);
		expect(table.features.grossRevenue[0]).toBe(91);
		expect(table.features.distinctProducts[0]).toBe(2);
		expect(table.features.frequency[0]).toBe(1);
		expect(table.issues).toEqual([{ row: 3, column: null, reason: 'has 2 values, but the header has 7 columns' }]);
	});

	it('counts every unreadable line and keeps the first 100', () => {
		const aggregator = createCustomerAggregator();
		for (let row = 2; row < 252; row++) aggregator.addLine([String(row), 'A', '', 'x', '2010-12-01', '1', '1', 'France'], row);
		aggregator.addLine(['9', 'A', '', '1', '2010-12-01', '1', '1', 'France'], 252);
		const table = aggregator.finish();
		expect(table.issueCount).toBe(250);
		expect(table.report.unreadableLines).toBe(250);
		expect(table.issues).toHaveLength(100);
		expect(table.issues[99].row).toBe(101);
		expect(table.count).toBe(1);
	});

	it('caps the share returned at 1 and keeps customers with returns but no purchase out', () => {
		const aggregator = createCustomerAggregator();
		aggregator.addLine(['1', 'A', '', '2', '2010-12-01', '1', '7', 'France'], 2);
		aggregator.addLine(['C2', 'A', '', '-5', '2010-12-02', '1', '7', 'France'], 3);
		aggregator.addLine(['C3', 'A', '', '-1', '2010-12-02', '1', '8', 'France'], 4);
		const table = aggregator.finish();
		expect(table.ids).toEqual(['7']);
		expect(table.features.itemsReturned[0]).toBe(5);
		expect(table.features.returnShare[0]).toBe(1);
		expect(table.report.returnOnlyCustomers).toBe(1);
	});
});
