/**
 * The `segments` section of `npm run bench`: the whole UCI Online Retail file
 * (<data>/online-retail/online-retail.csv) chosen on /segments/: time to the answers, stage timings,
 * main-thread long tasks, browser memory; beside it the pandas pipeline (../shared/bench/insiders_pandas.py)
 * and the artifact size; and the first view (the Insiders headline, prerendered). The measuring is
 * in ../segments-page.ts and ../firstView.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { normaliseBase, startServer, type RunningServer } from '../../lib/server.ts';
import { benchFirstView } from '../firstView.ts';
import { projectRoot, type BenchOptions } from '../options.ts';
import { atMost, heading, info, kB, medianMin, ms, stats, type Figure, type Stats } from '../report.ts';
import { fileSizes, measureSegmentsUpload, pandasMissing, runPandas, type PandasRun, type SegmentsPageRun } from '../segments-page.ts';
import type { SectionContext, SectionData } from './context.ts';

/** Longest main-thread task while the segments file is analysed: the page must keep answering clicks and scrolls. */
const TARGET_SEGMENTS_LONGEST_TASK_MS = 100;
const TARGET_SEGMENTS_ARTIFACT_GZIP_BYTES = 200_000;

/** Megabytes of 1,000,000 bytes (like kB, decimal). */
const MB = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(0)} MB` : 'n/a');
const seconds = (value: number): string => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a');

/** The runs of one bench: this site's uploads, the compared build's and pandas', alternating, with the machine's load at each. */
interface UploadRuns {
	url: string;
	list: SegmentsPageRun[];
	/** The compared build's folder, when one was given. */
	compareDir: string | null;
	compared: SegmentsPageRun[];
	/** Why pandas was skipped, or null when it ran. */
	missing: string | null;
	pandasRuns: PandasRun[];
	loads: number[];
}

/** The page's timings and memory over the runs, as bench.json carries them. */
interface UploadStats {
	wall: Stats;
	longest: Stats;
	growth: Stats;
	peak: Stats;
	/** The worker's stages that pandas' total_without_fit also covers (read, clean, features, assign). */
	likePandas: Stats;
}

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

/** Statistics of one number of every run. */
const statsOf = (list: SegmentsPageRun[]) => (f: (r: SegmentsPageRun) => number) => stats(list.map(f));

/** The artifact's size against its target. */
function artifactTarget(artifact: { raw: number; gzip: number }): Figure {
	return atMost('segments artifact model.json, gzip -9', artifact.gzip, TARGET_SEGMENTS_ARTIFACT_GZIP_BYTES, kB, `${kB(artifact.gzip)} (raw ${kB(artifact.raw)})`);
}

/** The longest main-thread task during the upload against its target. */
function longestTaskTarget(longest: Stats): Figure {
	return atMost(
		'longest main-thread task during the upload',
		longest.max,
		TARGET_SEGMENTS_LONGEST_TASK_MS,
		ms,
		longest.max === 0 ? `none >= 50 ms in ${longest.runs} runs` : `${ms(longest.max)} worst run, ${ms(longest.median)} median`
	);
}

/** Whole file to answers against half of pandas' time for the same stages. */
function halfOfPandasTarget(wall: Stats, pandasTotal: Stats): Figure {
	return atMost('whole file -> answers <= half of pandas total_without_fit (medians)', wall.median, pandasTotal.median / 2, seconds, `${seconds(wall.median)} vs ${seconds(pandasTotal.median)} (ratio ${(wall.median / pandasTotal.median).toFixed(2)})`);
}

/** Upload the whole file `segmentsRuns` times, alternating with the compared build and pandas; prints what is measured. */
async function measureUploads({ segmentsRuns, segmentsCompare, pandasScript }: BenchOptions, browser: Browser, server: RunningServer, csvPath: string): Promise<UploadRuns> {
	const url = `${server.url}segments/`;
	console.log(
		`File: ${csvPath} (${MB(statSync(csvPath).size)}); ${segmentsRuns} runs, each: fresh page, load ${url}, choose the file, ` +
			`wait for the answers. Browser RSS (all Chromium processes) and the worker heap sampled every 50 ms.`
	);
	// Runs alternate (this site, the compared build when given, pandas) so that a change in the
	// machine's load touches all of them alike.
	const compareDir = segmentsCompare ? resolve(segmentsCompare) : null;
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
	return { url, list, compareDir, compared, missing, pandasRuns, loads };
}

/** The page's wall time, longest task, memory and the stages pandas also times, over the runs. */
function uploadStats(list: SegmentsPageRun[]): UploadStats {
	const time = statsOf(list);
	return {
		wall: time((r) => r.wallMs),
		longest: time((r) => r.longTasks.longestMs),
		growth: time((r) => r.memory.peakBytes - r.memory.beforeBytes),
		peak: time((r) => r.memory.peakBytes),
		likePandas: time((r) => r.timings.readingWallMs + r.timings.featuresMs + r.timings.assignMs)
	};
}

/** The page's figures: time to the answers and its stages, main-thread tasks, browser and worker memory. */
function pageFigures(list: SegmentsPageRun[], { wall, longest, growth, peak, likePandas }: UploadStats): Figure[] {
	const time = statsOf(list);
	const last = list[list.length - 1];
	const workerHeaps = list.map((r) => r.workerHeap).filter((h): h is { peakUsedBytes: number; samples: number } => 'peakUsedBytes' in h);
	return [
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
		longestTaskTarget(longest),
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
}

/** The compared build's figures beside this site's (none when no build was compared). */
function comparedFigures({ compared, compareDir }: UploadRuns, wall: Stats): Figure[] {
	if (!compared.length) return [];
	const other = stats(compared.map((r) => r.wallMs));
	return [
		info(`compared build (${compareDir}): whole file -> answers`, `${ms(other.median)} median, ${ms(other.min)} best; this site / compared ${(wall.median / other.median).toFixed(2)}`),
		info('  compared build: longest main-thread task', `${ms(stats(compared.map((r) => r.longTasks.longestMs)).max)} worst run, ${ms(stats(compared.map((r) => r.longTasks.longestMs)).median)} median`),
		info('  compared build: reader, read wall, features, analysis (medians)', `${[...new Set(compared.map((r) => r.timings.reader?.kind ?? 'papaparse'))].join(', ')}; ${ms(stats(compared.map((r) => r.timings.readingWallMs)).median)}, ${ms(stats(compared.map((r) => r.timings.featuresMs)).median)}, ${ms(stats(compared.map((r) => r.timings.analysisMs)).median)}`)
	];
}

/** pandas' stage timings, wall time, memory and rows, with the half-of-pandas target; or why pandas was skipped. */
function pandasFigures({ pandasRuns, missing }: UploadRuns, wall: Stats, pandasTotal: Stats): Figure[] {
	if (!pandasRuns.length) return [info('pandas', `skipped: ${missing}`)];
	const pandasStat = pandasStatOf(pandasRuns);
	const rss = stats(pandasRuns.map((r) => r.peakRssBytes ?? NaN));
	return [
		...['read_csv', 'clean', 'features', 'kmeans_fit', 'assign'].map((key) => info(`pandas ${key}`, medianMin(pandasStat(key)))),
		info('pandas total_without_fit (read_csv + clean + features + assign)', medianMin(pandasTotal)),
		info('  pandas process wall time (with Python start-up, imports, fit)', medianMin(stats(pandasRuns.map((r) => r.wallMs)))),
		info('  pandas peak RSS', `${MB(rss.median)} median, ${MB(rss.max)} max`),
		info('  pandas rows kept / customers', `${(pandasRuns[0].stages.rows ?? NaN).toLocaleString('en-US')} / ${(pandasRuns[0].stages.customers ?? NaN).toLocaleString('en-US')}`),
		halfOfPandasTarget(wall, pandasTotal)
	];
}

/** Statistics of one of pandas' stages over the runs, in milliseconds. */
const pandasStatOf = (pandasRuns: PandasRun[]) => (key: string) => stats(pandasRuns.map((r) => (r.stages[key] ?? NaN) * 1000));

/** Run the `segments` section: the first view, then the whole file uploaded beside pandas; prints the figures and returns them for bench.json. */
export async function segmentsSection({ options, printFigures }: SectionContext, browser: Browser, server: RunningServer): Promise<SectionData> {
	const csvPath = join(options.dataDir, 'online-retail', 'online-retail.csv');
	console.log(heading('Customer segments: the whole Online Retail file on /segments/, beside pandas'));
	const artifact = fileSizes(join(projectRoot, 'model-artifacts', 'segments', 'model.json'));
	console.log(heading('Customer segments: the first view on /segments/ (scripts/bench/firstView.ts)'));
	const firstView = await benchFirstView({ browser, siteUrl: server.url, path: 'segments/', answerSelector: '[data-testid="how-many"]', answerName: 'Insiders headline', runs: options.runs });
	printFigures('segments first view', firstView.figures);
	if (!existsSync(csvPath)) {
		console.log(`Skipped the upload and the pandas comparison: ${csvPath} not found (point --data at the folder that holds online-retail/).`);
		printFigures('segments', [artifactTarget(artifact)]);
		return { skipped: `${csvPath} not found`, artifact, firstView: firstView.data };
	}

	const uploads = await measureUploads(options, browser, server, csvPath);
	const { list, compared, pandasRuns, loads } = uploads;
	const upload = uploadStats(list);
	const { wall } = upload;
	const pandasTotal = pandasStatOf(pandasRuns)('total_without_fit');
	const figures: Figure[] = [
		...pageFigures(list, upload),
		info('  machine load average (1 min) at each run', loads.map((l) => l.toFixed(1)).join(', ')),
		...comparedFigures(uploads, wall),
		...(list.some((r) => r.askedDateOrder) ? [info('date-order question', 'the page asked; the bench answered "month first" (waitMs)')] : []),
		...pandasFigures(uploads, wall, pandasTotal),
		artifactTarget(artifact)
	];

	const errors = [...new Set(list.flatMap((r) => r.consoleErrors))];
	if (errors.length) console.log(`Console errors on the page: ${errors.slice(0, 5).join(' | ')}`);
	printFigures('segments', figures);
	const comparison = `Whole file to answers vs pandas: ${seconds(wall.median)} vs ${pandasRuns.length ? seconds(pandasTotal.median) : 'n/a (pandas skipped)'} (target: at most half)`;
	console.log(`\n${comparison}`);
	const time = statsOf(list);
	return {
		firstView: firstView.data,
		file: csvPath,
		runs: list,
		comparedRuns: compared,
		loadAverages: loads,
		wallMs: wall,
		stagesMs: Object.fromEntries(stageNames.map((stage) => [stage, time((r) => r.timings[stage])])),
		workerStagesLikePandasMs: upload.likePandas,
		longestTaskMs: upload.longest,
		memoryGrowthBytes: upload.growth,
		memoryPeakBytes: upload.peak,
		pandas: pandasRuns.length ? { runs: pandasRuns, totalWithoutFitMs: pandasTotal } : { skipped: uploads.missing },
		artifact,
		comparison,
		consoleErrors: errors
	};
}
