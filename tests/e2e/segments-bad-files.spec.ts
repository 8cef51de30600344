// Files the customer-segments page cannot use in full: broken lines listed and the rest analysed,
// files refused with one message (missing columns, empty, too large, a picture) while the results on
// screen stay, and a large file cancelled while it is read.
import { generateInvoiceSample, withBrokenLines } from '../../src/lib/segments/sample';
import { expect, test } from './fixtures';
import { pngBytes } from './gmvFiles';
import { expectedAnalysis, invoiceText, withoutColumns, writeLargeInvoiceFile } from './segmentsFiles';
import { ANALYSED, cleaningReport, count, customerList, expectAnalysed, fileAlert, openSegments, reportCount, showing, upload, uploadSection } from './segmentsPage';

test('broken lines are listed by row and column, and the rest is analysed', async ({ page }) => {
	const name = 'broken.csv';
	const { text, broken } = withBrokenLines(generateInvoiceSample({ seed: 47 }));
	const expected = expectedAnalysis(text);
	expect(expected.unreadableLines).toBe(broken.length);
	await openSegments(page);
	await upload(page, name, text);
	await expectAnalysed(page, name, expected);

	const problems = uploadSection(page).getByRole('region', { name: `Problems in ${name}` }).getByRole('listitem');
	await expect(problems).toHaveCount(broken.length);
	for (const line of broken) {
		const start = line.column === null ? `Row ${line.row}: ` : `Row ${line.row}, column ${line.column}: `;
		await expect(problems.filter({ hasText: new RegExp(`^${start}`) }), `${line.kind} on row ${line.row}`).toHaveCount(1);
	}
	await expect(uploadSection(page).getByText(`${count(broken.length)} unreadable lines`).first()).toBeVisible();
	await expect(reportCount(page, /^Unreadable lines/)).toHaveText(count(broken.length));
	await expect(cleaningReport(page)).toContainText(`${count(broken.length)} unreadable`);
});

test.describe('files that cannot be used', () => {
	test('a file missing two columns gets one message naming both, and the training data stays', async ({ page }) => {
		const name = 'no-price-no-customer.csv';
		await openSegments(page);
		await upload(page, name, withoutColumns(invoiceText({ seed: 48 }), ['CustomerID', 'UnitPrice']));
		const alert = fileAlert(page);
		await expect(alert).toHaveCount(1, ANALYSED);
		await expect(alert).toContainText(`${name} could not be used`);
		await expect(alert).toContainText('missing 2 required columns');
		await expect(alert).toContainText('Unit price (UnitPrice), Customer ID (CustomerID).');
		await expect(alert).not.toContainText('Missing columns:'); // named once, in the message
		await expect(showing(page)).toContainText('Showing the model’s training data');
		await expect(page.getByTestId('how-many')).toContainText('in the training data');
	});

	test('an empty file is refused with one message', async ({ page }) => {
		await openSegments(page);
		await upload(page, 'empty.csv', '');
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('empty.csv could not be used');
		await expect(fileAlert(page)).toContainText('The file is empty');
		await expect(showing(page)).toContainText('Showing the model’s training data');
	});

	test('a file too large for the device is refused before it is read', async ({ page }) => {
		// A device reporting 0.5 MB of memory: the limit (a quarter of it) is far below this file.
		await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.0005 }));
		await openSegments(page);
		await upload(page, 'too-big.csv', invoiceText({ seed: 50 }));
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('too-big.csv could not be used');
		await expect(fileAlert(page)).toContainText(/The file is [\d.]+ MB; the limit is 0\.1 MB/);
		await expect(showing(page)).toContainText('Showing the model’s training data');
	});

	test('a picture is refused, named as a picture', async ({ page }) => {
		await openSegments(page);
		await upload(page, 'picture.png', pngBytes(), 'image/png');
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('picture.png could not be used');
		await expect(fileAlert(page)).toContainText('This is an image (PNG), not a CSV file.');
		await expect(showing(page)).toContainText('Showing the model’s training data');
	});

	test('after a bad file the earlier good results stay on screen', async ({ page }) => {
		const good = 'good.csv';
		const text = invoiceText({ seed: 49 });
		const expected = expectedAnalysis(text);
		await openSegments(page);
		await upload(page, good, text);
		await expectAnalysed(page, good, expected);

		await upload(page, 'bad.csv', withoutColumns(text, ['UnitPrice']));
		await expect(fileAlert(page)).toHaveCount(1, ANALYSED);
		await expect(fileAlert(page)).toContainText('bad.csv could not be used');
		await expect(fileAlert(page)).toContainText(`The results below are still from ${good}.`);
		await expect(showing(page)).toContainText(`Showing ${good}: ${count(expected.customers)} customers`);
		await expect(page.getByTestId('how-many')).toContainText(`in ${good}`);
		await expect(customerList(page).getByText(`${count(expected.insiders)} customer`)).toBeVisible();

		await upload(page, 'picture.png', pngBytes(), 'image/png');
		await expect(fileAlert(page)).toContainText('This is an image (PNG), not a CSV file.', ANALYSED);
		await expect(showing(page)).toContainText(`Showing ${good}:`);
	});
});

test('a large file can be cancelled while it is read, and the training data stays', async ({ page }, testInfo) => {
	const path = testInfo.outputPath('large-invoices.csv');
	const bytes = writeLargeInvoiceFile(path, 8);
	expect(bytes).toBeGreaterThan(100_000_000);
	await openSegments(page);
	await page.locator('input[type=file]').setInputFiles(path);

	const progress = uploadSection(page).getByRole('progressbar');
	await expect(progress).toBeVisible(ANALYSED);
	// Still reading the file (not yet building customers) when Cancel is pressed.
	await expect(progress).toHaveAccessibleName(/^Reading invoice lines… [\d,]+/);
	await uploadSection(page).getByRole('button', { name: 'Cancel' }).click();
	// The visible line (a hidden live region announces the same words).
	await expect(uploadSection(page).getByRole('paragraph').filter({ hasText: 'Stopped. The file was not used.' })).toBeVisible();
	await expect(progress).toHaveCount(0);
	await expect(showing(page)).toContainText('Showing the model’s training data');
	await expect(page.getByTestId('how-many')).toContainText('in the training data');
	await expect(fileAlert(page)).toHaveCount(0);
});
