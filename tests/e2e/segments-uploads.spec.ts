// Invoice files on the customer-segments page: a generated file in each accepted layout (delimiter,
// date style, byte-order mark, line ends) analysed, its Insiders listed, searched and downloaded; a
// large file read on two threads; a file chosen before the page's code has started.
// Files are generated in the tests by the site's own seeded sample writer (segmentsFiles.ts); the
// numbers the page should show are computed with the same pure reading code its worker runs.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { generateInvoiceSample, withBrokenLines, type InvoiceSampleOptions } from '../../src/lib/segments/sample';
import { CUSTOMER_LIST_COLUMNS } from '../../src/lib/segments/view';
import { expect, test } from './fixtures';
import { parseSimpleCsv } from './gmvFiles';
import { expectedAnalysis, invoiceText, type ExpectedAnalysis } from './segmentsFiles';
import { count, customerList, expectAnalysed, fileAlert, openSegments, reportCount, upload, uploadSection } from './segmentsPage';

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
