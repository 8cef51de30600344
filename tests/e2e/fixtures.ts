// Every spec imports `test` and `expect` from here instead of '@playwright/test'. The automatic
// `pageGuard` fixture fails a test when any request leaves the site's origin (the privacy
// promise: data never leaves the device), when the page logs a console error, or when it throws.
// Navigate relative to the home page so BASE_PATH builds work: page.goto('./'), page.goto('gmv/').
import { test as base, expect } from '@playwright/test';

export interface PageGuard {
	/** Requests that went somewhere other than the site's origin, data: or blob:. */
	readonly offOriginRequests: string[];
	/** console.error messages and uncaught exceptions, in order. */
	readonly errors: string[];
	/** Lets a test that provokes an error on purpose (e.g. a malformed CSV) accept matching console errors. */
	allowConsoleError(pattern: RegExp): void;
}

export function isSameOriginOrLocal(url: string, origin: string): boolean {
	return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:');
}

export const test = base.extend<{ pageGuard: PageGuard }>({
	pageGuard: [
		async ({ context, page, baseURL }, use) => {
			if (!baseURL) throw new Error('baseURL is not set (see playwright.config.ts)');
			const origin = new URL(baseURL).origin;
			const offOriginRequests: string[] = [];
			const errors: string[] = [];
			const allowed: RegExp[] = [];

			// Context-wide, so popups and workers are covered too.
			context.on('request', (request) => {
				const url = request.url();
				if (!isSameOriginOrLocal(url, origin)) offOriginRequests.push(`${request.method()} ${url}`);
			});
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				const text = message.text();
				if (allowed.some((pattern) => pattern.test(text))) return;
				const { url, lineNumber } = message.location();
				errors.push(`console.error: ${text}${url ? ` (${url}:${lineNumber})` : ''}`);
			});
			page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));

			await use({ offOriginRequests, errors, allowConsoleError: (pattern) => void allowed.push(pattern) });

			expect(offOriginRequests, `requests left ${origin}`).toEqual([]);
			expect(errors, 'the page logged errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
