/**
 * npm run bench [-- --runs 5] [--only page,batch,segments,group-buy,dealers,planner,sellers,lighthouse,forest,csv,train] [--skip train] [--no-build]
 *                 [--data ../shared/data] [--segments-compare <another build/ folder>]
 *
 * Measures Storelens and prints a table per section with each figure's target and whether it was
 * met; writes the same figures as JSON to bench-results/bench.json. It never fails on a missed
 * target (exit code 1 only when a section could not be measured at all).
 *
 * Sections:
 *   page    bytes transferred before the first prediction shows on /gmv/ (raw, gzip -9, on the wire;
 *           by type), and the time to that prediction, unthrottled and with a 4x CPU slowdown (CDP)
 *   batch   100,000 generated weekly rows scored by the GMV batch worker in Chromium
 *   segments the whole UCI Online Retail file (<data>/online-retail/online-retail.csv) chosen on
 *           /segments/: time to the answers, stage timings, main-thread long tasks, browser memory;
 *           beside it the pandas pipeline (../shared/bench/insiders_pandas.py) and the artifact size
 *           (scripts/bench/segments-page.ts). Default 3 runs (each reads 46 MB), or --runs. Also the first
 *           view (the Insiders headline, prerendered): time and longest tasks at 4x (bench/firstView.ts)
 *   group-buy every member of the Groceries log recommended, a group of 30's list, artifact sizes, and
 *           /group-buy/'s first list: bytes before it and time to it, 1x and 4x CPU slowdown
 *           (scripts/bench/group-buy.ts)
 *   dealers 60,000 dealer-months scored (Node and the page's worker), the /dealers/ first view (bytes,
 *           time at 4x CPU slowdown, longest task), the artifact size (scripts/bench/dealers.ts)
 *   planner the GMV budget planner: best split and budget for a target in Node, and on a 360 x 740 phone
 *           at a 4x CPU slowdown (click -> answer, longest main-thread task) (scripts/bench/gmv-planner.ts)
 *   lighthouse Lighthouse 12.2.3, mobile form factor with its default (simulated) throttling, on the
 *           home page and every ready tool of src/lib/tools.ts: performance score (target 95 on
 *           every page), total blocking time, LCP, CLS, with median and spread over --runs runs
 *           (scripts/bench/lighthouse.ts)
 *   forest  the flat forest against ml-random-forest (scripts/bench/forest.ts)
 *   csv     CSV intake throughput (scripts/bench/csv.ts)
 *   train   `npx tsx scripts/train.ts --only gmv --out <tmp dir>` wall time
 *   sellers a generated 1-million-event activity log from file to ranked list (the seller finder's
 *           reader, features and model in Node), alternating with the same aggregation in pandas
 *           (scripts/bench/sellers-node.ts, sellers_pandas.py), the artifacts' gzip sizes, and the first
 *           ranked list on /sellers/: bytes before it, time at 4x CPU, longest task (bench/firstView.ts)
 *
 * Timings: every run is a fresh browser context with the cache disabled; each figure is the median
 * and min of --runs runs (after one warm-up load that also measures the bytes). kB = 1,000 bytes;
 * the 300 kB budget is judged on the response bodies gzipped at level 9, and the bytes the server
 * actually sent (brotli, headers included) are shown beside it.
 *
 * Builds the site first when build/ is missing or older than its sources (as `npm start` does).
 * Env: BASE_PATH (the site's base path, default ''), CHROMIUM_PATH.
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import type { GmvContext } from '../src/lib/gmv/artifacts.ts';
import { generateWeeklyRows, weeklyRowsCsv } from '../src/lib/gmv/sample.ts';
import { farOutsideIssues } from '../src/lib/gmv/batch.ts';
import { weeklyRowSchema } from '../src/lib/gmv/schema.ts';
import { parseCsvText } from '../src/lib/core/csv/intake.ts';
import { benchCsv } from './bench/csv.ts';
import { benchDealers } from './bench/dealers.ts';
import { benchGmvPlanner } from './bench/gmv-planner.ts';
import { benchForest } from './bench/forest.ts';
import { benchGroupBuy } from './bench/group-buy.ts';
import { lighthouseAllPages, lighthousePages, type LighthouseRun } from './bench/lighthouse.ts';
import { measureBatch, measurePageLoad, resourceKinds, type BatchRun, type LoadedResource, type PageLoadRun } from './bench/page.ts';
import { fileSizes, measureSegmentsUpload, pandasMissing, runPandas, type PandasRun, type SegmentsPageRun } from './bench/segments-page.ts';
import { benchFirstView, FIRST_VIEW_TARGETS, SETTLE_MS } from './bench/firstView.ts';
import {
	atLeast,
	atMost,
	figureTable,
	heading,
	info,
	kB,
	medianMin,
	ms,
	perSecond,
	stats,
	table,
	times,
	type Figure
} from './bench/report.ts';
import { chromiumArgs, requireChromium } from './lib/chromium.ts';
import { normaliseBase, startServer, type RunningServer } from './lib/server.ts';
import { build, buildReason } from './start.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(projectRoot, 'build');
const resultsDir = join(projectRoot, 'bench-results');

const TARGET_GZIP_BYTES = 300_000;
const TARGET_PREDICTION_MS = 1000;
const TARGET_ROWS_PER_SECOND = 100_000;
const TARGET_FOREST_SPEEDUP = 4;
const TARGET_FOREST_RAW_RATIO = 20;
const TARGET_FOREST_GZIP_RATIO = 3;
const CPU_SLOWDOWN = 4;
const BATCH_ROWS = 100_000;
/** Longest main-thread task while the segments file is analysed: the page must keep answering clicks and scrolls. */
const TARGET_SEGMENTS_LONGEST_TASK_MS = 100;
const TARGET_SEGMENTS_ARTIFACT_GZIP_BYTES = 200_000;
const SEGMENTS_DEFAULT_RUNS = 3;

