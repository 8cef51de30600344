/**
 * Lighthouse (12.2.3, pinned: 13 needs Node 22) on every page of the built site, as a phone sees it:
 * Lighthouse's default config, i.e. the mobile form factor (Moto G Power screen) with its default
 * simulated throttling (slow 4G, 4x CPU slowdown). Each run is a fresh Lighthouse navigation in one
 * Debian Chromium started by chrome-launcher (CHROME_PATH = the system Chromium; nothing downloads a
 * browser), with storage reset between runs, so every run is a first visit (no service worker).
 * Runs are interleaved (page 1, page 2, ..., page 1, ...) so a burst of load on the machine spreads
 * over all pages instead of ruining one.
 */
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { TOOLS } from '../../src/lib/tools.ts';
import { chromiumArgs, requireChromium } from '../lib/chromium.ts';

export interface LighthouseRun {
	/** Performance score, 0-100. */
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	totalBlockingTimeMs: number;
	largestContentfulPaintMs: number;
	firstContentfulPaintMs: number;
	speedIndexMs: number;
	cumulativeLayoutShift: number;
	/** Longest main-thread task Lighthouse observed (unthrottled trace; the simulation scales it). */
	longestTaskMs: number;
	/** Titles of failed audits that cost performance points (for the printed notes). */
	opportunities: string[];
	runtimeError?: string;
	/** Set when this is a second try: the first one's error (a trace Lighthouse could not record). */
	retriedAfter?: string;
}

export interface LighthousePage {
	label: string;
	/** Path below the site's home: '' (home) or 'gmv/'. */
	path: string;
}

/** The home page and every ready tool of src/lib/tools.ts. */
export function lighthousePages(): LighthousePage[] {
	return [{ label: 'home', path: '' }, ...TOOLS.filter((t) => t.ready).map((t) => ({ label: `/${t.path}/`, path: `${t.path}/` }))];
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

type Audits = Record<string, { numericValue?: number; score: number | null; title: string; details?: unknown } | undefined>;

function longestTask(audits: Audits): number {
	const details = audits['long-tasks']?.details as { items?: { duration?: number }[] } | undefined;
	return Math.max(0, ...(details?.items ?? []).map((i) => i.duration ?? 0));
}

/** One Lighthouse navigation of `url` in the Chromium listening on `port`. */
export async function runLighthouse(url: string, port: number): Promise<LighthouseRun> {
	const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const { lhr } = result;
	const audits = lhr.audits as Audits;
	const score = (id: (typeof categories)[number]) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
	const value = (id: string) => audits[id]?.numericValue ?? NaN;
	const perfAuditIds = new Set((lhr.categories.performance?.auditRefs ?? []).map((r) => r.id));
	const opportunities = Object.entries(audits)
		.filter(([id, a]) => a && perfAuditIds.has(id) && a.score !== null && a.score < 0.9)
		.map(([, a]) => a!.title);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		seo: score('seo'),
		totalBlockingTimeMs: value('total-blocking-time'),
		largestContentfulPaintMs: value('largest-contentful-paint'),
		firstContentfulPaintMs: value('first-contentful-paint'),
		speedIndexMs: value('speed-index'),
		cumulativeLayoutShift: value('cumulative-layout-shift'),
		longestTaskMs: longestTask(audits),
		opportunities,
		runtimeError: lhr.runtimeError?.message
	};
}

/** Starts the system Chromium for Lighthouse (headless, with the project's quiet flags). */
export function launchChromeForLighthouse(): Promise<LaunchedChrome> {
	return launch({
		chromePath: requireChromium(),
		chromeFlags: ['--headless=new', ...chromiumArgs()],
		logLevel: 'silent'
	});
}

/** `runs` Lighthouse runs of every page under `siteUrl` (ending in '/'), interleaved. */
export async function lighthouseAllPages(
	siteUrl: string,
	pages: LighthousePage[],
	runs: number,
	onRun?: (page: LighthousePage, run: LighthouseRun, index: number) => void
): Promise<Map<LighthousePage, LighthouseRun[]>> {
	const out = new Map(pages.map((p) => [p, [] as LighthouseRun[]]));
	const chrome = await launchChromeForLighthouse();
	try {
		// One unrecorded warm-up navigation: the first Lighthouse run in a fresh browser pays start-up costs.
		await runLighthouse(`${siteUrl}${pages[0].path}`, chrome.port);
		for (let i = 0; i < runs; i++) {
			for (const page of pages) {
				let run = await runLighthouse(`${siteUrl}${page.path}`, chrome.port);
				// A run that failed to record its trace (NO_NAVSTART, now and then) is tried once more, and says so.
				if (run.runtimeError) run = { ...(await runLighthouse(`${siteUrl}${page.path}`, chrome.port)), retriedAfter: run.runtimeError };
				out.get(page)!.push(run);
				onRun?.(page, run, i);
			}
		}
	} finally {
		chrome.kill();
	}
	return out;
}
