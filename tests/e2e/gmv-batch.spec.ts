// The GMV page's CSV upload: a good file end to end (table, sorting, pages, download), the template,
// files with problems (row-level and whole-file), and cancelling a large file.
import type { Page } from '@playwright/test';
import { SUB_CATEGORIES } from '../../src/lib/gmv/schema';
import { expect, test } from './fixtures';
import { csvOf, goodCsvWithActuals, parseSimpleCsv, plainWeeklyCsv, pngBytes, weeklyHeader, weeklyRows, withActualGmv, writeLargeWeeklyCsv } from './gmvFiles';
import { batchSection, downloadText, expectScored, field, fileAlert, openGmv, problemList, uploadCsv } from './gmvPage';

const resultsTable = (page: Page) => page.getByRole('region', { name: 'Predictions' }).getByRole('table');
const bodyRows = (page: Page) => resultsTable(page).getByRole('row').filter({ has: page.getByRole('cell') });
const rangeStatus = (page: Page) => page.getByTestId('batch-result').getByRole('status').filter({ hasText: /^Rows |^No rows/ });

/** Texts of one column on the current page of the results table. */
async function columnTexts(page: Page, label: string): Promise<string[]> {
	const headers = await resultsTable(page).getByRole('columnheader').allInnerTexts();
	const index = headers.findIndex((h) => h.replace(/[↕▲▼]/g, '').trim().startsWith(label));
	expect(index, `column ${label} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
	return bodyRows(page).evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('td')[i]?.textContent?.trim() ?? ''), index);
}

/** The drop zone's summary of the last good file; opens its details so everything in it can be read. */
async function openFileReport(page: Page, fileName: string) {
	// The <summary> line (the live announcement of the same words ends with a full stop).
	const line = new RegExp(`^${fileName.replace('.', '\\.')}: .*problems$`);
	const summary = batchSection(page).getByText(line);
	await expect(summary).toBeVisible({ timeout: 20_000 });
	const details = batchSection(page).locator('details', { has: page.getByText(line) });
	if ((await details.getAttribute('open')) === null) await summary.click();
	await expect(details).toHaveAttribute('open', '');
	return details;
}

/** Upload a small good file and edit the form: the state a bad file must leave alone. */
async function goodStateFirst(page: Page) {
	const prediction = await openGmv(page);
	await field(page, 'Average discount').fill('20');
	await expect(page).toHaveURL(/[?&]disc=20(&|$)/);
	const predicted = await prediction.innerText();
	await uploadCsv(page, 'good.csv', goodCsvWithActuals(30, 5));
	await expectScored(page, 30, 30);
	await expect(page.getByTestId('batch-metrics')).toBeVisible();
	const firstPage = await columnTexts(page, 'Predicted GMV');
	return {
		async stillThere() {
			await expectScored(page, 30, 30);
			await expect(page.getByTestId('batch-metrics')).toBeVisible();
			expect(await columnTexts(page, 'Predicted GMV')).toEqual(firstPage);
			await expect(field(page, 'Average discount')).toHaveValue('20');
			await expect(prediction).toHaveText(predicted);
			await expect(fileAlert(page)).toContainText('The results below are still from good.csv.');
		}
	};
}

test('a good CSV is scored: summary, sorting, pages and a clean download', async ({ page }) => {
	const rows = withActualGmv(weeklyRows(120, 21));
	await openGmv(page);
	await uploadCsv(page, 'weeks.csv', csvOf(rows));

	await expectScored(page, 120, 120);
	await expect(page.getByTestId('batch-metrics')).toHaveText(
		/On the 120 rows with an actual GMV: WAPE \d+\.\d%, mean\s+absolute error ₹[\d.,]+( lakh| crore)?, R² [−-]?\d+\.\d{3}\./
	);
	await expect(page.getByRole('img', { name: 'Predicted against actual GMV by week' })).toBeVisible();
	await expect(batchSection(page).getByText('weeks.csv: 120 rows scored, 0 rows with problems', { exact: true })).toBeVisible();

	// One page of 50 rows, then pages.
	await expect(rangeStatus(page)).toHaveText('Rows 1–50 of 120');
	await expect(bodyRows(page)).toHaveCount(50);
	expect(await columnTexts(page, 'Row')).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 2)));
	const pager = page.getByRole('navigation', { name: /Pages of Predictions/ });
	await pager.getByRole('button', { name: /Next/ }).click();
	await expect(rangeStatus(page)).toHaveText('Rows 51–100 of 120');
	expect((await columnTexts(page, 'Row'))[0]).toBe('52');
	await pager.getByRole('button', { name: /Last/ }).click();
	await expect(rangeStatus(page)).toHaveText('Rows 101–120 of 120');
	await expect(bodyRows(page)).toHaveCount(20);
	await expect(pager.getByRole('button', { name: /Next/ })).toBeDisabled();
	await pager.getByRole('button', { name: /First/ }).click();
	await expect(rangeStatus(page)).toHaveText('Rows 1–50 of 120');

	// Sorting by week: ascending, then descending.
	const weeks = rows.map((r) => Number(r.week));
	const weekHeader = resultsTable(page).getByRole('columnheader', { name: /^Week/ });
	await weekHeader.getByRole('button').click();
	await expect(weekHeader).toHaveAttribute('aria-sort', 'ascending');
	const ascending = (await columnTexts(page, 'Week')).map(Number);
	expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
	expect(ascending[0]).toBe(Math.min(...weeks));
	await weekHeader.getByRole('button').click();
	await expect(weekHeader).toHaveAttribute('aria-sort', 'descending');
	const descending = (await columnTexts(page, 'Week')).map(Number);
	expect(descending).toEqual([...descending].sort((a, b) => b - a));
	expect(descending[0]).toBe(Math.max(...weeks));

	// Sort by predicted GMV (largest first), then download: every row, in the order shown.
	const predictedHeader = resultsTable(page).getByRole('columnheader', { name: /^Predicted GMV/ });
	await predictedHeader.getByRole('button').click();
	await predictedHeader.getByRole('button').click();
	await expect(predictedHeader).toHaveAttribute('aria-sort', 'descending');
	const downloading = page.waitForEvent('download');
	await page.getByTestId('batch-result').getByRole('button', { name: 'Download CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('storelens-gmv-predictions.csv');
	const text = await downloadText(download);
	expect(text.startsWith('\uFEFF'), 'a BOM so spreadsheets read ₹ correctly').toBe(true);
	const [header, ...records] = parseSimpleCsv(text);
	expect(header).toEqual(['week', 'predicted_gmv', 'sub_category', 'range_low', 'range_high', 'actual_gmv', 'error', 'abs_pct_error', 'basis', 'note', 'row']);
	expect(records).toHaveLength(120);
	const col = (name: string) => header.indexOf(name);
	for (const record of records) {
		expect(record).toHaveLength(header.length);
		for (const cell of record) expect(cell, 'no cell a spreadsheet would run as a formula').not.toMatch(/^\s*([=+@\t\r]|-[^\d.])/);
		for (const name of ['row', 'week', 'predicted_gmv', 'range_low', 'range_high', 'actual_gmv', 'error', 'abs_pct_error']) expect(record[col(name)]).toMatch(/^-?\d+(\.\d+)?$/);
		expect(['recent GMV', 'inputs only']).toContain(record[col('basis')]);
		expect(Number(record[col('range_low')])).toBeLessThanOrEqual(Number(record[col('predicted_gmv')]) + 1);
		expect(Number(record[col('range_high')])).toBeGreaterThanOrEqual(Number(record[col('predicted_gmv')]) - 1);
		expect(SUB_CATEGORIES as readonly string[]).toContain(record[col('sub_category')]);
		// Each line belongs to its input row: the week, the sub-category and the actual GMV match.
		const source = rows[Number(record[col('row')]) - 2];
		expect(record[col('week')]).toBe(String(source.week));
		expect(record[col('sub_category')]).toBe(source.product_analytic_sub_category);
		expect(Number(record[col('actual_gmv')])).toBe(source.gmv);
		expect(Number(record[col('error')])).toBe(Number(record[col('predicted_gmv')]) - Number(source.gmv));
	}
	const predicted = records.map((r) => Number(r[col('predicted_gmv')]));
	expect(predicted).toEqual([...predicted].sort((a, b) => b - a));
	expect(new Set(records.map((r) => r[col('row')])).size).toBe(120);
	expect(predicted.every((p) => p > 0)).toBe(true);
});

test('text in number columns: the good rows are scored and each problem names its row and column', async ({ page }) => {
	const rows = weeklyRows(40, 8);
	rows[4] = { ...rows[4], discount: 'abc' };
	rows[9] = { ...rows[9], product_mrp: 'n/a' };
	rows[15] = { ...rows[15], sla: -3 };
	rows[20] = { ...rows[20], product_analytic_sub_category: 'Toasters' };
	await openGmv(page);
	await uploadCsv(page, 'typos.csv', csvOf(rows));

	await expectScored(page, 36, 40);
	await expect(rangeStatus(page)).toHaveText('Rows 1–36 of 36');
	await expect(batchSection(page).getByText('typos.csv: 36 rows scored, 4 rows with problems', { exact: true })).toBeVisible();
	const problems = problemList(page);
	await expect(problems).toHaveCount(4);
	// Spreadsheet row numbers: the header is row 1, so input row i is row i + 2.
	await expect(problems.nth(0)).toHaveText(/^Row 6, column Average discount: \S/);
	await expect(problems.nth(1)).toHaveText(/^Row 11, column Average MRP: \S/);
	await expect(problems.nth(2)).toHaveText(/^Row 17, column Delivery SLA: \S/);
	await expect(problems.nth(3)).toHaveText(/^Row 22, column Sub-category: \S/);
	// The rows with problems are left out of the results.
	const shown = await columnTexts(page, 'Row');
	for (const bad of ['6', '11', '17', '22']) expect(shown).not.toContain(bad);
});

test('a file missing a required column is refused with its name, and the earlier results and form stay', async ({ page }) => {
	const before = await goodStateFirst(page);
	const header = weeklyHeader().filter((h) => h !== 'discount');
	await uploadCsv(page, 'no-discount.csv', csvOf(weeklyRows(10, 3), { header }));

	const alert = fileAlert(page);
	await expect(alert).toContainText('no-discount.csv could not be used');
	await expect(alert).toContainText(/missing a required column: Average discount/);
	await expect(alert).not.toContainText('Missing columns:'); // named once, in the message
	await before.stillThere();
});

test('a semicolon file with decimal commas is detected and scored like the comma file', async ({ page }) => {
	const rows = weeklyRows(25, 12);
	await openGmv(page);
	await uploadCsv(page, 'comma.csv', csvOf(rows));
	await expectScored(page, 25, 25);
	const fromComma = await columnTexts(page, 'Predicted GMV');

	const semicolon = csvOf(rows, { delimiter: ';', decimalComma: true, newline: '\r\n' });
	expect(semicolon).toContain(';');
	expect(semicolon).toMatch(/\d,\d/);
	await uploadCsv(page, 'semicolon.csv', semicolon);
	await expect(batchSection(page).getByText('semicolon.csv: 25 rows scored, 0 rows with problems', { exact: true })).toBeVisible({ timeout: 20_000 });
	await expectScored(page, 25, 25);
	expect(await columnTexts(page, 'Predicted GMV')).toEqual(fromComma);
	await expect(fileAlert(page)).toHaveCount(0);
});

test('unknown extra columns are ignored and reported', async ({ page }) => {
	const rows = weeklyRows(15, 4).map((r, i) => ({ ...r, store_note: `note ${i}`, Region: i % 2 ? 'North' : 'South' }));
	await openGmv(page);
	await uploadCsv(page, 'extra.csv', csvOf(rows, { header: ['store_note', ...weeklyHeader(), 'Region'] }));
	await expectScored(page, 15, 15);
	const report = await openFileReport(page, 'extra.csv');
	await expect(report).toContainText('Columns not used: store_note, Region.');
	await expect(report).toContainText('Every row could be used.');
	await expect(problemList(page)).toHaveCount(0);
});

test('an empty file gets one clear message, and the earlier results and form stay', async ({ page }) => {
	const before = await goodStateFirst(page);
	await uploadCsv(page, 'empty.csv', '');
	const alert = fileAlert(page);
	await expect(alert).toHaveCount(1);
	await expect(alert).toContainText('empty.csv could not be used');
	await expect(alert).toContainText('The file is empty');
	await before.stillThere();
});

test('a PNG picture is refused as not a CSV, and the earlier results and form stay', async ({ page }) => {
	const before = await goodStateFirst(page);
	await uploadCsv(page, 'chart.png', pngBytes(), 'image/png');
	const alert = fileAlert(page);
	await expect(alert).toHaveCount(1);
	await expect(alert).toContainText('chart.png could not be used');
	await expect(alert).toContainText(/not text|not a CSV/);
	await before.stillThere();
});

test('the template downloads and uploads with zero problems', async ({ page }) => {
	await openGmv(page);
	const downloading = page.waitForEvent('download');
	await batchSection(page).getByRole('link', { name: 'Download template' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('storelens-gmv-template.csv');
	const text = await downloadText(download);
	const [header, ...records] = parseSimpleCsv(text);
	for (const column of weeklyHeader()) expect(header).toContain(column);
	expect(header).toContain('gmv');
	expect(records).toHaveLength(1);
	expect(records[0]).toHaveLength(header.length);

	await uploadCsv(page, 'storelens-gmv-template.csv', text);
	await expectScored(page, 1, 1);
	await expect(batchSection(page).getByText('storelens-gmv-template.csv: 1 row scored, 0 rows with problems', { exact: true })).toBeVisible();
	const report = await openFileReport(page, 'storelens-gmv-template.csv');
	await expect(report).toContainText('Every row could be used.');
	await expect(problemList(page)).toHaveCount(0);
	await expect(fileAlert(page)).toHaveCount(0);
});

test('a large file can be cancelled while it is read, and the page stays usable', async ({ page }, testInfo) => {
	const big = testInfo.outputPath('300k-weeks.csv');
	const bytes = writeLargeWeeklyCsv(big, 300_000);
	expect(bytes).toBeGreaterThan(20_000_000);

	const prediction = await openGmv(page);
	await uploadCsv(page, 'small.csv', plainWeeklyCsv(12, 9));
	await expectScored(page, 12, 12);

	await uploadCsv(page, '300k-weeks.csv', { path: big });
	const progress = batchSection(page).getByRole('progressbar');
	await expect(progress).toBeVisible();
	await batchSection(page).getByRole('button', { name: 'Cancel' }).click();

	const stopped = batchSection(page).getByText(/^Stopped\. The results below are still from /);
	await expect(stopped).toBeVisible();
	await expect(progress).toHaveCount(0);
	await expect(batchSection(page).getByRole('button', { name: 'Cancel' })).toHaveCount(0);
	// The earlier results are kept and said to be from the earlier file.
	await expect(stopped).toContainText('small.csv');
	await expectScored(page, 12, 12);
	await expect(fileAlert(page)).toHaveCount(0);

	// Still usable: the form predicts and another file is scored.
	const before = await prediction.innerText();
	await field(page, 'Sub-category').selectOption('GamingConsole');
	await expect(prediction).not.toHaveText(before);
	await uploadCsv(page, 'again.csv', plainWeeklyCsv(7, 10));
	await expectScored(page, 7, 7);
});
