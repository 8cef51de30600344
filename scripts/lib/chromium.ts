// Finds a Chromium that is already on this machine. Never downloads one.
// Used by playwright.config.ts and the benchmark script.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where a system Chromium usually lives (Debian/Ubuntu packages, Google Chrome). */
export const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** How to get a Chromium when none is found. */
export const chromiumInstallHint =
	'No Chromium found. Install one with `apt-get install -y chromium` (Debian/Ubuntu, as root or with sudo), ' +
	'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.';

function playwrightChromium(): string | undefined {
	try {
		const path = chromium.executablePath();
		return path && existsSync(path) ? path : undefined;
	} catch {
		// Playwright throws when it has no build for this platform; that just means "not installed".
		return undefined;
	}
}

/**
 * The Chromium executable to drive, in this order: env CHROMIUM_PATH or
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, then the system paths above, then a Chromium
 * that `npx playwright install` put in its cache. Undefined when none exists.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
	for (const fromEnv of [env.CHROMIUM_PATH, env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH]) {
		if (fromEnv && existsSync(fromEnv)) return fromEnv;
	}
	for (const path of systemChromiumPaths) {
		if (existsSync(path)) return path;
	}
	return playwrightChromium();
}

/** Like findChromium, but throws an error that says how to install one. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
	const path = findChromium(env);
	if (!path) throw new Error(chromiumInstallHint);
	return path;
}

/**
 * Launch flags for this sandbox: no setuid sandbox when running as root, no GPU, and none of
 * the background traffic (component updates, sync, QUIC probes) that would try to reach Google.
 */
export function chromiumArgs(): string[] {
	const args = [
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--no-default-browser-check',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-domain-reliability',
		'--disable-client-side-phishing-detection',
		'--disable-dev-shm-usage',
		'--metrics-recording-only'
	];
	if (process.getuid?.() === 0) args.unshift('--no-sandbox');
	return args;
}
