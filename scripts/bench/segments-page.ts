/**
 * The /segments page in Chromium for the benchmark (scripts/bench.ts): a whole invoice-lines CSV
 * chosen on the page's file input, timed from just before the file is handed over to the moment the
 * page's `segments-timings` element appears (after the answers are painted), with the worker's own
 * stage timings, the main thread's long tasks, the Chromium processes' memory, and the page's and
 * worker's JS heaps. Beside it: the pandas reference pipeline (../shared/bench/insiders_pandas.py)
 * with its peak memory, and the size of the segments artifact. Measures only; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { SegmentsTimings } from '../../src/lib/segments/job.ts';
import { freshPage } from './page.ts';

/** The page's `data-timings` JSON (src/routes/segments/+page.svelte): the worker's timings and the render. */
export type SegmentsStageTimings = SegmentsTimings & { renderMs: number; customers: number; lines: number };

export interface SegmentsPageRun {
	/** performance.now() just before setInputFiles -> timings element in the DOM (page clock). */
	wallMs: number;
	/** The file input's change event -> timings element in the DOM. */
	changeToAnswersMs: number;
	timings: SegmentsStageTimings;
	/** Main-thread long tasks (>= 50 ms, PerformanceObserver 'longtask') from the mark to the answers. */
	longTasks: { count: number; longestMs: number; totalMs: number };
	/** RSS summed over the browser's process tree, sampled every `sampleMs` during the upload. */
	memory: {
		beforeBytes: number;
		peakBytes: number;
		/** The largest single process at its own peak (the renderer holding the page and its worker). */
		largestProcessPeakBytes: number;
		processes: number;
		samples: number;
	};
	/** Page JS heap (CDP Performance.getMetrics JSHeapUsedSize) before the upload and after the answers. */
	pageHeap: { beforeBytes: number; afterBytes: number };
	/** The worker's heap (Runtime.getHeapUsage over an auto-attached CDP session), or why not. */
	workerHeap: { peakUsedBytes: number; samples: number } | { unavailable: string };
	/** The page asked whether the day or the month comes first (answered 'month first' by the bench). */
	askedDateOrder: boolean;
	consoleErrors: string[];
}

