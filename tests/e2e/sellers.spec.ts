// The seller finder end to end: the first view on the demo marketplace (on a 360x740 phone), the
// category choice kept in the URL, the list size, the download, activity logs in the layouts real
// exports use, the per-user layout, bad rows and bad files, and the one-collector form. Files come
// from the site's own seeded generator; the numbers the page should show are computed with the same
// pure code its worker runs.
import type { Page } from '@playwright/test';
import { benchLog } from '../../src/lib/sellers/demo';
import { lowestCategories } from '../../src/lib/sellers/market';
import { rankCandidates, selectedCategories } from '../../src/lib/sellers/ranking';
import { activityCsv } from '../../src/lib/sellers/sample';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { demoAnalysis, expectedAnalysis, sellersArtifact } from './sellersFiles';

const ANALYSED = { timeout: 60_000 };
const count = (n: number) => n.toLocaleString('en');
const rows = (page: Page) => page.getByTestId('ranked-table').locator('tbody tr');

async function openSellers(page: Page, query = ''): Promise<void> {
	const response = await page.goto(`sellers/${query}`);
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Seller finder' })).toBeVisible();
	// The ranked list is in the server's markup from the first paint and takes its clicks once the
	// page has taken it over (HydrateLater, a task after the page's hydration): a click before that
	// does nothing (the download test's one timeout in CI, on a loaded machine).
	await expect(page.locator('[data-hydrate-later="ranked-list"]')).toHaveAttribute('data-taken-over', '');
}

async function upload(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
	await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the first view answers from the demo marketplace, with no upload', async ({ page }) => {
		await openSellers(page);
		const lowest = lowestCategories(demoAnalysis.levels, 3);
		const list = rankCandidates(demoAnalysis, lowest, 100, sellersArtifact.coverage.level);
		const expected = page.getByTestId('expected-count');
		await expect(expected).toHaveText(list.expected.expected.toFixed(1));
		await expect(expected).toBeInViewport();
		await expect(page.getByTestId('expected')).toContainText(`${list.expected.low}–${list.expected.high}`);
		await expect(page.getByTestId('expected')).toContainText(lowest.map((i) => demoAnalysis.categories[i]).join(', '));
		await expect(rows(page)).toHaveCount(list.rows.length);
		await expect(rows(page).first().getByRole('rowheader')).toHaveText(list.rows[0].id);
		// The page does not scroll sideways; the table scrolls inside its own region, down as well as
		// sideways, so the page below it is not thousands of pixels away; a line says so.
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const box = page.getByRole('region', { name: 'Ranked users' });
		expect((await box.boundingBox())?.height).toBeLessThanOrEqual(740 * 0.8);
		await expect(box.locator('xpath=..').getByTestId('scroll-cue')).toHaveText('More columns: scroll sideways → · More rows: scroll down ↓');
		// The 3 lowest categories are ticked in the inventory list; tapping one shows its history.
		const levels = page.getByTestId('levels');
		await expect(levels.getByRole('checkbox', { checked: true })).toHaveCount(3);
		// Folded to the 8 lowest, so the page below is not 28 rows away; one tap shows them all.
		await expect(levels.getByRole('listitem')).toHaveCount(8);
		await page.getByRole('button', { name: `Show all ${demoAnalysis.levels.length} categories` }).tap();
		await expect(levels.getByRole('listitem')).toHaveCount(demoAnalysis.levels.length);
		const first = demoAnalysis.levels[0];
		await levels.getByRole('button', { name: first.name, exact: true }).tap();
		await expect(levels.getByRole('table', { name: `${first.name}: inventory level by month` })).toBeVisible();
		await expectAccessible(page, 'sellers first view on a phone');
	});
});

