/**
 * Browser measurements of the GMV page for the benchmark (scripts/bench.ts): what is transferred
 * before the first prediction shows and how long that takes, and batch scoring through the page's
 * worker. Every run uses a fresh browser context with the HTTP cache disabled, so each one is a
 * first visit. Timings come from the page's own clock (performance.now()), recorded by a small
 * script that Playwright injects before the page's own code runs.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** What the injected script records, in the page's performance.now() milliseconds. */
interface BenchState {
	/** The prediction element was in the DOM with text. */
	prediction: number | null;
	/** The frame after that (the prediction has been painted). */
	predictionPainted: number | null;
	predictionText: string | null;
	/** A file was chosen on a file input (its change event). */
	fileChosen: number | null;
	/** The page posted the job to the worker. */
	workerStart: number | null;
	/** The worker's `done` message reached the page. */
	workerDone: number | null;
	workerTimings: { parseMs: number; scoreMs: number } | null;
	workerGoodRows: number | null;
	workerTotalRows: number | null;
	workerFailure: string | null;
	/** The batch result element was in the DOM, and the frame after. */
	batchResult: number | null;
	batchResultPainted: number | null;
	batchText: string | null;
	/** Main-thread long tasks (over 50 ms) seen so far, in milliseconds. */
	longTasks: number[];
	/** Those that started after the last file was chosen. */
	batchLongTasks: number[];
	/** performance.timeOrigin, epoch milliseconds. */
	timeOrigin: number;
}

/**
 * Runs in the page before its own scripts: watches the DOM for the prediction (GMV's, or any page's
 * element marked data-bench="first-answer") and the batch result,
 * notes when a file is chosen, and wraps Worker to see the job go out and the result come back.
 * Plain JavaScript text on purpose: a function from this file would carry tsx's `__name(...)`
 * helper calls, which do not exist in the page. Fills in a {@link BenchState}.
 */
const instrumentation = (answerSelector = '[data-testid="gmv-prediction"], [data-bench="first-answer"]') => `(() => {
	const state = {
		prediction: null, predictionPainted: null, predictionText: null,
		fileChosen: null, workerStart: null, workerDone: null, workerTimings: null,
		workerGoodRows: null, workerTotalRows: null, workerFailure: null,
		batchResult: null, batchResultPainted: null, batchText: null, longTasks: [], batchLongTasks: [],
		timeOrigin: performance.timeOrigin
	};
	window.__bench = state;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				state.longTasks.push(e.duration);
				if (state.fileChosen !== null && e.startTime + e.duration >= state.fileChosen) state.batchLongTasks.push(e.duration);
			}
		}).observe({ type: 'longtask', buffered: true });
	} catch { /* no long-task timing in this browser */ }
	const afterPaint = (set) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
	const check = () => {
		if (state.prediction === null) {
			const el = document.querySelector(${JSON.stringify(answerSelector)});
			const text = el && el.textContent ? el.textContent.trim() : '';
			if (text) {
				state.prediction = performance.now();
				state.predictionText = text;
				afterPaint((t) => { state.predictionPainted = t; });
			}
		}
		if (state.fileChosen !== null && state.batchResult === null) {
			const el = document.querySelector('[data-testid="batch-result"]');
			if (el) {
				state.batchResult = performance.now();
				state.batchText = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 400);
				afterPaint((t) => { state.batchResultPainted = t; });
			}
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
	document.addEventListener('change', (event) => {
		const target = event.target;
		if (target instanceof HTMLInputElement && target.type === 'file') {
			state.fileChosen = performance.now();
			state.batchLongTasks = [];
			state.batchResult = null;
			state.batchResultPainted = null;
		}
	}, true);
	const NativeWorker = window.Worker;
	class WatchedWorker extends NativeWorker {
		constructor(url, options) {
			super(url, options);
			this.addEventListener('message', (event) => {
				const data = event.data;
				if (data && data.type === 'done' && data.result) {
					state.workerDone = performance.now();
					state.workerTimings = data.result.timings;
					state.workerGoodRows = data.result.goodRows;
					state.workerTotalRows = data.result.totalRows;
				} else if (data && data.type === 'failed') {
					state.workerDone = performance.now();
					state.workerFailure = (data.failure && data.failure.message) || 'failed';
				}
			});
		}
		postMessage(...args) {
			if (args[0] && args[0].type === 'start') state.workerStart = performance.now();
			return super.postMessage(...args);
		}
	}
	window.Worker = WatchedWorker;
})();`;

