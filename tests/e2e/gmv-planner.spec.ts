// The GMV page's budget planner on a phone: a suggestion within what the data has seen, a loud
// warning for a budget beyond the observed spend, the budget for a target, limits that cannot hold,
// and tables that fit or scroll with a visible cue (axe clean).
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, test } from './fixtures';
import { openGmv } from './gmvPage';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const artifact = JSON.parse(readFileSync('model-artifacts/gmv/planner.json', 'utf8')) as {
	months: { gmv: number; complete: boolean }[];
	groups: { observedMonthly: { max: number } }[];
};
const complete = artifact.months.filter((m) => m.complete).map((m) => m.gmv);
const largestMonth = Math.max(...complete);
const smallestMonth = Math.min(...complete);

/** "₹41.3 crore" / "₹95 lakh" -> rupees. */
function rupees(text: string): number {
	const m = /₹([\d.,]+)\s*(crore|lakh)?/.exec(text);
	if (!m) throw new Error(`no amount in “${text}”`);
	const n = Number(m[1].replace(/,/g, ''));
	return n * (m[2] === 'crore' ? 1e7 : m[2] === 'lakh' ? 1e5 : 1);
}

async function openPlanner(page: Page): Promise<Locator> {
	await openGmv(page);
	const planner = page.getByRole('region', { name: 'Budget planner' });
	await planner.scrollIntoViewIfNeeded();
	await expect(page.getByTestId('planner-run')).toBeEnabled({ timeout: 20_000 });
	return planner;
}

/** The page never scrolls sideways; a wide table either fits its box or shows the scroll cue. */
async function expectTablesFit(page: Page, scope: Locator) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	for (const box of await scope.locator('.table-scroll').all()) {
		if (!(await box.isVisible())) continue;
		const overflows = await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
		if (overflows) await expect(box.locator('xpath=..').getByTestId('scroll-cue')).toBeVisible();
	}
}

test('on a phone, the suggested split stays within what the data has seen, and its table fits or scrolls visibly', async ({ page }) => {
	const planner = await openPlanner(page);
	await page.getByTestId('planner-run').click();
	const result = page.getByTestId('planner-result');
	await expect(result).toBeVisible({ timeout: 20_000 });
	await expect(result).not.toContainText(/NaN|undefined|Infinity/);

	const gmv = rupees(await page.getByTestId('planner-gmv').innerText());
	expect(gmv).toBeGreaterThan(0.5 * smallestMonth);
	expect(gmv).toBeLessThanOrEqual(largestMonth);
	const [low, high] = (await page.getByTestId('planner-range').innerText()).split(' to ').map(rupees);
	expect(low).toBeLessThan(gmv);
	expect(high).toBeGreaterThan(gmv);
	// The form's budget lies within the observed spend and the caps start there: no warning.
	await expect(page.getByTestId('planner-warning')).toHaveCount(0);

	// One row per group, and the suggestion spends the whole budget.
	const table = result.getByRole('table', { name: /Monthly budget by channel group/ });
	const rows = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
	await expect(rows).toHaveCount(artifact.groups.length);
	const budget = Number(await planner.getByRole('textbox', { name: /^Monthly budget/ }).inputValue());
	const cells = await rows.evaluateAll((trs) => trs.map((r) => Array.from(r.querySelectorAll('td'), (td) => Number(td.textContent))));
	expect(Math.abs(cells.reduce((a, c) => a + c[1], 0) - budget)).toBeLessThan(0.05 * budget + 0.2);
	await expectTablesFit(page, planner);
	await result.getByText('The split by channel').click();
	await expectTablesFit(page, planner);
	await expectAccessible(page, 'gmv planner result on a phone');
});

test('a budget beyond the observed spend is planned only with a loud warning, and the result stays plausible', async ({ page }) => {
	const planner = await openPlanner(page);
	const most = artifact.groups.reduce((a, g) => a + g.observedMonthly.max, 0);
	const budget = Math.ceil(most * 2);
	await planner.getByRole('textbox', { name: /^Monthly budget/ }).fill(String(budget));
	// The caps start at the most the data saw: the budget cannot be split within them.
	await expect(planner.getByRole('alert').filter({ hasText: /caps add up to/ })).toBeVisible();
	await expect(page.getByTestId('planner-run')).toBeDisabled();
	await planner.getByText(/^Floors and caps per group/).click();
	for (let i = 1; i <= artifact.groups.length; i++) await planner.getByRole('textbox', { name: new RegExp(`^Group ${i} at most`) }).fill(String(budget));
	await expect(page.getByTestId('planner-run')).toBeEnabled();
	await page.getByTestId('planner-run').click();
	await expect(page.getByTestId('planner-result')).toBeVisible({ timeout: 20_000 });
	await expect(page.getByTestId('planner-warning')).toContainText(/more than the most any month of the data spent/);
	const gmv = rupees(await page.getByTestId('planner-gmv').innerText());
	expect(gmv).toBeLessThanOrEqual(largestMonth);

	// The budget for a target: reachable near a typical month; out of reach far above the largest one.
	const target = planner.getByRole('textbox', { name: /^Target GMV/ });
	await target.fill(String(Math.round((largestMonth * 3) / 1e7)));
	await page.getByTestId('planner-target-run').click();
	await expect(page.getByTestId('planner-target-result')).toContainText(/Not reachable within your caps/, { timeout: 20_000 });
	await target.fill(String(Math.round(smallestMonth / 1e7)));
	await page.getByTestId('planner-target-run').click();
	await expect(page.getByTestId('planner-target-result')).toContainText(/a month needs about [\d.]+ crore a month/, { timeout: 20_000 });
	await expectAccessible(page, 'gmv planner warning and target on a phone');
});

test('floors above the budget are refused with a clear message, and the old answer goes', async ({ page }) => {
	const planner = await openPlanner(page);
	await page.getByTestId('planner-run').click();
	await expect(page.getByTestId('planner-result')).toBeVisible({ timeout: 20_000 });
	const budget = Number(await planner.getByRole('textbox', { name: /^Monthly budget/ }).inputValue());
	await planner.getByText(/^Floors and caps per group/).click();
	await planner.getByRole('textbox', { name: /^Group 1 at least/ }).fill(String(Math.ceil(budget * 1.5)));
	await expect(planner.getByRole('alert').filter({ hasText: /floor of group 1 .* above its cap|floors add up to/ })).toBeVisible();
	await expect(page.getByTestId('planner-run')).toBeDisabled();
	await expect(page.getByTestId('planner-result')).toHaveCount(0);
});
