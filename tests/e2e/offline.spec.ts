// Field users on a weak or no network: the service worker registers only after a page's first
// result, keeps the site after one visit, and never hides what the server answers while online.
import { expect, test } from './fixtures';
import { openGmv } from './gmvPage';
import { registeredScopes, waitForServiceWorker } from './serviceWorker';

/** Offline, the browser itself logs failed network requests to the console before the cache answers. */
const OFFLINE_NOISE = /net::ERR_INTERNET_DISCONNECTED|Failed to load resource/;

test('the service worker is not registered before the model’s first prediction is on screen', async ({ page, baseURL }) => {
	// Hold the model files, so the page has loaded and hydrated but its model has not answered yet.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/assets\/(forest|network)\.[^/]+\.json$/, async (route) => {
		await held;
		await route.continue();
	});
	const workerRequests: string[] = [];
	page.context().on('request', (request) => {
		if (request.serviceWorker()) workerRequests.push(request.url());
	});
	await page.goto('gmv/', { waitUntil: 'domcontentloaded' });
	// The start week's answer comes in the page's HTML (kept by training), before any model arrives.
	await expect(page.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+ (lakh|crore)$/);
	await page.waitForFunction(() => document.readyState !== 'loading');
	// Give an eager registration every chance to happen (idle callbacks fire within this time).
	await page.waitForTimeout(1500);
	expect(await registeredScopes(page)).toEqual([]);
	expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
	expect(workerRequests, 'nothing is precached before the first result').toEqual([]);

	const kept = await page.getByTestId('gmv-prediction').innerText();
	release();
	await waitForServiceWorker(page);
	// The model's own answer, once loaded, is the one the page showed.
	await expect(page.getByTestId('gmv-prediction')).toHaveText(kept);
	expect(await registeredScopes(page)).toEqual([new URL('./', baseURL).href]);
});

test('after a first visit the GMV tool predicts with no network', async ({ page, context, pageGuard }) => {
	pageGuard.allowConsoleError(OFFLINE_NOISE);
	await openGmv(page);
	await waitForServiceWorker(page);
	const online = await page.getByTestId('gmv-prediction').textContent();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('gmv-prediction')).toHaveText(online ?? '', { timeout: 15_000 });
	// A changed scenario is predicted offline too (the page is cached once, whatever the query).
	await page.goto('gmv/?cat=Speaker');
	await expect(page.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+ (lakh|crore)$/, { timeout: 15_000 });
	await expect(page.getByTestId('gmv-prediction')).not.toHaveText(online ?? '');
	await context.setOffline(false);
});

test('after a first visit the segments tool reloads with no network, and the other tool opens too', async ({ page, context, pageGuard }) => {
	pageGuard.allowConsoleError(OFFLINE_NOISE);
	await page.goto('segments/');
	await expect(page.getByTestId('showing')).toContainText('the model’s training data');
	await waitForServiceWorker(page);
	const showing = await page.getByTestId('showing').textContent();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('showing')).toHaveText(showing ?? '');
	await expect(page.getByTestId('how-many')).toBeVisible();
	// The whole site was cached on install, not only the page visited.
	await page.goto('gmv/');
	await expect(page.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+ (lakh|crore)$/, { timeout: 15_000 });
	await context.setOffline(false);
});

test('online, what the server answers is what the page gets: a 431 stays a 431', async ({ page, context, pageGuard }) => {
	pageGuard.allowConsoleError(/status of 431/);
	await openGmv(page);
	await waitForServiceWorker(page);
	// Node's server refuses request headers over 16 KB with 431; the cache holds a good /gmv/ page.
	const longLink = `gmv/?cat=${'x'.repeat(100_000)}`;
	const fetched = await page.evaluate(async (url) => {
		const response = await fetch(url);
		return response.status;
	}, longLink);
	expect(fetched).toBe(431);
	// A navigation gets the 431 too (Chromium shows its own error page for the empty reply).
	const answered = page.waitForResponse((r) => r.url().includes('?cat=xxx') && r.request().isNavigationRequest());
	await page.goto(longLink).catch((error: Error) => expect(error.message.slice(0, 200)).toMatch(/ERR_HTTP_RESPONSE_CODE_FAILURE/));
	const navigation = await answered;
	expect(navigation.status()).toBe(431);
	expect(navigation.fromServiceWorker()).toBe(true);
	// And it was not cached in place of the page: the plain page still comes back.
	const fresh = await context.newPage();
	const again = await fresh.goto('gmv/');
	expect(again?.status()).toBe(200);
	await expect(fresh.getByTestId('gmv-prediction')).toHaveText(/^₹[\d.,]+ (lakh|crore)$/, { timeout: 15_000 });
});

test('a page that loads while the worker finishes installing is taken over too, so it works offline', async ({ page, context, pageGuard }) => {
	// The worker's activation claims the open pages; a page whose navigation was still on its way
	// at that moment is missed by the browser's claim and would stay without offline support
	// until its next reload. Hold one file of the install and the page's reload to make that moment.
	test.slow();
	pageGuard.allowConsoleError(OFFLINE_NOISE);
	let releaseInstall!: () => void;
	const installHeld = new Promise<void>((resolve) => (releaseInstall = resolve));
	const installWaiting = new Promise<void>((resolve) =>
		context.route(/\/icons\/icon-maskable-512\.png$/, async (route) => {
			if (route.request().serviceWorker()) {
				resolve();
				await installHeld;
			}
			await route.continue();
		})
	);
	await page.goto('segments/');
	await expect(page.getByTestId('showing')).toContainText('the model’s training data');
	await installWaiting;

	let releasePage!: () => void;
	const pageHeld = new Promise<void>((resolve) => (releasePage = resolve));
	const pageWaiting = new Promise<void>((resolve) =>
		page.route(/\/segments\/$/, async (route) => {
			resolve();
			await pageHeld;
			await route.continue();
		})
	);
	const reloaded = page.reload();
	await pageWaiting;
	releaseInstall();
	const [worker] = context.serviceWorkers().length ? context.serviceWorkers() : [await context.waitForEvent('serviceworker')];
	await expect.poll(() => worker.evaluate(() => (self as unknown as ServiceWorkerGlobalScope).registration.active?.state)).toBe('activated');
	releasePage();
	await reloaded;
	await expect(page.getByTestId('showing')).toContainText('the model’s training data');

	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('showing')).toContainText('the model’s training data');
	await context.setOffline(false);
});
