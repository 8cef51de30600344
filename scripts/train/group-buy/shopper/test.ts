/**
 * The test, once: the chosen blend refitted without each member's last basket and scored on those
 * last baskets, beside the reference script's recommenders and the embeddings alone, with the
 * blend's lead over the best of them as a paired bootstrap.
 */
import type { NamedMetrics, RankingMetrics, RankingReport } from '../../../../src/lib/core/artifact/types.ts';
import { pairedBootstrap, pick } from '../../../../src/lib/core/metrics/bootstrap.ts';
import { rankingMetrics, rankingPerUser } from '../../../../src/lib/core/metrics/ranking.ts';
import type { ReproducedFigure } from '../../../../src/lib/group-buy/artifact.ts';
import type { BlendWeights } from '../../../../src/lib/group-buy/shopper.ts';
import { printTable, round } from '../../io.ts';
import type { GroceriesData } from '../groceries.ts';
import { blendLists, fitAtCut, rankingCells, roundRanking, type Fitted } from './fit.ts';
import { reproduceReference } from './reproduced.ts';
import type { BlendChoice } from './selection.ts';
import { BOOTSTRAP_RESAMPLES, K, SEED } from './settings.ts';

/** The fit at the test cut, the reference figures reproduced on it, and the test report. */
export interface ShopperTest {
	test: Fitted;
	figures: ReproducedFigure[];
	report: RankingReport;
}

/** Refit the chosen blend without each member's last basket and score it once on those baskets (prints the table). */
export async function testBlend(g: GroceriesData, { dims, weights }: BlendChoice): Promise<ShopperTest> {
	const test = await fitAtCut(g, 1, dims, weights);
	const { figures, baselines } = reproduceReference(g, test.held);
	const lists = blendLists(test, weights);
	const model = rankingMetrics(lists, K);
	const baselineRows = baselines.map((b) => ({ ...b, metrics: rankingMetrics(b.lists, K) }));
	const tfAlone: BlendWeights = { popularity: 0, embedding: 1, rebuy: 0 };
	const isTfAlone = weights.popularity === 0 && weights.rebuy === 0;
	const tfMetrics = rankingMetrics(blendLists(test, tfAlone), K);
	const bestBaseline = baselineRows.reduce((a, b) => (b.metrics.recall! > a.metrics.recall! ? b : a));
	const per = rankingPerUser(lists, K).recall;
	const perBase = rankingPerUser(bestBaseline.lists, K).recall;
	const meanOf = (v: Float64Array) => (rows: Uint32Array) => pick(v, rows).reduce((a, b) => a + b, 0) / rows.length;
	const d = pairedBootstrap(per.length, meanOf(per), meanOf(perBase), { seed: SEED, metric: 'recall', baseline: bestBaseline.name, resamples: BOOTSTRAP_RESAMPLES })!;
	console.log(`\none shopper's top 10 on ${test.held.length.toLocaleString('en-US')} test members (last baskets):`);
	printTable([
		{ model: `Blend (pop ${weights.popularity}, emb ${weights.embedding}, re-buy ${weights.rebuy})`, ...rankingCells(model) },
		...(isTfAlone ? [] : [{ model: 'TF.js next-basket model alone', ...rankingCells(tfMetrics) }]),
		...baselineRows.map((b) => ({ model: b.name, ...rankingCells(b.metrics) }))
	]);
	console.log(`blend minus ${bestBaseline.name}, recall@10: ${d.difference.toFixed(4)} (95% paired bootstrap ${d.low.toFixed(4)} to ${d.high.toFixed(4)})`);
	const report: RankingReport = {
		task: 'ranking',
		rowNoun: { one: 'member', many: 'members' },
		model: roundRanking(model),
		baselines: baselineRows.map((b): NamedMetrics<RankingMetrics> => ({ name: b.name, description: b.description, metrics: roundRanking(b.metrics) })),
		comparisons: isTfAlone ? [] : [{ name: 'Item embeddings alone (TensorFlow.js next-basket model)', description: "The learnt model's own prediction, softmax(u C^T + b), without the blend.", role: 'shipped-model', metrics: roundRanking(tfMetrics) }],
		headline: { metric: 'recall', lowerIsBetter: false },
		vsBestBaseline: { metric: 'recall', baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
	};
	return { test, figures, report };
}
