/**
 * The `batch` section of `npm run bench`: 100,000 generated weekly rows scored by the GMV batch worker
 * in Chromium (file chosen -> result on screen, the worker's round trip and its own parse + score),
 * with the default model and the forest. The measuring is in ../page.ts (measureBatch).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { GmvContext } from '../../../src/lib/gmv/artifacts.ts';
import { farOutsideIssues } from '../../../src/lib/gmv/batch.ts';
import { generateWeeklyRows, weeklyRowsCsv } from '../../../src/lib/gmv/sample.ts';
import { weeklyRowSchema } from '../../../src/lib/gmv/schema.ts';
import { parseCsvText } from '../../../src/lib/core/csv/intake.ts';
import type { RunningServer } from '../../lib/server.ts';
import { projectRoot } from '../options.ts';
import { measureBatch, type BatchRun } from '../page.ts';
import { atLeast, heading, info, kB, medianMin, ms, perSecond, stats, type Figure } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

const TARGET_ROWS_PER_SECOND = 100_000;
const BATCH_ROWS = 100_000;

export async function batchSection({ options, printFigures }: SectionContext, browser: Browser, server: RunningServer): Promise<SectionData> {
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
			for (let i = 0; i < options.runsFor(model.targeted); i++) list.push(await measureBatch(browser, url, csvPath, BATCH_ROWS));
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
