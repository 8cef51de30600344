/**
 * A small feed-forward network for tabular regression: the input scaler and target transform it
 * ships with, and its weights in a form that travels inside a JSON artifact. TensorFlow.js is
 * passed in by the training script (only types are imported here); the browser runs the weights
 * with `dense.ts` and never loads TensorFlow.js.
 */
import type * as TF from '@tensorflow/tfjs';
import { bytesToBase64 } from '../base64';

/** Column means and standard deviations; passthrough columns (one-hot) keep mean 0, std 1. */
export interface Scaler {
	mean: number[];
	std: number[];
}

/** The network predicts (log1p(y) - mean) / std; this undoes that. */
export interface TargetTransform {
	kind: 'log1p-standardized';
	mean: number;
	std: number;
}

/** A tfjs Layers model as JSON: topology, weight specs, and the weights as base64 float32. */
export interface SerializedNetwork {
	modelTopology: unknown;
	weightSpecs: unknown[];
	weightData: string;
}

export function fitScaler(X: Float64Array, nCols: number, passthrough: readonly boolean[]): Scaler {
	const nRows = X.length / nCols;
	const mean = new Array<number>(nCols).fill(0);
	const std = new Array<number>(nCols).fill(1);
	for (let j = 0; j < nCols; j++) {
		if (passthrough[j]) continue;
		let s = 0;
		for (let i = 0; i < nRows; i++) s += X[i * nCols + j];
		const m = s / nRows;
		let v = 0;
		for (let i = 0; i < nRows; i++) v += (X[i * nCols + j] - m) ** 2;
		mean[j] = m;
		std[j] = Math.sqrt(v / nRows) || 1;
	}
	return { mean, std };
}

export function applyScaler(X: Float64Array, scaler: Scaler): Float32Array {
	const nCols = scaler.mean.length;
	const out = new Float32Array(X.length);
	const inverse = scaler.std.map((s) => 1 / s);
	for (let start = 0; start < X.length; start += nCols)
		for (let j = 0; j < nCols; j++) out[start + j] = (X[start + j] - scaler.mean[j]) * inverse[j];
	return out;
}

export function fitTargetTransform(y: ArrayLike<number>): TargetTransform {
	const z = Array.from(y, (v) => Math.log1p(Math.max(0, v)));
	const mean = z.reduce((a, b) => a + b, 0) / z.length;
	const std = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length) || 1;
	return { kind: 'log1p-standardized', mean, std };
}

export function encodeTarget(y: number, t: TargetTransform): number {
	return (Math.log1p(Math.max(0, y)) - t.mean) / t.std;
}

export function decodeTarget(z: number, t: TargetTransform): number {
	return Math.expm1(z * t.std + t.mean);
}

/** Serialise a trained model to JSON-friendly parts (deterministic for the same weights). */
export async function serializeNetwork(tf: typeof TF, model: TF.LayersModel): Promise<SerializedNetwork> {
	let saved: TF.io.ModelArtifacts | undefined;
	await model.save(
		tf.io.withSaveHandler(async (artifacts) => {
			saved = artifacts;
			return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
		})
	);
	if (!saved?.weightData || !saved.weightSpecs) throw new Error('tfjs did not hand over the weights');
	const data = saved.weightData as ArrayBuffer;
	return {
		modelTopology: saved.modelTopology,
		weightSpecs: saved.weightSpecs,
		weightData: bytesToBase64(new Uint8Array(data))
	};
}
