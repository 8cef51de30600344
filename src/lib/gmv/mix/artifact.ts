/** The budget planner's artifact (model-artifacts/gmv/planner.json): what `npm run train -- --only gmv-planner` writes. */
import type { ArtifactHeader, RegressionReport } from '../../core/artifact/types';
import type { ObservedMonth } from './data';
import type { MixGroup, MixParams } from './response';

export const PLANNER_MODEL_ID = 'planner';

export interface PlannerArtifact extends ArtifactHeader<RegressionReport> {
	modelId: typeof PLANNER_MODEL_ID;
	groups: MixGroup[];
	/** The fit on the training weeks (the one the held-out figures describe). */
	params: MixParams;
	/** Refits on moving-block bootstrap resamples of the training weeks: the spread of what the data allows. */
	bootstrap: MixParams[];
	/**
	 * Actual / predicted weekly GMV on the validation weeks (from the fit that had not seen them): its
	 * 10th and 90th percentiles widen a prediction into an 80% range.
	 */
	residualRatio: { low: number; high: number };
	/** The 80% weekly range's coverage measured on the held-out test weeks. */
	coverage: { nominal: number; held: number; weeks: number };
	/** The months of the data with their budgets and GMV (complete ones only are compared with plans). */
	months: ObservedMonth[];
	/** Sale weeks in an average month of the data. */
	typicalSaleWeeks: number;
	/** Correlation of the channels' monthly spend over the year (the measurement behind the groups). */
	correlation: { channels: string[]; matrix: number[][] };
}
