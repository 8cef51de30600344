// The customer-segments page on a 360 px phone: the answers on the first screen, the upload one tap
// away, controls at least 44 px, and no sideways scrolling before or after a file.
import type { Locator, Page } from '@playwright/test';
import { generateInvoiceSample, withBrokenLines } from '../../src/lib/segments/sample';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { expectedAnalysis } from './segmentsFiles';
import { ANALYSED, customerList, expectAnalysed, openSegments, placer, upload, uploadSection } from './segmentsPage';

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	const TAP = 44 - 0.5; // CSS px, allowing for sub-pixel rounding
	const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

	async function shortControls(controls: Locator): Promise<{ name: string; height: number }[]> {
		const all = await controls.evaluateAll((els) =>
			els
				.filter((el) => (el as HTMLElement).offsetParent !== null)
				.map((el) => ({ name: el.id || el.textContent?.trim() || el.tagName, height: el.getBoundingClientRect().height }))
		);
		return all.filter((c) => c.height < TAP);
	}

	test('the answers are on the first screen, the upload one tap away; the page fits before and after a file', async ({ page }) => {
		await openSegments(page);
		expect(await pageWidth(page), 'no sideways scrolling on the first view').toBeLessThanOrEqual(360);
		// How many Insiders, their revenue share and the forecast: all inside the first 740 px.
		for (const id of ['how-many', 'revenue-share', 'forecast']) {
			const box = await page.getByTestId(id).boundingBox();
			expect(box, id).not.toBeNull();
			expect(box!.y + box!.height, `${id} ends on the first screen`).toBeLessThanOrEqual(740);
			expect(box!.x + box!.width, `${id} fits the width`).toBeLessThanOrEqual(360);
		}
		const toUpload = page.getByTestId('headline').getByRole('link', { name: 'Analyse your own file' });
		expect((await toUpload.boundingBox())!.y + TAP, 'the way to the upload is on the first screen').toBeLessThanOrEqual(740);
		await toUpload.tap();
		await expect(uploadSection(page).getByRole('button', { name: 'Choose a CSV file' })).toBeInViewport();
		await expectAccessible(page, 'segments on a phone');

		const choose = uploadSection(page).getByRole('button', { name: 'Choose a CSV file' });
		expect((await choose.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(TAP);
		const inputs = placer(page).locator('input');
		await expect(inputs).toHaveCount(8);
		expect(await shortControls(inputs), 'form inputs shorter than 44 px').toEqual([]);
		expect(await shortControls(placer(page).getByRole('button')), 'form buttons shorter than 44 px').toEqual([]);

		const name = 'phone.csv';
		const { text } = withBrokenLines(generateInvoiceSample({ seed: 50 }));
		await upload(page, name, text);
		await expectAnalysed(page, name, expectedAnalysis(text));
		expect(await pageWidth(page), 'no sideways scrolling with a file analysed').toBeLessThanOrEqual(360);
		expect(await shortControls(customerList(page).locator('input, select')), 'list filters shorter than 44 px').toEqual([]);
		// Every action is readable without scrolling sideways.
		for (const cell of await page.getByTestId('actions').getByTestId('action').all()) {
			const box = await cell.boundingBox();
			expect(box!.x + box!.width, 'an action fits the width').toBeLessThanOrEqual(360);
		}
		// A file's amounts: no currency until one is chosen.
		await expect(page.getByTestId('revenue-share')).not.toContainText('£');
		await page.getByTestId('currency').selectOption('EUR');
		await expect(page.getByTestId('revenue-share')).toContainText('€');
		await expect(page.getByTestId('forecast')).toContainText('€');
		await page.getByTestId('cluster-charts').scrollIntoViewIfNeeded();
		await expect(page.getByTestId('cluster-charts').locator('.placeholder')).toHaveCount(0, ANALYSED);
		await expectAccessible(page, 'segments on a phone after a file with broken lines');
	});
});
