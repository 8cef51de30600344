// End-to-end tests drive a Chromium that is already installed (never downloaded) against the
// production build, served by scripts/start.ts exactly as `npm start` serves it.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumInstallHint, findChromium } from './scripts/lib/chromium.ts';
import { normaliseBase } from './scripts/lib/server.ts';

const executablePath = findChromium();
if (!executablePath) throw new Error(chromiumInstallHint);

const onCI = !!process.env.CI;
const port = Number(process.env.E2E_PORT ?? 4174);
const base = normaliseBase(process.env.BASE_PATH);
/** Home page. Tests navigate relative to it (page.goto('./'), page.goto('gmv/')) so BASE_PATH works. */
const homeURL = `http://localhost:${port}${base}/`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: onCI,
	retries: onCI ? 1 : 0,
	workers: 2,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: homeURL,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: { browserName: 'chromium', launchOptions: { executablePath, args: chromiumArgs() } }
		}
	],
	webServer: {
		// Builds first when build/ is missing or older than the sources.
		command: `npx tsx scripts/start.ts --port ${port} --strict-port`,
		url: homeURL,
		reuseExistingServer: !onCI,
		timeout: 300_000,
		stderr: 'pipe'
	}
});
