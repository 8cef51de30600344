/**
 * Step 6 of the GMV forecast's training: the TensorFlow.js network on the same features, evaluated
 * with the code the browser runs (dense.ts over the serialised weights), not with tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { RegressionMetrics } from '../../../src/lib/core/artifact/types.ts';
import { regressionMetrics } from '../../../src/lib/core/metrics.ts';
import { encodeTarget, fitScaler, fitTargetTransform, serializeNetwork } from '../../../src/lib/core/network/mlp.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import type { GmvNetworkArtifact } from '../../../src/lib/gmv/artifacts.ts';
import { featureMatrix, type GmvEncoders } from '../../../src/lib/gmv/features.ts';
import { networkModel } from '../../../src/lib/gmv/predict.ts';
import { addHiddenLayers } from '../dense-layers.ts';
import { splitValidation, type GmvFeatures } from './data.ts';
import { NETWORK, SEED, type WeekRow } from './settings.ts';

export type TrainedNetwork = Awaited<ReturnType<typeof trainNetwork>>;

export interface GmvNetworkFit {
	network: TrainedNetwork;
	testPred: Float64Array;
	metrics: RegressionMetrics;
	/** Predictions on the validation weeks of the network fitted before them. */
	validationPred: Float64Array;
	seconds: number;
}

export async function trainNetwork(X: Float64Array, y: number[], width: number, enc: GmvEncoders) {
	await tf.setBackend('cpu');
	const passthrough = Array.from({ length: width }, (_, j) => j < enc.subCategories.length);
	const scaler = fitScaler(X, width, passthrough);
	const target = fitTargetTransform(y);
	const n = y.length;
	const Xs = new Float32Array(X.length);
	for (let i = 0; i < X.length; i++) Xs[i] = (X[i] - scaler.mean[i % width]) / scaler.std[i % width];
	const random = seededRandom(SEED);
	const seed = () => Math.floor(random() * 2 ** 31);
	const model = tf.sequential();
	addHiddenLayers(model, NETWORK.hidden, width, NETWORK.l2, seed);
	model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }) }));
	model.compile({ optimizer: tf.train.adam(NETWORK.learningRate), loss: 'meanSquaredError' });
	const xs = tf.tensor2d(Xs, [n, width]);
	const ys = tf.tensor2d(y.map((v) => encodeTarget(v, target)), [n, 1]);
	// Full-batch, no shuffling: the same data and seeds give the same weights, run after run.
	await model.fit(xs, ys, { epochs: NETWORK.epochs, batchSize: n, shuffle: false, verbose: 0 });
	xs.dispose();
	ys.dispose();
	return { scaler, target, serialized: await serializeNetwork(tf, model) };
}

/** The network's predictions on `n` rows of `X`, with the browser's code. */
export function predictNetwork(fit: TrainedNetwork, encoders: GmvEncoders, X: Float64Array, n: number): Float64Array {
	return networkModel({ network: fit.serialized, scaler: fit.scaler, target: fit.target, encoders } as GmvNetworkArtifact).predictFeatures(X, n);
}

/** Step 6: the network on all training weeks, and one fitted without the validation weeks that ranks it and calibrates its range. */
export async function fitGmvNetwork(train: WeekRow[], features: GmvFeatures): Promise<GmvNetworkFit> {
	const { encoders, width } = features;
	const t0 = performance.now();
	const network = await trainNetwork(features.Xtrain, features.ytrain, width, encoders);
	const testPred = predictNetwork(network, encoders, features.Xtest, features.ytest.length);
	const metrics = regressionMetrics(features.ytest, testPred);
	const validation = splitValidation(train);
	const calNetwork = await trainNetwork(featureMatrix(validation.fit.map((r) => r.scenario), encoders), validation.fit.map((r) => r.gmv), width, encoders);
	const validationPred = predictNetwork(calNetwork, encoders, featureMatrix(validation.check.map((r) => r.scenario), encoders), validation.check.length);
	return { network, testPred, metrics, validationPred, seconds: (performance.now() - t0) / 1000 };
}
