// Page helpers for the GMV tool's end-to-end tests: open the page, find its parts, upload a CSV the
// way a person does (the "Choose a CSV file" button opens the file chooser).
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Open the GMV page (relative to the base URL) and wait for the first prediction. */
export async function openGmv(page: Page, query = ''): Promise<Locator> {
	const response = await page.goto(`gmv/${query}`);
	expect(response?.status()).toBe(200);
	const prediction = page.getByTestId('gmv-prediction');
	await expect(prediction).toHaveText(/^₹[\d.,]+( lakh| crore)?$/, { timeout: 15_000 });
	return prediction;
}

export const predictionPanel = (page: Page) => page.getByRole('region', { name: 'Predicted weekly GMV' });
export const batchSection = (page: Page) => page.getByRole('region', { name: 'Forecast many weeks from a CSV' });

/**
 * A form field by its visible label (the hidden unit makes names like "Average discount (%)"), in
 * "The week" (the inputs above the answer) or "More inputs" (folded below it on a phone: call
 * `openMoreInputs` first there).
 */
export function field(page: Page, label: string): Locator {
	return page.locator('[data-gmv-inputs]').getByLabel(label);
}

/** A monthly budget field of the form, e.g. budgetField(page, 'TV') for "TV (crore/month)". */
export function budgetField(page: Page, channel: string): Locator {
	return page.locator('[data-gmv-inputs]').getByRole('textbox', { name: `${channel} (crore/month)`, exact: true });
}

/** Unfold "More inputs" (folded on a phone, open on a wide screen). */
export async function openMoreInputs(page: Page): Promise<void> {
	const details = page.locator('.more-inputs details');
	if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await page.getByRole('heading', { name: 'More inputs' }).click();
	await expect(details).toHaveAttribute('open', '');
}

export type UploadContent = string | Buffer | { path: string };

/** Choose a file through the page's own button and file chooser. */
export async function uploadCsv(page: Page, name: string, content: UploadContent, mimeType = 'text/csv'): Promise<void> {
	const chooser = page.waitForEvent('filechooser');
	await batchSection(page)
		.getByRole('button', { name: /^Choose (a CSV|another) file$/ })
		.click();
	const files = typeof content === 'object' && 'path' in content ? content.path : { name, mimeType, buffer: Buffer.from(content) };
	await (await chooser).setFiles(files);
}

/** The "n of m rows scored" line of the batch result. */
export async function expectScored(page: Page, good: number, total: number): Promise<void> {
	await expect(page.getByTestId('batch-result')).toContainText(`${good.toLocaleString('en')} of ${total.toLocaleString('en')} rows scored`, {
		timeout: 20_000
	});
}

/** The list of row problems shown after an upload. */
export function problemList(page: Page): Locator {
	return page.getByRole('region', { name: /^Problems in / }).getByRole('listitem');
}

/** The whole-file failure message of the drop zone. */
export function fileAlert(page: Page): Locator {
	return batchSection(page).getByRole('alert');
}

/** Text of a finished download. */
export async function downloadText(download: Download): Promise<string> {
	const path = await download.path();
	return readFileSync(path, 'utf8');
}
