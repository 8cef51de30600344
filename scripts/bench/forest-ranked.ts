/**
 * The shipped GMV forests on 100,000 generated rows: `predictForest` (the plain walk) against
 * `manyRowPredictor` (ranked: branch-free, four rows at a time, when the forest is shallow), alternating, CPU time of each call.
 * Run: `npx tsx scripts/bench/forest-ranked.ts [--runs N]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64ToBytes } from '../../src/lib/core/base64';
import { decodeFlatForest } from '../../src/lib/core/forest/flat';
import { predictForest } from '../../src/lib/core/forest/predict';
import { manyRowPredictor, rankForest } from '../../src/lib/core/forest/ranked';
import type { GmvContext, GmvForestArtifact } from '../../src/lib/gmv/artifacts';
import { featureMatrix, scenarioFromRow } from '../../src/lib/gmv/features';
import { RECENT_FEATURES, writeRecentFeatures } from '../../src/lib/gmv/recent';
import { generateWeeklyRows } from '../../src/lib/gmv/sample';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const dir = join(import.meta.dirname, '..', '..', 'model-artifacts', 'gmv');
const context = JSON.parse(readFileSync(join(dir, 'context.json'), 'utf8')) as GmvContext;
const artifact = JSON.parse(readFileSync(join(dir, 'forest.json'), 'utf8')) as GmvForestArtifact;
const rows = generateWeeklyRows(context, 100_000, 7);
const scenarios = rows.map((r) => scenarioFromRow(r));
const n = scenarios.length;
const plainX = featureMatrix(scenarios, artifact.encoders);
const recentX = new Float64Array(n * RECENT_FEATURES.length);
scenarios.forEach((s, i) => writeRecentFeatures(s, [2e5 + (i % 997) * 300, 1.8e5, 2.4e5, 2.1e5].slice(0, 1 + (i % 4)), artifact.recent.encoders, recentX, i));

const cpuMs = (f: () => unknown) => {
	const start = process.cpuUsage();
	f();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000;
};
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
for (const [name, b64, X] of [
	['forest on the inputs (100 trees)', artifact.forest, plainX],
	['forest from recent GMV (100 trees)', artifact.recent.forest, recentX]
] as const) {
	const flat = decodeFlatForest(base64ToBytes(b64));
	const prepareMs = cpuMs(() => rankForest(flat));
	const ranked = rankForest(flat);
	const predict = manyRowPredictor(flat);
	const want = predictForest(flat, X, n);
	const got = predict(X, n);
	let same = 0;
	for (let i = 0; i < n; i++) if (got[i] === want[i]) same++;
	const plain: number[] = [];
	const fast: number[] = [];
	for (let r = 0; r < runs; r++) {
		plain.push(cpuMs(() => predictForest(flat, X, n)));
		fast.push(cpuMs(() => predict(X, n)));
	}
	const show = (v: number[]) => `median ${median(v).toFixed(0)} ms (${Math.min(...v).toFixed(0)}-${Math.max(...v).toFixed(0)})`;
	console.log(`${name}, ${ranked ? `ranked (depth ${ranked.depth}), prepared in ${prepareMs.toFixed(0)} ms` : 'too deep to rank: predictForest'}; ${same} of ${n} predictions identical`);
	console.log(`  predictForest ${show(plain)}; manyRowPredictor ${show(fast)}; ${(median(plain) / median(fast)).toFixed(2)}x`);
}
