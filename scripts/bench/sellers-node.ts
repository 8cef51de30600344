/**
 * Seller finder: a generated activity log (default 1 million events) from file to ranked list in
 * Node, stage by stage, beside the pandas aggregation (scripts/bench/sellers_pandas.py) in the same
 * run, alternating, and the process's peak memory. Prints only; asserts nothing. The browser figures come from `npm run bench`.
 *
 *   npx tsx scripts/bench/sellers-node.ts [--runs 5] [--events 1000000] [--no-pandas] [--generate-only]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openAsBlob, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseLog } from '../../src/lib/sellers/analysis.ts';
import { benchLog } from '../../src/lib/sellers/demo.ts';
import { readForestPart, type SellersModelArtifact } from '../../src/lib/sellers/model.ts';
import { readActivityBlob } from '../../src/lib/sellers/reader.ts';
import { activityCsv } from '../../src/lib/sellers/sample.ts';
import { stats } from './report.ts';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '5' }, events: { type: 'string', default: '1000000' }, 'no-pandas': { type: 'boolean', default: false }, 'generate-only': { type: 'boolean', default: false } }
});
const runs = Number(values.runs);
const target = Number(values.events);

/**
 * The generated log as a CSV in the temp folder (made once per size), written by a process of its
 * own so that generating it does not count in this process's peak memory.
 */
export function benchFile(events: number): string {
	const path = join(tmpdir(), `storelens-sellers-${events}.csv`);
	if (values['generate-only']) {
		const { log } = benchLog(events);
		writeFileSync(path, activityCsv(log));
	} else if (!existsSync(path)) {
		const made = spawnSync('npx', ['tsx', 'scripts/bench/sellers-node.ts', '--generate-only', '--events', String(events)], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
		if (made.status !== 0) throw new Error('generating the bench log failed');
	}
	return path;
}

const file = benchFile(target);
if (values['generate-only']) process.exit(0);
const artifact = JSON.parse(readFileSync('model-artifacts/sellers/model.json', 'utf8')) as SellersModelArtifact;
const model = readForestPart(artifact);
const ours: number[] = [];
const stages: Record<string, number[]> = { read: [], analyse: [] };
const pandas: number[] = [];
/** Peak resident memory of this process (resourceUsage().maxRSS, kB) before the first run and after it. */
const peakRss = { before: process.resourceUsage().maxRSS, afterFirst: 0 };
for (let r = 0; r < runs; r++) {
	const t0 = performance.now();
	const read = await readActivityBlob(await openAsBlob(file));
	const t1 = performance.now();
	if (!read.ok || read.layout !== 'events') throw new Error('the bench file did not read');
	const a = analyseLog(read.log, model, artifact.inputRanges);
	const t2 = performance.now();
	ours.push(t2 - t0);
	stages.read.push(t1 - t0);
	stages.analyse.push(t2 - t1);
	if (r === 0) peakRss.afterFirst = process.resourceUsage().maxRSS;
	if (r === 0) console.log(`${read.log.n.toLocaleString('en-US')} events, ${read.log.userIds.length.toLocaleString('en-US')} users, ${a.candidates.ids.length.toLocaleString('en-US')} candidates`);
	if (!values['no-pandas']) {
		const p = spawnSync('/usr/bin/python3', ['scripts/bench/sellers_pandas.py', file], { encoding: 'utf8' });
		if (p.status !== 0) throw new Error(p.stderr);
		pandas.push(JSON.parse(p.stdout).total);
	}
}
const fmt = (xs: number[]) => {
	const s = stats(xs);
	return `${Math.round(s.median)} ms median (${Math.round(s.min)}-${Math.round(s.max)}, ${s.runs} runs)`;
};
console.log(`load average ${loadavg()[0].toFixed(1)}`);
console.log(`this site, file to ranked list: ${fmt(ours)}; read+parse ${fmt(stages.read)}, features+model+market ${fmt(stages.analyse)}`);
if (pandas.length) console.log(`pandas aggregation (no model): ${fmt(pandas)}`);
// The worker runs this same code on the same file; the process's peak is an upper bound of its memory
// (it includes Node, tsx and the file's bytes as one Blob, as the worker holds them too).
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
console.log(
	`memory: peak resident ${mb(peakRss.afterFirst)} after the first run (${mb(peakRss.before)} before reading, so ${mb(peakRss.afterFirst - peakRss.before)} for reading and ranking; target: worker under 300 MB)`
);