const readState = (page: Page): Promise<BenchState> => page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);

/** One network request of the page, as the DevTools protocol saw it. */
export interface LoadedResource {
	url: string;
	/** Path below the site's base, e.g. `_app/immutable/chunks/x.js`. */
	path: string;
	kind: ResourceKind;
	status: number;
	mimeType: string;
	/** Content-Encoding the server chose (br, gzip, or '' for none). */
	encoding: string;
	/** Bytes on the wire, headers included (Network.loadingFinished encodedDataLength). */
	transferred: number;
	/** Body as the page got it (decoded), and that body gzipped at level 9. Only in detailed runs. */
	raw?: number;
	gzip?: number;
	/** Requested and finished, in milliseconds since the page's time origin (navigation start). */
	startedAt: number;
	finishedAt: number;
	failed?: string;
}

export type ResourceKind = 'html' | 'code' | 'styles' | 'artifacts' | 'other';
export const resourceKinds: ResourceKind[] = ['html', 'code', 'styles', 'artifacts', 'other'];

function kindOf(url: string, type: string | undefined, mimeType: string): ResourceKind {
	const path = new URL(url).pathname;
	if (type === 'Document' || mimeType.startsWith('text/html')) return 'html';
	if (type === 'Stylesheet' || path.endsWith('.css')) return 'styles';
	if (type === 'Script' || /\.m?js$/.test(path) || mimeType.includes('javascript')) return 'code';
	if (path.endsWith('.json') || path.endsWith('.bin')) return 'artifacts';
	return 'other';
}

export interface PageLoadRun {
	url: string;
	cpuThrottle: number;
	/** Navigation start to the prediction element in the DOM, and to the frame after (painted). */
	predictionMs: number;
	predictionPaintedMs: number;
	predictionText: string;
	/** First contentful paint, for context. */
	firstContentfulPaintMs: number | null;
	/** The longest main-thread task until the answer was painted (0 when none over 50 ms). */
	longestTaskMs: number;
	/** With `settleMs`: the longest task until that long after the answer was painted (hydration, deferred parts). */
	longestTaskSettledMs?: number;
	/** Requests finished before the prediction was in the DOM, and after (scrolling through the page, detailed runs only). */
	before: LoadedResource[];
	after: LoadedResource[];
	consoleErrors: string[];
}

export interface PageLoadOptions {
	cpuThrottle?: number;
	/** Fetch response bodies (raw/gzip sizes), then scroll through the page and record what loads after. */
	detailed?: boolean;
	timeoutMs?: number;
	/** The site's home URL; resource paths are shown relative to it. */
	site?: string;
	/** The element whose text is the first answer (default: the GMV prediction). */
	answerSelector?: string;
	/** After the answer is painted, keep watching long tasks this long (not with `detailed`). */
	settleMs?: number;
}

/**
 * A new context and page (no service worker, 1280x800) with console errors collected and a CDP
 * session; `initScript` (the load instrumentation by default, or none) runs before the page's code.
 */
export async function freshPage(
	browser: Browser,
	initScript: string | null = instrumentation()
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; errors: string[] }> {
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
	if (initScript) await context.addInitScript({ content: initScript });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
	const cdp = await context.newCDPSession(page);
	return { context, page, cdp, errors };
}

