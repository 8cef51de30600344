/**
 * GMV predictions from a shipped model, in the browser or a worker: the forest (the forecast from
 * recent sales when the scenario carries recent GMV, else the forest on the week's inputs alone), or
 * the network (inputs alone). Every prediction has a split-conformal 80% range calibrated on
 * weeks held out inside training, and an explanation of each input's push.
 */
import { conformalFactors, conformalRange, rangeEnd, type LogConformalInterval } from '../core/conformal';
import { base64ToBytes } from '../core/base64';
import { sampledShapley } from '../core/explain';
import { decodeFlatForest, type FlatForest } from '../core/forest/flat';
import { explainPrediction } from '../core/forest/explain';
import { manyRowPredictor } from '../core/forest/ranked';
import { forwardDense, readDenseNetwork } from '../core/network/dense';
import { applyScaler, decodeTarget } from '../core/network/mlp';
import type { GmvForestArtifact, GmvModelArtifact, GmvNetworkArtifact } from './artifacts';
import { featureCount, featureGroups, featureMatrix, writeFeatures, type GmvScenario } from './features';
import type { Contribution, GmvPrediction } from './prediction';
import { gmvFromLogRatio, RECENT_FEATURE_GROUPS, RECENT_FEATURES, recentBase, recentOf, writeRecentFeatures } from './recent';

export interface BatchPredictions {
	gmv: Float64Array;
	low: Float64Array;
	high: Float64Array;
	usedRecent: Uint8Array;
}

/**
 * Ranges of many predictions, each from the interval of the model that made it: `conformalRange`
 * of each, with each interval's two factors (e^low, e^high) worked out once (the same numbers).
 */
function withRanges(gmv: Float64Array, usedRecent: Uint8Array, interval: (recent: boolean) => LogConformalInterval): BatchPredictions {
	const low = new Float64Array(gmv.length);
	const high = new Float64Array(gmv.length);
	const factors = [conformalFactors(interval(false)), conformalFactors(interval(true))];
	for (let i = 0; i < gmv.length; i++) {
		const [lowFactor, highFactor] = factors[usedRecent[i] === 1 ? 1 : 0];
		low[i] = rangeEnd(lowFactor, gmv[i]);
		high[i] = rangeEnd(highFactor, gmv[i]);
	}
	return { gmv, low, high, usedRecent };
}

export interface GmvModel {
	id: string;
	artifact: GmvModelArtifact;
	/** Weekly GMV of many scenarios at once. */
	predictMany(scenarios: readonly GmvScenario[]): Float64Array;
	/** Many scenarios with their 80% ranges, and which used recent GMV (1) or the inputs alone (0). */
	predictBatch(scenarios: readonly GmvScenario[]): BatchPredictions;
	/** Weekly GMV of rows already turned into features (row-major). */
	predictFeatures(features: Float64Array, nRows: number): Float64Array;
	/** `predictBatch` of scenarios without recent GMV, from their features (row-major, as `featureMatrix` writes them). */
	predictFeatureBatch(features: Float64Array, nRows: number): BatchPredictions;
	/** The ranges of `predictFeatures`' predictions (scenarios without recent GMV): `predictFeatureBatch` from its predictions. */
	plainRanges(gmv: Float64Array): BatchPredictions;
	/** One scenario, with range and explanation where the model can give them. */
	predictOne(scenario: GmvScenario): GmvPrediction;
	/** The forest on the week's inputs (the forest model only), as `predictFeatures` walks it. */
	forest?: FlatForest;
}

const rangeOf = (interval: LogConformalInterval, gmv: number): Pick<GmvPrediction, 'range' | 'rangeCoverage'> => ({
	range: conformalRange(interval, gmv),
	rangeCoverage: { nominal: interval.nominal, testCoverage: interval.testCoverage, testRows: interval.testRows }
});

