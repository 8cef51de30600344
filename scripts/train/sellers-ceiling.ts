/**
 * Seller finder: how much better could any model rank, on this synthetic marketplace? Trains the
 * shipped forest shape twice on the same months: once on the 24 features (as shipped), once with
 * each user's hidden traits from the simulation added (engagement, focus, the main category's
 * demand, the share of active months: what no activity log shows). The second is a ceiling for
 * what features can add; the rest is the simulation's own chance (who lists when, how well they
 * sell). Judged on rolling validation months and on the test month, against the naive rule
 * "collection adds, last 90 days". Not part of `npm run train`; it chooses nothing.
 *
 *   npx tsx scripts/train/sellers-ceiling.ts [--origins 5] [--step 2]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { predictOutput } from '../../src/lib/core/forest/predict.ts';
import { monthLabel } from '../../src/lib/sellers/calendar.ts';
import { ALL_FEATURES } from '../../src/lib/sellers/features.ts';
import type { UserTraits } from '../../src/lib/sellers/generator.ts';
import { TRAINING_MARKET } from './sellers.ts';
import { buildMarket, planSplit, stack, type TrainingMarket } from './sellers/data.ts';
import { trainSellerForest, type ForestConfig } from './sellers/forest.ts';
import { GAP, rollingBootstrap, rollingOrigins, summarise, type Origin, type ScoredMonth } from './sellers/rolling.ts';

const SEED = 20170102;
const { values } = parseArgs({ options: { origins: { type: 'string', default: '5' }, step: { type: 'string', default: '2' } } });

const started = performance.now();
const traits: UserTraits[] = [];
const market = buildMarket(TRAINING_MARKET, (user, t) => (traits[user] = t));
const plan = planSplit(market);
const validation = rollingOrigins(plan, Number(values.origins), Number(values.step));
const test: Origin = { month: plan.test, trainTo: plan.test - GAP };
const all = ALL_FEATURES.map((_, j) => j);
/** The shipped forest's shape, as its artifact records it. */
const shipped = JSON.parse(readFileSync('model-artifacts/sellers/model.json', 'utf8')).hyperparameters;
const SHAPE: ForestConfig = { trees: shipped.trees, maxDepth: shipped.maxDepth, minNumSamples: shipped.minNumSamples, perClass: shipped.rowsPerClassPerTree, maxBins: shipped.trainingBins };
const TRAIT_COLUMNS = ['logEngagement', 'focus', 'logMainDemand', 'activeShare'] as const;

/** The months' rows, with the users' hidden traits appended when `withTraits`. */
function rows(m: TrainingMarket, from: number, to: number, withTraits: boolean) {
	const base = stack(m, from, to, all);
	if (!withTraits) return base;
	const width = base.width + TRAIT_COLUMNS.length;
	const X = new Float64Array(base.n * width);
	let r = 0;
	for (let t = from; t <= to; t++) {
		for (const u of m.months.get(t)!.table.users) {
			X.set(base.X.subarray(r * base.width, (r + 1) * base.width), r * width);
			TRAIT_COLUMNS.forEach((c, k) => (X[r * width + base.width + k] = traits[u][c]));
			r++;
		}
	}
	return { ...base, X, width };
}

function score(o: Origin, withTraits: boolean): ScoredMonth {
	const tr = rows(market, market.firstMonth, o.trainTo, withTraits);
	const te = rows(market, o.month, o.month, withTraits);
	const forest = trainSellerForest(tr.X, tr.y, tr.width, SHAPE, SEED);
	return { y: te.y, score: predictOutput(forest, te.X, te.n) };
}

function report(title: string, origins: Origin[]) {
	const naive = origins.map((o) => ({ y: market.months.get(o.month)!.y, score: market.months.get(o.month)!.recentAdds }));
	const shipped = origins.map((o) => score(o, false));
	const ceiling = origins.map((o) => score(o, true));
	console.log(`\n${title}: ${origins.map((o) => `${monthLabel(o.month)} (trained to ${monthLabel(o.trainTo)})`).join(', ')}`);
	console.log('| ranking | P@100 per month | mean | - naive [95%] | PR AUC mean | - naive [95%] |');
	console.log('| --- | --- | --- | --- | --- | --- |');
	for (const [name, months] of [['naive: collection adds, 90 days', naive], ['forest, 24 features (shipped shape)', shipped], ['forest, 24 features + hidden traits', ceiling]] as const) {
		const s = summarise(months);
		const vs = (metric: 'precisionAtK' | 'prAuc', digits: number) => {
			if (months === naive) return '';
			const d = rollingBootstrap(months, naive, metric, { seed: SEED, resamples: 1000 });
			return `${d.difference >= 0 ? '+' : ''}${d.difference.toFixed(digits)} [${d.low.toFixed(digits)}, ${d.high.toFixed(digits)}]`;
		};
		console.log(`| ${name} | ${s.precisionAtK.map((v) => v.toFixed(2)).join(' ')} | ${s.meanPrecisionAtK.toFixed(3)} | ${vs('precisionAtK', 3)} | ${s.meanPrAuc.toFixed(4)} | ${vs('prAuc', 4)} |`);
	}
}

report('Validation months', validation);
report('Test month', [test]);
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