/** Load the page once and measure it. `url` is the page's full URL. */
export async function measurePageLoad(browser: Browser, url: string, options: PageLoadOptions = {}): Promise<PageLoadRun> {
	const cpuThrottle = options.cpuThrottle ?? 1;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const { context, page, cdp, errors } = await freshPage(browser, instrumentation(options.answerSelector));
	try {
		const site = options.site ?? `${new URL(url).origin}/`;
		const requests = new Map<string, { url: string; type?: string; status: number; mimeType: string; encoding: string; monotonicMs: number }>();
		const finished = new Map<string, { monotonicMs: number; transferred: number; failed?: string }>();
		/** epoch ms = monotonic ms + offset, from requestWillBeSent (which carries both clocks). */
		let clockOffset: number | null = null;
		cdp.on('Network.requestWillBeSent', (e) => {
			if (!e.request.url.startsWith('http')) return;
			clockOffset ??= e.wallTime * 1000 - e.timestamp * 1000;
			requests.set(e.requestId, { url: e.request.url, type: e.type, status: 0, mimeType: '', encoding: '', monotonicMs: e.timestamp * 1000 });
		});
		cdp.on('Network.responseReceived', (e) => {
			const r = requests.get(e.requestId);
			if (!r) return;
			r.status = e.response.status;
			r.mimeType = e.response.mimeType;
			const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
			r.encoding = headers['content-encoding'] ?? '';
		});
		cdp.on('Network.loadingFinished', (e) => {
			finished.set(e.requestId, { monotonicMs: e.timestamp * 1000, transferred: e.encodedDataLength });
		});
		cdp.on('Network.loadingFailed', (e) => {
			finished.set(e.requestId, { monotonicMs: e.timestamp * 1000, transferred: 0, failed: e.errorText });
		});
		await cdp.send('Network.enable', { maxResourceBufferSize: 50e6, maxTotalBufferSize: 200e6 });
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		if (cpuThrottle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });

		await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
		await page.waitForFunction(
			() => {
				const s = (window as unknown as { __bench?: BenchState }).__bench;
				return !!s && s.predictionPainted !== null;
			},
			undefined,
			{ timeout: timeoutMs, polling: 50 }
		);
		let state = await readState(page);
		let longestTaskSettledMs: number | undefined;
		if (options.settleMs && !options.detailed) {
			await page.waitForTimeout(options.settleMs);
			longestTaskSettledMs = Math.max(0, ...(await readState(page)).longTasks);
		}
		if (options.detailed) {
			// Scroll through the whole page so anything loaded on demand (charts) shows up, then wait for quiet.
			await page.evaluate(async () => {
				const step = Math.max(200, Math.floor(innerHeight / 2));
				for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
					scrollTo(0, y);
					await new Promise((r) => setTimeout(r, 120));
				}
			});
			await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
			await page.waitForTimeout(500);
			state = await readState(page);
		}
		const fcp = await page.evaluate(
			() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null
		);

		const predictionEpoch = state.timeOrigin + (state.prediction ?? NaN);
		const before: LoadedResource[] = [];
		const after: LoadedResource[] = [];
		for (const [id, r] of requests) {
			const done = finished.get(id);
			if (!done) continue;
			const toPageMs = (monotonicMs: number) => monotonicMs + (clockOffset ?? 0) - state.timeOrigin;
			const finishedAt = toPageMs(done.monotonicMs);
			const resource: LoadedResource = {
				url: r.url,
				path: r.url.startsWith(site) ? r.url.slice(site.length) || '(index)' : r.url,
				kind: kindOf(r.url, r.type, r.mimeType),
				status: r.status,
				mimeType: r.mimeType,
				encoding: r.encoding,
				transferred: done.transferred,
				startedAt: toPageMs(r.monotonicMs),
				finishedAt,
				...(done.failed ? { failed: done.failed } : {})
			};
			if (options.detailed && !done.failed) {
				try {
					const body = await cdp.send('Network.getResponseBody', { requestId: id });
					const bytes = Buffer.from(body.body, body.base64Encoded ? 'base64' : 'utf8');
					resource.raw = bytes.length;
					resource.gzip = gzipSync(bytes, { level: 9 }).length;
				} catch {
					// Body no longer available (rare); sizes stay unknown.
				}
			}
			(state.timeOrigin + finishedAt <= predictionEpoch ? before : after).push(resource);
		}
		const byTime = (a: LoadedResource, b: LoadedResource) => a.finishedAt - b.finishedAt;
		return {
			url,
			cpuThrottle,
			predictionMs: state.prediction ?? NaN,
			predictionPaintedMs: state.predictionPainted ?? NaN,
			predictionText: state.predictionText ?? '',
			firstContentfulPaintMs: fcp,
			longestTaskMs: Math.max(0, ...state.longTasks),
			...(longestTaskSettledMs === undefined ? {} : { longestTaskSettledMs }),
			before: before.sort(byTime),
			after: after.sort(byTime),
			consoleErrors: errors
		};
	} finally {
		await context.close();
	}
}

