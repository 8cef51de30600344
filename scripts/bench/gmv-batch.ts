/**
 * The GMV batch job in Node, as the worker runs it: 100,000 generated weekly rows (seed 7, as the
 * page bench) parsed, validated, screened and scored with the shipped forest, each stage timed.
 * Run: `npx tsx scripts/bench/gmv-batch.ts [--rows N] [--runs N]` (add `--cpu-prof` to node to profile).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GmvContext, GmvForestArtifact } from '../../src/lib/gmv/artifacts';
import { gmvBatchService } from '../../src/lib/gmv/batch';
import { forestModel } from '../../src/lib/gmv/predict';
import { generateWeeklyRows, weeklyRowsCsv } from '../../src/lib/gmv/sample';
import { runCsvJobInWorker } from '../../src/lib/core/csv/workerHost';
import type { CsvJobMessage } from '../../src/lib/core/csv/types';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('--rows', 100_000);
const runs = arg('--runs', 3);
const dir = join(import.meta.dirname, '..', '..', 'model-artifacts', 'gmv');
const context = JSON.parse(readFileSync(join(dir, 'context.json'), 'utf8')) as GmvContext;
const artifact = JSON.parse(readFileSync(join(dir, 'forest.json'), 'utf8')) as GmvForestArtifact;
const csv = weeklyRowsCsv(generateWeeklyRows(context, rows, 7));
const model = forestModel(artifact);
const service = gmvBatchService(async () => model);

for (let run = 0; run < runs; run++) {
	const start = performance.now();
	const cpu = process.cpuUsage();
	const message: CsvJobMessage = await runCsvJobInWorker(
		service,
		{ type: 'start', file: new Blob([csv]), fileName: 'bench.csv', artifactUrls: {} } as never,
		async () => model,
		() => {}
	);
	const wall = performance.now() - start;
	const used = process.cpuUsage(cpu);
	if (message.type !== 'done') throw new Error(JSON.stringify(message).slice(0, 500));
	const { parseMs, scoreMs } = message.result.timings!;
	console.log(
		`run ${run + 1}: ${message.result.goodRows} of ${message.result.totalRows} rows scored; parse ${parseMs.toFixed(0)} ms, score ${scoreMs.toFixed(0)} ms, ` +
			`wall ${wall.toFixed(0)} ms (${Math.round(rows / (wall / 1000)).toLocaleString('en')} rows/s), CPU ${((used.user + used.system) / 1000).toFixed(0)} ms`
	);
	if (run === runs - 1) {
		console.log(message.result.notes, message.result.issues.slice(0, 5), message.result.issueCount);
	}
}
