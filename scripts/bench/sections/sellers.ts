/**
 * The `sellers` section of `npm run bench`: a generated 1-million-event activity log from file to
 * ranked list (the seller finder's reader, features and model in Node), alternating with the same
 * aggregation in pandas (../sellers-node.ts, ../sellers_pandas.py), the artifacts' gzip sizes, and,
 * when a browser runs, the first ranked list on /sellers/ (../firstView.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../lib/server.ts';
import { benchFirstView } from '../firstView.ts';
import { projectRoot } from '../options.ts';
import { atMost, heading, info, kB } from '../report.ts';
import { runNpx } from '../run-command.ts';
import type { SectionContext, SectionData } from './context.ts';

export async function sellersSection({ options, printFigures }: SectionContext, browser: Browser | null, server: RunningServer | null): Promise<SectionData> {
	console.log(heading('Seller finder: 1 million events, file to ranked list, beside pandas (scripts/bench/sellers-node.ts)'));
	const result = await runNpx(['tsx', 'scripts/bench/sellers-node.ts', '--runs', options.runsGiven ?? '5']);
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
		const firstList = await benchFirstView({ browser, siteUrl: server.url, path: 'sellers/', answerSelector: '[data-testid="ranked-table"] tbody tr', answerName: 'first ranked list', runs: options.runs });
		printFigures('sellers', firstList.figures);
		out.firstList = firstList.data;
	}
	return out;
}
