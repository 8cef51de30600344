/**
 * The two candidate families for expected sales: a TensorFlow.js network with a log link trained
 * with a Poisson loss (sales are counts), checkpointed at several epoch counts so one run scores
 * several candidates on the validation dealers; and a flat random forest of per-tree samples.
 * Both deterministic: fixed seeds, rows in a fixed (seeded) order, no shuffling by TensorFlow.js.
 */
import * as tf from '@tensorflow/tfjs';
import { bytesToBase64 } from '../../src/lib/core/base64.ts';
import { encodeFlatForest } from '../../src/lib/core/forest/flat.ts';
import { trainSubsampledForestRegressor } from '../../src/lib/core/forest/train.ts';
import { applyScaler, fitScaler, serializeNetwork, type Scaler } from '../../src/lib/core/network/mlp.ts';
import { seededRandom } from '../../src/lib/core/random.ts';
import type { ExpectedSalesParameters } from '../../src/lib/dealers/artifacts.ts';
import { addHiddenLayers } from './dense-layers.ts';

export interface NetworkSpec {
	hidden: number[];
	/** Epoch counts at which the weights are kept as candidates; training runs to the largest. */
	checkpoints: number[];
	batchSize: number;
	learningRate: number;
	l2: number;
	seed: number;
}

export interface Checkpoint {
	epochs: number;
	parameters: ExpectedSalesParameters;
	seconds: number;
}

/** Rows of a row-major matrix as Float64Array subsets. */
export function takeRows(X: Float64Array, width: number, rows: readonly number[]): Float64Array {
	const out = new Float64Array(rows.length * width);
	rows.forEach((r, k) => out.set(X.subarray(r * width, (r + 1) * width), k * width));
	return out;
}

/** Train a network (inputs standardised, one-hot columns passed through) and keep it at each checkpoint. */
export async function trainNetwork(X: Float64Array, y: readonly number[], width: number, oneHot: boolean[], spec: NetworkSpec): Promise<Checkpoint[]> {
	await tf.setBackend('cpu');
	const scaler: Scaler = fitScaler(X, width, oneHot);
	const n = y.length;
	const meanY = y.reduce((a, b) => a + b, 0) / n;
	const random = seededRandom(spec.seed);
	const seed = () => Math.floor(random() * 2 ** 31);
	const model = tf.sequential();
	addHiddenLayers(model, spec.hidden, width, spec.l2, seed);
	// The output is log(expected sales); starting its bias at the log of the mean sale count speeds
	// training. With no hidden layer the network is a Poisson GLM with a log link.
	model.add(
		tf.layers.dense({
			units: 1,
			inputShape: spec.hidden.length === 0 ? [width] : undefined,
			kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }),
			biasInitializer: tf.initializers.constant({ value: Math.log(meanY) })
		})
	);
	// Poisson deviance up to a constant: exp(f) - y f, with f = log(expected).
	const poissonLoss = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.mean(tf.sub(tf.exp(yPred), tf.mul(yTrue, yPred)));
	model.compile({ optimizer: tf.train.adam(spec.learningRate), loss: poissonLoss });
	const xs = tf.tensor2d(applyScaler(X, scaler), [n, width]);
	const ys = tf.tensor2d(Float32Array.from(y), [n, 1]);
	const checkpoints: Checkpoint[] = [];
	const started = performance.now();
	let done = 0;
	for (const target of [...spec.checkpoints].sort((a, b) => a - b)) {
		await model.fit(xs, ys, { epochs: target - done, batchSize: spec.batchSize, shuffle: false, verbose: 0 });
		done = target;
		const network = await serializeNetwork(tf, model);
		checkpoints.push({ epochs: target, parameters: { kind: 'network', network, scaler: roundScaler(scaler) }, seconds: (performance.now() - started) / 1000 });
	}
	xs.dispose();
	ys.dispose();
	model.dispose();
	return checkpoints;
}

function roundScaler(s: Scaler): Scaler {
	const r = (v: number) => Number(v.toPrecision(10));
	return { mean: s.mean.map(r), std: s.std.map(r) };
}

export interface ForestSpec {
	trees: number;
	samplesPerTree: number;
	maxDepth: number;
	minNumSamples: number;
	seed: number;
}

export function trainForest(X: Float64Array, y: readonly number[], width: number, spec: ForestSpec): { parameters: ExpectedSalesParameters; seconds: number; nodes: number } {
	const started = performance.now();
	const rows = Array.from({ length: y.length }, (_, i) => Array.from(X.subarray(i * width, (i + 1) * width)));
	const { flat } = trainSubsampledForestRegressor(rows, y, {
		nEstimators: spec.trees,
		samplesPerTree: spec.samplesPerTree,
		maxDepth: spec.maxDepth,
		minNumSamples: spec.minNumSamples,
		seed: spec.seed
	});
	return { parameters: { kind: 'forest', forest: bytesToBase64(encodeFlatForest(flat)) }, seconds: (performance.now() - started) / 1000, nodes: flat.treeOffsets[flat.nTrees] };
}
