// The generic model card, on a 360 x 740 phone: the plain-words reading first, the metrics table in
// its own keyboard-scrollable box with a visible cue when columns are cut off, and the page itself
// never wider than the screen.
import { test, expect } from './fixtures';
import { openGmv } from './gmvPage';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('the GMV card reads plainly, groups baselines and comparisons, and its table scrolls in a box with a cue', async ({ page }) => {
	await openGmv(page);
	const card = page.getByTestId('model-card').first();
	await card.scrollIntoViewIfNeeded();
	await expect(card.getByRole('heading', { level: 3 })).toHaveText('Forecast from recent GMV (the default)');
	// The forecast from recent GMV does not clearly beat the trailing median on the test weeks: the card says so.
	await expect(card.getByTestId('model-reading')).toContainText(/^Typical error \d+\.\d% of a week’s GMV on held-out weeks, against \d+\.\d% for “Trailing 4-week median”: no better than the naive baseline/);
	await expect(card.getByTestId('gmv-target')).toContainText('The target was not met');
	await expect(card.getByTestId('gmv-coverage')).toContainText(/held the actual GMV in\s+\d+% of 138 test weeks/);
	const table = card.getByRole('table', { name: 'Accuracy on held-out weeks' });
	await expect(table.getByRole('rowheader', { name: 'Baselines to beat (rules that need no model)' })).toBeVisible();
	await expect(table.getByRole('rowheader', { name: 'For comparison: other models and references' })).toBeVisible();
	await expect(table.getByRole('row').filter({ hasText: 'Random forest without recent GMV (100 trees)' })).toHaveCount(1);
	// The card of the model without recent GMV carries the scikit-learn reference beside it.
	const second = page.getByTestId('model-card').nth(1);
	await second.scrollIntoViewIfNeeded();
	await expect(second.getByRole('row').filter({ hasText: 'scikit-learn forest, 300 trees (reference)' })).toHaveCount(1);

	const region = card.getByRole('region', { name: 'Accuracy on held-out weeks' });
	await expect(region).toHaveAttribute('tabindex', '0');
	const { scroll, client } = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
	if (scroll > client) {
		await expect(card.getByTestId('scroll-cue').first()).toHaveText('More columns: scroll sideways →');
		// The keyboard scrolls it: focus the region, press the right arrow.
		await region.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expect(card.getByTestId('model-provenance')).toContainText('Real data, not synthetic.');
});

test('the segments card says clustering has no naive baseline and keeps its own extras', async ({ page }) => {
	await page.goto('segments/');
	const card = page.getByTestId('model-card');
	await card.scrollIntoViewIfNeeded();
	await expect(card.getByRole('heading', { name: 'Model card', level: 2 })).toBeVisible();
	await expect(card.getByTestId('model-reading')).toContainText('No naive baseline is scored for the clustering itself');
	await expect(card.getByTestId('assignment-check')).toContainText('reproduces 100% of the 5,696 training labels');
	await expect(card.getByTestId('baseline-reading')).toContainText('about as well as the clusters do');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await card.screenshot({ path: 'test-results/segments-card-phone.png' });
});

test('the group deal card says its records are not dated, instead of an empty period', async ({ page }) => {
	await page.goto('group-buy/');
	const card = page.getByTestId('model-card').filter({ hasText: 'Model card: will the deal fill' });
	await card.scrollIntoViewIfNeeded();
	const provenance = card.getByTestId('model-provenance');
	await expect(provenance).toContainText('Not dated: the records carry no timestamps');
	await expect(provenance).not.toContainText(/Period\s+to\b/);
});
