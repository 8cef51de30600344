// Work that survives: an analysed file and a batch come back after navigating away, a reload and
// going offline; the "Saved on this device" list reopens, renames and deletes runs, exports them
// and imports them into another browser; a full disk gets a message and loses nothing on screen.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goodCsvWithActuals } from './gmvFiles';
import { expectScored, field, openGmv, uploadCsv } from './gmvPage';
import { invoiceText } from './segmentsFiles';
import { waitForServiceWorker } from './serviceWorker';

const ANALYSED = { timeout: 30_000 };
const showing = (page: Page) => page.getByTestId('showing');
const recent = (page: Page) => page.getByTestId('recent-runs');
const recentItems = (page: Page) => recent(page).getByRole('listitem');
/** The button that opens a saved run (its Rename and Delete buttons carry the name too). */
const openButton = (page: Page, name: string | RegExp) =>
	recent(page).getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });

async function uploadInvoices(page: Page, name: string, seed: number) {
	await page.getByRole('region', { name: 'Analyse your own invoice lines' }).locator('input[type=file]').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(invoiceText({ customers: 120, seed }))
	});
	await expect(showing(page)).toContainText(`Showing ${name}:`, ANALYSED);
	await expect(recentItems(page).filter({ hasText: name })).toHaveCount(1);
}

/** What the page says about the analysis on screen. */
async function analysisOnScreen(page: Page) {
	const text = await showing(page).innerText();
	const showingLines = text.split('\n').filter((line) => !/^Restored from this device:|^Analyses saved on this device/.test(line));
	return { showing: showingLines.join('\n').trim(), howMany: await page.getByTestId('how-many').innerText() };
}