test('the category choice and the list size live in the URL', async ({ page }) => {
	await openSellers(page);
	await page.getByRole('radio', { name: 'all categories' }).check();
	await expect(page).toHaveURL(/\?categories=all$/);
	const all = rankCandidates(demoAnalysis, selectedCategories({ kind: 'all' }, demoAnalysis), 100);
	await expect(page.getByTestId('expected-count')).toHaveText(all.expected.expected.toFixed(1));
	await page.getByTestId('list-size').selectOption('25');
	await expect(rows(page)).toHaveCount(25);
	await expect(page).toHaveURL(/categories=all&n=25$/);

	// Any set: tick two categories.
	const [a, b] = demoAnalysis.levels.slice(10, 12).map((l) => l.name);
	await page.getByRole('radio', { name: /my choice/ }).check();
	await page.getByRole('radio', { name: 'the 3 lowest' }).check();
	await page.getByRole('button', { name: /^Show all \d+ categories$/ }).click();
	await page.getByRole('checkbox', { name: `Rank for ${a}` }).check();
	await page.getByRole('checkbox', { name: `Rank for ${b}` }).check();
	const lowest = lowestCategories(demoAnalysis.levels, 3).map((i) => demoAnalysis.categories[i]);
	const names = [...lowest, a, b];
	await expect.poll(() => new URL(page.url()).searchParams.get('categories')).toBe(names.join('|'));

	// A link with the choice opens with it.
	await openSellers(page, `?categories=${encodeURIComponent(`${a}|${b}|Not a category`)}&n=50`);
	const chosen = rankCandidates(demoAnalysis, [a, b].map((n) => demoAnalysis.categories.indexOf(n)), 50);
	await expect(page.getByTestId('expected-count')).toHaveText(chosen.expected.expected.toFixed(1));
	await expect(rows(page)).toHaveCount(chosen.rows.length);
	// Folded, the ticked categories further down stay in view.
	await expect(page.getByTestId('levels').getByRole('checkbox', { checked: true })).toHaveCount(2);
	await expect(page.getByTestId('levels').getByRole('listitem')).toHaveCount(10);
});

test('a link to the measured coverage lands on it, in the model card built after the first view', async ({ page }) => {
	await openSellers(page, '#coverage');
	// The card is a deferred part, and this part of it comes in the card's second task: the page still goes there.
	await expect(page.locator('details#coverage')).toBeInViewport();
	await expect(page.getByTestId('model-card')).toBeVisible();
});

test('the ranked list downloads as a formula-safe CSV', async ({ page }) => {
	await openSellers(page, '?n=25');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
	expect(download.suggestedFilename()).toBe('demo-marketplace-top-25.csv');
	const text = (await (await download.createReadStream()).toArray()).map(String).join('');
	const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
	expect(lines).toHaveLength(26);
	expect(lines[0]).toContain('Probability of becoming an active seller');
	const list = rankCandidates(demoAnalysis, lowestCategories(demoAnalysis.levels, 3), 25);
	expect(lines[1].startsWith(`1,${list.rows[0].id},`)).toBe(true);
});

