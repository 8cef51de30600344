/**
 * The TensorFlow.js comparison: a small dense network on log1p-standardised features, trained on the
 * same months as the forest with the positives weighted up to balance the classes, evaluated with the
 * same calibration month and test month. Evaluated through core/network/dense.ts (the code a browser
 * would run), not through tfjs. Deterministic: seeded initialisers, no shuffling, CPU backend.
 */
import * as tf from '@tensorflow/tfjs';
import { serializeNetwork } from '../../../src/lib/core/network/mlp.ts';
import { forwardDense, readDenseNetwork } from '../../../src/lib/core/network/dense.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';

export const NETWORK = { hidden: [16, 8], epochs: 8, batchSize: 2048, learningRate: 0.003, negativeShare: 0.2 };

export interface TrainedNetwork {
	mean: number[];
	std: number[];
	predict(X: Float64Array, n: number): Float64Array;
}

function transform(X: Float64Array, width: number, mean: number[], std: number[]): Float32Array {
	const out = new Float32Array(X.length);
	for (let i = 0; i < X.length; i++) {
		const j = i % width;
		out[i] = (Math.log1p(Math.max(0, X[i])) - mean[j]) / std[j];
	}
	return out;
}

export async function trainNetwork(X: Float64Array, y: Uint8Array, width: number, seed: number): Promise<TrainedNetwork> {
	await tf.setBackend('cpu');
	const n = y.length;
	// All positives, a seeded share of the negatives; weights restore the balance between classes.
	const random = seededRandom(seed);
	const keep: number[] = [];
	for (let i = 0; i < n; i++) if (y[i] === 1 || random() < NETWORK.negativeShare) keep.push(i);
	const m = keep.length;
	const positives = keep.filter((i) => y[i] === 1).length;
	const mean = new Array<number>(width).fill(0);
	const std = new Array<number>(width).fill(0);
	for (const i of keep) for (let j = 0; j < width; j++) mean[j] += Math.log1p(Math.max(0, X[i * width + j])) / m;
	for (const i of keep) for (let j = 0; j < width; j++) std[j] += (Math.log1p(Math.max(0, X[i * width + j])) - mean[j]) ** 2 / m;
	for (let j = 0; j < width; j++) std[j] = Math.sqrt(std[j]) || 1;
	const rows = new Float64Array(m * width);
	keep.forEach((i, r) => rows.set(X.subarray(i * width, (i + 1) * width), r * width));
	const xs = tf.tensor2d(transform(rows, width, mean, std), [m, width]);
	const labels = keep.map((i) => y[i]);
	const ys = tf.tensor2d(labels, [m, 1]);
	const positiveWeight = (m - positives) / positives;
	const seedOf = () => Math.floor(random() * 2 ** 31);
	const model = tf.sequential();
	NETWORK.hidden.forEach((units, k) =>
		model.add(tf.layers.dense({ units, activation: 'relu', inputShape: k === 0 ? [width] : undefined, kernelInitializer: tf.initializers.heNormal({ seed: seedOf() }) }))
	);
	model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: seedOf() }) }));
	model.compile({ optimizer: tf.train.adam(NETWORK.learningRate), loss: 'binaryCrossentropy' });
	await model.fit(xs, ys, { epochs: NETWORK.epochs, batchSize: NETWORK.batchSize, shuffle: false, verbose: 0, classWeight: { 0: 1, 1: positiveWeight } });
	xs.dispose();
	ys.dispose();
	const layers = readDenseNetwork(await serializeNetwork(tf, model));
	model.dispose();
	return {
		mean,
		std,
		predict(Xp: Float64Array, nRows: number) {
			return forwardDense(layers, transform(Xp, width, mean, std), nRows);
		}
	};
}
