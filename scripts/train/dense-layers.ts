/** Building blocks of the TensorFlow.js networks that training fits (GMV, dealers). */
import * as tf from '@tensorflow/tfjs';

/**
 * Adds dense ReLU layers of `hidden` units to `model` (He-normal weights, L2 penalty `l2`), the
 * first taking `width` inputs. `seed` is called once per layer, in order, for its initialiser.
 */
export function addHiddenLayers(model: tf.Sequential, hidden: readonly number[], width: number, l2: number, seed: () => number): void {
	hidden.forEach((units, i) =>
		model.add(
			tf.layers.dense({
				units,
				activation: 'relu',
				inputShape: i === 0 ? [width] : undefined,
				kernelInitializer: tf.initializers.heNormal({ seed: seed() }),
				kernelRegularizer: tf.regularizers.l2({ l2 })
			})
		)
	);
}