test('a list size chosen and a Download tapped before the ranked list has its handlers are done, not lost', async ({ page }) => {
	// The moment between the page's hydration and the ranked list's own (HydrateLater): the server's
	// select and button are on screen without handlers. Act in it, as a quick thumb on a slow phone would.
	await page.addInitScript(() => {
		const acted: { takenOver: boolean }[] = [];
		Object.assign(window, { earlyActions: acted });
		new MutationObserver((_, observer) => {
			const part = document.querySelector('[data-hydrate-later="ranked-list"][data-holding-input]');
			if (!part) return;
			observer.disconnect();
			acted.push({ takenOver: part.hasAttribute('data-taken-over') });
			const size = part.querySelector<HTMLSelectElement>('[data-testid="list-size"]');
			if (size) {
				size.value = '25';
				size.dispatchEvent(new Event('input', { bubbles: true }));
				size.dispatchEvent(new Event('change', { bubbles: true }));
			}
			part.querySelector<HTMLButtonElement>('[data-testid="download"]')?.click();
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-holding-input'] });
	});
	const downloaded = page.waitForEvent('download');
	await page.goto('sellers/');
	const download = await downloaded;
	expect(await page.evaluate(() => (window as unknown as { earlyActions: { takenOver: boolean }[] }).earlyActions)).toEqual([{ takenOver: false }]);
	expect(download.suggestedFilename()).toBe('demo-marketplace-top-25.csv');
	await expect(rows(page)).toHaveCount(25);
	await expect(page.getByTestId('list-size')).toHaveValue('25');
	await expect(page).toHaveURL(/\?n=25$/);
});

test('an activity log in another export style is read in a worker and ranked', async ({ page }) => {
	const { log } = benchLog(40_000);
	let text = activityCsv(log, { delimiter: ';', bom: true, crlf: true, dates: 'iso-offset', eventNames: 'title', header: 'aliases', extraColumns: true });
	// Two bad rows and an unknown event, among good ones.
	const lines = text.split('\r\n');
	lines.splice(5, 0, 'u1;Order;not a date;Funko Pop;12,50;web;s1', 'u2;Refund;2018-03-04;Funko Pop;3,00;web;s2');
	text = lines.join('\r\n');
	const expected = await expectedAnalysis(text, 'export.csv');
	await openSellers(page);
	await upload(page, 'export.csv', text);
	await expect(page.getByTestId('showing')).toContainText(`Showing export.csv as of`, ANALYSED);
	await expect(page.getByTestId('showing')).toContainText(`${count(expected.analysis.candidates.ids.length)} candidates`);
	await expect(page.getByText(/unknown events: “Refund” ×1/).last()).toBeVisible();
	await expect(page.getByText(/not a date/i).first()).toBeVisible();
	const list = rankCandidates(expected.analysis, lowestCategories(expected.analysis.levels, 3), 100);
	await expect(page.getByTestId('expected-count')).toHaveText(list.expected.expected.toFixed(1));
	await expect(rows(page).first().getByRole('rowheader')).toHaveText(list.rows[0].id);
	// Back to the demo.
	await page.getByRole('button', { name: 'Back to the demo marketplace' }).click();
	await expect(page.getByTestId('showing')).toContainText('the demo marketplace');
});

test('the per-user layout is ranked with the 12-feature model', async ({ page }) => {
	const header = 'customer id,collection_adds_1,collection_adds_2,collection_adds_3,orders_1,orders_2,orders_3,order_amount_1,order_amount_2,order_amount_3,wishlist_adds_1,wishlist_adds_2,wishlist_adds_3,recent_categories';
	const body = Array.from({ length: 40 }, (_, i) => `c${i},${i % 9},${i % 5},${i % 7},${i % 3},${i % 2},1,${(i % 3) * 20},10,15,${i % 4},1,0,Funko Pop:${1 + (i % 4)}|Amiibo:${i % 3}`);
	const text = [header, ...body, 'c99,x,1,1,1,1,1,1,1,1,1,1,1,'].join('\n');
	const expected = await expectedAnalysis(text, 'users.csv');
	await openSellers(page);
	await upload(page, 'users.csv', text);
	await expect(page.getByTestId('showing')).toContainText('Showing users.csv (one row per user)', ANALYSED);
	const list = rankCandidates(expected.analysis, selectedCategories({ kind: 'lowest' }, expected.analysis), 100);
	await expect(rows(page)).toHaveCount(list.rows.length);
	await expect(page.getByTestId('expected-count')).toHaveText(list.expected.expected.toFixed(1));
	await expect(page.getByText(/row 42/i).first()).toBeVisible();
	await expectAccessible(page, 'sellers after a per-user file');
	// Saved on the device: a reload brings the ranked file back.
	await page.reload();
	await expect(page.getByTestId('showing')).toContainText('Showing users.csv', ANALYSED);
	await expect(page.getByTestId('expected-count')).toHaveText(list.expected.expected.toFixed(1));
	await page.getByRole('button', { name: 'Back to the demo marketplace' }).click();
	await page.reload();
	await expect(page.getByTestId('showing')).toContainText('the demo marketplace');
});

test('a file that is not an activity log is refused and the ranked list stays', async ({ page, pageGuard }) => {
	pageGuard.allowConsoleError(/.*/);
	await openSellers(page);
	const before = await page.getByTestId('expected-count').textContent();
	await upload(page, 'picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'image/png');
	await expect(page.getByRole('alert').first()).toBeVisible(ANALYSED);
	await upload(page, 'other.csv', 'name,price\nfoo,1\n');
	await expect(page.getByRole('alert').first()).toBeVisible(ANALYSED);
	await expect(page.getByTestId('showing')).toContainText('the demo marketplace');
	await expect(page.getByTestId('expected-count')).toHaveText(before ?? '');
});

test('a small log with nobody to rank still lists its bad rows, by row, column and reason', async ({ page }) => {
	await openSellers(page);
	const before = await page.getByTestId('expected-count').textContent();
	await upload(page, 'tiny.csv', 'User_id,timestamp,event,category,amount\nu100006,2017-01-02T00:50:37Z,collection_add,Coins,\nu100007,yesterday,bogus_event,Coins,abc\n');
	const alert = page.getByRole('alert').filter({ hasText: 'tiny.csv could not be used' });
	await expect(alert).toBeVisible(ANALYSED);
	await expect(alert.getByTestId('failure-issues')).toContainText('Row 3, column Event: "bogus_event" is not a known event');
	await expect(page.getByTestId('expected-count')).toHaveText(before ?? '');
});

test('one collector: the form gives a probability, a score and its drivers', async ({ page }) => {
	await openSellers(page);
	const result = page.getByTestId('collector-result');
	await expect(result).toContainText('chance of becoming an active seller', ANALYSED);
	const before = await page.getByTestId('collector-probability').textContent();
	// A much smaller collection (the calibration is isotonic: nearby inputs can share one step).
	await page.getByLabel('Collection size (adds ever)').fill('30');
	await page.getByLabel('Collection size (adds ever)').blur();
	await expect(page.getByTestId('collector-probability')).not.toHaveText(before ?? '');
	await expect(result.getByRole('listitem').first()).toBeVisible();
	// The score follows the category mix.
	await page.getByLabel('Recent collection in the selected categories').fill('0');
	await page.getByLabel('Recent collection in the selected categories').blur();
	await expect(page.getByTestId('collector-score')).toHaveText('0.00');
	// A collection smaller than its recent adds is refused, with a reason beside the field.
	await page.getByLabel('Collection size (adds ever)').fill('3');
	await page.getByLabel('Collection size (adds ever)').blur();
	await expect(result).toContainText('Correct the fields');
	await expect(page.getByText(/At least the \d+ collection adds of the last 3 months/)).toBeVisible();
});

test('the model card says how the model was chosen: the rule, every candidate on validation, the chosen one, the test month against the rule', async ({ page }) => {
	await openSellers(page);
	const extra = page.getByTestId('sellers-card-extra');
	await extra.scrollIntoViewIfNeeded();
	await expect(extra).toBeVisible(ANALYSED);
	const test = sellersArtifact.testVsBestBaseline!.find((d) => d.metric === 'precisionAt100')!;
	const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(Math.round(v * 100))}`;
	await expect(page.getByTestId('precision-at-100')).toContainText(`95% interval ${pts(test.low)} to ${pts(test.high)}`);
	await extra.getByText('What a label means, and how the months were split').click();
	await expect(page.getByTestId('selection-rule')).toContainText('highest validation precision at 100');
	const table = page.getByTestId('selection-table');
	await expect(table.locator('tbody tr')).toHaveCount(sellersArtifact.selection.length + sellersArtifact.validationRules!.length);
	const chosen = sellersArtifact.selection.find((s) => s.chosen)!;
	await expect(table.locator('tr.shipped')).toHaveCount(1);
	await expect(table.locator('tr.shipped')).toContainText(`${chosen.features} (chosen)`);
	await expect(table.locator('tr.shipped')).toContainText(chosen.precisionAtK!.toFixed(3));
	await expectAccessible(page, 'sellers model card, configurations open');
});
