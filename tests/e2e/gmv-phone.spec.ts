// The GMV page on a small phone: no sideways scrolling, the prediction in view, fields big enough
// to tap, and a wide results table that scrolls inside its own box.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goodCsvWithActuals } from './gmvFiles';
import { expectScored, field, openGmv, openMoreInputs, uploadCsv } from './gmvPage';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const TAP = 44 - 0.5; // CSS px, allowing for sub-pixel rounding

const pageWidth = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

async function heights(locators: Locator): Promise<{ name: string; height: number }[]> {
	return locators.evaluateAll((els) =>
		els
			.filter((el) => (el as HTMLElement).offsetParent !== null)
			.map((el) => ({
				name: el.getAttribute('aria-label') || el.id || el.textContent?.trim() || el.tagName,
				height: el.getBoundingClientRect().height
			}))
	);
}

test('on a 360 px phone the page fits, predicts, and its controls can be tapped', async ({ page }) => {
	const prediction = await openGmv(page);
	expect(await pageWidth(page), 'no sideways scrolling').toBeLessThanOrEqual(360);

	await prediction.scrollIntoViewIfNeeded();
	await expect(prediction).toBeInViewport();
	const box = await prediction.boundingBox();
	expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);

	// Every text field, select and button of the form is at least 44 px tall, and no wider than the screen.
	await openMoreInputs(page);
	const form = page.locator('[data-gmv-inputs]');
	const controls = form.locator('input:not([type=checkbox]):not([type=radio]), select, button');
	const small = (await heights(controls)).filter((c) => c.height < TAP);
	expect(small, 'controls shorter than 44 px').toEqual([]);
	const widest = await controls.evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().right)));
	expect(widest).toBeLessThanOrEqual(360);
	// Check boxes and radio buttons are tapped through their labels: those rows are 44 px tall.
	const choiceLabels = page.locator('label:has(input[type=radio]), .check-row');
	expect((await heights(choiceLabels)).filter((c) => c.height < TAP)).toEqual([]);

	// Tapping works: the sale-week label toggles the box, and typing a discount changes the prediction.
	const before = await prediction.innerText();
	const sale = field(page, 'Sale week');
	const wasChecked = await sale.isChecked();
	await form.locator('label', { hasText: 'Sale week' }).tap();
	await expect(sale).toBeChecked({ checked: !wasChecked });
	const discount = field(page, 'Average discount');
	await discount.tap();
	await discount.fill('12');
	await expect(prediction).not.toHaveText(before);
	expect(await pageWidth(page)).toBeLessThanOrEqual(360);
});

test('on a phone the answer is on the first screen, under the inputs that matter most, the rest folded below it', async ({ page }) => {
	const prediction = await openGmv(page);
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	// The number, its range and the actual of the held-out week, without scrolling.
	for (const part of [prediction, page.getByTestId('gmv-range'), page.getByTestId('gmv-actual')]) await expect(part).toBeInViewport({ ratio: 1 });
	await expect(page.getByTestId('gmv-range')).toContainText(/80% range ₹.+ – ₹.+ \(held \d+% of 138 test weeks\)/);
	const answerTop = (await prediction.boundingBox())!.y;
	// Above it: the week, the sub-category and last weeks' GMV; below it, folded: everything else.
	for (const label of ['Week of', 'Sub-category', 'GMV last week']) expect((await field(page, label).boundingBox())!.y, label).toBeLessThan(answerTop);
	await expect(field(page, 'Average discount')).toBeHidden();
	const more = page.getByRole('region', { name: 'More inputs' });
	expect((await more.boundingBox())!.y).toBeGreaterThan(answerTop);
	// The bar at the bottom shows only once the answer has scrolled away.
	await expect(page.locator('.result-bar')).toHaveCount(0);
	await page.getByRole('heading', { name: 'More inputs' }).click();
	await field(page, 'Average discount').scrollIntoViewIfNeeded();
	await page.mouse.wheel(0, 1500);
	await expect(page.locator('.result-bar')).toBeVisible();
});

test('without recent GMV the page says so and forecasts from the inputs alone', async ({ page }) => {
	const prediction = await openGmv(page);
	const withRecent = await prediction.innerText();
	await expect(page.getByTestId('gmv-basis')).toContainText('Forecast from the recent weeks');
	for (const label of ['GMV last week', '2 weeks before', '3 weeks before', '4 weeks before']) await field(page, label).fill('');
	await expect(page.getByTestId('gmv-basis')).toContainText(/No recent GMV given: forecast from the week's\s+inputs alone, typical error \d+% on test weeks \(with last weeks' GMV: \d+%\)/);
	await expect(prediction).not.toHaveText(withRecent);
	await expect(page.getByTestId('gmv-range')).toBeVisible();
});

test('on a phone the results table scrolls inside its own box, not the page', async ({ page }) => {
	await openGmv(page);
	await uploadCsv(page, 'phone.csv', goodCsvWithActuals(60, 30));
	await expectScored(page, 60, 60);

	const scroller = page.getByRole('region', { name: 'Predictions' });
	await scroller.scrollIntoViewIfNeeded();
	await expect(scroller).toBeVisible();
	const size = await scroller.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
	expect(size.clientWidth).toBeLessThanOrEqual(360);
	expect(size.scrollWidth, 'the table is wider than the phone').toBeGreaterThan(size.clientWidth);
	expect(['auto', 'scroll']).toContain(size.overflowX);
	expect(await pageWidth(page), 'the page itself still does not scroll sideways').toBeLessThanOrEqual(360);

	// The answer is on screen without scrolling sideways: the week and the predicted GMV, whole.
	const table = scroller.getByRole('table');
	for (const name of [/^Week/, /^Predicted GMV/]) {
		const header = await table.getByRole('columnheader', { name }).boundingBox();
		expect(header && header.x >= 0 && header.x + header.width <= 360, `${name} fits the screen`).toBe(true);
	}
	const firstPrediction = await table.getByRole('row').nth(1).getByRole('cell').nth(1).boundingBox();
	expect(firstPrediction && firstPrediction.x + firstPrediction.width <= 360).toBe(true);
	// The columns out of sight are announced by a visible cue, which turns round once scrolled to the end.
	const cue = page.getByTestId('batch-result').getByTestId('scroll-cue');
	await expect(cue).toBeVisible();
	await expect(cue).toHaveText(/scroll sideways/);

	const scrolled = await scroller.evaluate((el) => {
		el.scrollLeft = 10_000;
		return el.scrollLeft;
	});
	expect(scrolled).toBeGreaterThan(0);
	expect(await page.evaluate(() => window.scrollX)).toBe(0);
	await expect(cue).toHaveText(/Scroll back/);
});
