// axe on every page and the states that matter: first views, results, errors, the planner, the open
// tool menu, a phone screen and the dark theme. Each test drives the page the way a person does
// (with the tool specs' page helpers), then runs expectAccessible at each step. axe on a long page
// takes seconds on a busy machine, hence test.slow().
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { goodCsvWithActuals, pngBytes } from './gmvFiles';
import { expectScored, fileAlert, openGmv, uploadCsv } from './gmvPage';
import { invoiceText } from './segmentsFiles';

test.beforeEach(() => test.slow());

/**
 * Scroll through the whole page so that everything rendered on approach (charts, deferred parts) is
 * there. Timers only, and at most 200 steps: a page that draws no frames for a while (one CI run
 * hung here waiting for requestAnimationFrame) or keeps growing cannot hold the test.
 */
async function scrollThrough(page: Page): Promise<void> {
	await page.evaluate(async () => {
		for (let y = 0, step = 0; y < document.documentElement.scrollHeight && step < 200; y += window.innerHeight / 2, step++) {
			window.scrollTo(0, y);
			await new Promise((r) => setTimeout(r, 50));
		}
		window.scrollTo(0, 0);
	});
}

async function openSegments(page: Page): Promise<void> {
	await page.goto('segments/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function uploadInvoices(page: Page, name: string, text: string): Promise<void> {
	await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test('home page', async ({ page }) => {
			await page.goto('./');
			await expectAccessible(page, `home (${colorScheme})`);
		});

		test('GMV first view', async ({ page }) => {
			await openGmv(page);
			await scrollThrough(page);
			await expectAccessible(page, `gmv first view (${colorScheme})`);
		});

		test('segments first view and an analysed upload', async ({ page }) => {
			await openSegments(page);
			await scrollThrough(page);
			await expectAccessible(page, `segments first view (${colorScheme})`);

			await uploadInvoices(page, 'invoices.csv', invoiceText({ customers: 120 }));
			await expect(page.getByTestId('showing')).toContainText('Showing invoices.csv', { timeout: 60_000 });
			await scrollThrough(page);
			await expectAccessible(page, `segments after an upload (${colorScheme})`);
		});
	});
}

test('GMV planner result', async ({ page }) => {
	await openGmv(page);
	await page.getByTestId('planner-run').click();
	await expect(page.getByTestId('planner-result')).toBeVisible({ timeout: 60_000 });
	await expectAccessible(page, 'gmv planner result');
});

test('GMV batch result and a refused file', async ({ page }) => {
	await openGmv(page);
	await uploadCsv(page, 'weeks.csv', goodCsvWithActuals(40, 3));
	await expectScored(page, 40, 40);
	await scrollThrough(page);
	await expectAccessible(page, 'gmv batch result');

	await uploadCsv(page, 'picture.csv', pngBytes(), 'image/png');
	await expect(fileAlert(page)).toBeVisible();
	await expectAccessible(page, 'gmv refused file');
});

test('segments: a refused file', async ({ page }) => {
	await openSegments(page);
	await uploadInvoices(page, 'empty.csv', '');
	await expect(page.getByRole('region', { name: 'Analyse your own invoice lines' }).getByRole('alert')).toBeVisible({ timeout: 60_000 });
	await expectAccessible(page, 'segments refused file');
});

test.describe('phone, 360 x 740', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('home, and GMV with the tool menu open', async ({ page }) => {
		await page.goto('./');
		await expectAccessible(page, 'home on a phone');
		await openGmv(page);
		await expectAccessible(page, 'gmv on a phone');
		await page.getByRole('button', { name: 'Tools' }).click();
		await expectAccessible(page, 'open tool menu on a phone');
	});

	test('segments on a phone, dark', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await openSegments(page);
		await scrollThrough(page);
		await expectAccessible(page, 'segments on a phone, dark');
	});
});
