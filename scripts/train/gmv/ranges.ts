/**
 * Step 7 of the GMV forecast's training: the 80% ranges of the models without recent GMV,
 * split-conformal on two calibration folds inside training. The earlier fold (weeks 24-33) is
 * predicted by both models refitted on the weeks before it. The validation weeks alone (ten spring
 * weeks) set the forest a range that held 62% of the test weeks for a nominal 80% (first shipped
 * version); twice the weeks, one of them winter, is the usual remedy: more residuals, from more of
 * the year.
 */
import { conformalCoverage, fitLogConformal, type LogConformalInterval } from '../../../src/lib/core/conformal.ts';
import { predictForest } from '../../../src/lib/core/forest/predict.ts';
import { featureMatrix } from '../../../src/lib/gmv/features.ts';
import { RECENT } from '../gmv-recent.ts';
import { round } from '../io.ts';
import { splitValidation, type GmvFeatures, type WeeklyRows } from './data.ts';
import { fitForest, type GmvForestFit } from './forest.ts';
import { predictNetwork, trainNetwork, type GmvNetworkFit } from './network.ts';
import { EARLIER_FOLD_START, VALIDATION_START } from './settings.ts';

export interface GmvRanges {
	forest: LogConformalInterval;
	network: LogConformalInterval;
}

export function roundInterval(i: LogConformalInterval): LogConformalInterval {
	const out: LogConformalInterval = { nominal: i.nominal, low: round(i.low, 8), high: round(i.high, 8), calibrationRows: i.calibrationRows };
	if (i.testCoverage !== undefined) out.testCoverage = round(i.testCoverage, 4);
	if (i.testRows !== undefined) out.testRows = i.testRows;
	return out;
}

/** Both models' predictions on the earlier fold, each refitted on the weeks before it (the forest first). */
async function predictEarlierFold(data: WeeklyRows, features: GmvFeatures, forest: GmvForestFit): Promise<{ y: number[]; forest: Float64Array; network: Float64Array }> {
	const { encoders, width } = features;
	const earlier = { fit: data.train.filter((r) => r.week < EARLIER_FOLD_START), check: data.train.filter((r) => r.week >= EARLIER_FOLD_START && r.week < VALIDATION_START) };
	const XfitEarlier = featureMatrix(earlier.fit.map((r) => r.scenario), encoders);
	const XcheckEarlier = featureMatrix(earlier.check.map((r) => r.scenario), encoders);
	const yfitEarlier = earlier.fit.map((r) => r.gmv);
	const forestEarlier = predictForest(fitForest(XfitEarlier, yfitEarlier, width, forest, forest.leafDigits), XcheckEarlier, earlier.check.length);
	const networkEarlierFit = await trainNetwork(XfitEarlier, yfitEarlier, width, encoders);
	const networkEarlier = predictNetwork(networkEarlierFit, encoders, XcheckEarlier, earlier.check.length);
	return { y: earlier.check.map((r) => r.gmv), forest: forestEarlier, network: networkEarlier };
}

/** Step 7: each model's range fitted on both folds, with its test coverage (logs what the validation weeks alone would have given). */
export async function calibrateRanges(data: WeeklyRows, features: GmvFeatures, forest: GmvForestFit, network: GmvNetworkFit): Promise<GmvRanges> {
	const { ytest } = features;
	const ycheck = splitValidation(data.train).check.map((r) => r.gmv);
	const earlier = await predictEarlierFold(data, features, forest);
	const ycalibration = [...earlier.y, ...ycheck];
	const calibrated = (earlierPred: ArrayLike<number>, validationPred: ArrayLike<number>, testPred: ArrayLike<number>): LogConformalInterval => {
		const interval = fitLogConformal(ycalibration, [...Array.from(earlierPred), ...Array.from(validationPred)], RECENT.nominal);
		return roundInterval({ ...interval, testCoverage: conformalCoverage(interval, ytest, testPred), testRows: ytest.length });
	};
	const ranges = { forest: calibrated(earlier.forest, forest.validationPred, forest.testPred), network: calibrated(earlier.network, network.validationPred, network.testPred) };
	const validationOnly = (calPred: ArrayLike<number>, testPred: ArrayLike<number>) => conformalCoverage(fitLogConformal(ycheck, calPred, RECENT.nominal), ytest, testPred).toFixed(3);
	console.log(`80% ranges calibrated on the validation weeks alone (the first shipped version), test coverage: forest ${validationOnly(forest.validationPred, forest.testPred)}, network ${validationOnly(network.validationPred, network.testPred)}`);
	return ranges;
}