const TARGET_LIGHTHOUSE_PERFORMANCE = 95;

const sections = ['page', 'batch', 'segments', 'group-buy', 'dealers', 'planner', 'lighthouse', 'forest', 'csv', 'train', 'sellers'] as const;
type Section = (typeof sections)[number];

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string' },
		only: { type: 'string' },
		skip: { type: 'string' },
		data: { type: 'string' },
		/** Another build of the site (e.g. main's build/): its /segments/ upload is timed in the same run, alternating. */
		'segments-compare': { type: 'string' },
		'no-build': { type: 'boolean', default: false }
	}
});
const runs = Math.max(1, Number(args.runs ?? 5) || 5);
/** The segments section reads a 46 MB file per run: 3 runs unless --runs is given. */
const segmentsRuns = args.runs === undefined ? SEGMENTS_DEFAULT_RUNS : runs;
/** Shared data folder (holds online-retail/online-retail.csv). */
const dataDir = args.data ? resolve(args.data) : resolve(projectRoot, '..', 'shared', 'data');
/** The pandas reference lives beside the data folder (../shared/bench). */
const pandasScript = resolve(dataDir, '..', 'bench', 'insiders_pandas.py');
/** Figures with a target get every run; the comparison variants (no target) at most 3, to keep the bench short. */
const runsFor = (targeted: boolean) => (targeted ? runs : Math.min(runs, 3));
const listOf = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const name of [...listOf(args.only), ...listOf(args.skip)]) {
	if (!sections.includes(name as Section)) throw new Error(`Unknown section '${name}' (expected ${sections.join(', ')})`);
}
const wanted = (s: Section) => (args.only ? listOf(args.only).includes(s) : true) && !listOf(args.skip).includes(s);

/** Everything measured, written to bench-results/bench.json. */
const report: Record<string, unknown> & { targets: (Figure & { section: string })[]; errors: Record<string, string> } = {
	startedAt: new Date().toISOString(),
	targets: [],
	errors: {}
};

function printFigures(section: string, figures: Figure[]): void {
	console.log(figureTable(figures));
	for (const f of figures) if (f.target) report.targets.push({ section, ...f });
}