export interface SegmentsPageOptions {
	/** Milliseconds between memory samples (default 50). */
	sampleMs?: number;
	timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Process memory from /proc

/** pid -> parent pid, for every process on the machine. */
function parentsByPid(): Map<number, number> {
	const out = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			out.set(Number(name), Number(fields[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	return out;
}

function cmdline(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
	} catch {
		return '';
	}
}

/**
 * The Chromium processes Playwright started from this Node process: its children launched with
 * `--remote-debugging-pipe` (Playwright's own flag), and all their descendants (zygotes, renderers,
 * GPU and utility processes). Empty when /proc is unavailable.
 */
export function chromiumProcessTree(): number[] {
	if (!existsSync('/proc/self/stat')) return [];
	const parents = parentsByPid();
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	const roots = (children.get(process.pid) ?? []).filter((pid) => cmdline(pid).includes('--remote-debugging-pipe'));
	const tree: number[] = [];
	const queue = [...roots];
	while (queue.length) {
		const pid = queue.shift()!;
		tree.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return tree;
}

/** Resident set size in bytes (VmRSS), or 0 when the process is gone. */
function rssBytes(pid: number): number {
	try {
		const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** Samples the browser's summed RSS every `intervalMs` until stopped. The process list is refreshed each time (renderers come and go). */
function sampleMemory(intervalMs: number) {
	let peak = 0;
	let largest = 0;
	let samples = 0;
	const seen = new Set<number>();
	const sample = () => {
		let sum = 0;
		for (const pid of chromiumProcessTree()) {
			const rss = rssBytes(pid);
			seen.add(pid);
			sum += rss;
			largest = Math.max(largest, rss);
		}
		peak = Math.max(peak, sum);
		samples++;
		return sum;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			sample();
			return { peakBytes: peak, largestProcessPeakBytes: largest, processes: seen.size, samples };
		}
	};
}

/** The browser's summed RSS right now. */
export function chromiumRss(): number {
	return chromiumProcessTree().reduce((sum, pid) => sum + rssBytes(pid), 0);
}

// ---------------------------------------------------------------------------------------------
// Worker heap over CDP

/**
 * Auto-attaches to the page's dedicated workers on `cdp` (non-flattened sessions, since Playwright's
 * CDPSession cannot address a child session) and asks each for Runtime.getHeapUsage every
 * `intervalMs`, keeping the largest used size seen.
 */
async function watchWorkerHeap(cdp: CDPSession, intervalMs: number) {
	const sessions = new Set<string>();
	const pending = new Set<number>();
	let nextId = 1;
	let peak = 0;
	let samples = 0;
	let problem = '';
	cdp.on('Target.attachedToTarget', (event) => {
		if (event.targetInfo.type === 'worker') sessions.add(event.sessionId);
	});
	cdp.on('Target.detachedFromTarget', (event) => {
		if (event.sessionId) sessions.delete(event.sessionId);
	});
	cdp.on('Target.receivedMessageFromTarget', (event) => {
		const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number }; error?: { message: string } };
		if (message.id === undefined || !pending.delete(message.id)) return;
		if (message.error) problem = message.error.message;
		else if (typeof message.result?.usedSize === 'number') {
			peak = Math.max(peak, message.result.usedSize);
			samples++;
		}
	});
	try {
		await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	} catch (error) {
		problem = `Target.setAutoAttach failed: ${error instanceof Error ? error.message : String(error)}`;
	}
	const ask = () => {
		for (const sessionId of sessions) {
			const id = nextId++;
			pending.add(id);
			cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => {
				pending.delete(id);
			});
		}
	};
	const timer = setInterval(ask, intervalMs);
	return {
		stop(): SegmentsPageRun['workerHeap'] {
			clearInterval(timer);
			if (samples > 0) return { peakUsedBytes: peak, samples };
			return { unavailable: problem || (sessions.size ? 'the worker never answered Runtime.getHeapUsage' : 'no worker target was attached') };
		}
	};
}

// ---------------------------------------------------------------------------------------------
// The page

/**
 * Installed after the page has loaded and before the upload: notes when the timings element appears
 * (MutationObserver, so the time is the DOM insertion, not a Playwright poll), when the file input
 * changes, whether the date-order question shows, and the main thread's long tasks. Plain JavaScript
 * text: a function from this file would carry tsx's `__name(...)` helper calls, which the page lacks.
 */
const watchScript = `(() => {
	const state = { changed: null, appeared: null, timings: null, asked: null, longTasks: [] };
	window.__segmentsBench = state;
	const check = () => {
		if (state.appeared === null) {
			const el = document.querySelector('[data-testid="segments-timings"]');
			if (el) {
				state.appeared = performance.now();
				state.timings = el.getAttribute('data-timings');
			}
		}
		if (state.asked === null && document.querySelector('[data-testid="date-question"]')) state.asked = performance.now();
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true });
	document.addEventListener('change', (event) => {
		const target = event.target;
		if (target instanceof HTMLInputElement && target.type === 'file') state.changed = performance.now();
	}, true);
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
	}).observe({ type: 'longtask' });
	return true;
})()`;

interface WatchState {
	changed: number | null;
	appeared: number | null;
	timings: string | null;
	asked: number | null;
	longTasks: { start: number; duration: number }[];
}

const readWatch = (page: Page): Promise<WatchState> => page.evaluate('window.__segmentsBench') as Promise<WatchState>;

async function jsHeapUsed(cdp: CDPSession): Promise<number> {
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/**
 * One run: a fresh context and page at `url` (the /segments/ page), loaded; then `csvPath` chosen
 * on its file input and the answers awaited. If the page asks whether the day or the month comes
 * first, the bench answers "month first" (the Online Retail export's order) and says so.
 */
export async function measureSegmentsUpload(browser: Browser, url: string, csvPath: string, options: SegmentsPageOptions = {}): Promise<SegmentsPageRun> {
	const sampleMs = options.sampleMs ?? 50;
	const timeoutMs = options.timeoutMs ?? 180_000;
	const { context, page, cdp, errors } = await freshPage(browser, null);
	try {
		await cdp.send('Performance.enable');
		await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
		await page.evaluate(watchScript);
		const workerHeap = await watchWorkerHeap(cdp, sampleMs);
		// Let the first view settle (charts drawn, idle) before the baseline.
		await page.waitForTimeout(500);
		const heapBefore = await jsHeapUsed(cdp);
		const rssBefore = chromiumRss();
		const memory = sampleMemory(sampleMs);

		const input = page.locator('input[type=file]');
		const mark = (await page.evaluate('performance.now()')) as number;
		await input.setInputFiles(csvPath);
		const done = page.locator('[data-testid=segments-timings]');
		const question = page.getByTestId('date-question');
		let asked = false;
		const which = await Promise.race([
			done.waitFor({ state: 'attached', timeout: timeoutMs }).then(() => 'done' as const),
			question.waitFor({ state: 'visible', timeout: timeoutMs }).then(() => 'asked' as const)
		]);
		if (which === 'asked') {
			asked = true;
			await question.getByRole('button', { name: /^Month first/ }).click();
			await done.waitFor({ state: 'attached', timeout: timeoutMs });
		}
		const rss = memory.stop();
		const worker = workerHeap.stop();
		// Long-task entries arrive after their task ends; give the last one time to be reported.
		await page.waitForTimeout(300);
		const heapAfter = await jsHeapUsed(cdp);
		const state = await readWatch(page);
		if (state.appeared === null || state.timings === null) throw new Error('the timings element was seen by Playwright but not by the page');
		const appeared = state.appeared;
		const tasks = state.longTasks.filter((t) => t.start >= mark && t.start <= appeared);
		return {
			wallMs: appeared - mark,
			changeToAnswersMs: state.changed === null ? NaN : appeared - state.changed,
			timings: JSON.parse(state.timings) as SegmentsStageTimings,
			longTasks: {
				count: tasks.length,
				longestMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
				totalMs: tasks.reduce((s, t) => s + t.duration, 0)
			},
			memory: { beforeBytes: rssBefore, ...rss },
			pageHeap: { beforeBytes: heapBefore, afterBytes: heapAfter },
			workerHeap: worker,
			askedDateOrder: asked,
			consoleErrors: errors
		};
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------
// pandas reference and the artifact

export const PYTHON = '/usr/bin/python3';
const GNU_TIME = '/usr/bin/time';

/** Why the pandas reference cannot run here, or null when it can. */
export function pandasMissing(script: string): string | null {
	if (!existsSync(PYTHON)) return `${PYTHON} not found`;
	if (!existsSync(script)) return `${script} not found`;
	const check = spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
	if (check.status !== 0) {
		const last = check.stderr.trim().split('\n').at(-1) ?? '';
		return `python3-pandas / python3-sklearn missing (${last}); install with apt-get install -y python3-pandas python3-sklearn`;
	}
	return null;
}

export interface PandasRun {
	/** Seconds per stage as the script prints them (read_csv, clean, features, kmeans_fit, assign, total_without_fit), plus rows and customers. */
	stages: Record<string, number>;
	/** The whole process, Python start-up and imports included. */
	wallMs: number;
	/** Peak RSS of the Python process, or null when it could not be read. */
	peakRssBytes: number | null;
}

/** One run of the pandas pipeline, under GNU time -v when present (else a getrusage wrapper) for its peak RSS. */
export function runPandas(script: string, csvPath: string): PandasRun {
	const gnuTime = existsSync(GNU_TIME);
	const [command, argv] = gnuTime
		? [GNU_TIME, ['-v', PYTHON, script, csvPath]]
		: [
				PYTHON,
				[
					'-c',
					'import resource,subprocess,sys; r = subprocess.run(sys.argv[1:]); ' +
						'print("maxrss_kb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)',
					PYTHON,
					script,
					csvPath
				]
			];
	const started = performance.now();
	const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 16 << 20 });
	const wallMs = performance.now() - started;
	if (result.status !== 0) throw new Error(`pandas pipeline failed (exit ${result.status}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
	const json = result.stdout.trim().split('\n').at(-1) ?? '';
	const kb = gnuTime ? /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(result.stderr) : /maxrss_kb (\d+)/.exec(result.stderr);
	return { stages: JSON.parse(json) as Record<string, number>, wallMs, peakRssBytes: kb ? Number(kb[1]) * 1024 : null };
}

/** Raw and gzip -9 bytes of a file. */
export function fileSizes(path: string): { raw: number; gzip: number } {
	const bytes = readFileSync(path);
	return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
