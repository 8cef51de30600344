// The customer-segments page before any file: the first view (the model's training data: answers,
// forecast, charts, model card and cleaning report), the generated sample run with one click, and the
// feature chart and the template download.
import { readFileSync } from 'node:fs';
import { CUSTOMER_FEATURE_INFO } from '../../src/lib/segments/features';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { parseSimpleCsv } from './gmvFiles';
import { expectedAnalysis, segmentsArtifact } from './segmentsFiles';
import { ANALYSED, cleaningReport, count, customerList, expectAnalysed, openSegments, reportCount, showing, uploadSection } from './segmentsPage';

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