export interface BatchRun {
	url: string;
	rows: number;
	goodRows: number | null;
	totalRows: number | null;
	/** The worker's own figures from its result. */
	parseMs: number;
	scoreMs: number;
	/** Page posted the file to the worker -> the worker's result came back. */
	workerRoundTripMs: number;
	/** File chosen (change event) -> result element in the DOM, and painted. */
	fileToResultMs: number;
	fileToPaintedMs: number;
	/** The worker's result reached the page -> the result painted (main-thread work on the result). */
	doneToPaintedMs: number;
	/** The longest main-thread task from the file chosen to the result painted (0 when none over 50 ms). */
	longestTaskMs: number;
	/** "N ms" from the result text ("rows scored with the … in N ms"), if present. */
	shownMs: number | null;
	resultText: string;
	consoleErrors: string[];
}

/**
 * Open the page, wait until its model is ready, choose `csvPath` on the file input of the
 * "Forecast many weeks from a CSV" section `CHOOSE_AFTER_MS` after the section appears (as a person
 * would: no one picks a file in less), and wait for the batch result.
 */
/** How long after the CSV section appears the file is chosen. */
const CHOOSE_AFTER_MS = 1500;

export async function measureBatch(browser: Browser, url: string, csvPath: string, rows: number, timeoutMs = 120_000): Promise<BatchRun> {
	const { context, page, cdp, errors } = await freshPage(browser);
	try {
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
		await page.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.predictionPainted !== null, undefined, {
			timeout: 30_000
		});
		const section = page.locator('section', { has: page.getByRole('heading', { name: 'Forecast many weeks from a CSV' }) });
		const input = section.locator('input[type=file]');
		await input.waitFor({ state: 'attached', timeout: 30_000 });
		await page.waitForTimeout(CHOOSE_AFTER_MS);
		await input.setInputFiles(csvPath);
		await page.waitForFunction(
			() => {
				const s = (window as unknown as { __bench: BenchState }).__bench;
				return s.workerFailure !== null || s.batchResultPainted !== null;
			},
			undefined,
			{ timeout: timeoutMs, polling: 50 }
		);
		const s = await readState(page);
		if (s.workerFailure) throw new Error(`the batch job failed: ${s.workerFailure}`);
		const text = s.batchText ?? '';
		const shown = /rows scored with .*? in ([\d,.]+) ms/.exec(text);
		return {
			url,
			rows,
			goodRows: s.workerGoodRows,
			totalRows: s.workerTotalRows,
			parseMs: s.workerTimings?.parseMs ?? NaN,
			scoreMs: s.workerTimings?.scoreMs ?? NaN,
			workerRoundTripMs: s.workerDone !== null && s.workerStart !== null ? s.workerDone - s.workerStart : NaN,
			fileToResultMs: s.batchResult !== null && s.fileChosen !== null ? s.batchResult - s.fileChosen : NaN,
			fileToPaintedMs: s.batchResultPainted !== null && s.fileChosen !== null ? s.batchResultPainted - s.fileChosen : NaN,
			doneToPaintedMs: s.batchResultPainted !== null && s.workerDone !== null ? s.batchResultPainted - s.workerDone : NaN,
			longestTaskMs: Math.max(0, ...s.batchLongTasks),
			shownMs: shown ? Number(shown[1].replace(/,/g, '')) : null,
			resultText: text,
			consoleErrors: errors
		};
	} finally {
		await context.close();
	}
}
