// The GMV page's budget planner: find the best split of the month's budget, and refuse limits that
// cannot be met.
import { expect, test } from './fixtures';
import { openGmv } from './gmvPage';

test('the budget planner finds a split, and floors above the budget are refused with a clear message', async ({ page }) => {
	await openGmv(page);
	const planner = page.getByRole('region', { name: 'Budget planner' });
	const run = page.getByTestId('planner-run');
	await expect(run).toHaveText('Find the best split');
	await expect(run).toBeEnabled();

	await run.click();
	const result = page.getByTestId('planner-result');
	await expect(result).toBeVisible({ timeout: 20_000 });
	await expect(result).toContainText(/Suggested split: ₹[\d.,]+ (lakh|crore) a month against ₹[\d.,]+ (lakh|crore) for the historical mix/);
	await expect(result).not.toContainText(/NaN|undefined|Infinity/);

	// One row per channel; the suggested split spends the whole budget.
	const channels = result.getByRole('table', { name: /Monthly budget by channel/ });
	const channelRows = channels.getByRole('row').filter({ has: page.getByRole('rowheader') });
	await expect(channelRows).toHaveCount(9);
	const cells = await channelRows.evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => Number(td.textContent))));
	const historical = cells.reduce((a, c) => a + c[0], 0);
	const suggested = cells.reduce((a, c) => a + c[1], 0);
	for (const c of cells) for (const v of c) expect(v).toBeGreaterThanOrEqual(0);
	expect(suggested).toBeGreaterThan(0);
	expect(Math.abs(suggested - historical)).toBeLessThan(0.05 * historical + 0.1);

	// Sub-category shares: one row each, adding up to 100%.
	const shares = result.getByRole('table', { name: /Share of spend by sub-category/ });
	const shareRows = shares.getByRole('row').filter({ has: page.getByRole('rowheader') });
	expect(await shareRows.count()).toBeGreaterThanOrEqual(3);
	const shareCells = await shareRows.evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => parseFloat(td.textContent ?? ''))));
	expect(Math.abs(shareCells.reduce((a, c) => a + c[1], 0) - 100)).toBeLessThan(1);

	// Floors that add up to more than the budget: a message says so and the button is disabled.
	await planner.getByText('Budget, floors and caps').click();
	const budgetText = await planner.getByRole('textbox', { name: /^Monthly budget/ }).inputValue();
	const budget = Number(budgetText);
	expect(budget).toBeGreaterThan(0);
	await planner.getByRole('textbox', { name: /^Sponsorship at least/ }).fill(String(Math.ceil(budget * 0.7)));
	await planner.getByRole('textbox', { name: /^Search \(SEM\) at least/ }).fill(String(Math.ceil(budget * 0.35)));
	const problem = planner.getByRole('alert');
	await expect(problem).toContainText(/floors add up to [\d.]+ crore, more than the budget of [\d.]+ crore/);
	await expect(run).toBeDisabled();
	// The old answer no longer matches the limits, so it is gone.
	await expect(result).toHaveCount(0);

	// Back within the budget: the message goes and the planner works again.
	await planner.getByRole('textbox', { name: /^Search \(SEM\) at least/ }).fill('0');
	await expect(problem).toHaveCount(0);
	await expect(run).toBeEnabled();
	await run.click();
	await expect(result).toBeVisible({ timeout: 20_000 });
	const sponsorship = await channels.getByRole('row', { name: /^Sponsorship/ }).getByRole('cell').nth(1).innerText();
	expect(Number(sponsorship)).toBeGreaterThanOrEqual(Math.ceil(budget * 0.7) - 0.01);
});
