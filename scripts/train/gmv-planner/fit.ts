/**
 * Steps 4 and 5 of the budget planner's training: the 80% range's residual ratios from the fit that
 * had not seen the validation weeks, and the shipped fit (weeks 1-43) with its moving-block bootstrap
 * refits, which give the planner its uncertainty.
 */
import { quantile } from '../../../src/lib/core/metrics.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import type { WeekTotal } from '../../../src/lib/gmv/mix/data.ts';
import { fitMix } from '../../../src/lib/gmv/mix/fit.ts';
import { weeklyGmv, type MixParams } from '../../../src/lib/gmv/mix/response.ts';
import { round } from '../io.ts';
import type { PlannerWeeks } from './data.ts';
import type { ShippedGrouping } from './selection.ts';
import { BOOTSTRAP, FIRST_TEST_WEEK, FIRST_VALIDATION_WEEK, SEED } from './settings.ts';

/** The 10th and 90th percentiles of actual / predicted GMV on the validation weeks. */
export interface ResidualRatio {
	low: number;
	high: number;
}

/** The shipped parameters and the bootstrap refits beside them. */
export interface ShippedFit {
	params: MixParams;
	bootstrap: MixParams[];
}

/** Actual / predicted GMV on the validation weeks, predicted by a fit on the weeks before them: the 80% range's ratios. */
export function validationResidualRatio(weeks: PlannerWeeks, { data, fitOpts }: ShippedGrouping): ResidualRatio {
	const early = fitMix(data, { ...fitOpts, weights: weeks.weightsFor(1, FIRST_VALIDATION_WEEK) }).params;
	const earlyPred = weeklyGmv(early, data.spend, weeks.sale);
	const ratios = weeks.rowsIn(FIRST_VALIDATION_WEEK, FIRST_TEST_WEEK).map((i) => weeks.gmv[i] / earlyPred[i]);
	return { low: round(quantile(ratios, 0.1), 6), high: round(quantile(ratios, 0.9), 6) };
}

/** The fit on every training week (1-43) and its refits on moving-block bootstrap resamples of them. */
export function fitShippedModel(weeks: PlannerWeeks, { data, fitOpts }: ShippedGrouping): ShippedFit {
	const trainWeights = weeks.weightsFor(1, FIRST_TEST_WEEK);
	const { params } = fitMix(data, { ...fitOpts, weights: trainWeights });
	const bootstrap = blockBootstrap(weeks.weeks, trainWeights, (weights, b) => fitMix(data, { ...fitOpts, weights, seed: SEED + 1 + b }).params);
	return { params, bootstrap };
}

/** Refits on moving-block bootstrap resamples of the fitted weeks (weights = how often a week was drawn). */
function blockBootstrap(weeks: readonly WeekTotal[], base: Float64Array, refit: (weights: Float64Array, b: number) => MixParams): MixParams[] {
	const rows = [...base.keys()].filter((i) => base[i] > 0);
	const random = seededRandom(SEED ^ 0x5eed);
	const out: MixParams[] = [];
	for (let b = 0; b < BOOTSTRAP.refits; b++) {
		const weights = new Float64Array(weeks.length);
		while (weights.reduce((a, v) => a + v, 0) < rows.length) {
			const start = Math.floor(random() * (rows.length - BOOTSTRAP.block + 1));
			for (let j = 0; j < BOOTSTRAP.block; j++) weights[rows[start + j]] += 1;
		}
		out.push(refit(weights, b));
	}
	return out;
}
