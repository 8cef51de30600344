// The dealer page end to end: the first view on the demo network (the answer on a phone's first
// screen, numbers as the pure code computes them), a dealer's own view from its URL, filters, the
// original and the richer layouts, files that cannot be used, the one-dealer form.
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { waitForServiceWorker } from './serviceWorker';
import { demoNetwork, originalFile, richFile } from './dealersFiles';

/** Waiting for the worker to generate, read or score (never a timing assertion). */
const OPENED = { timeout: 30_000 };
const count = (n: number) => n.toLocaleString('en');
const showing = (page: Page) => page.getByTestId('showing');

async function openDealers(page: Page, query = ''): Promise<void> {
	const response = await page.goto(`dealers/${query}`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Dealer traffic effectiveness' })).toBeVisible();
	await expect(showing(page)).toContainText('Showing the demo network (synthetic)');
	// The answer comes from the artifact; filters, dealers and files wait for the worker's network.
	await expect(page.getByTestId('filters').getByLabel('Region')).toBeEnabled(OPENED);
}

async function upload(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
	await page.getByTestId('upload').locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

test('the first view answers on a phone: dealers to visit first on the demo network', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	// The answer is in the page as served (from the artifact), before any script has run.
	const html = await (await page.request.get('dealers/')).text();
	expect(html).toContain(`Dealer ${demoNetwork().overview.visitFirst[0].bac}`);
	await openDealers(page);
	const { overview } = demoNetwork();
	await expect(showing(page)).toContainText(`${count(overview.dealers)} dealers, ${count(overview.rows)} dealer-months`);
	const answer = page.getByTestId('answer');
	await expect(answer).toContainText(`${count(overview.verdicts.below)} of ${count(overview.listed)} dealers sell below`);
	const first = page.getByTestId('visit-first-top').getByRole('listitem');
	await expect(first).toHaveCount(5);
	await expect(first.first()).toContainText(`Dealer ${overview.visitFirst[0].bac}`);
	// The answer is on the first screen, and nothing is wider than the phone.
	const box = await first.first().boundingBox();
	expect(box && box.y + box.height).toBeLessThanOrEqual(740);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expect(page.getByTestId('dealers-model-card')).toContainText('The data is synthetic');
	await expectAccessible(page, 'dealers first view on a phone');
});

test('a dealer opens in its own view with its URL, and the URL reopens it', async ({ page }) => {
	await openDealers(page);
	const { overview } = demoNetwork();
	const bac = overview.visitFirst[1].bac;
	await page.getByTestId('visit-first-top').getByRole('button', { name: `Dealer ${bac}` }).click();
	const view = page.getByTestId('dealer-view');
	await expect(view.getByRole('heading', { name: new RegExp(`^Dealer ${bac}`) })).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`dealer=${bac}`));
	await expect(view.getByTestId('dealer-funnel').getByRole('row')).toHaveCount(4);
	await expect(view.getByTestId('kpi-tiles').getByRole('listitem')).toHaveCount(8);
	await expectAccessible(page, 'a dealer view');

	await openDealers(page, `?dealer=${bac}`);
	await expect(page.getByTestId('dealer-view')).toContainText(overview.visitFirst[1].effectiveness.verdict === 'below' ? 'Below expectation' : 'expect');
	await page.getByTestId('dealer-view').getByRole('button', { name: 'Close' }).click();
	await expect(page.getByTestId('dealer-view')).toHaveCount(0);
	await expect(page).not.toHaveURL(/dealer=/);
});

test('filters: one region and one month list only that region', async ({ page }) => {
	await openDealers(page);
	const filters = page.getByTestId('filters');
	await filters.getByLabel('Region').selectOption({ label: 'West' });
	await filters.getByLabel('Month').selectOption({ label: 'Dec' });
	const rows = page.getByTestId('visit-first').locator('tbody tr');
	await expect(rows).toHaveCount(20);
	await expect.poll(async () => new Set(await rows.locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['West']));
	await expect(page.getByTestId('visit-first')).toContainText(`of ${count(demoNetwork().overview.regions.find((g) => g.region === 'West')!.dealers)} dealers shown`);
	await filters.getByLabel('Lead source (lead KPIs)').selectOption({ label: 'Third-party sites' });
	await expect(page.getByTestId('kpi-tiles').first()).toContainText('Close rate (source)');
});

test('the original layout: negative counts and funnel-order breaks are kept out and reported by row', async ({ page }) => {
	await openDealers(page);
	const file = originalFile(60, 3, 2);
	await upload(page, 'original.csv', file.text);
	await expect(showing(page)).toContainText(`Showing original.csv: 60 dealers, ${count(file.rows - 5)} dealer-months, 5 rows kept out`, OPENED);
	const zone = page.getByTestId('upload');
	for (const n of file.defects.negative) await expect(zone).toContainText(`${n.row + 2}`);
	for (const r of file.defects.funnel) await expect(zone).toContainText(`${r + 2}`);
	await expect(page.getByTestId('filters')).toContainText('original layout');
	await expectAccessible(page, 'an original-layout file with rows kept out');
	await page.getByRole('button', { name: 'Back to the demo network' }).click();
	await expect(showing(page)).toContainText('Showing the demo network (synthetic)');
	// The answer comes from the artifact; filters, dealers and files wait for the worker's network.
	await expect(page.getByTestId('filters').getByLabel('Region')).toBeEnabled(OPENED);
});

