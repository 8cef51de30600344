// The customer-segments page end to end: the first view (the model's training data), invoice files
// in every accepted date style and delimiter, the day/month question, broken lines, files that
// cannot be used, cancelling a large file, the one-customer form, and a small phone.
// Files are generated in the tests by the site's own seeded sample writer (segmentsFiles.ts); the
// numbers the page should show are computed with the same pure reading code its worker runs.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { CUSTOMER_FEATURE_INFO, type CustomerFeature } from '../../src/lib/segments/features';
import { generateInvoiceSample, withBrokenLines, type InvoiceSampleOptions } from '../../src/lib/segments/sample';
import { CUSTOMER_LIST_COLUMNS } from '../../src/lib/segments/view';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { parseSimpleCsv, pngBytes } from './gmvFiles';
import { expectedAnalysis, invoiceText, segmentsArtifact, withoutColumns, writeLargeInvoiceFile, type ExpectedAnalysis } from './segmentsFiles';

/** Waiting for a file to be read and analysed in the worker (never a timing assertion). */
const ANALYSED = { timeout: 30_000 };
const count = (n: number) => n.toLocaleString('en');

const showing = (page: Page) => page.getByTestId('showing');
const uploadSection = (page: Page) => page.getByRole('region', { name: 'Analyse your own invoice lines' });
const fileAlert = (page: Page) => uploadSection(page).getByRole('alert');
const customerList = (page: Page) => page.getByTestId('customer-list');
const cleaningReport = (page: Page) => page.getByTestId('cleaning-report');
const placer = (page: Page) => page.getByRole('region', { name: 'Place one customer' });

async function openSegments(page: Page): Promise<void> {
	const response = await page.goto('segments/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Customer segments and the Insiders program' })).toBeVisible();
}

