/**
 * Customer-segments pipeline on the full UCI Online Retail file in Node, stage by stage, beside the
 * pandas reference (../shared/bench/insiders_pandas.py) in the same run. Prints only; asserts nothing.
 *
 *   npx tsx scripts/bench/segments-node.ts [path/to/online-retail.csv] [--runs 3] [--no-pandas]
 *
 * Stages (each run): read (file bytes -> text), parse (papaparse records, all kept in memory only for
 * this split timing), clean (aggregator.addLine on every record: values read, rules applied), features
 * (aggregator.finish). Then the streaming path the browser worker takes: readInvoiceBlob (read +
 * parse + clean chunk by chunk) + finish. The data file is only read, never copied.
 */
import { spawnSync } from 'node:child_process';
import { openAsBlob, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { ParseResult } from 'papaparse';
import { cleaningSummary, removedLines } from '../../src/lib/segments/clean';
import { createCustomerAggregator, CUSTOMER_FEATURES, type CustomerTable } from '../../src/lib/segments/features';
import { readInvoiceBlob } from '../../src/lib/segments/read';

const args = process.argv.slice(2);
const file = resolve(args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? '../shared/data/online-retail/online-retail.csv');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const withPandas = !args.includes('--no-pandas');

const round = (ms: number) => Math.round(ms);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Stage by stage: the whole file as text, then chunk by chunk parse and clean timed apart, then finish. */
function splitRun() {
	const t0 = performance.now();
	const text = new TextDecoder().decode(readFileSync(file));
	const t1 = performance.now();
	const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
	const chunk = 1 << 20;
	let partial = '';
	let parse = 0;
	let clean = 0;
	let row = 0;
	let aggregator: ReturnType<typeof createCustomerAggregator> | null = null;
	for (let at = 0; at < text.length; at += chunk) {
		const c0 = performance.now();
		const last = at + chunk >= text.length;
		const input = partial + text.slice(at, at + chunk);
		const result = parser.parse(input, 0, !last) as ParseResult<string[]>;
		partial = last ? '' : input.substring(result.meta.cursor);
		const c1 = performance.now();
		for (const fields of result.data) {
			row++;
			if (!aggregator) aggregator = createCustomerAggregator({ fieldCount: fields.length, expectedLines: text.length / 80 });
			else if (fields.length > 1 || fields[0] !== '') aggregator.addLine(fields, row);
		}
		const c2 = performance.now();
		parse += c1 - c0;
		clean += c2 - c1;
	}
	const t3 = performance.now();
	const table = aggregator!.finish();
	const t4 = performance.now();
	return { table, read: t1 - t0, parse, clean, features: t4 - t3, total: t4 - t0 };
}

async function streamingRun() {
	const t0 = performance.now();
	const read = await readInvoiceBlob(await openAsBlob(file));
	const t1 = performance.now();
	if (!read.ok) throw new Error(read.failure.message);
	const table = read.aggregator.finish();
	const t2 = performance.now();
	return { table, readParseClean: t1 - t0, features: t2 - t1, total: t2 - t0 };
}

function pandas(): Record<string, number> | string {
	const result = spawnSync('/usr/bin/python3', [resolve('../shared/bench/insiders_pandas.py'), file], { encoding: 'utf8' });
	if (result.status !== 0) return `pandas failed: ${result.stderr.trim().split('\n').at(-1)}`;
	return JSON.parse(result.stdout) as Record<string, number>;
}

function describe(table: CustomerTable) {
	const r = table.report;
	const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);
	const revenue = sum(table.features.grossRevenue);
	const guests = table.guest.reduce((a, b) => a + b, 0);
	const medians = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, Math.round(median([...table.features[f]]) * 1000) / 1000]));
	return {
		customers: table.count,
		guestCustomers: guests,
		customersWithId: table.count - guests,
		linesRead: r.linesRead,
		unreadable: r.unreadableLines,
		removed: r.removed,
		removedTotal: removedLines(r),
		kept: r.keptLines,
		purchases: r.purchaseLines,
		returns: r.returnLines,
		cancellationLines: r.cancellationLines,
		cancellationInvoices: r.cancellationInvoices,
		guestInvoices: r.guestInvoices,
		guestLines: r.guestLines,
		returnOnlyCustomers: r.returnOnlyCustomers,
		dateOrder: r.dateOrder,
		firstDate: new Date(table.firstDate).toISOString(),
		lastDate: new Date(table.lastDate).toISOString(),
		grossRevenue: Math.round(revenue),
		medians,
		sharesCapped: table.features.returnShare.filter((x) => x === 1).length,
		issueCount: table.issueCount
	};
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const split: ReturnType<typeof splitRun>[] = [];
const streaming: Awaited<ReturnType<typeof streamingRun>>[] = [];
const pandasRuns: (Record<string, number> | string)[] = [];
let peakRss = 0;
for (let i = 0; i < runs; i++) {
	gc();
	streaming.push(await streamingRun());
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	gc();
	split.push(splitRun());
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	if (withPandas) pandasRuns.push(pandas());
}
const stages = (key: 'read' | 'parse' | 'clean' | 'features' | 'total') => ({
	first: round(split[0][key]),
	median: round(median(split.map((s) => s[key]))),
	all: split.map((s) => round(s[key]))
});
console.log(`file: ${file}; ${runs} runs; node ${process.version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; rss after a run up to ${Math.round(peakRss / 1048576)} MB`);
console.log(
	JSON.stringify(
		{
			split_ms: { read: stages('read'), parse: stages('parse'), clean: stages('clean'), features: stages('features'), total: stages('total') },
			streaming_ms: {
				readParseClean: streaming.map((s) => round(s.readParseClean)),
				features: streaming.map((s) => round(s.features)),
				total: streaming.map((s) => round(s.total))
			}
		},
		null,
		1
	)
);
const table = streaming[0].table;
console.log(JSON.stringify(describe(table), null, 1));
for (const step of cleaningSummary(table.report)) console.log(`  ${step.text}`);
for (const [i, run] of pandasRuns.entries()) console.log(`pandas run ${i + 1} (seconds):`, JSON.stringify(run));
const pandasTotals = pandasRuns.filter((r): r is Record<string, number> => typeof r !== 'string');
if (pandasTotals.length > 0) {
	const pandasMs = round(median(pandasTotals.map((r) => r.read_csv + r.clean + r.features)) * 1000);
	const oursMs = round(median(streaming.map((s) => s.total)));
	console.log(`file -> customer features, median: Node streaming ${oursMs} ms; pandas read_csv + clean + features ${pandasMs} ms`);
}