/** Make every IndexedDB write in the page fail as a full disk does (QuotaExceededError). */
async function fillTheDisk(page: Page) {
	await page.evaluate(() => {
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
}

test('an analysed file comes back after navigating away, a reload and an offline reload', async ({ page, context, pageGuard }) => {
	// Waits for the service worker to install (it caches all five tools' code and models first).
	test.slow();
	pageGuard.allowConsoleError(/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/);
	await page.goto('./');
	await page.locator('main a[href$="segments/"]').first().click();
	await expect(showing(page)).toContainText('the model’s training data');
	await uploadInvoices(page, 'march.csv', 61);
	const analysed = await analysisOnScreen(page);
	await expect(page.getByTestId('restored-from')).toHaveCount(0);

	// Away (client-side) and back.
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Storelens' })).toBeVisible();
	await page.goForward();
	await expect(page.getByTestId('restored-from')).toContainText(/^Restored from this device: march\.csv, saved \d{1,2} \w{3} \d{4}, \d\d:\d\d\./);
	expect(await analysisOnScreen(page)).toEqual(analysed);
	await expect(recentItems(page).filter({ hasText: 'march.csv' })).toContainText('On screen');

	await page.reload();
	await expect(page.getByTestId('restored-from')).toContainText('march.csv');
	expect(await analysisOnScreen(page)).toEqual(analysed);
	await expect(page.getByTestId('customer-list')).toContainText('customer');

	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('restored-from')).toContainText('march.csv');
	expect(await analysisOnScreen(page)).toEqual(analysed);
	await context.setOffline(false);

	// Back to the training data is remembered too.
	await showing(page).getByRole('button', { name: 'Back to the training data' }).click();
	await expect(showing(page)).toContainText('the model’s training data');
	await page.reload();
	await expect(showing(page)).toContainText('the model’s training data');
	await page.waitForTimeout(500); // the restore would have happened by now
	await expect(showing(page)).toContainText('the model’s training data');
	// …and the run is still in the list, to reopen.
	await openButton(page, 'march.csv').click();
	await expect(page.getByTestId('restored-from')).toContainText('march.csv');
	expect(await analysisOnScreen(page)).toEqual(analysed);
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the Recent list reopens, renames (inline, by keyboard) and deletes with undo, and fits the screen', async ({ page }) => {
		await page.goto('segments/');
		await uploadInvoices(page, 'january.csv', 71);
		const january = await analysisOnScreen(page);
		await uploadInvoices(page, 'february.csv', 72);
		await expect(recentItems(page)).toHaveCount(2);
		await expect(recentItems(page).first()).toContainText('february.csv');
		await expect(recentItems(page).first()).toContainText(/Invoice file.*\d+ customers, \d+ Insiders?, .* · saved .* · [\d.]+ (KB|MB|bytes)/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(360);
		const box = await recent(page).boundingBox();
		expect(box && box.x >= 0 && box.x + box.width <= 360, 'the list fits the screen').toBe(true);

		// Reopen the older run.
		await openButton(page, 'january.csv').click();
		await expect(showing(page)).toContainText('Showing january.csv:');
		expect(await analysisOnScreen(page)).toEqual(january);

		// Rename inline: Enter saves, Escape cancels.
		await recent(page).getByRole('button', { name: 'Rename january.csv' }).click();
		const nameField = recent(page).getByRole('textbox', { name: 'New name for january.csv' });
		await expect(nameField).toBeFocused();
		await nameField.fill('January, all shops');
		await nameField.press('Enter');
		await expect(openButton(page, 'January, all shops')).toBeVisible();
		await expect(recent(page).getByRole('status')).toHaveText('Renamed to “January, all shops”.');
		await recent(page).getByRole('button', { name: 'Rename February.csv' }).click();
		await recent(page).getByRole('textbox', { name: 'New name for february.csv' }).press('Escape');
		await expect(openButton(page, 'february.csv')).toBeVisible();

		// Delete, undo, delete again; the names stay after a reload.
		await recent(page).getByRole('button', { name: 'Delete february.csv' }).click();
		await expect(recentItems(page)).toHaveCount(1);
		await expect(recent(page).getByRole('status')).toContainText('Deleted “february.csv”.');
		await recent(page).getByRole('button', { name: 'Undo' }).click();
		await expect(recentItems(page)).toHaveCount(2);
		await recent(page).getByRole('button', { name: 'Delete february.csv' }).click();
		await expect(recentItems(page)).toHaveCount(1);
		await page.reload();
		await expect(recentItems(page)).toHaveCount(1);
		await expect(recentItems(page).first()).toContainText('January, all shops');
		await expect(page.getByTestId('restored-from')).toContainText('January, all shops');
		expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(360);
	});
});

test('export, then import into a fresh browser: the same analysis, and importing again adds nothing', async ({ page, browser, baseURL }) => {
	test.slow(); // two browsers, an upload and four imports
	await page.goto('segments/');
	await uploadInvoices(page, 'export-me.csv', 81);
	const analysed = await analysisOnScreen(page);
	const downloading = page.waitForEvent('download');
	await recent(page).getByRole('button', { name: 'Export all saved runs' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^storelens-saved-runs-\d{4}-\d\d-\d\d\.json$/);
	const file = readFileSync(await download.path());
	expect(JSON.parse(file.toString('utf8'))).toMatchObject({ format: 'storelens-saved-runs', version: 1, count: 1 });

	const other = await browser.newContext({ baseURL });
	try {
		const laptop = await other.newPage();
		const errors: string[] = [];
		laptop.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
		await laptop.goto('segments/');
		await expect(recent(laptop)).toContainText('Nothing saved yet.');
		const importFile = async () => {
			const chooser = laptop.waitForEvent('filechooser');
			await recent(laptop).getByRole('button', { name: 'Import saved runs' }).click();
			await (await chooser).setFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: file });
		};
		await importFile();
		await expect(recent(laptop).getByRole('status')).toHaveText('1 saved run added.');
		await openButton(laptop, 'export-me.csv').click();
		await expect(showing(laptop)).toContainText('Showing export-me.csv:');
		expect(await analysisOnScreen(laptop)).toEqual(analysed);
		await importFile();
		await expect(recent(laptop).getByRole('status')).toHaveText('1 run already on this device, left as it was.');
		await expect(recentItems(laptop)).toHaveCount(1);

		// A damaged file and a foreign file get a clear message, and change nothing.
		for (const [name, content, message] of [
			['cut.json', file.subarray(0, 200), /not JSON/],
			['other.json', Buffer.from('{"hello": "world"}'), /not a Storelens saved-runs file/]
		] as const) {
			const chooser = laptop.waitForEvent('filechooser');
			await recent(laptop).getByRole('button', { name: 'Import saved runs' }).click();
			await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
			await expect(recent(laptop).getByRole('alert')).toContainText(message);
		}
		await expect(recentItems(laptop)).toHaveCount(1);
		expect(await analysisOnScreen(laptop)).toEqual(analysed);
		expect(errors).toEqual([]);
	} finally {
		await other.close();
	}
});

