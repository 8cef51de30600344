// The group-buy page: the demo group's list on a phone's first screen, the form (members, ticks,
// method, planned deal) kept in the URL, the three file layouts, and bad files that never replace
// a good result.
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';

async function openGroupBuy(page: Page, query = '') {
	const response = await page.goto(`group-buy/${query}`);
	expect(response?.status()).toBe(200);
	const first = page.getByTestId('group-item').first();
	await expect(first).toBeVisible({ timeout: 15_000 });
	return first;
}

const upload = (page: Page, name: string, content: string | Buffer) =>
	page.getByTestId('group-upload').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

const listNames = (page: Page) => page.getByTestId('group-item').locator('.name').allTextContents();

test.describe('on a 360 x 740 phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the demo group’s list is on the first screen, with no sideways scrolling', async ({ page }) => {
		const first = await openGroupBuy(page);
		await expect(page.getByTestId('group-item')).toHaveCount(10);
		await expect(first).toBeInViewport();
		const box = await first.boundingBox();
		expect(box!.y + box!.height).toBeLessThanOrEqual(740);
		const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
		expect(width).toBeLessThanOrEqual(360);
		await expect(page.getByTestId('fill-chance')).toContainText(/\d+%/);
		await expect(page.getByTestId('shopper-card')).toContainText('Recall@10');
		await expect(page.getByTestId('deal-card')).toContainText('ROC AUC');
		await expect(page.getByTestId('shopper-card')).toContainText('synthetic');
		// The whole page, once built, still fits the phone's width (wide tables scroll in their own box).
		const fullWidth = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
		expect(fullWidth).toBeLessThanOrEqual(360);
		await page.screenshot({ path: test.info().outputPath('phone-full.png'), fullPage: true });
		await expectAccessible(page, 'group-buy first view on a phone');
	});
});

test('the form: a new member’s ticks change the list, and the link reproduces the group', async ({ page }) => {
	await openGroupBuy(page);
	const before = await listNames(page);
	const editor = page.getByTestId('group-editor');
	// The demo group has 8 members (the editor is built after the first list).
	await expect(editor.getByTestId('member')).toHaveCount(8);
	const membersBefore = 8;
	await editor.getByRole('button', { name: 'Add a member' }).click();
	await expect(editor.getByTestId('member')).toHaveCount(membersBefore + 1);
	await editor.getByLabel(/^Find an item for/).fill('beer');
	await editor.getByRole('checkbox', { name: 'bottled beer' }).check();
	await editor.getByRole('checkbox', { name: 'canned beer' }).check();
	await expect(editor.getByTestId('member').last()).toContainText('bottled beer, canned beer');
	await page.getByTestId('methods').getByRole('radio', { name: /Average/ }).check();
	await expect.poll(() => new URL(page.url()).searchParams.get('method')).toBe('average');
	const url = page.url();
	const after = await listNames(page);
	expect(after).toHaveLength(10);

	await page.goto(url);
	await expect(page.getByTestId('group-item')).toHaveCount(10);
	await expect(page.getByTestId('group-editor').getByTestId('member')).toHaveCount(membersBefore + 1);
	expect(await listNames(page)).toEqual(after);
	expect(before).toHaveLength(10);
});

test('the deal size: a number outside 2-100 is said to be refused, and the list keeps the last one', async ({ page }) => {
	await openGroupBuy(page);
	const size = page.getByTestId('deal-size');
	const message = page.getByTestId('deal-size-msg');
	await size.fill('4');
	const first = page.getByTestId('group-item').first();
	await expect(first).toContainText('The deal goes ahead with 4 people');
	const atFour = await first.textContent();
	for (const typed of ['1000', '1', '-4', '2.5', '']) {
		await size.fill(typed);
		await expect(size).toHaveAttribute('aria-invalid', 'true');
		await expect(message).toHaveText('Enter a whole number from 2 to 100. The list still counts 4 people.');
		await expect(size).toHaveAccessibleDescription(/Enter a whole number from 2 to 100/);
		expect(await first.textContent()).toBe(atFour);
	}
	await size.fill('3');
	await expect(size).not.toHaveAttribute('aria-invalid', 'true');
	await expect(message).toBeEmpty();
});

test('the planned deal: a bad number is refused and the last answer stays; a capped record is flagged', async ({ page }) => {
	await openGroupBuy(page);
	const panel = page.getByTestId('deal-panel');
	const chance = page.getByTestId('fill-chance');
	await expect(chance).toContainText(/\d+%/);
	const fills = panel.locator('[data-field=itemFills]');
	await fills.fill('999999');
	await expect(panel.getByRole('alert')).toContainText('cannot have filled more deals');
	await expect(chance).toContainText(/\d+%/);
	await fills.fill('5');
	await expect(panel.getByRole('alert')).toHaveCount(0);
	await panel.locator('[data-field=organiserLaunches]').fill('4');
	await panel.locator('[data-field=organiserFills]').fill('2');
	await expect(panel.getByRole('note').first()).toContainText('Outside what the data can say');
	await expect.poll(() => new URL(page.url()).searchParams.get('deal')).toMatch(/\.5\.4\.2\./);
});