/** Hand a file to the page's file input, as choosing it in the file chooser does. */
async function upload(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
	await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** The page shows the analysis of `name`, with the numbers the pure code computes. */
async function expectAnalysed(page: Page, name: string, expected: ExpectedAnalysis): Promise<void> {
	await expect(showing(page)).toContainText(`Showing ${name}: ${count(expected.customers)} customers`, ANALYSED);
	await expect(uploadSection(page).getByText(`${count(expected.customers)} customers analysed`).first()).toBeVisible();
	await expect(page.getByTestId('how-many')).toContainText(`of the ${count(expected.customers)} in ${name}`);
	await expect(page.getByTestId('how-many')).toContainText(count(expected.insiders));
	await expect(cleaningReport(page).getByRole('row', { name: /^Customers analysed/ })).toContainText(count(expected.customers));
	if (expected.anonymousInvoices > 0) await expect(page.getByTestId('anonymous')).toContainText(`${count(expected.anonymousInvoices)} invoice`);
}

/** A cell's text in the cleaning report's row that starts with `label`. */
const reportCount = (page: Page, label: RegExp) => cleaningReport(page).getByRole('row', { name: label }).getByRole('cell');

/** Check the Insiders list of an analysed file: its count, the search box, and the CSV download. */
async function checkCustomerList(page: Page, name: string, expected: ExpectedAnalysis): Promise<void> {
	const list = customerList(page);
	const counter = list.getByText(/^[\d,]+ customers?( matching “.*”)?\.$/);
	await expect(counter).toHaveText(`${count(expected.insiders)} customer${expected.insiders === 1 ? '' : 's'}.`);
	const rows = list.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
	await expect(rows).toHaveCount(Math.min(25, expected.insiders));

	// An id that is in the list: exactly one customer.
	expect(expected.insiderIds.length, 'the sample has named Insiders').toBeGreaterThan(0);
	const id = expected.insiderIds[0];
	const search = list.getByRole('searchbox', { name: 'Search customer id' });
	await search.fill(id);
	await expect(counter).toHaveText(`1 customer matching “${id}”.`);
	await expect(rows).toHaveCount(1);
	await expect(rows.first().getByRole('cell').first()).toHaveText(id);
	await search.fill('');
	await expect(counter).toHaveText(`${count(expected.insiders)} customer${expected.insiders === 1 ? '' : 's'}.`);

	const downloading = page.waitForEvent('download');
	await list.getByRole('button', { name: 'Download CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe(`${name.replace(/\.[^.]+$/, '')}-insiders.csv`);
	const text = readFileSync(await download.path(), 'utf8');
	const [header, ...records] = parseSimpleCsv(text);
	expect(header[0]).toMatch(/^Customer$/i);
	expect(header).toEqual(CUSTOMER_LIST_COLUMNS.map((c) => c.key));
	expect(records).toHaveLength(expected.insiders);
	expect(records.map((r) => r[0])).toContain(id);
}

test.describe('first view', () => {
	test('shows the training data: answers, rules, evidence, actions, model card and cleaning report', async ({ page }) => {
		const artifact = segmentsArtifact();
		const training = artifact.analysis;
		const insiders = training.clusters[training.insiders];
		await openSegments(page);

		await expect(showing(page)).toContainText('Showing the model’s training data');
		await expect(showing(page)).toContainText(`${count(training.customers)} customers`);
		await expect(page.getByTestId('how-many')).toContainText(count(insiders.size));
		await expect(page.getByTestId('how-many')).toContainText(`of the ${count(training.customers)} in the training data`);
		await expect(page.getByTestId('revenue-share')).toContainText(`${(insiders.revenueShare * 100).toFixed(1)}%`);
		await expect(page.getByTestId('forecast')).toContainText(/Revenue to expect, next \d+ months/);
		await expect(page.getByTestId('forecast')).toContainText(/80% range £[\d.]+[KM]? – £[\d.]+[KM]?/);
		await expect(page.getByTestId('entry-rule')).toContainText('Join when all of these hold');
		await expect(page.getByTestId('entry-rule')).toContainText(/at least [\d,]+ invoices/);
		await expect(page.getByTestId('exit-rule')).toContainText('Leave when any of these holds');
		await expect(page.getByTestId('evidence')).toContainText('Mann-Whitney U');
		await expect(page.getByTestId('evidence')).toContainText(/bootstrap interval/);

		const actions = page.getByTestId('actions');
		for (const cluster of training.clusters) {
			await expect(actions.getByRole('rowheader', { name: cluster.name, exact: true })).toBeVisible();
		}
		// Each cluster's action on a row of its own under it, and the invoices without a customer id apart.
		await expect(actions.getByTestId('action')).toHaveCount(training.clusters.length);
		await expect(actions.getByTestId('anonymous-row')).toContainText(`${count(training.anonymous.invoices)} invoices`);
		await expect(page.getByTestId('anonymous')).toContainText(`${count(training.anonymous.invoices)} invoices without a customer id`);
		await expect(page.getByTestId('revenue-share')).toContainText('£');
		await expect(page.getByTestId('model-card').getByTestId('card-anonymous')).toContainText('The original analysis gave every invoice without a customer id a customer of its own');

		await expect(page.getByTestId('model-card')).toBeVisible();
		await expect(page.getByTestId('model-card').getByRole('heading', { name: 'Model card' })).toBeVisible();

		const report = cleaningReport(page);
		await expect(report).toHaveCount(1);
		await expect(report.getByRole('heading', { name: 'What was removed from the training data, and why' })).toBeVisible();
		await expect(report).toContainText(`${count(artifact.cleaning.linesRead)} lines read`);
		await expect(reportCount(page, /^Customers analysed/)).toHaveText(count(artifact.cleaning.customers - training.anonymous.invoices));

		await expect(customerList(page)).toContainText('appears when you analyse a file above');
		await expect(customerList(page).getByRole('table')).toHaveCount(0);
	});

	test('the forecast: its range holds its point, the season it covers, a backtest chart and every method, on the page and in the card', async ({ page }) => {
		const forecast = segmentsArtifact().analysis.forecast!;
		await openSegments(page);
		// The headline's range holds the point (compact money: £1.35M, £748K).
		const money = (text: string) => {
			const m = /£([\d.]+)([KM]?)/.exec(text)!;
			return Number(m[1]) * (m[2] === 'M' ? 1e6 : m[2] === 'K' ? 1e3 : 1);
		};
		const point = money((await page.getByTestId('forecast').locator('.big').textContent())!);
		const range = (await page.getByTestId('forecast-range').textContent())!;
		const [low, high] = [...range.matchAll(/£[\d.]+[KM]?/g)].map((m) => money(m[0]));
		expect(low, range).toBeLessThanOrEqual(point);
		expect(point, range).toBeLessThanOrEqual(high);
		expect(low).toBeCloseTo(forecast.low!, -4);
		expect(high).toBeCloseTo(forecast.high!, -4);

		// One tap to how it was checked: the part below builds, and the page goes there.
		await page.getByTestId('forecast').getByRole('link', { name: 'How it was checked' }).click();
		const check = page.getByTestId('forecast-backtest');
		await expect(check).toBeInViewport();
		await expect(check.getByTestId('forecast-season')).toContainText(`${forecast.window[0]} to ${forecast.window[1]} (December to March)`);
		await expect(check.getByTestId('forecast-season')).toContainText('none of the backtests was in it');
		await expect(check.getByTestId('forecast-range-note')).toContainText(`fell inside the range made from the others ${Math.round(forecast.coverage! * 100)}% of the time`);
		const chart = check.getByTestId('forecast-chart');
		await expect(chart.locator('canvas')).toBeVisible();
		await expect(chart.locator('.placeholder')).toHaveCount(0, { timeout: 30_000 });
		const chosen = forecast.candidates.find((c) => c.method === forecast.chosen)!;
		await expect(chart.getByRole('img')).toHaveAccessibleName(/Backtests of the .* forecast/);
		await expect(chart).toContainText(`The actual fell inside the range made from the other cuts at ${chosen.cuts.filter((c) => c.actual >= c.low! && c.actual <= c.high!).length} of ${chosen.cuts.length}`);
		const methods = check.getByTestId('forecast-methods');
		await expect(methods.getByRole('rowheader')).toHaveText(['Run rate (chosen)', 'Seasonal', 'BG/NBD + Gamma-Gamma']);
		await expect(methods.getByRole('row', { name: /Seasonal/ })).toContainText('Not checked');
		await expectAccessible(page, 'segments forecast check');

		const card = page.getByTestId('model-card').getByTestId('card-forecast');
		await expect(card).toContainText('every method, backtested');
		await expect(card.getByTestId('forecast-methods').getByRole('rowheader')).toHaveCount(3);
		await expect(card.getByTestId('card-clv-fits')).toContainText('BG/NBD on all');
	});

	test('the charts draw when scrolled into view', async ({ page }) => {
		await openSegments(page);
		const charts = page.getByTestId('cluster-charts').getByRole('img');
		await expect(charts).toHaveCount(3);
		for (let i = 0; i < 3; i++) {
			const chart = charts.nth(i);
			await chart.scrollIntoViewIfNeeded();
			await expect(chart.locator('canvas')).toBeVisible();
			// The "Loading chart…" placeholder goes once chart.js has drawn on the canvas.
			await expect(chart.locator('.placeholder')).toHaveCount(0, { timeout: 30_000 });
			const box = await chart.locator('canvas').boundingBox();
			expect(box && box.width > 100 && box.height > 100, 'the canvas has a size').toBe(true);
		}
	});
});

const FORMATS: { name: string; options: InvoiceSampleOptions }[] = [
	{ name: 'iso-comma.csv', options: { dateFormat: 'iso', delimiter: ',', seed: 42 } },
	{ name: 'month-first-comma.csv', options: { dateFormat: 'month-first', delimiter: ',', seed: 43 } },
	{ name: 'day-first-semicolon.csv', options: { dateFormat: 'day-first', delimiter: ';', seed: 44 } },
	{ name: 'bom-crlf-decimal-ids.csv', options: { bom: true, crlf: true, customerIdDecimal: true, seed: 45 } }
];

for (const { name, options } of FORMATS) {
	test(`a generated file (${name}) is analysed, listed, searched and downloaded`, async ({ page }) => {
		const text = invoiceText(options);
		if (options.delimiter === ';') expect(text, 'decimal commas in the semicolon file').toMatch(/;\d+,\d+;/);
		const expected = expectedAnalysis(text);
		await openSegments(page);
		await upload(page, name, text);
		await expectAnalysed(page, name, expected);
		await expect(fileAlert(page)).toHaveCount(0);
		await expect(reportCount(page, /^Unreadable lines/)).toHaveText('0');
		await checkCustomerList(page, name, expected);
	});
}

test('a large file is read from its bytes on two threads and gives what one reader gives, broken lines included', async ({ page }) => {
	// 16 MB through the file input and two readers: minutes on a busy machine.
	test.slow();
	const name = 'large.csv';
	const { text, broken } = withBrokenLines(generateInvoiceSample({ customers: 7000, seed: 9, crlf: true }), { count: 30 });
	expect(Buffer.byteLength(text), 'large enough to be read in two parts').toBeGreaterThan(8 * 1024 * 1024);
	const expected = expectedAnalysis(text);
	await openSegments(page);
	await upload(page, name, text);
	await expectAnalysed(page, name, expected);
	await expect(uploadSection(page).getByTestId('timing-line')).toContainText('Read from its bytes');
	await expect(uploadSection(page).getByTestId('timing-line')).toContainText('on 2 background threads');
	await expect(reportCount(page, /^Unreadable lines/)).toHaveText(count(broken.length));
	const problems = uploadSection(page).locator('.issues li');
	await expect(problems).toHaveCount(broken.length);
	// Rows from both halves of the file, numbered as in the whole file.
	for (const line of [broken[0], broken[broken.length - 1]]) {
		await expect(problems.filter({ hasText: new RegExp(`^Row ${line.row}[,:]`) })).toHaveCount(1);
	}
	await checkCustomerList(page, name, expected);
});

test('the generated sample runs with one click, and the page goes back to the training data', async ({ page }) => {
	const sample = readFileSync(new URL('../../static/samples/segments-sample.csv', import.meta.url), 'utf8');
	const expected = expectedAnalysis(sample);
	await openSegments(page);
	await uploadSection(page).getByRole('button', { name: 'Analyse the generated sample' }).click();
	await expectAnalysed(page, 'segments-sample.csv', expected);
	await page.getByTestId('showing').getByRole('button', { name: 'Back to the training data' }).click();
	await expect(showing(page)).toContainText('Showing the model’s training data');
	await expect(page.getByTestId('how-many')).toContainText(count(segmentsArtifact().analysis.clusters[segmentsArtifact().insiders].size));
});

test('a file chosen before the page has started (its code still on the way) is read once it is ready', async ({ page }) => {
	// Hold the page's code until the file is chosen in the prerendered input.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/entry\/start[^/]*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	const name = 'early.csv';
	const text = invoiceText({ customers: 40, seed: 64 });
	await page.goto('segments/', { waitUntil: 'commit' });
	await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	release();
	await expectAnalysed(page, name, expectedAnalysis(text));
});

test('the feature chart follows the chosen feature, and the template lists the columns', async ({ page }) => {
	await openSegments(page);
	const charts = page.getByTestId('cluster-charts');
	const pick = charts.getByTestId('feature-select');
	await pick.scrollIntoViewIfNeeded();
	await pick.selectOption('invoices');
	const chart = charts.getByRole('img', { name: `${CUSTOMER_FEATURE_INFO.invoices.label} by cluster` });
	await expect(chart).toBeVisible(ANALYSED);
	await expect(charts).toContainText(CUSTOMER_FEATURE_INFO.invoices.help);

	const downloading = page.waitForEvent('download');
	await uploadSection(page).getByRole('link', { name: 'Download template' }).click();
	const download = await downloading;
	const [header] = parseSimpleCsv(readFileSync(await download.path(), 'utf8'));
	expect(header.map((h) => h.replace(/^\uFEFF/, ''))).toEqual(expect.arrayContaining(['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID']));
});

test('dates that could be day or month first: the page asks, and reads them as answered', async ({ page }) => {
	const name = 'ambiguous.csv';
	const text = invoiceText({ ambiguousDates: true, dateFormat: 'day-first', seed: 46 });
	const expected = expectedAnalysis(text, 'day-first');
	await openSegments(page);
	await upload(page, name, text);

	const question = page.getByTestId('date-question');
	await expect(question).toBeVisible(ANALYSED);
	await expect(question).toContainText('Which comes first in these dates, the day or the month?');
	await expect(showing(page)).toContainText('the model’s training data');
	await question.getByRole('button', { name: /^Day first/ }).click();

	await expectAnalysed(page, name, expected);
	await expect(question).toHaveCount(0);
	await expect(cleaningReport(page)).toContainText('Dates were read day first');
});

test('month names, two-digit years and AM/PM are read, each as the page’s own reader reads it', async ({ page }) => {
	await openSegments(page);
	for (const dateFormat of ['day-month-name', 'month-name-first', 'long-month', 'short-year-am-pm'] as const) {
		const name = `${dateFormat}.csv`;
		const text = invoiceText({ dateFormat, seed: 60 });
		const expected = expectedAnalysis(text);
		await upload(page, name, text);
		await expectAnalysed(page, name, expected);
		await expect(reportCount(page, /^Unreadable lines/)).toHaveText('0');
		await expect(page.getByTestId('date-question')).toHaveCount(0);
	}
});

test('a short file whose dates are all 1-12: read as consecutive days by plausibility, not asked, and says why', async ({ page }) => {
	const name = 'two-weeks.csv';
	const text = invoiceText({ dateFormat: 'day-first', ambiguousDates: true, period: ['2011-03-01', '2011-03-14'], customers: 60, seed: 61 });
	const expected = expectedAnalysis(text);
	await openSegments(page);
	await upload(page, name, text);
	await expectAnalysed(page, name, expected);
	await expect(page.getByTestId('date-question')).toHaveCount(0);
	await expect(showing(page)).toContainText('2011-03-01 to 2011-03-12');
	await expect(page.getByTestId('date-order')).toContainText('read day first the 12 different dates fall within 12 days; read month first they would spread');
	// Twelve days of data: no three-month forecast, and the page says why.
	await expect(page.getByTestId('forecast')).toContainText('The file covers 12 days: too short to forecast revenue');
});

test('a file shorter than two horizons gets a shorter forecast, and the page says why', async ({ page }) => {
	const name = 'hundred-days.csv';
	const text = invoiceText({ period: ['2011-01-03', '2011-04-12'], customers: 120, seed: 63 });
	const expected = expectedAnalysis(text);
	expect(expected.insiders, 'the file has Insiders to forecast').toBeGreaterThan(1);
	await openSegments(page);
	await upload(page, name, text);
	await expectAnalysed(page, name, expected);
	const headline = page.getByTestId('forecast');
	await expect(headline).toContainText(/Revenue to expect, next \d+ days/);
	const days = Number(/next (\d+) days/.exec((await headline.textContent())!)![1]);
	expect(days).toBeLessThan(91);
	await page.getByTestId('forecast-backtest').scrollIntoViewIfNeeded();
	const shortened = page.getByTestId('forecast-shortened');
	await expect(shortened).toContainText(new RegExp(`The file covers (\\d+) days, less than twice the 91 days asked for, so the forecast covers the next ${days} days only`));
	const span = Number(/covers (\d+) days/.exec((await shortened.textContent())!)![1]);
	expect(days).toBe(Math.floor(span / 2));
});

test('a file whose dates cannot be read names the column, examples and the styles understood', async ({ page }) => {
	const text = invoiceText({ customers: 20, seed: 62 }).replace(/\d{4}-\d{2}-(\d{2}) \d{2}:\d{2}:\d{2}/g, (_, d: string) => `${Number(d)}st of Decembre`);
	await openSegments(page);
	await upload(page, 'odd-dates.csv', text);
	await expect(fileAlert(page)).toContainText('The Invoice date column could not be read as dates (for example', ANALYSED);
	await expect(fileAlert(page)).toContainText('Dates understood: 2010-12-01, 12/1/2010, 01/12/2010');
	await expect(showing(page)).toContainText('the model’s training data');
});

test('broken lines are listed by row and column, and the rest is analysed', async ({ page }) => {
	const name = 'broken.csv';
	const { text, broken } = withBrokenLines(generateInvoiceSample({ seed: 47 }));
	const expected = expectedAnalysis(text);
	expect(expected.unreadableLines).toBe(broken.length);
	await openSegments(page);
	await upload(page, name, text);
	await expectAnalysed(page, name, expected);

	const problems = uploadSection(page).getByRole('region', { name: `Problems in ${name}` }).getByRole('listitem');
	await expect(problems).toHaveCount(broken.length);
	for (const line of broken) {
		const start = line.column === null ? `Row ${line.row}: ` : `Row ${line.row}, column ${line.column}: `;
		await expect(problems.filter({ hasText: new RegExp(`^${start}`) }), `${line.kind} on row ${line.row}`).toHaveCount(1);
	}
	await expect(uploadSection(page).getByText(`${count(broken.length)} unreadable lines`).first()).toBeVisible();
	await expect(reportCount(page, /^Unreadable lines/)).toHaveText(count(broken.length));
	await expect(cleaningReport(page)).toContainText(`${count(broken.length)} unreadable`);
});

test.describe('files that cannot be used', () => {
	test('a file missing two columns gets one message naming both, and the training data stays', async ({ page }) => {
		const name = 'no-price-no-customer.csv';
		await openSegments(page);
		await upload(page, name, withoutColumns(invoiceText({ seed: 48 }), ['CustomerID', 'UnitPrice']));
		const alert = fileAlert(page);
		await expect(alert).toHaveCount(1, ANALYSED);
		await expect(alert).toContainText(`${name} could not be used`);
		await expect(alert).toContainText('missing 2 required columns');
		await expect(alert).toContainText('Unit price (UnitPrice), Customer ID (CustomerID).');
		await expect(alert).not.toContainText('Missing columns:'); // named once, in the message
		await expect(showing(page)).toContainText('Showing the model’s training data');
		await expect(page.getByTestId('how-many')).toContainText('in the training data');
	});

	test('an empty file is refused with one message', async ({ page }) => {
		await openSegments(page);
		await upload(page, 'empty.csv', '');
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('empty.csv could not be used');
		await expect(fileAlert(page)).toContainText('The file is empty');
		await expect(showing(page)).toContainText('Showing the model’s training data');
	});

	test('a file too large for the device is refused before it is read', async ({ page }) => {
		// A device reporting 0.5 MB of memory: the limit (a quarter of it) is far below this file.
		await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.0005 }));
		await openSegments(page);
		await upload(page, 'too-big.csv', invoiceText({ seed: 50 }));
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('too-big.csv could not be used');
		await expect(fileAlert(page)).toContainText(/The file is [\d.]+ MB; the limit is 0\.1 MB/);
		await expect(showing(page)).toContainText('Showing the model’s training data');
	});

	test('a picture is refused, named as a picture', async ({ page }) => {
		await openSegments(page);
		await upload(page, 'picture.png', pngBytes(), 'image/png');
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('picture.png could not be used');
		await expect(fileAlert(page)).toContainText('This is an image (PNG), not a CSV file.');
		await expect(showing(page)).toContainText('Showing the model’s training data');
	});

	test('after a bad file the earlier good results stay on screen', async ({ page }) => {
		const good = 'good.csv';
		const text = invoiceText({ seed: 49 });
		const expected = expectedAnalysis(text);
		await openSegments(page);
		await upload(page, good, text);
		await expectAnalysed(page, good, expected);

		await upload(page, 'bad.csv', withoutColumns(text, ['UnitPrice']));
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('bad.csv could not be used');
		await expect(fileAlert(page)).toContainText(`The results below are still from ${good}.`);
		await expect(showing(page)).toContainText(`Showing ${good}: ${count(expected.customers)} customers`);
		await expect(page.getByTestId('how-many')).toContainText(`in ${good}`);
		await expect(customerList(page).getByText(`${count(expected.insiders)} customer`)).toBeVisible();

		await upload(page, 'picture.png', pngBytes(), 'image/png');
		await expect(fileAlert(page)).toContainText('This is an image (PNG), not a CSV file.', ANALYSED);
		await expect(showing(page)).toContainText(`Showing ${good}:`);
	});
});

