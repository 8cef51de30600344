// No redirects: every internal link of every page (as rendered after the page's script ran, so links
// built in code count too), every asset the HTML points at, and the manifest's start_url (when there
// is a manifest) answer 200 directly. A link without its trailing slash (`gmv` for `gmv/`) costs a
// redirect round trip on a slow phone network; this fails on the first such link. Works for
// sub-folder builds too (BASE_PATH=/storelens npx playwright test).
import type { APIRequestContext } from '@playwright/test';
import { TOOLS } from '../../src/lib/tools';
import { expect, test } from './fixtures';

const pages = ['./', ...TOOLS.filter((t) => t.ready).map((t) => `${t.path}/`)];

async function status(request: APIRequestContext, url: string): Promise<number> {
	return (await request.head(url, { maxRedirects: 0 })).status();
}

test('no internal link, asset or start URL redirects', async ({ page, request, baseURL }) => {
	test.slow();
	const origin = new URL(baseURL!).origin;
	const checked = new Map<string, number>();
	for (const path of pages) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const here = page.url();
		const urls = await page.evaluate(() => [
			...Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href),
			...Array.from(document.querySelectorAll('link[href]'), (l) => (l as HTMLLinkElement).href),
			...Array.from(document.querySelectorAll('script[src], img[src]'), (s) => (s as HTMLScriptElement).src)
		]);
		const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href') ?? null);
		if (manifest) {
			const manifestUrl = new URL(manifest, here).href;
			const body = (await (await request.get(manifestUrl)).json()) as { start_url?: string; scope?: string };
			for (const key of ['start_url', 'scope'] as const) if (body[key]) urls.push(new URL(body[key]!, manifestUrl).href);
		}
		for (const url of urls) {
			const target = url.split('#')[0];
			if (!target.startsWith(`${origin}/`) || checked.has(target)) continue;
			checked.set(target, await status(request, target));
		}
	}
	const redirects = [...checked].filter(([, s]) => s !== 200).map(([u, s]) => `${s} ${u}`);
	expect(redirects, 'internal URLs that do not answer 200 directly').toEqual([]);
	// The walk did find the tool pages, with their slashes.
	for (const path of pages.slice(1)) expect([...checked.keys()]).toContain(new URL(path, baseURL).href);
});

test('a tool folder without its slash is redirected (the cost the links avoid)', async ({ request, baseURL }) => {
	const bare = new URL(`${TOOLS.find((t) => t.ready)!.path}`, baseURL).href;
	expect(await status(request, bare)).toBeGreaterThanOrEqual(300);
});
