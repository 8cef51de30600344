/**
 * GMV predictions from a shipped model, in the browser or a worker: the forest (with a range from
 * the spread of its trees and an explanation of each input's push), or the network.
 */
import { base64ToBytes } from '../core/base64';
import { sampledShapley } from '../core/explain';
import { decodeFlatForest, type FlatForest } from '../core/forest/flat';
import { explainPrediction } from '../core/forest/explain';
import { predictForest, predictTrees } from '../core/forest/predict';
import { quantile } from '../core/metrics';
import { forwardDense, readDenseNetwork } from '../core/network/dense';
import { applyScaler, decodeTarget } from '../core/network/mlp';
import type { GmvForestArtifact, GmvModelArtifact, GmvNetworkArtifact } from './artifacts';
import { featureCount, featureGroups, featureMatrix, writeFeatures, type GmvScenario } from './features';

/** One input's push on a prediction, in rupees (positive raises it). */
export interface Contribution {
	input: string;
	rupees: number;
}

export interface GmvPrediction {
	/** Predicted weekly GMV, rupees. */
	gmv: number;
	/** 10th and 90th percentile of the trees' predictions (forest only). */
	range?: [number, number];
	/** What each input added to the model's prediction for an average training week; they add up to `gmv`. */
	explanation?: { average: number; contributions: Contribution[]; method: string };
}

export interface GmvModel {
	id: string;
	artifact: GmvModelArtifact;
	/** Weekly GMV of many scenarios at once. */
	predictMany(scenarios: readonly GmvScenario[]): Float64Array;
	/** Weekly GMV of rows already turned into features (row-major). */
	predictFeatures(features: Float64Array, nRows: number): Float64Array;
	/** One scenario, with range and explanation where the model can give them. */
	predictOne(scenario: GmvScenario): GmvPrediction;
}

export function forestModel(artifact: GmvForestArtifact): GmvModel {
	const flat: FlatForest = decodeFlatForest(base64ToBytes(artifact.forest));
	const enc = artifact.encoders;
	if (flat.nFeatures !== featureCount(enc))
		throw new Error(`the forest expects ${flat.nFeatures} features but this site builds ${featureCount(enc)}`);
	const groups = featureGroups(enc);
	const predictFeatures = (X: Float64Array, n: number) => predictForest(flat, X, n);
	return {
		id: 'forest',
		artifact,
		predictFeatures,
		predictMany: (scenarios) => predictFeatures(featureMatrix(scenarios, enc), scenarios.length),
		predictOne(scenario) {
			const row = new Float64Array(flat.nFeatures);
			writeFeatures(scenario, enc, row);
			const trees = predictTrees(flat, row);
			const e = explainPrediction(flat, row);
			const byGroup = new Map<string, number>();
			e.contributions.forEach((c, j) => byGroup.set(groups[j], (byGroup.get(groups[j]) ?? 0) + c));
			return {
				gmv: e.prediction,
				range: [quantile(trees, 0.1), quantile(trees, 0.9)],
				explanation: { average: e.bias, contributions: sortContributions(byGroup), method: 'tree paths (Saabas)' }
			};
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
	return {
		id: 'network',
		artifact,
		predictFeatures,
		predictMany: (scenarios) => predictFeatures(featureMatrix(scenarios, enc), scenarios.length),
		predictOne(scenario) {
			const row = featureMatrix([scenario], enc);
			const e = sampledShapley(predictFeatures, row, artifact.reference, groups, 64, 1);
			return {
				gmv: e.prediction,
				explanation: { average: e.reference, contributions: sortContributions(e.contributions), method: 'sampled Shapley values' }
			};
		}
	};
}

function sortContributions(byGroup: Map<string, number>): Contribution[] {
	return [...byGroup].map(([input, rupees]) => ({ input, rupees })).sort((a, b) => Math.abs(b.rupees) - Math.abs(a.rupees));
}
