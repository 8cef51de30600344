// Hostile files dropped on each page's upload, from the same generated corpus the unit suite runs
// through every intake (tests/hostile): each gets a clear message, the page does not crash (the
// fixture fails on any console error), and the good result already on screen stays unless the
// person asks for the new one.
import type { Page } from '@playwright/test';
import { hostileCorpus, type HostileFile } from '../hostile/corpus';
import { dealersUploadIntake } from '../hostile/tools/dealers';
import { gmvBatchIntake } from '../hostile/tools/gmv';
import { groupBuyUploadIntake } from '../hostile/tools/groupBuy';
import { segmentsUploadIntake } from '../hostile/tools/segments';
import { expect, test } from './fixtures';
import { batchSection, budgetField, expectScored, fileAlert, openGmv, predictionPanel, problemList, uploadCsv } from './gmvPage';

const ANALYSED = { timeout: 30_000 };

function corpusOf(files: HostileFile[]): (name: string) => Buffer {
	const byName = new Map(files.map((f) => [f.name, f]));
	return (name) => {
		const file = byName.get(name);
		if (!file) throw new Error(`no hostile file ${name}`);
		return Buffer.from(file.bytes);
	};
}

const held = (page: Page) => page.getByTestId('held-result');

test('GMV batch: hostile files get a clear message, and the good results on screen stay unless asked', async ({ page }) => {
	test.setTimeout(120_000);
	const file = corpusOf(hostileCorpus(gmvBatchIntake()));
	await openGmv(page);
	await uploadCsv(page, 'good.csv', file('good.csv'));
	await expectScored(page, 120, 120);
	const metrics = page.getByTestId('batch-metrics');
	await expect(metrics).toBeVisible();
	const goodMetrics = await metrics.innerText();

	for (const [name, says] of [
		['book.xlsx', /Excel workbook \(\.xlsx\).*Save As/],
		['archive.zip', /ZIP archive: unzip it and choose the CSV file inside/],
		['wide-header.csv', /more than 16,384 columns/],
		['random.bin', /not text/]
	] as const) {
		await uploadCsv(page, name, file(name));
		await expect(fileAlert(page)).toContainText(`${name} could not be used`, ANALYSED);
		await expect(fileAlert(page)).toContainText(says);
		await expect(fileAlert(page)).toContainText('The results below are still from good.csv.');
		await expectScored(page, 120, 120);
		await expect(metrics).toHaveText(goodMetrics);
	}

	// A quote never closed in row 3: the near-empty result is a problem first; keeping the old one.
	await uploadCsv(page, 'unbalanced-quote.csv', file('unbalanced-quote.csv'));
	await expect(held(page)).toContainText('unbalanced-quote.csv: Only 1 of 120 rows could be used', ANALYSED);
	await expect(held(page)).toContainText('less than the 50% a result needs');
	await expect(held(page)).toContainText('A quote (") opened in row 3 is never closed');
	await expect(held(page)).toContainText('The results below are still from good.csv.');
	await expectScored(page, 120, 120);
	await held(page).getByRole('button', { name: 'Keep good.csv' }).click();
	await expect(held(page)).toHaveCount(0);
	await expectScored(page, 120, 120);
	await expect(metrics).toHaveText(goodMetrics);

	// A row longer than 2 MB stops reading there: held back too.
	await uploadCsv(page, 'long-line.csv', file('long-line.csv'));
	await expect(held(page)).toContainText('Only part of the file was read', ANALYSED);
	await expect(held(page)).toContainText('Reading stopped at row 6');
	await expectScored(page, 120, 120);

	// Mostly broken rows: held back; the person can still ask for the result.
	await uploadCsv(page, 'mostly-broken.csv', file('mostly-broken.csv'));
	await expect(held(page)).toContainText('Only 24 of 120 rows could be used', ANALYSED);
	await expectScored(page, 120, 120);
	await held(page).getByRole('button', { name: 'Show this result anyway' }).click();
	await expectScored(page, 24, 120);
	await expect(problemList(page).first()).toHaveText(/^Row 3, column Average MRP: "n\/a" is not a number$/);

	// A CRLF header over an LF body is read line by line, and the mix is noted.
	await uploadCsv(page, 'crlf-header-lf-body.csv', file('crlf-header-lf-body.csv'));
	await expectScored(page, 120, 120);
	await expect(batchSection(page).getByTestId('file-notes')).toContainText('The line endings are mixed: 1 line ends with CR LF (Windows), 120 lines with LF');

	// Huge numbers: those rows are listed; nothing on the page reads NaN or Infinity.
	await uploadCsv(page, 'huge-numbers.csv', file('huge-numbers.csv'));
	await expectScored(page, 116, 120);
	await expect(problemList(page)).toHaveCount(4);
	await expect(batchSection(page)).not.toContainText(/NaN|Infinity|e\+\d/);
});

