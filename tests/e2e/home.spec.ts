import { expect, test } from './fixtures';

test('home page loads, is called Storelens and links to the tools', async ({ page, baseURL, request }) => {
	const response = await page.goto('./');
	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle(/Storelens/i);
	await expect(page.getByRole('heading', { level: 1, name: /Storelens/i })).toBeVisible();

	// The GMV tool is linked, and the link resolves under the base path (relative links, no stray '/').
	const toolLink = page.locator('a[href$="gmv/"]').first();
	await expect(toolLink).toBeVisible();
	const href = await toolLink.getAttribute('href');
	expect(new URL(href ?? '', page.url()).href).toBe(new URL('gmv/', baseURL).href);

	// Every same-site link on the home page leads to a page that exists.
	const origin = new URL(page.url()).origin;
	const targets = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
	const internal = [...new Set(targets.map((t) => t.split('#')[0]))].filter((t) => t.startsWith(`${origin}/`));
	expect(internal.length).toBeGreaterThan(0);
	for (const target of internal) {
		const reply = await request.get(target);
		expect(reply.status(), `${target} should exist`).toBe(200);
	}
});

test('the server sends the static-site security and cache headers', async ({ page }) => {
	const response = await page.goto('./');
	const headers = response?.headers() ?? {};
	expect(headers['content-security-policy']).toContain("connect-src 'self'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['cache-control']).toBe('no-cache');
	expect(headers['content-encoding']).toBe('br'); // precompressed by adapter-static
});
