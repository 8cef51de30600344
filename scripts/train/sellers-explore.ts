/**
 * Seller finder, model exploration on rolling-origin validation months only (never the calibration
 * or test month): `npx tsx scripts/train/sellers-explore.ts [--cache DIR] [--only a,b] [--reference NAME]`. Prints each
 * candidate's PR AUC and precision at 100 per validation month, their means, and paired bootstrap
 * intervals against the best naive baseline (or `--reference NAME`). Scores are cached per candidate and month in DIR so
 * blends can be judged without retraining. Not part of `npm run train`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { predictOutput } from '../../src/lib/core/forest/predict.ts';
import { monthLabel } from '../../src/lib/sellers/calendar.ts';
import { ALL_FEATURES } from '../../src/lib/sellers/features.ts';
import { TRAINING_MARKET } from './sellers.ts';
import { buildMarket, planSplit, stack } from './sellers/data.ts';
import { trainSellerForest, type ForestConfig } from './sellers/forest.ts';
import { trainNetwork } from './sellers/network.ts';
import { rankScale, rollingBootstrap, rollingOrigins, summarise, type ScoredMonth } from './sellers/rolling.ts';

const SEED = 20170102;
const { values } = parseArgs({ options: { cache: { type: 'string', default: '/tmp/sellers-explore' }, only: { type: 'string' }, origins: { type: 'string', default: '5' }, step: { type: 'string', default: '2' }, reference: { type: 'string', default: 'naive: collection adds 90 days' } } });
const cache = values.cache!;
mkdirSync(cache, { recursive: true });

const FORESTS: Record<string, ForestConfig> = {
	'forest d4 400': { trees: 150, maxDepth: 4, minNumSamples: 3, perClass: 400, maxBins: 16 },
	'forest d6 1500 leaf50': { trees: 150, maxDepth: 6, minNumSamples: 50, perClass: 1500, maxBins: 16 },
	'forest d12 2000 leaf100': { trees: 100, maxDepth: 12, minNumSamples: 100, perClass: 2000, maxBins: 16 },
	'forest d12 2000 leaf200': { trees: 100, maxDepth: 12, minNumSamples: 200, perClass: 2000, maxBins: 16 }
};
const only = values.only ? new Set(values.only.split(',')) : null;

const t0 = performance.now();
const market = buildMarket(TRAINING_MARKET);
const plan = planSplit(market);
const origins = rollingOrigins(plan, Number(values.origins), Number(values.step));
const all = ALL_FEATURES.map((_, j) => j);
const ordersCol = [ALL_FEATURES.indexOf('orders_3m')];
console.log(`market built in ${((performance.now() - t0) / 1000).toFixed(0)} s; origins ${origins.map((o) => `${monthLabel(o.month)} (train to ${monthLabel(o.trainTo)})`).join(', ')}`);

const file = (name: string, month: number) => join(cache, `${name.replace(/[^a-z0-9]+/gi, '_')}-${month}.bin`);
const scored: Record<string, ScoredMonth[]> = {};
const ys = origins.map((o) => market.months.get(o.month)!.y);
const put = (name: string, i: number, score: Float64Array) => {
	(scored[name] ??= [])[i] = { y: ys[i], score };
};
origins.forEach((o, i) => {
	put('naive: collection adds 90 days', i, market.months.get(o.month)!.recentAdds);
	put('naive: orders 3 months', i, stack(market, o.month, o.month, ordersCol).X);
});

async function candidate(name: string, train: (o: (typeof origins)[number]) => Promise<Float64Array>) {
	for (let i = 0; i < origins.length; i++) {
		const f = file(name, origins[i].month);
		if (existsSync(f)) put(name, i, new Float64Array(readFileSync(f).buffer.slice(0)));
		else if (!only || only.has(name)) {
			const s = performance.now();
			const score = await train(origins[i]);
			writeFileSync(f, Buffer.from(score.buffer));
			put(name, i, score);
			console.log(`  ${name} on ${monthLabel(origins[i].month)}: ${((performance.now() - s) / 1000).toFixed(0)} s`);
		}
	}
}

for (const [name, config] of Object.entries(FORESTS)) {
	await candidate(name, async (o) => {
		const tr = stack(market, market.firstMonth, o.trainTo, all);
		const va = stack(market, o.month, o.month, all);
		return predictOutput(trainSellerForest(tr.X, tr.y, tr.width, config, SEED), va.X, va.n);
	});
}
await candidate('network 16-8', async (o) => {
	const tr = stack(market, market.firstMonth, o.trainTo, all);
	const va = stack(market, o.month, o.month, all);
	return (await trainNetwork(tr.X, tr.y, tr.width, SEED)).predict(va.X, va.n);
});

const blend = (name: string, parts: string[], weights?: number[]) => {
	if (!parts.every((p) => scored[p]?.length === origins.length)) return;
	scored[name] = origins.map((_, i) => {
		const ranks = parts.map((p) => rankScale(scored[p][i].score));
		const w = weights ?? parts.map(() => 1 / parts.length);
		return { y: ys[i], score: Float64Array.from(ranks[0], (_, j) => ranks.reduce((s, r, k) => s + w[k] * r[j], 0)) };
	});
};
blend('blend: forest d4 + network', ['forest d4 400', 'network 16-8']);
blend('blend: forest d4 + collection adds', ['forest d4 400', 'naive: collection adds 90 days']);
blend('blend: forest d6 + network', ['forest d6 1500 leaf50', 'network 16-8']);

const positives = ys.map((y) => y.reduce((s, v) => s + v, 0));
console.log(`validation months ${origins.map((o) => monthLabel(o.month)).join(', ')}: ${ys.reduce((s, y) => s + y.length, 0)} rows, ${positives.join(' + ')} = ${positives.reduce((a, b) => a + b, 0)} positives`);
const base = values.reference!;
for (const [name, months] of Object.entries(scored)) {
	const s = summarise(months);
	const line = `${name.padEnd(36)} PR AUC ${s.meanPrAuc.toFixed(4)} [${s.prAuc.map((v) => v.toFixed(3)).join(' ')}]  P@100 ${s.meanPrecisionAtK.toFixed(3)} [${s.precisionAtK.map((v) => v.toFixed(2)).join(' ')}]`;
	if (name === base) {
		console.log(line);
		continue;
	}
	const d1 = rollingBootstrap(months, scored[base], 'prAuc', { seed: SEED, resamples: 300 });
	const d2 = rollingBootstrap(months, scored[base], 'precisionAtK', { seed: SEED, resamples: 300 });
	console.log(`${line}  vs ${base}: PR ${d1.difference.toFixed(4)} [${d1.low.toFixed(4)}, ${d1.high.toFixed(4)}] P@100 ${d2.difference.toFixed(3)} [${d2.low.toFixed(3)}, ${d2.high.toFixed(3)}]`);
}
console.log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
