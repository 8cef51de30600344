/**
 * The GMV budget planner's response model (src/lib/gmv/mix): marketplace weekly GMV against spend by
 * group of channels, with carry-over and saturation. Channels are grouped by the correlation of their
 * monthly spend; the number of groups and the ridge are chosen on validation weeks 34-43 (fitted on
 * the weeks before), the shipped fit uses weeks 1-43 and is tested once on weeks 44-53 beside naive
 * baselines. Moving-block bootstrap refits give the planner its uncertainty. Seeded and deterministic.
 * Each step below is a module of gmv-planner/ (settings.ts holds the split, the choices and the seed).
 */
import { join } from 'node:path';
import type { PlannerArtifact } from '../../src/lib/gmv/mix/artifact.ts';
import { buildPlannerArtifact } from './gmv-planner/artifact.ts';
import { plannerFiles, readWeeksAndBudgets } from './gmv-planner/data.ts';
import { fitShippedModel, validationResidualRatio } from './gmv-planner/fit.ts';
import { correlateChannels } from './gmv-planner/grouping.ts';
import { chooseGroupsAndRidge, shippedGrouping } from './gmv-planner/selection.ts';
import { measureTestWeeks } from './gmv-planner/test-weeks.ts';
import { writeArtifact } from './io.ts';

/** Train the budget planner on eleckart/ under `dataDir`; writes gmv/planner.json under `outDir`. */
export async function trainGmvPlanner(opts: { dataDir: string; outDir: string }) {
	const files = plannerFiles(opts.dataDir);
	// 1. Weekly marketplace totals and monthly budgets.
	const { weeks, monthlyBudget } = readWeeksAndBudgets(files);
	// 2. Channel correlation over the 12 months, from which the groups of channels are made.
	const channels = correlateChannels(monthlyBudget);
	// 3. The number of groups and the ridge, chosen on the validation weeks (fitted on the weeks before them).
	const shipped = shippedGrouping(weeks, channels, chooseGroupsAndRidge(weeks, channels));
	// 4. Validation residual ratios (from the fit that had not seen the validation weeks): the 80% range.
	const residualRatio = validationResidualRatio(weeks, shipped);
	// 5. The shipped fit (weeks 1-43) and its bootstrap refits.
	const fit = fitShippedModel(weeks, shipped);
	// 6. The test weeks, once, beside the naive forecasts; the 80% range's coverage.
	const test = measureTestWeeks(weeks, shipped, fit, residualRatio);
	// 7. The artifact.
	await writeArtifact<PlannerArtifact>(join(opts.outDir, 'gmv', 'planner.json'), buildPlannerArtifact({ files, weeks, monthlyBudget, channels, shipped, fit, residualRatio, test }));
}