test('segments upload: hostile files get a clear message, and the analysis on screen stays unless asked', async ({ page }) => {
	test.setTimeout(120_000);
	const file = corpusOf(hostileCorpus(segmentsUploadIntake()));
	const upload = (name: string) => page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: file(name) });
	const showing = page.getByTestId('showing');
	const section = page.getByRole('region', { name: 'Analyse your own invoice lines' });
	const response = await page.goto('segments/');
	expect(response?.status()).toBe(200);

	await upload('good.csv');
	await expect(showing).toContainText('Showing good.csv:', ANALYSED);
	// The analysis is saved on this device once it is on screen; the line then links to the saved runs.
	await expect(showing).toContainText('Analyses saved on this device (1)', ANALYSED);
	const goodShowing = await showing.innerText();
	const howMany = await page.getByTestId('how-many').innerText();

	await upload('book.xlsx');
	await expect(section.getByRole('alert')).toContainText(/Excel workbook \(\.xlsx\)/, ANALYSED);
	await expect(showing).toHaveText(goodShowing);

	await upload('unbalanced-quote.csv');
	await expect(held(page)).toContainText(/unbalanced-quote\.csv: Only 1 of [\d,]+ rows could be used/, ANALYSED);
	await expect(held(page)).toContainText('A quote (") opened in row 3 is never closed');
	await expect(showing).toHaveText(goodShowing);
	await expect(page.getByTestId('how-many')).toHaveText(howMany);
	await held(page).getByRole('button', { name: 'Keep good.csv' }).click();
	await expect(held(page)).toHaveCount(0);
	await expect(showing).toHaveText(goodShowing);

	// Dates of 2099, 1900 and 9999: left out as implausible, listed by row, counted in the cleaning report.
	await upload('absurd-dates.csv');
	await expect(showing).toContainText('Showing absurd-dates.csv:', ANALYSED);
	const report = page.getByTestId('cleaning-report');
	await expect(report.getByRole('row', { name: /^Implausible: A date before 1990/ }).getByRole('cell')).toHaveText('3');
	const problems = page.getByRole('region', { name: /^Problems in / }).getByRole('listitem');
	await expect(problems.first()).toHaveText(/^Row 3, column Invoice date: 2099-12-09 is far outside the file's dates/);
	await expect(section.getByTestId('file-notes')).toContainText('3 lines left out as implausible');

	// Mixed line endings are read line by line, and noted.
	await upload('mixed-endings.csv');
	await expect(showing).toContainText('Showing mixed-endings.csv:', ANALYSED);
	await expect(showing).toContainText(goodShowing.replace(/^Showing good\.csv: /, '').split(',')[0]);
	await expect(section.getByTestId('file-notes')).toContainText('The line endings are mixed');
	await expect(page.locator('main')).not.toContainText(/\bNaN\b|Infinity|e\+\d{2}/);
});

test('group-buy purchase log: hostile files get a clear message, and the members on screen stay unless asked', async ({ page }) => {
	test.setTimeout(120_000);
	const file = corpusOf(hostileCorpus(groupBuyUploadIntake()));
	const section = page.getByTestId('group-upload');
	const upload = (name: string) => section.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: file(name) });
	const members = section.getByTestId('member-recommendations');
	const response = await page.goto('group-buy/');
	expect(response?.status()).toBe(200);

	await upload('good.csv');
	await expect(members).toContainText('Top 10 for each member of good.csv', ANALYSED);
	const goodList = await members.innerText();

	for (const [name, says] of [
		['book.xlsx', /Excel workbook \(\.xlsx\).*Save As/],
		['wide-header.csv', /more than 16,384 columns/],
		['missing-column.csv', /missing a required column: date/]
	] as const) {
		await upload(name);
		await expect(section.getByRole('alert').first()).toContainText(says, ANALYSED);
		await expect.poll(() => members.innerText()).toBe(goodList);
	}

	// A quote never closed in line 3: held back, and the members of good.csv stay.
	await upload('unbalanced-quote.csv');
	await expect(held(page)).toContainText(/unbalanced-quote\.csv: Only 1 of [\d,]+ lines could be used/, ANALYSED);
	await expect(held(page)).toContainText('A quote (") opened in row 3 is never closed');
	await held(page).getByRole('button', { name: 'Keep good.csv' }).click();
	await expect.poll(() => members.innerText()).toBe(goodList);

	// Dates in 2099, 1900 and 9999: those lines are listed by row and the rest are read.
	await upload('absurd-dates.csv');
	await expect(members).toContainText('Top 10 for each member of absurd-dates.csv', ANALYSED);
	await expect(section).toContainText(/Line 3, column Date: 2099-12-09 is far outside the file's dates/);
	await expect(section).toContainText(/Line 4, column Date: 1900-01-01/);
	await expect(section).toContainText(/Line 5, column Date: 9999-12-31/);
	await expect(page.locator('main')).not.toContainText(/\bNaN\b|Infinity|e\+\d{2}/);
});

