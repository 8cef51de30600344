// Dates in invoice files on the customer-segments page: the day/month question, month names and
// AM/PM, a short file read by plausibility, a file too short for the full forecast, and dates that
// cannot be read.
import { expect, test } from './fixtures';
import { expectedAnalysis, invoiceText } from './segmentsFiles';
import { ANALYSED, cleaningReport, expectAnalysed, fileAlert, openSegments, reportCount, showing, upload } from './segmentsPage';

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
