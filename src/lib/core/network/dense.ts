/**
 * Inference for the small dense networks we train with TensorFlow.js, read straight from the
 * tfjs Layers artifact (topology + weight specs + float32 weights), without loading TensorFlow.js:
 * a few kilobytes of code instead of a megabyte, so the page can predict at once. Only what our
 * training writes is supported (a Sequential stack of Dense layers with relu/linear/sigmoid/tanh);
 * anything else is refused. A unit test checks the output against tfjs itself.
 */
import { base64ToBytes } from '../base64';
import type { SerializedNetwork } from './mlp';

type Activation = 'relu' | 'linear' | 'sigmoid' | 'tanh';

export interface DenseLayer {
	inputs: number;
	units: number;
	/** Row-major [inputs x units], as tfjs stores kernels. */
	kernel: Float64Array;
	bias: Float64Array;
	activation: Activation;
}

interface DenseConfig {
	class_name: string;
	config: { units: number; activation?: string; use_bias?: boolean; name: string };
}

/** Decode a serialised tfjs Sequential model of Dense layers into plain arrays. */
export function readDenseNetwork(net: SerializedNetwork): DenseLayer[] {
	const topology = net.modelTopology as { class_name?: string; config?: { layers?: DenseConfig[] } };
	if (topology.class_name !== 'Sequential' || !topology.config?.layers)
		throw new Error('only Sequential networks of Dense layers are supported');
	const bytes = base64ToBytes(net.weightData);
	const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	const specs = net.weightSpecs as { name: string; shape: number[]; dtype: string }[];
	const weights = new Map<string, { shape: number[]; data: Float32Array }>();
	let offset = 0;
	for (const spec of specs) {
		if (spec.dtype !== 'float32') throw new Error(`weight ${spec.name} is ${spec.dtype}, not float32`);
		const size = spec.shape.reduce((a, b) => a * b, 1);
		weights.set(spec.name, { shape: spec.shape, data: all.subarray(offset, offset + size) });
		offset += size;
	}
	if (offset !== all.length) throw new Error(`weight data holds ${all.length} values; the specs describe ${offset}`);
	return topology.config.layers.map((layer) => {
		if (layer.class_name !== 'Dense') throw new Error(`layer type ${layer.class_name} is not supported`);
		const activation = (layer.config.activation ?? 'linear') as Activation;
		if (!['relu', 'linear', 'sigmoid', 'tanh'].includes(activation)) throw new Error(`activation ${activation} is not supported`);
		const kernel = weights.get(`${layer.config.name}/kernel`);
		if (!kernel) throw new Error(`no kernel for layer ${layer.config.name}`);
		const bias = Float64Array.from(weights.get(`${layer.config.name}/bias`)?.data ?? new Float32Array(layer.config.units));
		// Widened once to float64: the inner loop then reads doubles only.
		return { inputs: kernel.shape[0], units: kernel.shape[1], kernel: Float64Array.from(kernel.data), bias, activation };
	});
}

/** Forward pass over row-major inputs (already scaled); returns row-major outputs of the last layer. */
export function forwardDense(layers: readonly DenseLayer[], input: ArrayLike<number>, nRows: number): Float64Array {
	let x: ArrayLike<number> = input;
	for (const layer of layers) {
		const { inputs, units, kernel, bias, activation } = layer;
		if (x.length !== nRows * inputs) throw new Error(`layer expects ${inputs} inputs per row`);
		const y = new Float64Array(nRows * units);
		const acc = new Float64Array(units);
		for (let r = 0; r < nRows; r++) {
			const xo = r * inputs;
			for (let u = 0; u < units; u++) acc[u] = bias[u];
			for (let i = 0; i < inputs; i++) {
				const xi = x[xo + i];
				if (xi === 0) continue;
				const ko = i * units;
				for (let u = 0; u < units; u++) acc[u] += xi * kernel[ko + u];
			}
			y.set(acc, r * units);
		}
		if (activation !== 'linear') for (let k = 0; k < y.length; k++) y[k] = activate(y[k], activation);
		x = y;
	}
	return Float64Array.from(x);
}

function activate(v: number, a: Activation): number {
	switch (a) {
		case 'relu':
			return v > 0 ? v : 0;
		case 'sigmoid':
			return 1 / (1 + Math.exp(-v));
		case 'tanh':
			return Math.tanh(v);
		default:
			return v;
	}
}
