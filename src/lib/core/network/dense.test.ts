import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../random';
import { forwardDense, readDenseNetwork } from './dense';
import { serializeNetwork } from './mlp';

describe('dense inference without tfjs', () => {
	it('matches tfjs on a trained-shape network', async () => {
		await tf.setBackend('cpu');
		const model = tf.sequential();
		model.add(tf.layers.dense({ units: 8, activation: 'relu', inputShape: [5], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), biasInitializer: tf.initializers.randomNormal({ seed: 4 }) }));
		model.add(tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
		model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
		const serialized = await serializeNetwork(tf, model);
		const layers = readDenseNetwork(serialized);
		expect(layers.map((l) => [l.inputs, l.units, l.activation])).toEqual([
			[5, 8, 'relu'],
			[8, 4, 'tanh'],
			[4, 1, 'linear']
		]);
		const random = seededRandom(9);
		const n = 200;
		const X = Float32Array.from({ length: n * 5 }, () => random() * 4 - 2);
		const ours = forwardDense(layers, X, n);
		const theirs = (model.predict(tf.tensor2d(X, [n, 5])) as tf.Tensor).dataSync();
		for (let i = 0; i < n; i++) expect(ours[i]).toBeCloseTo(theirs[i], 5);
	});
	it('refuses layers it does not know', () => {
		const net = { modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Conv2D', config: { units: 1, name: 'c' } }] } }, weightSpecs: [], weightData: '' };
		expect(() => readDenseNetwork(net)).toThrow(/Conv2D is not supported/);
	});
});
