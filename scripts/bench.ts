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
 *
 * Each section's code is in scripts/bench/sections/<section>.ts; the command line in
 * scripts/bench/options.ts, the Machine table in bench/machine.ts, the Targets table and bench.json
 * in bench/targets.ts.
 */
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureBuild } from './bench/ensure-build.ts';
import { machine, machineTable } from './bench/machine.ts';
import { benchOptions, projectRoot, type Section } from './bench/options.ts';
import { heading } from './bench/report.ts';
import { batchSection } from './bench/sections/batch.ts';
import type { SectionContext, SectionData } from './bench/sections/context.ts';
import { csvSection } from './bench/sections/csv.ts';
import { dealersSection } from './bench/sections/dealers.ts';
import { forestSection } from './bench/sections/forest.ts';
import { groupBuySection } from './bench/sections/group-buy.ts';
import { lighthouseSection } from './bench/sections/lighthouse.ts';
import { pageSection } from './bench/sections/page.ts';
import { plannerSection } from './bench/sections/planner.ts';
import { segmentsSection } from './bench/sections/segments.ts';
import { sellersSection } from './bench/sections/sellers.ts';
import { trainSection } from './bench/sections/train.ts';
import { figurePrinter, finishReport, newReport } from './bench/targets.ts';
import { chromiumArgs, requireChromium } from './lib/chromium.ts';
import { normaliseBase, startServer, type RunningServer } from './lib/server.ts';

const buildDir = join(projectRoot, 'build');

const options = benchOptions();
const { runs, wanted } = options;
const report = newReport();
const bench: SectionContext = { options, printFigures: figurePrinter(report) };

async function main(): Promise<void> {
	const started = performance.now();
	const base = normaliseBase(process.env.BASE_PATH);
	const needsBrowser = wanted('page') || wanted('batch') || wanted('segments') || wanted('group-buy') || wanted('dealers') || wanted('planner') || wanted('sellers');
	const needsServer = needsBrowser || wanted('lighthouse');
	let browser: Browser | null = null;
	let server: RunningServer | null = null;
	try {
		if (needsServer) report.build = ensureBuild(base, options.noBuild);
		if (needsBrowser) {
			browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs(), headless: true });
		}
		const m = machine(browser?.version() ?? null);
		report.machine = m;
		console.log(heading('Machine'));
		console.log(machineTable(m, String(report.build ?? '(not needed)'), runs));
		if (needsServer) server = await startServer({ root: buildDir, base, port: 0 });

		const tasks: [Section, () => Promise<SectionData>][] = [
			['page', () => pageSection(bench, browser!, server!)],
			['batch', () => batchSection(bench, browser!, server!)],
			['segments', () => segmentsSection(bench, browser!, server!)],
			['group-buy', () => groupBuySection(bench, browser!, server!)],
			['dealers', () => dealersSection(bench, browser!, server!)],
			['planner', () => plannerSection(bench, browser!, server!)],
			['lighthouse', () => lighthouseSection(bench, server!)],
			['forest', () => forestSection(bench)],
			['csv', () => csvSection(bench)],
			['train', () => trainSection(bench)],
			['sellers', () => sellersSection(bench, browser, server)]
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
	finishReport(report);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
