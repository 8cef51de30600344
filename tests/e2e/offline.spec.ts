// Field users on a weak or no network: after one visit, the GMV tool works offline.
import { expect, test } from './fixtures';
import { openGmv } from './gmvPage';

test('after a first visit the GMV tool predicts with no network', async ({ page, context, pageGuard }) => {
	// Offline, the browser itself logs failed network requests to the console before the cache answers.
	pageGuard.allowConsoleError(/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/);
	await openGmv(page);
	// Wait for the service worker to install and take control (it caches the site on install).
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
		return registration.active?.state;
	});
	const online = await page.getByTestId('gmv-prediction').textContent();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('gmv-prediction')).toHaveText(online ?? '', { timeout: 15_000 });
	// A changed scenario is predicted offline too.
	await page.goto('gmv/?cat=Speaker');
	await expect(page.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+ (lakh|crore)$/, { timeout: 15_000 });
	await expect(page.getByTestId('gmv-prediction')).not.toHaveText(online ?? '');
	await context.setOffline(false);
});
