/**
 * Step 4 of the seller finder's training: coverage of "how many sellers to expect" on the held-out
 * months after calibration.
 */
import { calibrateMany } from '../../../src/lib/core/calibration.ts';
import { predictOutput } from '../../../src/lib/core/forest/predict.ts';
import { printTable } from '../io.ts';
import { stack, type SplitPlan, type TrainingMarket } from './data.ts';
import { measureCoverage } from './evaluate.ts';
import type { FittedForest } from './final.ts';
import { COVERAGE, SEED, SPREAD } from './settings.ts';

export type CoverageRows = ReturnType<typeof measureCoverage>;

/** The shipped forest's lists on every coverage month, against the interval it states (logs the spread and a table). */
export function measureListCoverage(market: TrainingMarket, plan: SplitPlan, main: FittedForest): CoverageRows {
	console.log(`calibration spread (log-scale SD of a list's expected count over ${SPREAD.resamples} refits): ${main.countSpread}`);
	const coverageRows = measureCoverage(
		market,
		plan.coverage,
		(m) => {
			const forestScore = predictOutput(main.flat, stack(market, m.month, m.month, main.cols).X, m.y.length);
			return { forestScore, probability: calibrateMany(main.choice.calibration, forestScore) };
		},
		{ ...COVERAGE, seed: SEED, spread: main.countSpread }
	);
	printTable(coverageRows.map((r) => ({ 'list size': r.size, lists: r.lists, covered: r.covered, rate: r.rate, 'mean expected': r.meanExpected, 'mean actual': r.meanActual })));
	return coverageRows;
}
