/**
 * The shipped models in the form the page and workers use: the shopper model rebuilt from its
 * artifact (typed arrays from base64), every member's chance of buying each item, and the deal
 * model's calibrated fill probability. Pure TS, no DOM.
 */
import { base64ToBytes } from '../core/base64';
import { calibrate, calibrateMany } from '../core/calibration';
import { decodeFlatForest, type FlatForest } from '../core/forest/flat';
import { predictOne } from '../core/forest/predict';
import type { DealArtifact, ShopperArtifact } from './artifact';
import { dealFeatures, type DealHistory } from './deal';
import { popularityScores, shopperScores, type ShopperModel } from './shopper';

/** Float32 little-endian bytes (base64) as a Float32Array. */
export function float32FromBase64(text: string, expected: number): Float32Array {
	const bytes = base64ToBytes(text);
	if (bytes.length !== expected * 4) throw new RangeError(`expected ${expected} numbers, found ${bytes.length / 4}`);
	const out = new Float32Array(expected);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let i = 0; i < expected; i++) out[i] = view.getFloat32(i * 4, true);
	return out;
}

export function shopperModel(a: ShopperArtifact): ShopperModel {
	const n = a.items.length;
	return {
		nItems: n,
		dims: a.dims,
		popularity: popularityScores(a.basketCounts),
		itemVectors: float32FromBase64(a.itemVectors, n * a.dims),
		contextVectors: float32FromBase64(a.contextVectors, n * a.dims),
		bias: float32FromBase64(a.bias, n),
		weights: a.weights
	};
}

/** A shopper's chance of buying each catalogue item in their next shop, from their purchase counts (or ticks). */
export function buyingChances(model: ShopperModel, a: Pick<ShopperArtifact, 'chance'>, counts: ArrayLike<number>): Float64Array {
	return calibrateMany(a.chance, shopperScores(model, counts));
}

/** The deal model, ready to score planned deals. */
export interface DealModel {
	artifact: DealArtifact;
	forest: FlatForest;
}

export function dealModel(a: DealArtifact): DealModel {
	return { artifact: a, forest: decodeFlatForest(base64ToBytes(a.forest)) };
}

/** The calibrated chance that a deal with this history fills. */
export function fillChance(m: DealModel, h: DealHistory): number {
	return calibrate(m.artifact.calibration, predictOne(m.forest, dealFeatures(h, m.artifact.encoders)));
}

/**
 * How the fill chance changes with the organiser's track record: the chance for each number of
 * past launches in `launches`, the organiser filling `fillRate` of them (rounded to whole deals).
 */
export function trackRecordCurve(m: DealModel, h: DealHistory, launches: readonly number[], fillRate: number): { launches: number; fills: number; chance: number }[] {
	return launches.map((n) => {
		const fills = Math.round(n * fillRate);
		return { launches: n, fills, chance: fillChance(m, { ...h, organiserLaunches: n, organiserFills: fills }) };
	});
}
