// Every model file is checked against its content hash before it is used: a file changed on the
// way (here, a model whose held-out error was "improved") is refused with a clear message, and
// nothing is predicted from it.
import { test, expect } from './fixtures';
import { predictionPanel } from './gmvPage';

// The route must see the page's own requests, not a service worker's.
test.use({ serviceWorkers: 'block' });

test('a tampered model file is refused with a clear message, and the other model still predicts', async ({ page }) => {
	let served = 0;
	await page.route(/\/network[^/]*\.json(\?.*)?$/, async (route) => {
		const response = await route.fetch();
		const artifact = await response.json();
		artifact.metrics.model.wape = 0.01;
		served++;
		await route.fulfill({ response, body: JSON.stringify(artifact) });
	});
	await page.goto('gmv/?model=network');
	const alert = predictionPanel(page).getByRole('alert');
	await expect(alert).toContainText('The model file network');
	await expect(alert).toContainText('failed its integrity check: its content does not match its hash, so it was not used.');
	await expect(page.getByTestId('gmv-prediction')).toHaveCount(0);
	expect(served).toBeGreaterThan(0);

	// The forest's file is intact: choosing it gives a prediction.
	await page.getByRole('radio', { name: /Random forest/ }).check();
	await expect(page.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+( lakh| crore)?$/, { timeout: 15_000 });
});

test('a tampered seller model is refused where it is needed; the first view, which needs no model file, stays', async ({ page }) => {
	await page.route(/\/model[^/]*\.json(\?.*)?$/, async (route) => {
		const response = await route.fetch();
		const artifact = await response.json();
		artifact.metrics.model.rocAuc = 0.99;
		await route.fulfill({ response, body: JSON.stringify(artifact) });
	});
	await page.goto('sellers/');
	await expect(page.getByTestId('showing')).toContainText('the demo marketplace');
	const ranked = page.locator('table').first();
	await expect(ranked).toBeVisible();
	// The model card is built when it nears the screen; the parts above it may still be growing, so the
	// bottom of the page is sought until the card's place shows the refusal.
	const refused = page.getByRole('alert').filter({ hasText: 'The model card needs the model file' });
	await expect(async () => {
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await expect(refused).toContainText('failed its integrity check', { timeout: 1_000 });
	}).toPass({ timeout: 20_000 });
	await expect(ranked).toBeVisible();
});
