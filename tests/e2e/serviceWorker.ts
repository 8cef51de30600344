// Helpers for the service-worker specs: wait until the page is controlled by an active worker.
import type { Page } from '@playwright/test';

/** Resolves once a service worker controls the page (it registers after the first result). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
	});
}

/** Scopes of the service workers registered for this origin. */
export function registeredScopes(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
}
