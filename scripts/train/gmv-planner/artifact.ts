/**
 * Step 7 of the budget planner's training: model-artifacts/gmv/planner.json: the groups, the
 * shipped and bootstrap parameters, the 80% range, the observed months, the channels' correlation
 * and the held-out report.
 */
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type InputRange } from '../../../src/lib/core/artifact/types.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import { GMV_TOOL } from '../../../src/lib/gmv/artifacts.ts';
import { PLANNER_MODEL_ID, type PlannerArtifact } from '../../../src/lib/gmv/mix/artifact.ts';
import { observedMonths } from '../../../src/lib/gmv/mix/data.ts';
import { BOUNDS } from '../../../src/lib/gmv/mix/fit.ts';
import type { MixParams } from '../../../src/lib/gmv/mix/response.ts';
import { CHANNELS } from '../../../src/lib/gmv/schema.ts';
import { hashFiles, round } from '../io.ts';
import type { MonthlyBudget, PlannerFiles, PlannerWeeks } from './data.ts';
import type { ResidualRatio, ShippedFit } from './fit.ts';
import type { ChannelCorrelation } from './grouping.ts';
import type { ShippedGrouping } from './selection.ts';
import { BOOTSTRAP, CHOICES, FIRST_TEST_WEEK, FIRST_VALIDATION_WEEK, SAMPLES, SEED, VERSION } from './settings.ts';
import { roundPlannerMetrics, type PlannerTestWeeks } from './test-weeks.ts';

/** Everything the planner's training found, as the artifact is built from it. */
export interface PlannerTraining {
	files: PlannerFiles;
	weeks: PlannerWeeks;
	monthlyBudget: MonthlyBudget;
	channels: ChannelCorrelation;
	shipped: ShippedGrouping;
	fit: ShippedFit;
	residualRatio: ResidualRatio;
	test: PlannerTestWeeks;
}

/** The planner's artifact, its content hash still empty (writeArtifact fills it). */
export function buildPlannerArtifact({ files, weeks: { weeks, gaps }, monthlyBudget, channels, shipped: { chosen, groups }, fit: { params, bootstrap }, residualRatio, test }: PlannerTraining): PlannerArtifact {
	const { trainRows, testRows, model, baselines, vsBest: d, held } = test;
	const months = observedMonths(weeks, monthlyBudget, groups);
	const saleWeeksAll = weeks.filter((w) => !w.gap);
	const inputRanges: Record<string, InputRange> = Object.fromEntries(
		groups.map((g, i) => {
			const v = months.map((m) => m.byGroup[i]);
			return [g.id, { min: Math.min(...v), max: Math.max(...v), p01: quantile(v, 0.01), p99: quantile(v, 0.99) }];
		})
	);
	return {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GMV_TOOL,
		modelId: PLANNER_MODEL_ID,
		version: VERSION,
		modelKind: 'marketing-mix-response',
		label: `Marketing-mix response, ${groups.length} channel groups`,
		features: groups.map((g) => g.id),
		inputRanges,
		provenance: {
			source: 'ElecKart weekly market-mix data (Indian consumer-electronics marketplace), July 2015 to June 2016: the 14 sub-categories’ weekly GMV added up, with weekly marketing spend by channel and sale weeks; monthly media investment.',
			licence: 'From a public course capstone; no licence stated. Used for training and evaluation only; no rows are shipped.',
			synthetic: false,
			rows: weeks.length,
			period: ['2015-07-01', '2016-06-30'],
			split: `Time split: weeks 1-${FIRST_TEST_WEEK - 1} fitted (choices made by fitting weeks 1-${FIRST_VALIDATION_WEEK - 1} and scoring ${FIRST_VALIDATION_WEEK}-${FIRST_TEST_WEEK - 1}), weeks ${FIRST_TEST_WEEK}-${weeks.at(-1)!.week} held out. Weeks ${gaps.join(', ')} are gaps in the data (almost no rows) and are not fitted.`,
			trainRows: trainRows.length,
			testRows: testRows.length,
			dataHash: hashFiles([files.weekly, files.media])
		},
		metrics: {
			task: 'regression',
			rowNoun: { one: 'week', many: 'weeks' },
			model: roundPlannerMetrics(model),
			baselines,
			comparisons: [],
			headline: { metric: 'wape', lowerIsBetter: true },
			vsBestBaseline: { metric: d.metric, baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
		},
		hyperparameters: {
			target: 'the marketplace’s weekly GMV (all sub-categories), rupees',
			groups: groups.length,
			grouping: 'average-linkage clustering of channels on 1 − correlation of monthly spend',
			ridge: chosen.ridge,
			chosenFrom: `groups ${CHOICES.groups.join(', ')} × ridge ${CHOICES.ridge.join(', ')}`,
			chosenOn: `validation weeks ${FIRST_VALIDATION_WEEK}-${FIRST_TEST_WEEK - 1} (fitted on weeks 1-${FIRST_VALIDATION_WEEK - 1})`,
			adstock: `geometric, normalised; carry-over ${BOUNDS.decay[0]}-${BOUNDS.decay[1]} a week`,
			saturation: `Hill, shape ${BOUNDS.shape[0]}-${BOUNDS.shape[1]} (concave), half-saturation ${BOUNDS.halfSatShare[0]}-${BOUNDS.halfSatShare[1]} × the group’s largest weekly spend`,
			search: `${SAMPLES} seeded random candidates, then coordinate refinement; base, sale lift and ceilings by least squares kept ≥ 0`,
			bootstrap: `${BOOTSTRAP.refits} refits on moving blocks of ${BOOTSTRAP.block} weeks`,
			seed: SEED
		},
		groups,
		params: roundParams(params),
		bootstrap: bootstrap.map(roundParams),
		residualRatio,
		coverage: { nominal: 0.8, held, weeks: testRows.length },
		months: months.map((m) => ({ ...m, budget: round(m.budget, 6), byGroup: m.byGroup.map((v) => round(v, 6)), gmv: round(m.gmv, 8), saleWeeks: round(m.saleWeeks, 4) })),
		typicalSaleWeeks: round((saleWeeksAll.filter((w) => w.sale).length / saleWeeksAll.length) * 4.3, 3),
		correlation: { channels: [...CHANNELS], matrix: channels.matrix.map((r) => r.map((v) => round(v, 3))) },
		contentHash: ''
	};
}

/** Parameters to 6 significant digits, as the artifact carries them. */
function roundParams(p: MixParams): MixParams {
	const r = (v: number) => round(v, 6);
	return { base: r(p.base), saleLift: r(p.saleLift), decay: p.decay.map(r), halfSat: p.halfSat.map(r), shape: p.shape.map(r), ceiling: p.ceiling.map(r) };
}