test('a purchase log, then a group file: every member’s top 10, and a group from the files', async ({ page }) => {
	await openGroupBuy(page);
	const section = page.getByTestId('group-upload');
	await section.getByRole('button', { name: 'purchase log' }).click();
	await expect(section.getByTestId('member-recommendations')).toContainText('Top 10 for each member', { timeout: 20_000 });
	await expect(section.getByTestId('member-recommendations').locator('tbody tr')).toHaveCount(30);
	const download = page.waitForEvent('download');
	await section.getByRole('link', { name: /Download all 30/ }).click();
	const text = await (await (await download).createReadStream()).toArray();
	expect(Buffer.concat(text).toString('utf8').split('\r\n')[0]).toContain('member,baskets,item_1');

	await section.getByRole('button', { name: 'group file' }).click();
	await expect(section.getByTestId('group-choice')).toContainText('Groups in group-buy-sample-groups.csv', { timeout: 20_000 });
	await section.getByLabel('Group', { exact: true }).selectOption({ label: 'Block B (10 members)' });
	await section.getByRole('button', { name: 'Use this group' }).click();
	await expect(section.getByTestId('upload-notice')).toContainText('Block B (10 members)');
	await expect(page.getByTestId('group-editor').getByTestId('member')).toHaveCount(10);
	await expect(page.getByTestId('group-editor')).toContainText('group Block B from group-buy-sample-groups.csv');
	await expectAccessible(page, 'group-buy after a purchase log and a group file');
});

test('a basket file (one basket per line, no header) with unknown items: listed by row and kept out', async ({ page }) => {
	await openGroupBuy(page);
	await upload(page, 'baskets.csv', 'whole milk,rolls/buns\nsoda,caviar\nunicorn steak\nyogurt, WHOLE MILK \n');
	const section = page.getByTestId('group-upload');
	await expect(section.getByTestId('member-recommendations')).toContainText('Top 10 for each basket', { timeout: 20_000 });
	await expect(section.getByTestId('member-recommendations').locator('tbody tr')).toHaveCount(3);
	await expect(section.getByTestId('unknown-items')).toContainText('“caviar”: 1 time (row 2)');
	await expect(section.getByTestId('unknown-items')).toContainText('“unicorn steak”: 1 time (row 3)');
	await expect(section).toContainText('3 of 4 lines read');
});

test('bad files get a clear message and never replace a good result or the group', async ({ page }) => {
	await openGroupBuy(page);
	const section = page.getByTestId('group-upload');
	await upload(page, 'log.csv', 'Member_number,Date,itemDescription\n1,01-02-2015,whole milk\n1,31-02-2015,soda\n2,03-02-2015,moon rock\n2,03-02-2015,soda\n');
	await expect(section.getByTestId('member-recommendations')).toContainText('Top 10 for each member of log.csv', { timeout: 20_000 });
	await expect(section).toContainText('"31-02-2015" is not a date');
	await expect(section.getByTestId('unknown-items')).toContainText('“moon rock”');
	const group = await listNames(page);

	for (const [name, content, message] of [
		['empty.csv', '', /empty/],
		['sheet.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0, 0, 0, 0]), /workbook|ZIP archive|not a text file/],
		['nodate.csv', 'member,item\n1,whole milk\n', /missing a required column: date/],
		['nothing.csv', 'apples,pears\nkiwis\n', /no line held a known item/]
	] as const) {
		await upload(page, name, content);
		await expect(section.getByRole('alert').first()).toContainText(message, { timeout: 20_000 });
		await expect(section.getByTestId('member-recommendations')).toContainText('log.csv');
	}
	expect(await listNames(page)).toEqual(group);
	await expectAccessible(page, 'group-buy after a refused file');
});

test('a saved group comes back after the page is reloaded and the group changed', async ({ page }) => {
	await openGroupBuy(page);
	const editor = page.getByTestId('group-editor');
	await expect(editor.getByTestId('member')).toHaveCount(8);
	const count = 8;
	await page.getByTestId('save-group').click();
	await expect(page.getByTestId('save-note')).toContainText('Saved as “Asha, Ravi and');
	const list = await listNames(page);

	await page.reload();
	await expect(page.getByTestId('group-item')).toHaveCount(10);
	await editor.getByRole('button', { name: 'Remove Asha' }).click();
	await expect(editor.getByTestId('member')).toHaveCount(count - 1);
	await page.getByTestId('recent-runs').getByRole('button', { name: /^Asha, Ravi and/ }).click();
	await expect(editor.getByTestId('member')).toHaveCount(count);
	await expect(editor).toContainText('the saved group “Asha, Ravi and');
	expect(await listNames(page)).toEqual(list);
	await expectAccessible(page, 'group-buy with a saved group');
});
