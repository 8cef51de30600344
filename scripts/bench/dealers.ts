/**
 * The dealer tool's bench section (`npm run bench -- --only dealers`):
 *   - the artifact's size (raw, gzip -9);
 *   - 60,000 dealer-months (the demo network: 5,000 dealers x 12 months) scored and analysed by the
 *     shipped pure code in Node;
 *   - the same 60,000 rows as a CSV in the original layout chosen on /dealers/: the worker's read,
 *     score and analyse times, and file chosen -> answer on screen;
 *   - the first view: bytes before the first dealers to visit are on screen (gzip -9), the time to
 *     that unthrottled and at a 4x CPU slowdown, and the longest main-thread task meanwhile.
 * Each figure is the median and min of the runs; targets from issue 12.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyseNetwork } from '../../src/lib/dealers/analysis.ts';
import type { DealerModelArtifact } from '../../src/lib/dealers/artifacts.ts';
import { originalLayoutCsv } from '../../src/lib/dealers/csv.ts';
import { expectedSalesModel } from '../../src/lib/dealers/expected.ts';
import { generateNetwork } from '../../src/lib/dealers/generator.ts';
import { scoreNetwork } from '../../src/lib/dealers/score.ts';
import { benchFirstView } from './firstView.ts';
import { freshPage } from './page.ts';
import { atMost, info, kB, medianMin, ms, stats, type Figure } from './report.ts';
import { fileSizes } from './segments-page.ts';

const TARGET_SCORE_MS = 1000;
const ANSWER = '[data-testid="visit-first-top"] li';

interface UploadRun {
	readMs: number;
	scoreMs: number;
	analyseMs: number;
	fileToScreenMs: number;
	rows: number;
	errors: string[];
}

/** Choose the CSV on a fresh /dealers/ page and wait until the page shows it. */
async function measureUpload(browser: Browser, url: string, csvPath: string): Promise<UploadRun> {
	const { context, page, errors } = await freshPage(browser, null);
	try {
		await page.goto(url);
		await page.locator(ANSWER).first().waitFor({ timeout: 60_000 });
		// The upload part is built when the page is idle: wait for it, so the clock times the file only.
		const input = page.getByTestId('upload').locator('input[type=file]');
		await input.waitFor({ state: 'attached', timeout: 60_000 });
		const started = Date.now();
		await input.setInputFiles(csvPath);
		const handle = await page.waitForFunction(
			() => {
				const el = document.querySelector('[data-testid="showing"]');
				const t = el?.getAttribute('data-timings');
				return t && JSON.parse(t).kind === 'file' ? t : null;
			},
			undefined,
			{ timeout: 120_000, polling: 20 }
		);
		const fileToScreenMs = Date.now() - started;
		const t = JSON.parse((await handle.jsonValue()) as string) as { readMs: number; scoreMs: number; analyseMs: number; rows: number };
		return { ...t, fileToScreenMs, errors };
	} finally {
		await context.close();
	}
}

export async function benchDealers(browser: Browser, siteUrl: string, projectRoot: string, runs: number): Promise<{ figures: Figure[]; data: Record<string, unknown> }> {
	const artifactPath = join(projectRoot, 'model-artifacts', 'dealers', 'model.json');
	const artifact = JSON.parse(readFileSync(artifactPath, 'utf8')) as DealerModelArtifact;
	const size = fileSizes(artifactPath);
	const figures: Figure[] = [info('artifact model.json, raw / gzip -9', `${kB(size.raw)} / ${kB(size.gzip)}`)];

	// 1. Node: the pure code the worker runs.
	const table = generateNetwork(artifact.demo.seed, artifact.demo.dealers).months;
	const model = expectedSalesModel(artifact.model, artifact.encoders);
	const node = { score: [] as number[], analyse: [] as number[] };
	for (let i = 0; i < runs + 1; i++) {
		const t0 = performance.now();
		const scored = scoreNetwork(table, model, { referencePeers: artifact.peers, serviceRates: artifact.serviceRates });
		const t1 = performance.now();
		analyseNetwork(scored, artifact.interval, {});
		const t2 = performance.now();
		if (i === 0) continue; // warm-up
		node.score.push(t1 - t0);
		node.analyse.push(t2 - t1);
	}
	const nodeScore = stats(node.score);
	figures.push(atMost(`${table.n.toLocaleString('en-US')} dealer-months scored, Node (pure TS)`, nodeScore.median, TARGET_SCORE_MS, ms, medianMin(nodeScore)));
	figures.push(info('  then analysed (effectiveness, funnel, KPIs, frontier, ranking)', medianMin(stats(node.analyse))));

	// 2. The browser: the same rows as a file through the page's worker.
	const dir = mkdtempSync(join(tmpdir(), 'storelens-dealers-'));
	const csvPath = join(dir, 'dealers-60000.csv');
	writeFileSync(csvPath, originalLayoutCsv(table));
	const url = `${siteUrl}dealers/`;
	const uploads: UploadRun[] = [];
	try {
		for (let i = 0; i < runs; i++) uploads.push(await measureUpload(browser, url, csvPath));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const up = (f: (r: UploadRun) => number) => stats(uploads.map(f));
	figures.push(atMost(`${table.n.toLocaleString('en-US')}-row CSV scored in the worker`, up((r) => r.scoreMs).median, TARGET_SCORE_MS, ms, medianMin(up((r) => r.scoreMs))));
	figures.push(info('  read + validate in the worker', medianMin(up((r) => r.readMs))));
	figures.push(info('  analyse in the worker', medianMin(up((r) => r.analyseMs))));
	figures.push(info('  file chosen -> shown on the page', medianMin(up((r) => r.fileToScreenMs))));

	// 3. The first view.
	const firstView = await benchFirstView({ browser, siteUrl, path: 'dealers/', answerSelector: ANSWER, answerName: 'first view', runs });
	figures.push(...firstView.figures);

	const errors = [...new Set([...uploads.flatMap((r) => r.errors), ...firstView.data.consoleErrors])];
	if (errors.length) console.log(`Console errors on the page: ${errors.slice(0, 5).join(' | ')}`);
	return {
		figures,
		data: {
			artifact: size,
			rows: table.n,
			node: { scoreMs: nodeScore, analyseMs: stats(node.analyse) },
			upload: { readMs: up((r) => r.readMs), scoreMs: up((r) => r.scoreMs), analyseMs: up((r) => r.analyseMs), fileToScreenMs: up((r) => r.fileToScreenMs) },
			firstView: firstView.data,
			consoleErrors: errors
		}
	};
}