test('a large file can be cancelled while it is read, and the training data stays', async ({ page }, testInfo) => {
	const path = testInfo.outputPath('large-invoices.csv');
	const bytes = writeLargeInvoiceFile(path, 8);
	expect(bytes).toBeGreaterThan(100_000_000);
	await openSegments(page);
	await page.locator('input[type=file]').setInputFiles(path);

	const progress = uploadSection(page).getByRole('progressbar');
	await expect(progress).toBeVisible(ANALYSED);
	// Still reading the file (not yet building customers) when Cancel is pressed.
	await expect(progress).toHaveAccessibleName(/^Reading invoice lines… [\d,]+/);
	await uploadSection(page).getByRole('button', { name: 'Cancel' }).click();
	// The visible line (a hidden live region announces the same words).
	await expect(uploadSection(page).getByRole('paragraph').filter({ hasText: 'Stopped. The file was not used.' })).toBeVisible();
	await expect(progress).toHaveCount(0);
	await expect(showing(page)).toContainText('Showing the model’s training data');
	await expect(page.getByTestId('how-many')).toContainText('in the training data');
	await expect(fileAlert(page)).toHaveCount(0);
});

/** A field of the one-customer form by its label (the hidden unit is part of its accessible name). */
function customerField(page: Page, feature: CustomerFeature): Locator {
	const info = CUSTOMER_FEATURE_INFO[feature];
	return placer(page).getByRole('textbox', { name: `${info.label}${info.unit ? ` (${info.unit})` : ''}`, exact: true });
}

