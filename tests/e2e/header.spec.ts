// The header on a phone: at most 56 px tall, one "Tools" disclosure button whose list holds every
// ready tool (from src/lib/tools.ts) as 44 px links; keyboard and screen-reader friendly; the links
// in a row on a wide screen; the links reachable without JavaScript. The home page lists working
// tools first and the planned ones apart, and ships no script.
import { TOOLS } from '../../src/lib/tools';
import { expect, test } from './fixtures';

const ready = TOOLS.filter((t) => t.ready);
const planned = TOOLS.filter((t) => !t.ready);

test.describe('on a 360 x 740 phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the header is compact and its menu opens, closes and navigates', async ({ page }) => {
		await page.goto('segments/');
		const header = page.getByRole('banner');
		expect((await header.boundingBox())!.height).toBeLessThanOrEqual(56);

		const nav = page.getByRole('navigation', { name: 'Tools' });
		const button = nav.getByRole('button', { name: 'Tools' });
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await expect(button).toHaveAttribute('aria-controls', 'tool-menu');
		await expect(nav.locator('a')).toHaveCount(ready.length);
		await expect(nav.locator('a').first()).toBeHidden();
		expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44 - 0.5);

		// Open by tapping: every ready tool is a 44 px link; the current page is marked.
		await button.tap();
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		for (const tool of ready) {
			const link = nav.getByRole('link', { name: tool.shortName });
			await expect(link).toBeVisible();
			expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44 - 0.5);
		}
		await expect(nav.getByRole('link', { name: 'Customer segments' })).toHaveAttribute('aria-current', 'page');
		// The open menu does not grow the header: it lies over the page.
		expect((await header.boundingBox())!.height).toBeLessThanOrEqual(56);

		// Escape closes it and gives focus back to the button.
		await page.keyboard.press('Escape');
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await expect(button).toBeFocused();

		// Keyboard: Enter opens, Tab walks into the links, Enter follows one; the menu is closed on the new page.
		await page.keyboard.press('Enter');
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Tab');
		await expect(nav.getByRole('link').first()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/gmv\/(\?|$)/);
		await expect(page.getByRole('button', { name: 'Tools' })).toHaveAttribute('aria-expanded', 'false');
		// The menu (hydrated on its own, HydrateLater) follows the page it is on.
		await expect(nav.getByRole('link', { name: 'GMV planner', includeHidden: true })).toHaveAttribute('aria-current', 'page');
		await expect(nav.getByRole('link', { name: 'Customer segments', includeHidden: true })).not.toHaveAttribute('aria-current', 'page');
		// A page reached inside the site builds its first-view parts itself (HydrateLater has no server
		// markup to take over): the answer and the inputs above it are there and work.
		await expect(page.getByTestId('gmv-prediction')).toBeVisible();
		const week = page.getByLabel('Week of');
		await expect(week).toBeVisible();
		await week.fill('2015-08-12');
		await week.blur();
		await expect(page.getByTestId('week-facts')).toContainText('Week 7: 2015-08-09 to Saturday');
		await expect(page).toHaveURL(/[?&]week=2015-08-12(&|$)/);

		// A tap outside closes it.
		await page.getByRole('button', { name: 'Tools' }).tap();
		await page.touchscreen.tap(4, 500); // the page's left margin, below the open list
		await expect(page.getByRole('button', { name: 'Tools' })).toHaveAttribute('aria-expanded', 'false');
	});

	test('home lists working tools first, then the planned ones apart, without any script', async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(r.url());
		});
		await page.goto('./');
		expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(56);
		const cards = page.getByRole('list', { name: 'Tools' }).getByRole('listitem');
		await expect(cards).toHaveCount(ready.length);
		for (const [i, tool] of ready.entries()) await expect(cards.nth(i).getByRole('link')).toHaveText(tool.name);
		const plannedSection = page.getByRole('region', { name: 'Planned' });
		for (const tool of planned) await expect(plannedSection).toContainText(tool.name);
		await expect(plannedSection.getByRole('link')).toHaveCount(0);
		expect(await page.locator('script').count()).toBe(0);
		expect(scripts).toEqual([]);
	});
});

test('on a wide screen the tool links sit in a row and the button is hidden', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('gmv/');
	const nav = page.getByRole('navigation', { name: 'Tools' });
	await expect(nav.getByRole('button', { name: 'Tools' })).toBeHidden();
	const boxes = await Promise.all(ready.map((t) => nav.getByRole('link', { name: t.shortName }).boundingBox()));
	for (const box of boxes) expect(box).not.toBeNull();
	expect(new Set(boxes.map((b) => Math.round(b!.y))).size, 'one row').toBe(1);
	expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(64);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('every tool link in the header is visible and leads to its page', async ({ page }) => {
		await page.goto('gmv/');
		const nav = page.getByRole('navigation', { name: 'Tools' });
		await expect(nav.getByRole('button')).toBeHidden();
		for (const tool of ready) await expect(nav.getByRole('link', { name: tool.shortName })).toBeVisible();
		await nav.getByRole('link', { name: 'Customer segments' }).click();
		await expect(page).toHaveURL(/\/segments\/$/);
	});
});
