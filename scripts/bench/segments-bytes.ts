/**
 * The browser's whole-file segments path in Node, stage by stage, on one thread: the byte scan
 * (byteRead.ts, the whole file as one part, or in `--parts` parts scanned one after the other and
 * merged), customer features, then the answers (assign, the analysis without the forecast, the
 * forecast). For profiling (`node --cpu-prof --import tsx scripts/bench/segments-bytes.ts`) and
 * A/B timing of the stages (wall and, as the machine may be shared, this process's CPU time);
 * prints only, asserts nothing. The data file is only read, never copied.
 *
 *   npx tsx scripts/bench/segments-bytes.ts [path/to/online-retail.csv] [--runs 3] [--parts 1]
 */
import { createHash } from 'node:crypto';
import { openAsBlob, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { analyseSegments } from '../../src/lib/segments/analysis';
import { assignTable } from '../../src/lib/segments/clusters';
import { forecastJob, insidersForecast } from '../../src/lib/segments/insidersForecast';
import type { SegmentsArtifact } from '../../src/lib/segments/artifact';
import { readBytePart } from '../../src/lib/segments/byteRead';
import { jobModelOf } from '../../src/lib/segments/job';
import { readInvoiceInParts } from '../../src/lib/segments/parallel';
import type { ReadTimings } from '../../src/lib/segments/read';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
	const at = args.indexOf(name);
	return at >= 0 ? Number(args[at + 1]) : fallback;
};
const file = resolve(args.find((a, k) => !a.startsWith('--') && !args[k - 1]?.startsWith('--')) ?? '../shared/data/online-retail/online-retail.csv');
const runs = flag('--runs', 3);
const parts = flag('--parts', 1);
const artifact = JSON.parse(readFileSync(resolve('model-artifacts/segments/model.json'), 'utf8')) as SegmentsArtifact;
const model = jobModelOf(artifact);

/** CPU milliseconds this process has used (all its threads: also GC and compiler threads), less sensitive than wall time to other work on the machine. */
const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

async function run() {
	const blob = await openAsBlob(file);
	const timings: ReadTimings = { readMs: 0, parseMs: 0, cleanMs: 0 };
	const c0 = cpuMs();
	const t0 = performance.now();
	const runners = parts > 1 ? { threads: parts, text: null, bytes: (part: Blob, setup: Parameters<typeof readBytePart>[1]) => readBytePart(part, setup) } : null;
	const parted = await readInvoiceInParts(blob, { timings }, runners);
	const t1 = performance.now();
	const c1 = cpuMs();
	if (!parted.result.ok || parted.reader.kind !== 'bytes') throw new Error(`not read by the byte scan: ${JSON.stringify(parted.reader)}`);
	const table = parted.result.aggregator.finish();
	const t2 = performance.now();
	const c2 = cpuMs();
	const assignments = assignTable(model, table);
	const t3 = performance.now();
	const aboutModel = { names: model.names, insiders: model.insiders, map: model.map, features: model.space.features };
	const job = forecastJob(table, assignments, model.insiders);
	const analysis = analyseSegments(table, assignments, aboutModel, { forecast: null }, job.table);
	const t4 = performance.now();
	const c4 = cpuMs();
	const forecast = insidersForecast(job.table, job.insiders);
	const t5 = performance.now();
	const c5 = cpuMs();
	// A digest of everything computed, to check that a change leaves every number as it was.
	const digest = createHash('sha256');
	const typed = (a: ArrayBufferView) => digest.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
	digest.update(JSON.stringify({ ids: table.ids, report: table.report, issues: table.issues, analysis, forecast }));
	for (const column of Object.values(table.features)) typed(column);
	for (const a of [table.guest, table.lastPurchase, assignments.cluster, assignments.nextNearest, assignments.margin, assignments.points]) typed(a);
	return {
		read: timings.readMs,
		scan: timings.parseMs,
		readWall: t1 - t0,
		merge: parted.mergeMs,
		features: t2 - t1,
		assign: t3 - t2,
		analysis: t4 - t3,
		forecast: t5 - t4,
		total: t5 - t0,
		readCpu: c1 - c0,
		featuresCpu: c2 - c1,
		forecastCpu: c5 - c4,
		totalCpu: c5 - c0,
		customers: table.count,
		digest: digest.digest('hex').slice(0, 16)
	};
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const results: Awaited<ReturnType<typeof run>>[] = [];
for (let i = 0; i < runs; i++) {
	gc();
	results.push(await run());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`file: ${file}; ${runs} runs; ${parts} part(s); node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const key of ['read', 'scan', 'readWall', 'merge', 'features', 'assign', 'analysis', 'forecast', 'total', 'readCpu', 'featuresCpu', 'forecastCpu', 'totalCpu'] as const) {
	const xs = results.map((r) => r[key]);
	console.log(`${key.padEnd(11)} median ${Math.round(median(xs))} ms  [${xs.map((x) => Math.round(x)).join(', ')}]`);
}
console.log(`customers: ${results[0].customers}; digest ${[...new Set(results.map((r) => r.digest))].join(', ')}`);
