/**
 * Step 2 of the seller finder's training: the shipped forests (the chosen one, and the 12-feature
 * one for the per-user layout) trained on the training months, calibrated on the calibration month
 * and scored once on the test month.
 */
import { calibrateMany } from '../../../src/lib/core/calibration.ts';
import type { FlatForest } from '../../../src/lib/core/forest/flat.ts';
import { predictOutput } from '../../../src/lib/core/forest/predict.ts';
import { monthLabel } from '../../../src/lib/sellers/calendar.ts';
import { ORIGINAL_FEATURES } from '../../../src/lib/sellers/features.ts';
import { stack, type SplitPlan, type TrainingMarket } from './data.ts';
import { chooseCalibration, measureCountSpread } from './evaluate.ts';
import { trainSellerForest, type ForestConfig } from './forest.ts';
import { columnsOf, SEED, SPREAD } from './settings.ts';

type StackedRows = ReturnType<typeof stack>;

/** One shipped forest with its calibration, and the rows it was trained, calibrated and tested on. */
export interface FittedForest {
	names: readonly string[];
	cols: number[];
	flat: FlatForest;
	choice: ReturnType<typeof chooseCalibration>;
	countSpread: number;
	tr: StackedRows;
	cal: StackedRows;
	te: StackedRows;
	/** The forest's own scores on the test month. */
	rawTest: Float64Array;
	/** Calibrated probabilities on the test month. */
	pTest: Float64Array;
}

function fitForest(market: TrainingMarket, plan: SplitPlan, names: readonly string[], config: ForestConfig): FittedForest {
	const cols = columnsOf(names);
	const tr = stack(market, plan.train[0], plan.train[1], cols);
	const flat = trainSellerForest(tr.X, tr.y, tr.width, config, SEED + 1);
	const cal = stack(market, plan.calibration, plan.calibration, cols);
	const calScores = predictOutput(flat, cal.X, cal.n);
	const choice = chooseCalibration(calScores, cal.y, SEED);
	const countSpread = measureCountSpread(calScores, cal.y, choice.method, { ...SPREAD, seed: SEED });
	const te = stack(market, plan.test, plan.test, cols);
	const rawTest = predictOutput(flat, te.X, te.n);
	const pTest = calibrateMany(choice.calibration, rawTest);
	return { names, cols, flat, choice, countSpread, tr, cal, te, rawTest, pTest };
}

/** The chosen forest on `features`, and the per-user one on the original 12 (the same when those are the features). */
export function fitShippedForests(market: TrainingMarket, plan: SplitPlan, features: readonly string[], config: ForestConfig): { main: FittedForest; perUser: FittedForest } {
	const main = fitForest(market, plan, features, config);
	const perUser = features.length === ORIGINAL_FEATURES.length ? main : fitForest(market, plan, ORIGINAL_FEATURES, config);
	console.log(`calibration: ${main.choice.method} (on halves of ${monthLabel(plan.calibration)}: error of the top lists' counts, isotonic ${main.choice.heldOutListError.isotonic}, Platt ${main.choice.heldOutListError.platt}; log loss, isotonic ${main.choice.heldOutLogLoss.isotonic}, Platt ${main.choice.heldOutLogLoss.platt})`);
	return { main, perUser };
}
