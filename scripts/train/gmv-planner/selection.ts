/**
 * Step 3 of the budget planner's training: the number of channel groups and the ridge, chosen on the
 * validation weeks by fits that have not seen them; and the grouping and fit settings that ship.
 */
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import { pick } from '../../../src/lib/core/metrics/bootstrap.ts';
import { fitMix, type MixData } from '../../../src/lib/gmv/mix/fit.ts';
import { weeklyGmv, type MixGroup } from '../../../src/lib/gmv/mix/response.ts';
import { printTable, round } from '../io.ts';
import { mixData, type PlannerWeeks } from './data.ts';
import { groupChannels, type ChannelCorrelation } from './grouping.ts';
import { CHOICES, FIRST_TEST_WEEK, FIRST_VALIDATION_WEEK, SAMPLES, SEED } from './settings.ts';

/** One candidate: `k` groups and a ridge, with its WAPE on the validation weeks. */
export interface PlannerTrial {
	k: number;
	ridge: number;
	wape: number;
}

/** The chosen grouping, the fits' data for it, and the settings every later fit shares. */
export interface ShippedGrouping {
	chosen: PlannerTrial;
	groups: MixGroup[];
	data: MixData;
	fitOpts: { seed: number; ridge: number; samples: number };
}

/**
 * Every number of groups x ridge, fitted on the weeks before validation and scored on the
 * validation weeks; the best WAPE wins, and within 0.005 of it, fewer groups and then more ridge (the
 * simpler fit). Prints the trials and the choice.
 */
export function chooseGroupsAndRidge(weeks: PlannerWeeks, channels: ChannelCorrelation): PlannerTrial {
	const { gmv, sale } = weeks;
	const validationRows = weeks.rowsIn(FIRST_VALIDATION_WEEK, FIRST_TEST_WEEK);
	const trials: PlannerTrial[] = [];
	for (const k of CHOICES.groups)
		for (const ridge of CHOICES.ridge) {
			const groups = groupChannels(channels, k);
			const data = mixData(weeks, groups);
			const { params } = fitMix(data, { weights: weeks.weightsFor(1, FIRST_VALIDATION_WEEK), seed: SEED, ridge, samples: SAMPLES });
			const pred = weeklyGmv(params, data.spend, sale);
			const m = regressionMetrics(pick(gmv, Uint32Array.from(validationRows)), pick(pred, Uint32Array.from(validationRows)));
			trials.push({ k, ridge, wape: m.wape ?? Infinity });
		}
	printTable(trials.map((t) => ({ groups: t.k, ridge: t.ridge, 'validation WAPE': round(t.wape, 4) })));
	const bestWape = Math.min(...trials.map((t) => t.wape));
	const chosen = trials.filter((t) => t.wape <= bestWape + 0.005).sort((a, b) => a.k - b.k || b.ridge - a.ridge)[0];
	console.log(`chosen: ${chosen.k} groups, ridge ${chosen.ridge} (validation WAPE ${chosen.wape.toFixed(3)})`);
	return chosen;
}

/** The chosen number of groups as groups of channels, with the data and settings of the fits that follow. */
export function shippedGrouping(weeks: PlannerWeeks, channels: ChannelCorrelation, chosen: PlannerTrial): ShippedGrouping {
	const groups = groupChannels(channels, chosen.k);
	return { chosen, groups, data: mixData(weeks, groups), fitOpts: { seed: SEED, ridge: chosen.ridge, samples: SAMPLES } };
}