test('the richer layout opens with vendors and lead sources', async ({ page }) => {
	await openDealers(page);
	const file = richFile(40);
	await upload(page, 'rich.csv', file.text);
	await expect(showing(page)).toContainText(`Showing rich.csv: 40 dealers, 480 dealer-months.`, OPENED);
	await expect(page.getByTestId('filters').getByLabel('Website vendor')).toBeVisible();
});

test('a file that cannot be used is refused and the network on screen stays', async ({ page }) => {
	await openDealers(page);
	await upload(page, 'sales.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3, 4]), 'application/octet-stream');
	await expect(page.getByTestId('upload').getByRole('alert')).toBeVisible(OPENED);
	await upload(page, 'columns.csv', 'a,b,c\n1,2,3\n');
	await expect(page.getByTestId('upload').getByRole('alert')).toContainText(/column/i, OPENED);
	await expectAccessible(page, 'a refused file');
	await expect(showing(page)).toContainText('Showing the demo network (synthetic)');
	await expect(page.getByTestId('answer')).toBeVisible();
});

test('the one-dealer form scores a month and refuses a funnel out of order, next to the field, keeping the last result', async ({ page }) => {
	await openDealers(page);
	const form = page.getByTestId('dealer-form');
	const result = form.getByTestId('form-result');
	await expect(result).toContainText('Expected sales', OPENED);
	const before = await result.locator('p').first().textContent();
	const visitors = form.getByLabel(/^Visitors/);
	await visitors.fill('9000');
	await visitors.blur();
	await expect(result).toContainText('Visitors: 9,000 visitors is more than the 6,200 VDP views');
	// Said next to the field it names, which is marked…
	await expect(visitors).toHaveAttribute('aria-invalid', 'true');
	await expect(visitors).toHaveAccessibleDescription(/more than the 6,200 VDP views: the funnel must narrow/);
	// …and the last result stays, said to be for the last values that could be used.
	await expect(form.getByTestId('form-stale')).toBeVisible();
	await expect(result).toContainText('Expected sales');
	await expect(result.locator('p').nth(2)).toHaveText(before ?? '');
	await visitors.fill('2350');
	await expect(form.getByTestId('form-stale')).toHaveCount(0);
	await expect(visitors).not.toHaveAttribute('aria-invalid', 'true');
});

test('after a first visit a dealer\'s own view opens with no network (the field manager before a visit)', async ({ page, context, pageGuard }) => {
	pageGuard.allowConsoleError(/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/);
	await openDealers(page);
	await waitForServiceWorker(page);
	const bac = demoNetwork().overview.visitFirst[2].bac;
	await context.setOffline(true);
	await page.goto(`dealers/?dealer=${bac}`);
	await expect(page.getByTestId('dealer-view').getByTestId('dealer-funnel')).toBeVisible(OPENED);
	await expect(page.getByTestId('dealer-view')).toContainText(`Dealer ${bac}`);
	await context.setOffline(false);
});

test('an opened file is saved on the device: it comes back after a reload, reopens from the list, renames and deletes with undo', async ({ page }) => {
	test.setTimeout(150_000);
	const recent = page.getByTestId('recent-runs');
	const items = recent.getByRole('listitem');
	await openDealers(page);
	await upload(page, 'rich.csv', richFile(40).text);
	await expect(showing(page)).toContainText('Showing rich.csv: 40 dealers, 480 dealer-months.', OPENED);
	await expect(items).toHaveCount(1, OPENED);
	await expect(items.first()).toContainText(/Dealer file.*40 dealers, 480 dealer-months/);
	const ranked = await page.getByTestId('answer').innerText();

	// A reload brings the last file back (after the demo's first view), with the same ranking.
	await page.reload();
	await expect(showing(page)).toContainText('Showing rich.csv: 40 dealers, 480 dealer-months.', OPENED);
	await expect(page.getByTestId('restored-from')).toContainText('rich.csv');
	await expect.poll(() => page.getByTestId('answer').innerText()).toBe(ranked);

	// Back to the demo: the file is not brought back next time, but it stays in the list to reopen.
	await page.getByRole('button', { name: 'Back to the demo network' }).click();
	await expect(showing(page)).toContainText('Showing the demo network (synthetic)', OPENED);
	await page.reload();
	await expect(page.getByTestId('filters').getByLabel('Region')).toBeEnabled(OPENED);
	await expect(showing(page)).toContainText('Showing the demo network (synthetic)');
	await recent.getByRole('button', { name: 'rich.csv', exact: true }).click();
	await expect(showing(page)).toContainText('Showing rich.csv: 40 dealers, 480 dealer-months.', OPENED);

	await recent.getByRole('button', { name: 'Rename rich.csv' }).click();
	const nameField = recent.getByRole('textbox', { name: 'New name for rich.csv' });
	await nameField.fill('North visit list');
	await nameField.press('Enter');
	await expect(recent.getByRole('status')).toHaveText('Renamed to “North visit list”.');
	await recent.getByRole('button', { name: 'Delete North visit list' }).click();
	await expect(items).toHaveCount(0);
	await recent.getByRole('button', { name: 'Undo' }).click();
	await expect(items).toHaveCount(1);
	await expectAccessible(page, 'dealer saved runs');
});