test('a full disk: the analysis stays on screen and the list says why it was not saved', async ({ page }) => {
	await page.goto('segments/');
	await uploadInvoices(page, 'kept.csv', 91);
	await fillTheDisk(page);
	const name = 'too-big.csv';
	await page.getByRole('region', { name: 'Analyse your own invoice lines' }).locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(invoiceText({ customers: 150, seed: 92 })) });
	await expect(showing(page)).toContainText(`Showing ${name}:`, ANALYSED);
	await expect(recent(page).getByRole('alert')).toContainText(/Saving “too-big\.csv” failed: This device has no room left for saved runs\. Delete runs you no longer need, or export them/);
	await expect(recentItems(page)).toHaveCount(1);
	await expect(showing(page)).toContainText(`Showing ${name}:`);
	await expect(page.getByTestId('how-many')).toContainText(name);
});

test.describe('GMV', () => {
	test('a saved scenario reopens from the list, and a finished batch comes back after navigating away', async ({ page }) => {
		const prediction = await openGmv(page);
		await field(page, 'Average discount').fill('25');
		await expect(page).toHaveURL(/[?&]disc=25(&|$)/);
		const predicted = await prediction.innerText();
		await page.getByRole('button', { name: 'Save scenario' }).click();
		await expect(page.getByText(/^Saved as “.+, week of \d{4}-\d\d-\d\d” under “Saved on this device”\.$/)).toBeVisible();

		await uploadCsv(page, 'weeks.csv', goodCsvWithActuals(20, 3));
		await expectScored(page, 20, 20);
		await expect(recentItems(page)).toHaveCount(2);
		await expect(recentItems(page).first()).toContainText(/weeks\.csv.*Batch of weeks.*20 of 20 rows scored with the/s);

		// Away and back: the batch comes back; the default week shows in the form.
		await page.goto('./');
		await page.locator('main a[href$="gmv/"]').first().click();
		await expect(page.getByTestId('batch-result')).toContainText('20 of 20 rows scored', { timeout: 20_000 });
		await expect(page.getByTestId('batch-result').getByTestId('restored-from')).toContainText('weeks.csv');
		await expect(field(page, 'Average discount')).not.toHaveValue('25');

		// The scenario reopens from the list: form, URL and prediction.
		await openButton(page, /^(?!Rename |Delete ).+, week of \d{4}-\d\d-\d\d$/).click();
		await expect(field(page, 'Average discount')).toHaveValue('25');
		await expect(page).toHaveURL(/[?&]disc=25(&|$)/);
		await expect(prediction).toHaveText(predicted);
	});

	test('a full disk: "Save scenario" says why, and the prediction stays', async ({ page }) => {
		const prediction = await openGmv(page);
		const predicted = await prediction.innerText();
		await fillTheDisk(page);
		await page.getByRole('button', { name: 'Save scenario' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(/failed: This device has no room left for saved runs/);
		await expect(prediction).toHaveText(predicted);
	});
});