async function fillCustomer(page: Page, values: Partial<Record<CustomerFeature, string>>): Promise<void> {
	for (const [feature, value] of Object.entries(values) as [CustomerFeature, string][]) {
		await customerField(page, feature).fill(value);
	}
}

test.describe('place one customer', () => {
	test('a big spender lands in the Insiders; text in a number field is kept and explained', async ({ page }) => {
		const artifact = segmentsArtifact();
		const insidersName = artifact.profiles.find((p) => p.cluster === artifact.insiders)?.name ?? '';
		await openSegments(page);
		const cluster = placer(page).getByTestId('placement').getByTestId('placement-cluster');
		await expect(cluster).toBeVisible();

		await fillCustomer(page, {
			grossRevenue: '50000',
			invoices: '40',
			recencyDays: '2',
			itemsBought: '20000',
			distinctProducts: '400',
			frequency: '0.15',
			itemsReturned: '0',
			returnShare: '0'
		});
		await expect(cluster).toHaveText(insidersName);
		await expect(placer(page).getByTestId('placement-sentence')).toContainText(`Closest to ${insidersName}`);

		const revenue = customerField(page, 'grossRevenue');
		await revenue.fill('abc');
		await revenue.blur();
		await expect(revenue).toHaveValue('abc');
		await expect(revenue).toHaveAttribute('aria-invalid', 'true');
		const message = placer(page).locator(`[id="${await revenue.getAttribute('id')}-msg"]`);
		await expect(message).not.toBeEmpty();
		await expect(placer(page).getByTestId('placement')).toContainText('Fix the highlighted fields');

		await revenue.fill('50000');
		await expect(cluster).toHaveText(insidersName);
	});

	test('a one-off buyer from long ago lands in a lapsed cluster', async ({ page }) => {
		await openSegments(page);
		await fillCustomer(page, {
			grossRevenue: '150',
			invoices: '1',
			recencyDays: '330',
			itemsBought: '40',
			distinctProducts: '8',
			frequency: '1',
			itemsReturned: '0',
			returnShare: '0'
		});
		await expect(placer(page).getByTestId('placement-cluster')).toHaveText(/^Lapsed/);
	});

	test('a customer far outside the training customers is not placed, and says why', async ({ page }) => {
		await openSegments(page);
		const revenue = customerField(page, 'grossRevenue');
		await revenue.fill('900000000');
		const refused = placer(page).getByTestId('placement-refused');
		await expect(refused).toContainText('No placement for these figures.');
		await expect(refused).toContainText('far outside the range the model was trained on');
		await expect(placer(page).getByTestId('placement-cluster')).toHaveCount(0);
	});
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	const TAP = 44 - 0.5; // CSS px, allowing for sub-pixel rounding
	const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

	async function shortControls(controls: Locator): Promise<{ name: string; height: number }[]> {
		const all = await controls.evaluateAll((els) =>
			els
				.filter((el) => (el as HTMLElement).offsetParent !== null)
				.map((el) => ({ name: el.id || el.textContent?.trim() || el.tagName, height: el.getBoundingClientRect().height }))
		);
		return all.filter((c) => c.height < TAP);
	}

	test('the answers are on the first screen, the upload one tap away; the page fits before and after a file', async ({ page }) => {
		await openSegments(page);
		expect(await pageWidth(page), 'no sideways scrolling on the first view').toBeLessThanOrEqual(360);
		// How many Insiders, their revenue share and the forecast: all inside the first 740 px.
		for (const id of ['how-many', 'revenue-share', 'forecast']) {
			const box = await page.getByTestId(id).boundingBox();
			expect(box, id).not.toBeNull();
			expect(box!.y + box!.height, `${id} ends on the first screen`).toBeLessThanOrEqual(740);
			expect(box!.x + box!.width, `${id} fits the width`).toBeLessThanOrEqual(360);
		}
		const toUpload = page.getByTestId('headline').getByRole('link', { name: 'Analyse your own file' });
		expect((await toUpload.boundingBox())!.y + TAP, 'the way to the upload is on the first screen').toBeLessThanOrEqual(740);
		await toUpload.tap();
		await expect(uploadSection(page).getByRole('button', { name: 'Choose a CSV file' })).toBeInViewport();
		await expectAccessible(page, 'segments on a phone');

		const choose = uploadSection(page).getByRole('button', { name: 'Choose a CSV file' });
		expect((await choose.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(TAP);
		const inputs = placer(page).locator('input');
		await expect(inputs).toHaveCount(8);
		expect(await shortControls(inputs), 'form inputs shorter than 44 px').toEqual([]);
		expect(await shortControls(placer(page).getByRole('button')), 'form buttons shorter than 44 px').toEqual([]);

		const name = 'phone.csv';
		const { text } = withBrokenLines(generateInvoiceSample({ seed: 50 }));
		await upload(page, name, text);
		await expectAnalysed(page, name, expectedAnalysis(text));
		expect(await pageWidth(page), 'no sideways scrolling with a file analysed').toBeLessThanOrEqual(360);
		expect(await shortControls(customerList(page).locator('input, select')), 'list filters shorter than 44 px').toEqual([]);
		// Every action is readable without scrolling sideways.
		for (const cell of await page.getByTestId('actions').getByTestId('action').all()) {
			const box = await cell.boundingBox();
			expect(box!.x + box!.width, 'an action fits the width').toBeLessThanOrEqual(360);
		}
		// A file's amounts: no currency until one is chosen.
		await expect(page.getByTestId('revenue-share')).not.toContainText('£');
		await page.getByTestId('currency').selectOption('EUR');
		await expect(page.getByTestId('revenue-share')).toContainText('€');
		await expect(page.getByTestId('forecast')).toContainText('€');
		await page.getByTestId('cluster-charts').scrollIntoViewIfNeeded();
		await expect(page.getByTestId('cluster-charts').locator('.placeholder')).toHaveCount(0, ANALYSED);
		await expectAccessible(page, 'segments on a phone after a file with broken lines');
	});
});
