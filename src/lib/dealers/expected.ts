/**
 * Expected sales from the shipped model, in the browser, a worker or training: the network runs
 * as plain TypeScript over its TensorFlow.js weights (`core/network/dense`) and its output is the
 * log of expected sales; the forest predicts sales directly. Pure TS, no DOM.
 */
import { base64ToBytes } from '../core/base64';
import { decodeFlatForest } from '../core/forest/flat';
import { predictForest } from '../core/forest/predict';
import { forwardDense, readDenseNetwork } from '../core/network/dense';
import { applyScaler, type Scaler, type SerializedNetwork } from '../core/network/mlp';
import { featureCount, type DealerEncoders } from './features';

/** The expected-sales model: a network with a log link (trained with a Poisson loss), or a flat forest. */
export type ExpectedSalesParameters =
	| { kind: 'network'; network: SerializedNetwork; scaler: Scaler }
	| { kind: 'forest'; forest: string };

export interface ExpectedSalesModel {
	kind: 'network' | 'forest';
	encoders: DealerEncoders;
	/** Expected sales of rows already turned into features (row-major, `featureCount` wide). */
	predict(X: Float64Array, nRows: number): Float64Array;
}

export function expectedSalesModel(parameters: ExpectedSalesParameters, encoders: DealerEncoders): ExpectedSalesModel {
	const width = featureCount(encoders);
	if (parameters.kind === 'forest') {
		const flat = decodeFlatForest(base64ToBytes(parameters.forest));
		if (flat.nFeatures !== width) throw new Error(`the forest expects ${flat.nFeatures} features but this site builds ${width}`);
		return { kind: 'forest', encoders, predict: (X, n) => predictForest(flat, X, n) };
	}
	const layers = readDenseNetwork(parameters.network);
	if (layers[0]?.inputs !== width) throw new Error(`the network expects ${layers[0]?.inputs} features but this site builds ${width}`);
	return {
		kind: 'network',
		encoders,
		predict(X, n) {
			const z = forwardDense(layers, applyScaler(X, parameters.scaler), n);
			for (let i = 0; i < z.length; i++) z[i] = Math.exp(z[i]);
			return z;
		}
	};
}