test('dealer upload: hostile files get a clear message, and the network on screen stays unless asked', async ({ page }) => {
	test.setTimeout(120_000);
	const file = corpusOf(hostileCorpus(dealersUploadIntake()));
	const zone = page.getByTestId('upload');
	const upload = (name: string) => zone.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: file(name) });
	const showing = page.getByTestId('showing');
	const response = await page.goto('dealers/');
	expect(response?.status()).toBe(200);
	await expect(page.getByTestId('filters').getByLabel('Region')).toBeEnabled(ANALYSED);

	await upload('good.csv');
	await expect(showing).toContainText('Showing good.csv: 5 dealers, 60 dealer-months.', ANALYSED);
	const goodShowing = await showing.innerText();

	await upload('chart.png');
	await expect(zone.getByRole('alert')).toContainText(/image \(PNG\)/, ANALYSED);
	await expect(showing).toHaveText(goodShowing);

	// A quote never closed in row 3: held back; the network of good.csv stays.
	await upload('unbalanced-quote.csv');
	await expect(held(page)).toContainText('A quote (") opened in row 3 is never closed', ANALYSED);
	await expect(showing).toHaveText(goodShowing);
	await held(page).getByRole('button', { name: 'Keep good.csv' }).click();
	await expect(held(page)).toHaveCount(0);
	await expect(showing).toHaveText(goodShowing);

	// Four rows in five broken: held back until the person asks, then shown.
	await upload('mostly-broken.csv');
	await expect(held(page)).toContainText('mostly-broken.csv: Only 12 of 60 rows could be used', ANALYSED);
	await expect(held(page)).toContainText('less than the 50% a result needs');
	await expect(showing).toHaveText(goodShowing);
	await held(page).getByRole('button', { name: 'Show this result anyway' }).click();
	await expect(showing).toContainText('Showing mostly-broken.csv: 5 dealers, 12 dealer-months, 48 rows kept out.', ANALYSED);

	// Absurd values (1e300, an overflow, months 13 and 0): those rows are listed by row and reason.
	await upload('huge-numbers.csv');
	await expect(showing).toContainText('Showing huge-numbers.csv: 5 dealers, 56 dealer-months, 4 rows kept out.', ANALYSED);
	for (const row of [4, 5, 6, 7]) await expect(zone).toContainText(`Row ${row}, column Visitors`);
	await upload('absurd-months.csv');
	await expect(showing).toContainText('Showing absurd-months.csv: 5 dealers, 57 dealer-months, 3 rows kept out.', ANALYSED);
	await expect(zone).toContainText('Row 3, column Month');
	await expect(page.locator('main')).not.toContainText(/\bNaN\b|Infinity|e\+\d{2}/);
});

test('GMV form: an input far outside the training range is refused, naming the field, its value and the range', async ({ page }) => {
	// 5,000 crore is the form's own maximum for a monthly budget; the model saw 0 to 27.1 for "Other".
	const response = await page.goto('gmv/?other=5000');
	expect(response?.status()).toBe(200);
	const refused = page.getByTestId('gmv-refused');
	await expect(refused).toContainText(
		'Other: 5,000 crore/month is far outside the range the model was trained on (0 to 27.1 crore/month), so it gives no prediction',
		{ timeout: 15_000 }
	);
	await expect(page.getByTestId('gmv-prediction')).toHaveCount(0);
	await expect(predictionPanel(page)).not.toContainText(/−₹|NaN|Infinity/);

	// A little outside: predicted (never below zero) and flagged.
	await budgetField(page, 'Other').fill('30');
	await expect(page.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+( lakh| crore)?$/);
	await expect(refused).toHaveCount(0);
	await expect(predictionPanel(page)).toContainText('outside the range the model was trained on (Other)');
});
