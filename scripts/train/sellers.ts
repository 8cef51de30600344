/**
 * Seller finder: a balanced random forest (ml-random-forest, flat form) on the synthetic marketplace
 * (src/lib/sellers/generator.ts), chosen on the validation months by SELECTION_RULE, calibrated on a later month, tested
 * once on the last labelable month beside two naive baselines, a TensorFlow.js network and
 * scikit-learn (reference, when its figures match these features). Also writes the demo
 * marketplace's analysis for the page's first view. See sellers/data.ts for the split and
 * sellers/settings.ts for the candidates, the rule and the seed; each step below is a module of
 * sellers/.
 */
import { join } from 'node:path';
import { monthLabel } from '../../src/lib/sellers/calendar.ts';
import { SELLERS_TOOL } from '../../src/lib/sellers/model.ts';
import { writeArtifact } from './io.ts';
import { buildSellersArtifact } from './sellers/artifact.ts';
import { measureListCoverage } from './sellers/coverage.ts';
import { buildMarket, describeSplit, planSplit, type SplitPlan, type TrainingMarket } from './sellers/data.ts';
import { writeDemo } from './sellers/demo.ts';
import { calibratedMetricsOf } from './sellers/evaluate.ts';
import { fitShippedForests } from './sellers/final.ts';
import { chooseLeafRounding, compareCandidates } from './sellers/selection.ts';
import { FEATURE_SETS, TRAINING_MARKET, TREES } from './sellers/settings.ts';
import { compareOnTestMonth, measureBaselines, trainComparisons } from './sellers/test-month.ts';

export { SELECTION_RULE, TRAINING_MARKET } from './sellers/settings.ts';

/** Rows and positives of months `from`..`to`, for the log. */
function describeRows(market: TrainingMarket, from: number, to: number): string {
	let p = 0;
	let n = 0;
	for (let t = from; t <= to; t++) {
		const m = market.months.get(t)!;
		n += m.y.length;
		p += m.y.reduce((s, v) => s + v, 0);
	}
	return `${n.toLocaleString('en-US')} rows, ${p} positive (${((100 * p) / n).toFixed(2)}%)`;
}

/** The training marketplace generated in memory and split by time (logs its size and the split). */
function buildAndSplitMarket(started: number): { market: TrainingMarket; plan: SplitPlan } {
	const market = buildMarket(TRAINING_MARKET);
	const plan = planSplit(market);
	console.log(`synthetic marketplace: ${market.truth.users.toLocaleString('en-US')} users, ${market.data.log.n.toLocaleString('en-US')} events, ${monthLabel(TRAINING_MARKET.startMonth)}..${monthLabel(TRAINING_MARKET.startMonth + TRAINING_MARKET.months - 1)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	console.log(describeSplit(plan));
	const rows = (from: number, to: number) => describeRows(market, from, to);
	console.log(`train ${rows(plan.train[0], plan.train[1])}; validation ${rows(plan.validation[0], plan.validation[1])}; calibration ${rows(plan.calibration, plan.calibration)}; test ${rows(plan.test, plan.test)}`);
	return { market, plan };
}

export async function trainSellers(opts: { outDir: string; exportFeaturesDir?: string }) {
	const started = performance.now();
	const { market, plan } = buildAndSplitMarket(started);

	// 1. Choose the features and the forest's shape on the validation months (rule: SELECTION_RULE), then whether leaves are rounded.
	const choice = compareCandidates(market, plan);
	const leafRounding = chooseLeafRounding(market, plan, choice);
	const features = [...FEATURE_SETS[choice.chosen.set]];
	const config = choice.chosen.config;
	console.log(`chosen: ${choice.chosen.set} features, depth ${config.maxDepth}, leaf ${config.minNumSamples}, ${config.perClass}+${config.perClass} rows; final forest of ${TREES} trees on ${monthLabel(plan.train[0])}..${monthLabel(plan.train[1])}`);

	// 2. Final models: the chosen one, and the 12-feature one for the per-user layout.
	const { main, perUser } = fitShippedForests(market, plan, features, config);

	// 3. The test month, once: baselines, comparisons, and the model against its best baseline.
	const test = measureBaselines(market, plan, main);
	const modelMetrics = calibratedMetricsOf(main.te.y, main.rawTest, main.pTest);
	const comparisons = await trainComparisons(main, perUser, features, opts.exportFeaturesDir);
	const comparison = compareOnTestMonth(main, modelMetrics, test, comparisons);

	// 4. Coverage of "how many sellers to expect" on the held-out months after calibration.
	const coverageRows = measureListCoverage(market, plan, main);

	// 5. The artifact and the demo marketplace's analysis.
	const artifact = buildSellersArtifact({ market, plan, choice, leafRounding, main, perUser, test, modelMetrics, comparisons, comparison, coverageRows });
	const sealed = await writeArtifact(join(opts.outDir, SELLERS_TOOL, 'model.json'), artifact);
	await writeDemo(opts.outDir, sealed);
	console.log(`sellers trained in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
