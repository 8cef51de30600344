/**
 * The deal models on the test launches: the chosen forest fitted on the fit launches and calibrated
 * on validation launches, a logistic model on the same features, and the item's fill rate alone.
 */
import type { ClassificationMetrics } from '../../../../src/lib/core/artifact/types.ts';
import { calibrateMany, type Calibration } from '../../../../src/lib/core/calibration.ts';
import type { FlatForest } from '../../../../src/lib/core/forest/flat.ts';
import { predictOutput } from '../../../../src/lib/core/forest/predict.ts';
import { fitLogistic, predictLogistic, type LogisticModel } from '../../../../src/lib/core/logistic.ts';
import { classificationMetrics } from '../../../../src/lib/core/metrics/classification.ts';
import { allDealFeatures, logisticInputs, type DealEncoders } from '../../../../src/lib/group-buy/deal.ts';
import { chooseCalibration } from './calibration.ts';
import type { DealLaunches } from './data.ts';
import { flatRows, forestScores, rowsOf, type Rows } from './rows.ts';
import type { DealChoice } from './selection.ts';
import { FOREST } from './settings.ts';

/** The fitted models, each one's probabilities and metrics on the test launches. */
export interface DealModels {
	encoders: DealEncoders;
	testRows: Rows;
	flat: FlatForest;
	forestSeconds: number;
	calibration: Calibration;
	forestP: Float64Array;
	forestMetrics: ClassificationMetrics;
	logistic: LogisticModel;
	logisticP: number[];
	logisticMetrics: ClassificationMetrics;
	/** The item's (shrunk) fill rate, as the naive baseline's probability. */
	itemRate: number[];
	itemRateMetrics: ClassificationMetrics;
}

/** Fit the chosen forest, its calibration and the logistic model, and score them and the item's fill rate on the test launches. */
export function fitDealModels({ split, base, fit, validation, known }: DealLaunches, { features, chosen }: DealChoice): DealModels {
	// The forest on the fit launches; calibration chosen and fitted on validation launches.
	const t0 = performance.now();
	const encoders: DealEncoders = { ...base, features };
	const fitRows = rowsOf(fit, known, encoders);
	const valRows = rowsOf(validation, known, encoders);
	const testRows = rowsOf(split.test, known, encoders);
	const { flat, scores: valScores } = forestScores(valRows, fitRows, { trees: FOREST.trees, perClass: chosen.perClass, minNumSamples: chosen.minNumSamples });
	const forestSeconds = (performance.now() - t0) / 1000;
	const calibration = chooseCalibration(valScores, valRows.y);
	const testScores = predictOutput(flat, flatRows(testRows.X), testRows.y.length);
	const forestP = calibrateMany(calibration, testScores);
	const forestMetrics = classificationMetrics(testRows.y, forestP);

	// Logistic model on the same features (counts as log1p), fitted on the fit launches.
	const logistic = fitLogistic(Float64Array.from(fitRows.X.flatMap((r) => logisticInputs(r, features))), fitRows.y, features.length, { l2: 1e-6 });
	const logisticP = testRows.X.map((r) => predictLogistic(logistic, logisticInputs(r, features)));
	const logisticMetrics = classificationMetrics(testRows.y, logisticP);

	// Naive baseline: the item's (shrunk) fill rate alone.
	const itemRate = split.test.map((l) => allDealFeatures(known(l), base).itemFillRate);
	const itemRateMetrics = classificationMetrics(testRows.y, itemRate);
	return { encoders, testRows, flat, forestSeconds, calibration, forestP, forestMetrics, logistic, logisticP, logisticMetrics, itemRate, itemRateMetrics };
}
