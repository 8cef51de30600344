// axe-core in the browser tests: `await expectAccessible(page, 'gmv first view')` fails the test on
// any violation of WCAG 2.2 A/AA or axe's best practices, listing rule, impact, the elements and
// the fix axe suggests. Call it in every page state worth checking (first view, results, errors,
// phone size, dark theme). Charts are canvases with a text summary; axe checks the summary.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeOptions {
	/** CSS selectors to leave out of the check (keep this empty: every exclusion needs a reason). */
	exclude?: string[];
}

/** One line per violating element: "[serious] scrollable-region-focusable: <selector> (fix: ...)". */
export function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
	return violations.flatMap((v) =>
		v.nodes.map((n) => `[${v.impact ?? '?'}] ${v.id}: ${n.target.join(' ')} — ${v.help} (${n.failureSummary?.replace(/\s+/g, ' ') ?? ''})`)
	);
}

export async function expectAccessible(page: Page, label: string, options: AxeOptions = {}): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(TAGS);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const { violations } = await builder.analyze();
	expect(describeViolations(violations), `axe violations on ${label}`).toEqual([]);
}
