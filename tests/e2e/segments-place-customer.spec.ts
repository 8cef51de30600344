// The customer-segments page's one-customer form: a customer's figures placed in a cluster, a field
// with text kept and explained, and figures far outside the training customers not placed.
import type { Locator, Page } from '@playwright/test';
import { CUSTOMER_FEATURE_INFO, type CustomerFeature } from '../../src/lib/segments/features';
import { expect, test } from './fixtures';
import { segmentsArtifact } from './segmentsFiles';
import { openSegments, placer } from './segmentsPage';

/** A field of the one-customer form by its label (the hidden unit is part of its accessible name). */
function customerField(page: Page, feature: CustomerFeature): Locator {
	const info = CUSTOMER_FEATURE_INFO[feature];
	return placer(page).getByRole('textbox', { name: `${info.label}${info.unit ? ` (${info.unit})` : ''}`, exact: true });
}

async function fillCustomer(page: Page, values: Partial<Record<CustomerFeature, string>>): Promise<void> {
	for (const [feature, value] of Object.entries(values) as [CustomerFeature, string][]) {
		await customerField(page, feature).fill(value);
	}
}

test.describe('place one customer', () => {
	test('a big spender lands in the Insiders; text in a number field is kept and explained', async ({ page }) => {
		const artifact = segmentsArtifact();
		const insidersName = artifact.profiles.find((p) => p.cluster === artifact.insiders)?.name ?? '';
		await openSegments(page);
		const cluster = placer(page).getByTestId('placement').getByTestId('placement-cluster');
		await expect(cluster).toBeVisible();

		await fillCustomer(page, {
			grossRevenue: '50000',
			invoices: '40',
			recencyDays: '2',
			itemsBought: '20000',
			distinctProducts: '400',
			frequency: '0.15',
			itemsReturned: '0',
			returnShare: '0'
		});
		await expect(cluster).toHaveText(insidersName);
		await expect(placer(page).getByTestId('placement-sentence')).toContainText(`Closest to ${insidersName}`);

		const revenue = customerField(page, 'grossRevenue');
		await revenue.fill('abc');
		await revenue.blur();
		await expect(revenue).toHaveValue('abc');
		await expect(revenue).toHaveAttribute('aria-invalid', 'true');
		const message = placer(page).locator(`[id="${await revenue.getAttribute('id')}-msg"]`);
		await expect(message).not.toBeEmpty();
		await expect(placer(page).getByTestId('placement')).toContainText('Fix the highlighted fields');

		await revenue.fill('50000');
		await expect(cluster).toHaveText(insidersName);
	});

	test('a one-off buyer from long ago lands in a lapsed cluster', async ({ page }) => {
		await openSegments(page);
		await fillCustomer(page, {
			grossRevenue: '150',
			invoices: '1',
			recencyDays: '330',
			itemsBought: '40',
			distinctProducts: '8',
			frequency: '1',
			itemsReturned: '0',
			returnShare: '0'
		});
		await expect(placer(page).getByTestId('placement-cluster')).toHaveText(/^Lapsed/);
	});

	test('a customer far outside the training customers is not placed, and says why', async ({ page }) => {
		await openSegments(page);
		const revenue = customerField(page, 'grossRevenue');
		await revenue.fill('900000000');
		const refused = placer(page).getByTestId('placement-refused');
		await expect(refused).toContainText('No placement for these figures.');
		await expect(refused).toContainText('far outside the range the model was trained on');
		await expect(placer(page).getByTestId('placement-cluster')).toHaveCount(0);
	});
});