export function forestModel(artifact: GmvForestArtifact): GmvModel {
	const flat: FlatForest = decodeFlatForest(base64ToBytes(artifact.forest));
	const enc = artifact.encoders;
	if (flat.nFeatures !== featureCount(enc))
		throw new Error(`the forest expects ${flat.nFeatures} features but this site builds ${featureCount(enc)}`);
	const recent = artifact.recent;
	const recentFlat: FlatForest = decodeFlatForest(base64ToBytes(recent.forest));
	if (recentFlat.nFeatures !== RECENT_FEATURES.length)
		throw new Error(`the recent-GMV forest expects ${recentFlat.nFeatures} features but this site builds ${RECENT_FEATURES.length}`);
	const groups = featureGroups(enc);
	// Prepared for many rows on the first batch (the form's single predictions never need it).
	const predictFeatures = manyRowPredictor(flat);
	const predictRecent = manyRowPredictor(recentFlat);
	/** Scenarios with recent GMV through the recent forest, the others through the plain one. */
	const predictBatch = (scenarios: readonly GmvScenario[]): BatchPredictions => {
		const out = new Float64Array(scenarios.length);
		const usedRecent = new Uint8Array(scenarios.length);
		const withRecent: number[] = [];
		const without: number[] = [];
		scenarios.forEach((s, i) => (recentOf(s) ? withRecent : without).push(i));
		for (const i of withRecent) usedRecent[i] = 1;
		if (without.length) predictFeatures(featureMatrix(without.map((i) => scenarios[i]), enc), without.length).forEach((v, k) => (out[without[k]] = v));
		if (withRecent.length) {
			const X = new Float64Array(withRecent.length * RECENT_FEATURES.length);
			const recents = withRecent.map((i) => recentOf(scenarios[i]) as number[]);
			withRecent.forEach((i, k) => writeRecentFeatures(scenarios[i], recents[k], recent.encoders, X, k));
			predictRecent(X, withRecent.length).forEach((f, k) => (out[withRecent[k]] = gmvFromLogRatio(f, recents[k], recent.encoders.shrink)));
		}
		return withRanges(out, usedRecent, (r) => (r ? recent.interval : artifact.interval));
	};
	return {
		id: 'forest',
		artifact,
		forest: flat,
		predictFeatures,
		predictFeatureBatch: (X, n) => withRanges(predictFeatures(X, n), new Uint8Array(n), () => artifact.interval),
		plainRanges: (gmv) => withRanges(gmv, new Uint8Array(gmv.length), () => artifact.interval),
		predictBatch,
		predictMany: (scenarios) => predictBatch(scenarios).gmv,
		predictOne(scenario) {
			const r = recentOf(scenario);
			if (r) return predictFromRecent(recentFlat, recent, scenario, r);
			const row = new Float64Array(flat.nFeatures);
			writeFeatures(scenario, enc, row);
			const e = explainPrediction(flat, row);
			const byGroup = new Map<string, number>();
			e.contributions.forEach((c, j) => byGroup.set(groups[j], (byGroup.get(groups[j]) ?? 0) + c));
			return {
				gmv: e.prediction,
				...rangeOf(artifact.interval, e.prediction),
				usedRecent: false,
				heldOutWape: artifact.metrics.model.wape,
				explanation: { average: e.bias, contributions: sortContributions(byGroup), method: 'tree paths (Saabas)', startsFrom: 'an average training week' }
			};
		}
	};
}

/**
 * The forecast from recent sales, explained: the forest's tree-path contributions are in log-ratio
 * space; each is given its share of the rupee change from the recent median, so they add up exactly.
 */
function predictFromRecent(flat: FlatForest, recent: GmvForestArtifact['recent'], scenario: GmvScenario, r: number[]): GmvPrediction {
	const row = new Float64Array(RECENT_FEATURES.length);
	writeRecentFeatures(scenario, r, recent.encoders, row);
	const e = explainPrediction(flat, row);
	const gmv = gmvFromLogRatio(e.prediction, r, recent.encoders.shrink);
	const start = recentBase(r);
	const change = gmv - start;
	const terms: [string, number][] = [['Usual week-on-week change', e.bias], ...Array.from(e.contributions, (c, j): [string, number] => [RECENT_FEATURE_GROUPS[j], c])];
	const total = terms.reduce((a, [, v]) => a + v, 0);
	const byGroup = new Map<string, number>();
	for (const [group, v] of terms) byGroup.set(group, (byGroup.get(group) ?? 0) + (total === 0 ? 0 : (change * v) / total));
	return {
		gmv,
		...rangeOf(recent.interval, gmv),
		usedRecent: true,
		heldOutWape: recent.metrics.model.wape,
		explanation: {
			average: start,
			contributions: sortContributions(byGroup),
			method: 'tree paths on the ratio to the recent median, shared out in rupees',
			startsFrom: `the median of the ${r.length} recent week${r.length === 1 ? '' : 's'} given`
		}
	};
}

/** The network, run by a few lines of plain TypeScript over its tfjs weights: no TensorFlow.js download. */
export function networkModel(artifact: GmvNetworkArtifact): GmvModel {
	const layers = readDenseNetwork(artifact.network);
	const enc = artifact.encoders;
	const groups = featureGroups(enc);
	const predictFeatures = (X: Float64Array, n: number) => {
		const z = forwardDense(layers, applyScaler(X, artifact.scaler), n);
		// GMV is never negative: a network extrapolating below zero predicts zero.
		return Float64Array.from(z, (v) => Math.max(0, decodeTarget(v, artifact.target)));
	};
	const predictBatch = (scenarios: readonly GmvScenario[]) =>
		withRanges(predictFeatures(featureMatrix(scenarios, enc), scenarios.length), new Uint8Array(scenarios.length), () => artifact.interval);
	return {
		id: 'network',
		artifact,
		predictFeatures,
		predictFeatureBatch: (X, n) => withRanges(predictFeatures(X, n), new Uint8Array(n), () => artifact.interval),
		plainRanges: (gmv) => withRanges(gmv, new Uint8Array(gmv.length), () => artifact.interval),
		predictBatch,
		predictMany: (scenarios) => predictBatch(scenarios).gmv,
		predictOne(scenario) {
			const row = featureMatrix([scenario], enc);
			const e = sampledShapley(predictFeatures, row, artifact.reference, groups, 64, 1);
			return {
				gmv: e.prediction,
				...rangeOf(artifact.interval, e.prediction),
				usedRecent: false,
				heldOutWape: artifact.metrics.model.wape,
				explanation: { average: e.reference, contributions: sortContributions(e.contributions), method: 'sampled Shapley values', startsFrom: 'an average training week' }
			};
		}
	};
}

function sortContributions(byGroup: Map<string, number>): Contribution[] {
	return [...byGroup].map(([input, rupees]) => ({ input, rupees })).sort((a, b) => Math.abs(b.rupees) - Math.abs(a.rupees));
}
