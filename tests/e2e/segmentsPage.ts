// Page helpers for the customer-segments page's end-to-end tests: open the page, find its parts, hand
// it a file, and check that it shows the analysis the pure reading code computes (segmentsFiles.ts).
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { ExpectedAnalysis } from './segmentsFiles';

/** Waiting for a file to be read and analysed in the worker (never a timing assertion). */
export const ANALYSED = { timeout: 30_000 };
export const count = (n: number) => n.toLocaleString('en');

export const showing = (page: Page) => page.getByTestId('showing');
export const uploadSection = (page: Page) => page.getByRole('region', { name: 'Analyse your own invoice lines' });
export const fileAlert = (page: Page) => uploadSection(page).getByRole('alert');
export const customerList = (page: Page) => page.getByTestId('customer-list');
export const cleaningReport = (page: Page) => page.getByTestId('cleaning-report');
export const placer = (page: Page) => page.getByRole('region', { name: 'Place one customer' });

/** Open /segments/ (relative to the base URL) and wait for its heading. */
export async function openSegments(page: Page): Promise<void> {
	const response = await page.goto('segments/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Customer segments and the Insiders program' })).toBeVisible();
}

/** Hand a file to the page's file input, as choosing it in the file chooser does. */
export async function upload(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
	await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** The page shows the analysis of `name`, with the numbers the pure code computes. */
export async function expectAnalysed(page: Page, name: string, expected: ExpectedAnalysis): Promise<void> {
	await expect(showing(page)).toContainText(`Showing ${name}: ${count(expected.customers)} customers`, ANALYSED);
	await expect(uploadSection(page).getByText(`${count(expected.customers)} customers analysed`).first()).toBeVisible();
	await expect(page.getByTestId('how-many')).toContainText(`of the ${count(expected.customers)} in ${name}`);
	await expect(page.getByTestId('how-many')).toContainText(count(expected.insiders));
	await expect(cleaningReport(page).getByRole('row', { name: /^Customers analysed/ })).toContainText(count(expected.customers));
	if (expected.anonymousInvoices > 0) await expect(page.getByTestId('anonymous')).toContainText(`${count(expected.anonymousInvoices)} invoice`);
}

/** A cell's text in the cleaning report's row that starts with `label`. */
export const reportCount = (page: Page, label: RegExp) => cleaningReport(page).getByRole('row', { name: label }).getByRole('cell');