async function benchSellers(runsArg: string | undefined, browser: Browser | null, server: RunningServer | null): Promise<Record<string, unknown>> {
	console.log(heading('Seller finder: 1 million events, file to ranked list, beside pandas (scripts/bench/sellers-node.ts)'));
	const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
	const result = await run(npx, ['tsx', 'scripts/bench/sellers-node.ts', '--runs', runsArg ?? '5']);
	if (result.code !== 0) throw new Error(`the seller bench failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
	const gz = (f: string) => gzipSync(readFileSync(join(projectRoot, 'model-artifacts', 'sellers', f)), { level: 9 }).length;
	const lines = result.output.trim().split('\n');
	const peakMb = Number(/peak resident (\d+) MB/.exec(result.output)?.[1] ?? NaN);
	printFigures('sellers', [
		...lines.map((l) => info('', l)),
		atMost('peak memory reading and ranking the log (Node process, upper bound of the worker)', peakMb, 300, (v) => `${v} MB`),
		info('model.json gzip -9', kB(gz('model.json'))),
		info('demo.json gzip -9', kB(gz('demo.json')))
	]);
	const out: Record<string, unknown> = { output: lines, modelGzipBytes: gz('model.json'), demoGzipBytes: gz('demo.json') };
	if (browser && server) {
		console.log(heading('Seller finder: the first ranked list on /sellers/ (scripts/bench/firstView.ts)'));
		const firstList = await benchFirstView({ browser, siteUrl: server.url, path: 'sellers/', answerSelector: '[data-testid="ranked-table"] tbody tr', answerName: 'first ranked list', runs });
		printFigures('sellers', firstList.figures);
		out.firstList = firstList.data;
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Machine

function machine(browserVersion: string | null) {
	const cpuinfo = (() => {
		try {
			return readFileSync('/proc/cpuinfo', 'utf8');
		} catch {
			return '';
		}
	})();
	const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
	const mhz = /^cpu MHz\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
	return {
		cpu: model,
		cpuMhz: mhz ? Number(mhz) : null,
		cores: cpus().length,
		memoryGB: Math.round(totalmem() / 1024 ** 3),
		node: process.version,
		chromium: browserVersion,
		platform: `${process.platform} ${process.arch}`,
		/** 1-minute load average when the bench started: other work on the machine skews timings. */
		loadAverage: Math.round(loadavg()[0] * 100) / 100
	};
}

// ---------------------------------------------------------------------------------------------
// Build (same staleness check and stamp as scripts/start.ts)

function ensureBuild(base: string): string {
	const reason = buildReason(base, false);
	if (!reason) return 'build/ is up to date';
	if (args['no-build']) return `build/ may be stale (${reason}); used as is (--no-build)`;
	console.log(`Building the site (${reason})...`);
	const started = performance.now();
	build(base, true);
	return `built (${reason}) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Page load: transfer and first prediction

interface KindTotals {
	requests: number;
	raw: number;
	gzip: number;
	transferred: number;
}

function totalsByKind(resources: LoadedResource[]): Record<string, KindTotals> {
	const out: Record<string, KindTotals> = {};
	for (const kind of [...resourceKinds, 'total']) out[kind] = { requests: 0, raw: 0, gzip: 0, transferred: 0 };
	for (const r of resources) {
		for (const key of [r.kind, 'total']) {
			out[key].requests++;
			out[key].raw += r.raw ?? 0;
			out[key].gzip += r.gzip ?? 0;
			out[key].transferred += r.transferred;
		}
	}
	return out;
}

function resourceTable(resources: LoadedResource[]): string {
	return table(
		['requested', 'finished', 'type', 'raw', 'gzip -9', 'wire', 'enc', 'path'],
		resources.map((r) => [
			ms(r.startedAt),
			ms(r.finishedAt),
			r.kind,
			r.raw === undefined ? '?' : kB(r.raw),
			r.gzip === undefined ? '?' : kB(r.gzip),
			kB(r.transferred),
			r.failed ? `FAILED ${r.failed}` : r.encoding || '-',
			r.path
		])
	);
}

function kindTable(totals: Record<string, KindTotals>): string {
	return table(
		['type', 'requests', 'raw', 'gzip -9', 'wire (server br/gzip, incl. headers)'],
		Object.entries(totals)
			.filter(([kind, t]) => t.requests > 0 || kind === 'total')
			.map(([kind, t]) => [kind, String(t.requests), kB(t.raw), kB(t.gzip), kB(t.transferred)])
	);
}

interface PageVariant {
	label: string;
	/** Path below the site's home, e.g. 'gmv/' or 'gmv/?model=forest'. */
	path: string;
	/** Whether the targets apply (the default page), or the figures are for comparison only. */
	targeted: boolean;
	throttled: boolean;
}

async function benchPage(browser: Browser, server: RunningServer): Promise<Record<string, unknown>> {
	const variants: PageVariant[] = [
		{ label: '/gmv/ (default model)', path: 'gmv/', targeted: true, throttled: true },
		{ label: '/gmv/?model=forest', path: 'gmv/?model=forest', targeted: false, throttled: false }
	];
	const out: Record<string, unknown> = {};
	for (const variant of variants) {
		const url = `${server.url}${variant.path}`;
		console.log(heading(`First prediction: ${variant.label}`));
		// The detailed run doubles as a warm-up (not counted in the timings).
		const detailed = await measurePageLoad(browser, url, { detailed: true, site: server.url });
		const timed: Record<string, PageLoadRun[]> = { unthrottled: [] };
		for (let i = 0; i < runsFor(variant.targeted); i++) timed.unthrottled.push(await measurePageLoad(browser, url, { site: server.url }));
		if (variant.throttled) {
			timed[`cpu${CPU_SLOWDOWN}x`] = [];
			for (let i = 0; i < runs; i++) {
				timed[`cpu${CPU_SLOWDOWN}x`].push(await measurePageLoad(browser, url, { site: server.url, cpuThrottle: CPU_SLOWDOWN, settleMs: SETTLE_MS }));
			}
		}

		const before = totalsByKind(detailed.before);
		console.log(
			`Prediction shown: ${detailed.predictionText} (this warm-up run: in the DOM at ${ms(detailed.predictionMs)}, ` +
				`painted ${ms(detailed.predictionPaintedMs)}, first contentful paint ${ms(detailed.firstContentfulPaintMs ?? NaN)}; not counted below)`
		);
		console.log(`\nLoaded before the first prediction (${detailed.before.length} requests; kB = 1,000 bytes):`);
		console.log(kindTable(before));
		console.log('');
		console.log(resourceTable(detailed.before));
		if (detailed.after.length) {
			console.log(`\nLoaded after the first prediction (scrolling through the page):`);
			console.log(resourceTable(detailed.after));
		} else {
			console.log('\nNothing else loaded after the first prediction (scrolled through the whole page).');
		}
		const errors = [...detailed.consoleErrors, ...Object.values(timed).flat().flatMap((r) => r.consoleErrors)];
		if (errors.length) console.log(`\nConsole errors on the page: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);

		const figures: Figure[] = [];
		const budget = (name: string, value: number) =>
			variant.targeted ? atMost(name, value, TARGET_GZIP_BYTES, kB) : info(name, kB(value));
		figures.push(budget('before prediction, gzip -9 (all types)', before.total.gzip));
		figures.push(budget('before prediction, on the wire', before.total.transferred));
		figures.push(info('before prediction, raw', kB(before.total.raw)));
		for (const kind of resourceKinds) {
			if (before[kind].requests) figures.push(info(`  ${kind}: raw / gzip -9 / wire`, `${kB(before[kind].raw)} / ${kB(before[kind].gzip)} / ${kB(before[kind].transferred)}`));
		}
		const after = totalsByKind(detailed.after);
		figures.push(info('after prediction (on scroll), raw / gzip -9', `${kB(after.total.raw)} / ${kB(after.total.gzip)} (${after.total.requests} requests)`));
		const timings: Record<string, unknown> = {};
		for (const [condition, list] of Object.entries(timed)) {
			const shown = stats(list.map((r) => r.predictionPaintedMs));
			const inDom = stats(list.map((r) => r.predictionMs));
			const fcp = stats(list.map((r) => r.firstContentfulPaintMs ?? NaN));
			const name = `first prediction shown, ${condition === 'unthrottled' ? 'unthrottled' : `${CPU_SLOWDOWN}x CPU slowdown`}`;
			figures.push(
				variant.targeted ? atMost(name, shown.median, TARGET_PREDICTION_MS, ms, medianMin(shown)) : info(name, medianMin(shown))
			);
			figures.push(info(`  in the DOM (before paint)`, medianMin(inDom)));
			if (condition !== 'unthrottled') {
				const settled = stats(list.map((r) => r.longestTaskSettledMs ?? NaN));
				figures.push(atMost(`  longest main-thread task until ${SETTLE_MS / 1000} s after it (hydration included)`, settled.median, FIRST_VIEW_TARGETS.longestTaskMs, ms, medianMin(settled)));
			}
			figures.push(info(`  first contentful paint`, medianMin(fcp)));
			const wire = stats(list.map((r) => r.before.reduce((n, x) => n + x.transferred, 0)));
			timings[condition] = {
				predictionShownMs: shown,
				predictionInDomMs: inDom,
				firstContentfulPaintMs: fcp,
				wireBytesBefore: wire,
				requestsBefore: stats(list.map((r) => r.before.length))
			};
		}
		printFigures(`page ${variant.label}`, figures);
		out[variant.path] = {
			url,
			prediction: detailed.predictionText,
			before: { byType: before, resources: detailed.before },
			after: { byType: after, resources: detailed.after },
			timings,
			consoleErrors: [...new Set(errors)]
		};
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Batch scoring through the worker

async function benchBatch(browser: Browser, server: RunningServer): Promise<Record<string, unknown>> {
	console.log(heading(`Batch scoring: ${BATCH_ROWS.toLocaleString('en-US')} rows through the GMV worker`));
	const context = JSON.parse(readFileSync(join(projectRoot, 'model-artifacts', 'gmv', 'context.json'), 'utf8')) as GmvContext;
	const started = performance.now();
	const csv = weeklyRowsCsv(generateWeeklyRows(context, BATCH_ROWS, 7));
	const dir = mkdtempSync(join(tmpdir(), 'storelens-bench-'));
	const csvPath = join(dir, `storelens-bench-${BATCH_ROWS}.csv`);
	writeFileSync(csvPath, csv);
	console.log(
		`Generated ${BATCH_ROWS.toLocaleString('en-US')} rows (${kB(Buffer.byteLength(csv))}) in ${ms(performance.now() - started)}; ` +
			`each run: fresh page, wait for the model, choose the file, wait for the result.`
	);
	const out: Record<string, unknown> = { rows: BATCH_ROWS, csvBytes: Buffer.byteLength(csv) };
	try {
		const models = [
			{ label: 'default model', path: 'gmv/', targeted: true },
			{ label: 'forest', path: 'gmv/?model=forest', targeted: false }
		];
		const refused = refusedRows(csv);
		console.log(
			`${refused.rows.toLocaleString('en-US')} generated rows have an input far outside the forest's training range (${refused.byColumn}): ` +
				`the generator's spread around each sub-category's typical inputs (MRP x lognormal(0, 0.25), SLA x lognormal(0, 0.2)) reaches ` +
				`values the model refuses by design (it gives no prediction where it has seen nothing alike), so ${(BATCH_ROWS - refused.rows).toLocaleString('en-US')} rows are expected to be scored.`
		);
		for (const model of models) {
			const url = `${server.url}${model.path}`;
			const list: BatchRun[] = [];
			for (let i = 0; i < runsFor(model.targeted); i++) list.push(await measureBatch(browser, url, csvPath, BATCH_ROWS));
			const last = list[list.length - 1];
			console.log(`\n${model.label} (${model.path}): ${last.resultText.slice(0, 160)}`);
			if (last.goodRows !== BATCH_ROWS - refused.rows)
				console.log(`  NOTE: ${last.goodRows} of ${last.totalRows} rows were scored, not the ${BATCH_ROWS - refused.rows} inside the forest's predictable range.`);
			const rate = (f: (r: BatchRun) => number) => stats(list.map((r) => BATCH_ROWS / (f(r) / 1000)));
			const time = (f: (r: BatchRun) => number) => stats(list.map(f));
			const own = rate((r) => r.parseMs + r.scoreMs);
			const roundTrip = rate((r) => r.workerRoundTripMs);
			const screen = rate((r) => r.fileToPaintedMs);
			const showRate = (s: ReturnType<typeof stats>) => `${perSecond(s.median)} median, ${perSecond(s.max)} best`;
			const target = (name: string, s: ReturnType<typeof stats>) =>
				model.targeted ? atLeast(name, s.median, TARGET_ROWS_PER_SECOND, perSecond, showRate(s)) : info(name, showRate(s));
			const figures: Figure[] = [
				target('file chosen -> result on screen', screen),
				info('  time', medianMin(time((r) => r.fileToPaintedMs))),
				target('file handed to worker -> result back', roundTrip),
				info('  time', medianMin(time((r) => r.workerRoundTripMs))),
				target("worker's own parse + score", own),
				info('  parseMs (parse + validate)', medianMin(time((r) => r.parseMs))),
				info('  scoreMs', medianMin(time((r) => r.scoreMs))),
				info('  parse rows/s / score rows/s', `${perSecond(rate((r) => r.parseMs).median)} / ${perSecond(rate((r) => r.scoreMs).median)} (medians)`),
				info('  result back -> painted (main thread)', medianMin(time((r) => r.doneToPaintedMs))),
				info('longest main-thread task, file chosen -> painted', `${ms(time((r) => r.longestTaskMs).max)} worst run, ${ms(time((r) => r.longestTaskMs).median)} median`),
				info('time shown on the page ("in N ms")', list[0].shownMs === null ? 'not found in the result text' : medianMin(stats(list.map((r) => r.shownMs ?? NaN))))
			];
			const errors = [...new Set(list.flatMap((r) => r.consoleErrors))];
			if (errors.length) console.log(`Console errors on the page: ${errors.slice(0, 5).join(' | ')}`);
			printFigures(`batch ${model.label}`, figures);
			out[model.path] = {
				resultText: last.resultText,
				goodRows: last.goodRows,
				totalRows: last.totalRows,
				rowsPerSecond: { fileToScreen: screen, workerRoundTrip: roundTrip, workerOwn: own },
				ms: {
					fileToScreen: time((r) => r.fileToPaintedMs),
					fileToResultInDom: time((r) => r.fileToResultMs),
					workerRoundTrip: time((r) => r.workerRoundTripMs),
					doneToPainted: time((r) => r.doneToPaintedMs),
					longestTask: time((r) => r.longestTaskMs),
					parse: time((r) => r.parseMs),
					score: time((r) => r.scoreMs),
					shown: stats(list.map((r) => r.shownMs ?? NaN))
				},
				consoleErrors: errors
			};
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return out;
}

/** Rows of the generated file the shipped forest refuses (an input far outside its training range), by column. */
function refusedRows(csv: string): { rows: number; byColumn: string } {
	const forest = JSON.parse(readFileSync(join(projectRoot, 'model-artifacts', 'gmv', 'forest.json'), 'utf8')) as { inputRanges: Parameters<typeof farOutsideIssues>[1] };
	const parsed = parseCsvText(csv, weeklyRowSchema);
	if (!parsed.ok) throw new Error(`the generated rows do not parse: ${parsed.failure.message}`);
	if (parsed.issueCount > 0) throw new Error(`the generator wrote ${parsed.issueCount} rows its own schema rejects, first: ${JSON.stringify(parsed.issues[0])}`);
	const byColumn = new Map<string, number>();
	let rows = 0;
	parsed.rows.forEach((row, i) => {
		const issues = farOutsideIssues(row, forest.inputRanges, parsed.rowNumbers[i]);
		if (issues.length) rows++;
		for (const issue of issues) byColumn.set(issue.column ?? '?', (byColumn.get(issue.column ?? '?') ?? 0) + 1);
	});
	return { rows, byColumn: [...byColumn].map(([c, n]) => `${c} ${n}`).join(', ') || 'none' };
}

// ---------------------------------------------------------------------------------------------
// Customer segments: the whole Online Retail file on /segments/, beside pandas

/** Megabytes of 1,000,000 bytes (like kB, decimal). */
const MB = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(0)} MB` : 'n/a');
const seconds = (value: number): string => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a');

async function benchSegments(browser: Browser, server: RunningServer): Promise<Record<string, unknown>> {
	const csvPath = join(dataDir, 'online-retail', 'online-retail.csv');
	console.log(heading('Customer segments: the whole Online Retail file on /segments/, beside pandas'));
	const artifactPath = join(projectRoot, 'model-artifacts', 'segments', 'model.json');
	const artifact = fileSizes(artifactPath);
	const artifactFigure = atMost(
		'segments artifact model.json, gzip -9',
		artifact.gzip,
		TARGET_SEGMENTS_ARTIFACT_GZIP_BYTES,
		kB,
		`${kB(artifact.gzip)} (raw ${kB(artifact.raw)})`
	);
	console.log(heading('Customer segments: the first view on /segments/ (scripts/bench/firstView.ts)'));
	const firstView = await benchFirstView({ browser, siteUrl: server.url, path: 'segments/', answerSelector: '[data-testid="how-many"]', answerName: 'Insiders headline', runs });
	printFigures('segments first view', firstView.figures);
	if (!existsSync(csvPath)) {
		console.log(`Skipped the upload and the pandas comparison: ${csvPath} not found (point --data at the folder that holds online-retail/).`);
		printFigures('segments', [artifactFigure]);
		return { skipped: `${csvPath} not found`, artifact, firstView: firstView.data };
	}

	const url = `${server.url}segments/`;
	console.log(
		`File: ${csvPath} (${MB(statSync(csvPath).size)}); ${segmentsRuns} runs, each: fresh page, load ${url}, choose the file, ` +
			`wait for the answers. Browser RSS (all Chromium processes) and the worker heap sampled every 50 ms.`
	);
	// Runs alternate (this site, the compared build when given, pandas) so that a change in the
	// machine's load touches all of them alike.
	const compareDir = args['segments-compare'] ? resolve(args['segments-compare']) : null;
	const compareServer = compareDir ? await startServer({ root: compareDir, base: normaliseBase(process.env.BASE_PATH), port: 0 }) : null;
	if (compareDir) console.log(`Compared in the same run, alternating: the build in ${compareDir}.`);
	const missing = pandasMissing(pandasScript);
	if (missing) console.log(`pandas reference skipped: ${missing}`);
	const list: SegmentsPageRun[] = [];
	const compared: SegmentsPageRun[] = [];
	const pandasRuns: PandasRun[] = [];
	const loads: number[] = [];
	try {
		for (let i = 0; i < segmentsRuns; i++) {
			loads.push(loadavg()[0]);
			list.push(await measureSegmentsUpload(browser, url, csvPath));
			if (compareServer) compared.push(await measureSegmentsUpload(browser, `${compareServer.url}segments/`, csvPath));
			if (!missing) pandasRuns.push(runPandas(pandasScript, csvPath));
		}
	} finally {
		await compareServer?.close();
	}

	const time = (f: (r: SegmentsPageRun) => number) => stats(list.map(f));
	const wall = time((r) => r.wallMs);
	const longest = time((r) => r.longTasks.longestMs);
	const growth = time((r) => r.memory.peakBytes - r.memory.beforeBytes);
	const peak = time((r) => r.memory.peakBytes);
	const stageNames = ['readMs', 'parseMs', 'cleanMs', 'featuresMs', 'assignMs', 'analysisMs', 'waitMs', 'renderMs'] as const;
	const stageLabels: Record<(typeof stageNames)[number], string> = {
		readMs: 'read (worker: bytes -> text; first half when read on 2 threads)',
		parseMs: 'parse (worker; first half when read on 2 threads)',
		cleanMs: 'clean (worker; first half when read on 2 threads)',
		featuresMs: 'customer features (worker)',
		assignMs: 'assign clusters (worker)',
		analysisMs: 'answers: profiles, rules, forecast, map (worker)',
		waitMs: 'waiting for the date question (worker)',
		renderMs: 'render (page: result -> next frame)'
	};
	/** The worker's stages that pandas' total_without_fit also covers (read, clean, features, assign). */
	const likePandas = time((r) => r.timings.readingWallMs + r.timings.featuresMs + r.timings.assignMs);
	const last = list[list.length - 1];
	const workerHeaps = list.map((r) => r.workerHeap).filter((h): h is { peakUsedBytes: number; samples: number } => 'peakUsedBytes' in h);
	const figures: Figure[] = [
		info('whole file -> answers on screen', `${ms(wall.median)} median, ${ms(wall.min)} best (${wall.runs} runs)`),
		info('  file input change event -> answers', medianMin(time((r) => r.changeToAnswersMs))),
		info('  threads reading the file', list.map((r) => r.timings.parts).join(', ')),
		info('  reader', [...new Set(list.map((r) => (r.timings.reader?.kind === 'papaparse' ? `papaparse (${r.timings.reader.why})` : (r.timings.reader?.kind ?? '?'))))].join(', ')),
		info('  read + parse + clean, both threads, merge included (wall)', medianMin(time((r) => r.timings.readingWallMs))),
		info('  merging the second half in', medianMin(time((r) => r.timings.mergeMs))),
		...stageNames.map((stage) => info(`  ${stageLabels[stage]}`, medianMin(time((r) => r.timings[stage])))),
		info('  of the answers: waiting for the forecast on a reading thread', medianMin(time((r) => r.timings.forecastWaitMs ?? NaN))),
		info('  worker reading (wall) + features + assign (the stages pandas times)', medianMin(likePandas)),
		info('  customers / lines read', `${last.timings.customers.toLocaleString('en-US')} / ${last.timings.lines.toLocaleString('en-US')}`),
		atMost(
			'longest main-thread task during the upload',
			longest.max,
			TARGET_SEGMENTS_LONGEST_TASK_MS,
			ms,
			longest.max === 0 ? `none >= 50 ms in ${longest.runs} runs` : `${ms(longest.max)} worst run, ${ms(longest.median)} median`
		),
		info(
			'  long tasks (>= 50 ms): count / total time',
			`${stats(list.map((r) => r.longTasks.count)).median} / ${ms(time((r) => r.longTasks.totalMs).median)} (medians)`
		),
		info('browser memory (RSS, all processes): peak - before', `${MB(growth.median)} median, ${MB(growth.max)} max`),
		info('  absolute peak / before the upload', `${MB(peak.median)} / ${MB(time((r) => r.memory.beforeBytes).median)} (medians; RSS sums count shared pages per process)`),
		info('  largest single process at its peak', MB(time((r) => r.memory.largestProcessPeakBytes).median)),
		info('page JS heap before -> after', `${MB(time((r) => r.pageHeap.beforeBytes).median)} -> ${MB(time((r) => r.pageHeap.afterBytes).median)} (medians)`),
		info(
			'worker JS heap, peak used',
			workerHeaps.length
				? `${MB(stats(workerHeaps.map((h) => h.peakUsedBytes)).median)} median (${stats(workerHeaps.map((h) => h.samples)).median} samples a run)`
				: `not measured: ${'unavailable' in last.workerHeap ? last.workerHeap.unavailable : '?'}`
		)
	];
	figures.push(info('  machine load average (1 min) at each run', loads.map((l) => l.toFixed(1)).join(', ')));
	if (compared.length) {
		const other = stats(compared.map((r) => r.wallMs));
		figures.push(info(`compared build (${compareDir}): whole file -> answers`, `${ms(other.median)} median, ${ms(other.min)} best; this site / compared ${(wall.median / other.median).toFixed(2)}`));
		figures.push(info('  compared build: longest main-thread task', `${ms(stats(compared.map((r) => r.longTasks.longestMs)).max)} worst run, ${ms(stats(compared.map((r) => r.longTasks.longestMs)).median)} median`));
		figures.push(info('  compared build: reader, read wall, features, analysis (medians)', `${[...new Set(compared.map((r) => r.timings.reader?.kind ?? 'papaparse'))].join(', ')}; ${ms(stats(compared.map((r) => r.timings.readingWallMs)).median)}, ${ms(stats(compared.map((r) => r.timings.featuresMs)).median)}, ${ms(stats(compared.map((r) => r.timings.analysisMs)).median)}`));
	}
	if (list.some((r) => r.askedDateOrder)) figures.push(info('date-order question', 'the page asked; the bench answered "month first" (waitMs)'));

	const pandasStat = (key: string) => stats(pandasRuns.map((r) => (r.stages[key] ?? NaN) * 1000));
	const pandasTotal = pandasStat('total_without_fit');
	if (pandasRuns.length) {
		for (const key of ['read_csv', 'clean', 'features', 'kmeans_fit', 'assign']) figures.push(info(`pandas ${key}`, medianMin(pandasStat(key))));
		figures.push(info('pandas total_without_fit (read_csv + clean + features + assign)', medianMin(pandasTotal)));
		figures.push(info('  pandas process wall time (with Python start-up, imports, fit)', medianMin(stats(pandasRuns.map((r) => r.wallMs)))));
		const rss = stats(pandasRuns.map((r) => r.peakRssBytes ?? NaN));
		figures.push(info('  pandas peak RSS', `${MB(rss.median)} median, ${MB(rss.max)} max`));
		figures.push(info('  pandas rows kept / customers', `${(pandasRuns[0].stages.rows ?? NaN).toLocaleString('en-US')} / ${(pandasRuns[0].stages.customers ?? NaN).toLocaleString('en-US')}`));
		figures.push(
			atMost('whole file -> answers <= half of pandas total_without_fit (medians)', wall.median, pandasTotal.median / 2, seconds, `${seconds(wall.median)} vs ${seconds(pandasTotal.median)} (ratio ${(wall.median / pandasTotal.median).toFixed(2)})`)
		);
	} else {
		figures.push(info('pandas', `skipped: ${missing}`));
	}
	figures.push(artifactFigure);

	const errors = [...new Set(list.flatMap((r) => r.consoleErrors))];
	if (errors.length) console.log(`Console errors on the page: ${errors.slice(0, 5).join(' | ')}`);
	printFigures('segments', figures);
	const comparison = `Whole file to answers vs pandas: ${seconds(wall.median)} vs ${pandasRuns.length ? seconds(pandasTotal.median) : 'n/a (pandas skipped)'} (target: at most half)`;
	console.log(`\n${comparison}`);
	return {
		firstView: firstView.data,
		file: csvPath,
		runs: list,
		comparedRuns: compared,
		loadAverages: loads,
		wallMs: wall,
		stagesMs: Object.fromEntries(stageNames.map((stage) => [stage, time((r) => r.timings[stage])])),
		workerStagesLikePandasMs: likePandas,
		longestTaskMs: longest,
		memoryGrowthBytes: growth,
		memoryPeakBytes: peak,
		pandas: pandasRuns.length ? { runs: pandasRuns, totalWithoutFitMs: pandasTotal } : { skipped: missing },
		artifact,
		comparison,
		consoleErrors: errors
	};
}

// ---------------------------------------------------------------------------------------------
// Lighthouse, mobile, on every page

async function benchLighthouse(server: RunningServer): Promise<Record<string, unknown>> {
	const pages = lighthousePages();
	console.log(heading('Lighthouse 12.2.3, mobile (default simulated throttling: slow 4G, 4x CPU), every page'));
	console.log(`${runs} runs of each page (${pages.map((p) => p.label).join(', ')}), interleaved, after one warm-up run; storage reset before each.`);
	const results = await lighthouseAllPages(server.url, pages, runs, (page, run, i) =>
		console.log(
			`  run ${i + 1} ${page.label}: performance ${run.performance}, TBT ${ms(run.totalBlockingTimeMs)}, LCP ${ms(run.largestContentfulPaintMs)}, ` +
				`CLS ${run.cumulativeLayoutShift.toFixed(3)}${run.runtimeError ? ` (ERROR ${run.runtimeError})` : ''}${run.retriedAfter ? ` (second try; the first failed: ${run.retriedAfter})` : ''}`
		)
	);
	const out: Record<string, unknown> = {};
	const spread = (s: ReturnType<typeof stats>, show: (v: number) => string) => `${show(s.median)} median (${show(s.min)} – ${show(s.max)}, ${s.runs} runs)`;
	const score = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : 'n/a');
	const cls = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
	for (const [page, list] of results) {
		const of = (f: (r: LighthouseRun) => number) => stats(list.map(f));
		const performance = of((r) => r.performance);
		const figures: Figure[] = [
			atLeast(`${page.label} performance score`, performance.median, TARGET_LIGHTHOUSE_PERFORMANCE, score, spread(performance, score)),
			info('  total blocking time', spread(of((r) => r.totalBlockingTimeMs), ms)),
			info('  largest contentful paint', spread(of((r) => r.largestContentfulPaintMs), ms)),
			info('  cumulative layout shift', spread(of((r) => r.cumulativeLayoutShift), cls)),
			info('  first contentful paint', spread(of((r) => r.firstContentfulPaintMs), ms)),
			info('  speed index', spread(of((r) => r.speedIndexMs), ms)),
			info('  longest main-thread task (unthrottled trace)', spread(of((r) => r.longestTaskMs), ms)),
			info('  accessibility / best practices / SEO', `${score(of((r) => r.accessibility).median)} / ${score(of((r) => r.bestPractices).median)} / ${score(of((r) => r.seo).median)} (medians)`)
		];
		const missed = [...new Set(list.flatMap((r) => r.opportunities))];
		if (missed.length) figures.push(info('  performance audits below 90 in some run', missed.join('; ')));
		console.log(heading(`Lighthouse ${page.label}`));
		printFigures(`lighthouse ${page.label}`, figures);
		out[page.label] = { url: `${server.url}${page.path}`, runs: list, performance };
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Forest and CSV micro-benchmarks (modules of their own)

function valueText(value: unknown): string {
	if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(value < 10 ? 2 : 1);
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function figuresOf(result: Record<string, unknown>): Figure[] {
	return Object.entries(result).map(([key, value]) => info(key, valueText(value)));
}

async function benchGroupBuySection(browser: Browser, server: RunningServer): Promise<Record<string, unknown>> {
	console.log(heading('Group-buy recommender (scripts/bench/group-buy.ts)'));
	const { figures, result } = await benchGroupBuy({ browser, siteUrl: server.url, dataDir, runs, projectRoot });
	printFigures('group-buy', figures);
	return result;
}

async function benchForestSection(): Promise<Record<string, unknown>> {
	console.log(heading('Flat forest vs ml-random-forest (scripts/bench/forest.ts)'));
	const result = (await benchForest()) as unknown as Record<string, unknown>;
	const num = (key: string) => (typeof result[key] === 'number' ? (result[key] as number) : NaN);
	const figures: Figure[] = [];
	if ('speedup' in result) figures.push(atLeast('batch prediction speed-up (library time / flat time)', num('speedup'), TARGET_FOREST_SPEEDUP, times));
	if ('ratioRaw' in result) figures.push(atLeast('smaller raw: library JSON / flat binary', num('ratioRaw'), TARGET_FOREST_RAW_RATIO, times));
	if ('ratioRawBase64' in result) figures.push(atLeast('smaller raw: library JSON / flat base64 (as shipped)', num('ratioRawBase64'), TARGET_FOREST_RAW_RATIO, times));
	if ('ratioGzipBinary' in result) figures.push(atLeast('smaller gzip: library JSON / flat binary', num('ratioGzipBinary'), TARGET_FOREST_GZIP_RATIO, times));
	if ('ratioGzipBase64' in result) figures.push(atLeast('smaller gzip: library JSON / flat base64 (as shipped)', num('ratioGzipBase64'), TARGET_FOREST_GZIP_RATIO, times));
	printFigures('forest', [...figures, ...figuresOf(result)]);
	return result;
}

async function benchCsvSection(): Promise<Record<string, unknown>> {
	console.log(heading('CSV intake (scripts/bench/csv.ts)'));
	const result = (await benchCsv()) as unknown as Record<string, unknown>;
	printFigures('csv', figuresOf(result));
	return result;
}

// ---------------------------------------------------------------------------------------------
// Training time

function run(command: string, argv: string[]): Promise<{ code: number | null; output: string; ms: number }> {
	return new Promise((done, fail) => {
		const started = performance.now();
		const child = spawn(command, argv, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('error', fail);
		child.on('close', (code) => done({ code, output, ms: performance.now() - started }));
	});
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function benchTrain(): Promise<Record<string, unknown>> {
	console.log(heading('Training: npx tsx scripts/train.ts --only gmv --out <tmp dir>'));
	const outDir = mkdtempSync(join(tmpdir(), 'storelens-train-'));
	try {
		const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
		const result = await run(npx, ['tsx', 'scripts/train.ts', '--only', 'gmv', '--out', outDir]);
		if (result.code !== 0) throw new Error(`training failed (exit ${result.code}):\n${result.output.slice(-2000)}`);
		const own = /training took ([\d.]+) s/.exec(result.output);
		const shipped = join(projectRoot, 'model-artifacts', 'gmv');
		const written = readdirSync(join(outDir, 'gmv')).sort();
		const same = written.filter((f) => {
			try {
				return sha256(join(outDir, 'gmv', f)) === sha256(join(shipped, f));
			} catch {
				return false;
			}
		});
		printFigures('train', [
			info('wall time (incl. npx/tsx start-up)', `${(result.ms / 1000).toFixed(1)} s`),
			info("the script's own 'training took'", own ? `${own[1]} s` : 'not printed'),
			info('files written', written.join(', ')),
			info('identical to model-artifacts/gmv', `${same.length} of ${written.length}${same.length < written.length ? ` (differ: ${written.filter((f) => !same.includes(f)).join(', ')})` : ''}`)
		]);
		return { wallMs: result.ms, reportedSeconds: own ? Number(own[1]) : null, files: written, identicalToShipped: same };
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------
// Dealers (scripts/bench/dealers.ts)

async function benchDealersSection(browser: Browser, server: RunningServer): Promise<Record<string, unknown>> {
	console.log(heading('Dealers: 60,000 dealer-months to scores, the first view, the artifact'));
	const { figures, data } = await benchDealers(browser, server.url, projectRoot, runs);
	printFigures('dealers', figures);
	return data;
}

// ---------------------------------------------------------------------------------------------
// GMV budget planner (scripts/bench/gmv-planner.ts)

async function benchPlannerSection(browser: Browser, server: RunningServer): Promise<Record<string, unknown>> {
	console.log(heading('GMV budget planner: the split and the budget for a target, in Node and on a phone at 4x CPU'));
	const { figures, data } = await benchGmvPlanner(browser, server.url, projectRoot, runs);
	printFigures('planner', figures);
	return data;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const started = performance.now();
	const base = normaliseBase(process.env.BASE_PATH);
	const needsBrowser = wanted('page') || wanted('batch') || wanted('segments') || wanted('group-buy') || wanted('dealers') || wanted('planner') || wanted('sellers');
	const needsServer = needsBrowser || wanted('lighthouse');
	let browser: Browser | null = null;
	let server: RunningServer | null = null;
	try {
		if (needsServer) report.build = ensureBuild(base);
		if (needsBrowser) {
			browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs(), headless: true });
		}
		report.machine = machine(browser?.version() ?? null);
		const m = report.machine as ReturnType<typeof machine>;
		console.log(heading('Machine'));
		console.log(
			table(
				['what', 'value'],
				[
					['CPU', `${m.cpu}${m.cpuMhz ? ` @ ${m.cpuMhz} MHz` : ''}`],
					['cores', String(m.cores)],
					['memory', `${m.memoryGB} GB`],
					['Node', m.node],
					['Chromium', m.chromium ?? '(not started)'],
					['platform', m.platform],
					['load average (1 min)', `${m.loadAverage} (other work on the machine slows the timings)`],
					['build', String(report.build ?? '(not needed)')],
					['runs per timing', String(runs)]
				]
			)
		);
		if (needsServer) server = await startServer({ root: buildDir, base, port: 0 });

		const tasks: [Section, () => Promise<Record<string, unknown>>][] = [
			['page', () => benchPage(browser!, server!)],
			['batch', () => benchBatch(browser!, server!)],
			['segments', () => benchSegments(browser!, server!)],
			['group-buy', () => benchGroupBuySection(browser!, server!)],
			['dealers', () => benchDealersSection(browser!, server!)],
			['planner', () => benchPlannerSection(browser!, server!)],
			['lighthouse', () => benchLighthouse(server!)],
			['forest', benchForestSection],
			['csv', benchCsvSection],
			['train', benchTrain],
			['sellers', () => benchSellers(args.runs, browser, server)]
		];
		for (const [name, task] of tasks) {
			if (!wanted(name)) continue;
			if ((name === 'lighthouse' || name === 'forest') && browser) {
				// The browser is done; close it so it does not compete for the CPU.
				await browser.close();
				browser = null;
			}
			try {
				report[name] = await task();
			} catch (error) {
				const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
				report.errors[name] = message;
				console.log(`\n${name}: could not be measured: ${message}`);
			}
		}
	} finally {
		await browser?.close();
		await server?.close();
	}

	report.totalSeconds = Math.round((performance.now() - started) / 100) / 10;
	console.log(heading('Targets'));
	console.log(
		table(
			['section', 'figure', 'value', 'target', 'met'],
			report.targets.map((t) => [t.section, t.name.trim(), t.value, t.target, t.met ? 'yes' : 'NO'])
		)
	);
	mkdirSync(resultsDir, { recursive: true });
	const file = join(resultsDir, 'bench.json');
	writeFileSync(file, JSON.stringify(report, null, '\t') + '\n');
	console.log(`\n${report.targets.filter((t) => t.met).length} of ${report.targets.length} targets met. Figures written to ${file} (${report.totalSeconds} s).`);
	if (Object.keys(report.errors).length) {
		console.log(`Not measured: ${Object.keys(report.errors).join(', ')}`);
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
