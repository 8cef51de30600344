// A field user adds the site to the home screen: Chromium itself says whether it can be installed.
// Chromium never offers to install from an incognito profile, and Playwright's usual contexts are
// incognito, so the installability check runs in a persistent profile of its own (a temp folder).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, requireChromium } from '../../scripts/lib/chromium';
import { expect, isSameOriginOrLocal, test } from './fixtures';

test('Chromium parses the manifest and reports no installability errors', async ({ baseURL }) => {
	if (!baseURL) throw new Error('baseURL is not set');
	const profile = mkdtempSync(join(tmpdir(), 'storelens-install-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: requireChromium(), args: chromiumArgs(), baseURL });
	try {
		const offOrigin: string[] = [];
		context.on('request', (r) => {
			if (!isSameOriginOrLocal(r.url(), new URL(baseURL).origin)) offOrigin.push(r.url());
		});
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto('./');
		const cdp = await context.newCDPSession(page);
		const home = new URL('./', baseURL).href;

		const { errors, url, manifest } = await cdp.send('Page.getAppManifest');
		expect(errors, 'manifest parse errors').toEqual([]);
		expect(url).toBe(new URL('manifest.webmanifest', baseURL).href);
		expect(manifest?.startUrl).toBe(home);
		expect(manifest?.scope).toBe(home);
		// The id resolves against the origin (not the manifest): one stable id wherever the site is served.
		expect(manifest?.id).toBe(`${new URL(baseURL).origin}/storelens`);
		expect(manifest?.display).toMatch(/standalone/i); // 'kStandalone' in Chromium 156
		expect(manifest?.icons?.map((i) => i.url)).toEqual(
			['icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png'].map((f) => new URL(f, baseURL).href)
		);

		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const { appId } = await cdp.send('Page.getAppId');
		expect(appId).toBe(`${new URL(baseURL).origin}/storelens`);

		// The check can fail: the same site with a manifest that lost its icons is not installable.
		await context.route('**/manifest.webmanifest', async (route) => {
			const response = await route.fetch();
			const broken = { ...(await response.json()), icons: [] };
			await route.fulfill({ response, body: JSON.stringify(broken) });
		});
		await page.reload();
		const broken = await cdp.send('Page.getInstallabilityErrors');
		expect(broken.installabilityErrors.map((e) => e.errorId)).toContain('manifest-missing-suitable-icon');
		expect(offOrigin).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('the icons and the manifest are served, with theme colours for light and dark', async ({ page, request }) => {
	await page.goto('gmv/');
	for (const file of ['manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png', 'icons/apple-touch-icon.png']) {
		const response = await request.get(file);
		expect(response.status(), file).toBe(200);
	}
	const themes = await page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((m) => m.getAttribute('media')));
	expect(themes).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
});
