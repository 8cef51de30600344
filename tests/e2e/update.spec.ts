// A new deploy lands while the site is open: the new service worker waits, the page says a new
// version is ready, and Reload switches to it. The test serves its own copy of build/ (with the
// project's server handler) so it can change service-worker.js as a deploy would.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandler, normaliseBase } from '../../scripts/lib/server';
import { expect, test as base } from './fixtures';
import { openGmv } from './gmvPage';
import { waitForServiceWorker } from './serviceWorker';

interface Deploy {
	/** Change the deployed service worker, as a new build would (the server re-reads the folder). */
	changeWorker(marker: string): void;
}

/** The deploy behind each base URL this spec serves. */
const deploys = new Map<string, Deploy>();

const test = base.extend<{ deploy: Deploy }>({
	// The pages of this spec come from a temp copy of build/ on a port of its own.
	// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
	baseURL: async ({}, use) => {
		const root = mkdtempSync(join(tmpdir(), 'storelens-deploy-'));
		cpSync('build', root, { recursive: true });
		const basePath = normaliseBase(process.env.BASE_PATH);
		let handler = createHandler({ root, base: basePath });
		const server = createServer((req: IncomingMessage, res: ServerResponse) => handler(req, res));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		deploys.set(`http://localhost:${port}${basePath}/`, {
			changeWorker(marker) {
				const file = join(root, 'service-worker.js');
				writeFileSync(file, `${readFileSync(file, 'utf8')}\n// ${marker}\n`);
				// The precompressed copies would still hold the old worker.
				rmSync(`${file}.br`, { force: true });
				rmSync(`${file}.gz`, { force: true });
				handler = createHandler({ root, base: basePath });
			}
		});
		await use(`http://localhost:${port}${basePath}/`);
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
		rmSync(root, { recursive: true, force: true });
	},
	deploy: async ({ baseURL }, use) => {
		await use(deploys.get(baseURL ?? '')!);
	}
});

test('a new deploy: "new version ready", and Reload switches to it', async ({ page, deploy }) => {
	await openGmv(page);
	await waitForServiceWorker(page);
	const notice = page.getByTestId('update-notice');
	await expect(notice).toBeHidden();
	const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

	deploy.changeWorker('deploy 2');
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});
	await expect(notice).toBeVisible({ timeout: 15_000 });
	await expect(notice).toContainText('A new version of Storelens is ready.');
	// The new worker waits: it does not take over the open page by itself.
	expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
	const prediction = await page.getByTestId('gmv-prediction').textContent();

	const reloaded = page.waitForEvent('load');
	await notice.getByRole('button', { name: 'Reload' }).click();
	await reloaded;
	await expect(page.getByTestId('gmv-prediction')).toHaveText(prediction ?? '', { timeout: 15_000 });
	await expect(notice).toBeHidden();
	const after = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return { waiting: !!registration?.waiting, controller: navigator.serviceWorker.controller?.scriptURL };
	});
	// The worker that was waiting is the one in control now.
	expect(after).toEqual({ waiting: false, controller: firstWorker });
});

test('"Later" hides the notice and the page keeps working', async ({ page, deploy }) => {
	await openGmv(page);
	await waitForServiceWorker(page);
	deploy.changeWorker('deploy 3');
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	const notice = page.getByTestId('update-notice');
	await expect(notice).toBeVisible({ timeout: 15_000 });
	await notice.getByRole('button', { name: 'Later' }).click();
	await expect(notice).toBeHidden();
	await expect(page.getByTestId('gmv-prediction')).toBeVisible();
});
