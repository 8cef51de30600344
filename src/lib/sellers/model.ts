/**
 * The seller finder's shipped model: artifact types, and turning feature rows into calibrated
 * probabilities with the inputs that drove them. Used by training (to evaluate exactly what ships),
 * the upload worker and the form. Pure, no DOM.
 */
import type { ArtifactHeader, ClassificationReport, PairedDifference } from '../core/artifact/types';
import { base64ToBytes } from '../core/base64';
import { calibrate, type Calibration } from '../core/calibration';
import { explainPrediction } from '../core/forest/explain';
import { decodeFlatForest, type FlatForest } from '../core/forest/flat';
import type { ParameterRow } from './generator';
import type { FeatureName } from './features';

export const SELLERS_TOOL = 'sellers';

/** A forest and its calibration over named features (a subset of ALL_FEATURES, in model order). */
export interface ForestPart {
	features: string[];
	/** Base64 of `encodeFlatForest`. */
	forest: string;
	calibration: Calibration;
	/**
	 * Log-scale SD of a factor common to a whole list's probabilities: the calibration's own
	 * uncertainty, measured by refitting it on resamples of its month (see score.ts). Absent = 0.
	 */
	countSpread?: number;
}

/** What a row's label means, for the card and the page. */
export interface TargetDefinition {
	candidateWindowMonths: number;
	listingWindowMonths: number;
	activeWindowDays: number;
	activeMinSales: number;
	recentDays: number;
	statement: string;
}

/** How the interval of "how many sellers to expect" fared on held-out months. */
export interface CoverageReport {
	level: number;
	months: [string, string];
	/** One row per list size: lists checked, lists whose outcome fell inside, the share. */
	bySize: { size: number; lists: number; covered: number; rate: number; meanExpected: number; meanActual: number }[];
	note: string;
}

export interface SellersModelArtifact extends ArtifactHeader<ClassificationReport>, ForestPart {
	target: TargetDefinition;
	/** The 12-feature model for files in the per-user layout, with its own held-out metrics. */
	perUser: ForestPart & { label: string; metrics: ClassificationReport };
	featureLabels: Record<string, string>;
	generator: { parameters: ParameterRow[]; seed: number; months: number; users: number; events: number; period: [string, string] };
	split: { description: string; train: [string, string]; validation: [string, string]; calibration: string; test: string; coverage: [string, string] };
	/** Validation results of every configuration tried (chosen on validation, never on test). */
	selection: {
		features: string;
		trees: number;
		maxDepth: number;
		minNumSamples: number;
		perClass: number;
		prAuc: number;
		rocAuc: number;
		/** Mean over the validation months of precision among each month's top 100. */
		precisionAtK?: number;
		/** Against the better naive rule on that metric, 95% paired bootstrap. */
		precisionVsBestRule?: RuleDifference;
		prAucVsBestRule?: RuleDifference;
		chosen: boolean;
	}[];
	/** How the candidate was chosen (written before any test figure was seen). */
	selectionRule?: string;
	/** The naive rules on the validation months (precision at 100 as the mean over months). */
	validationRules?: { name: string; precisionAtK: number; prAuc: number }[];
	/** Whether leaf values ship rounded, and what rounding did on validation ([exact, rounded]). */
	leafRounding?: { digits: number; validationPrecisionAtK: [number, number]; validationPrAuc: [number, number]; applied: boolean; rule: string };
	/** The test month: model minus the better naive rule on each figure (Brier: lower is better), paired bootstrap. */
	testVsBestBaseline?: PairedDifference[];
	calibrationChoice: { method: string; heldOutLogLoss: Record<string, number>; heldOutListError?: Record<string, number>; note: string };
	coverage: CoverageReport;
}

/** A candidate minus the better naive rule on validation, with its 95% paired bootstrap interval. */
export interface RuleDifference {
	baseline: string;
	difference: number;
	low: number;
	high: number;
}

/** A model ready to score. */
export interface SellerModel {
	features: readonly string[];
	flat: FlatForest;
	calibration: Calibration;
	/** See ForestPart.countSpread (0 when the artifact has none). */
	countSpread: number;
}

export function readForestPart(part: ForestPart): SellerModel {
	const flat = decodeFlatForest(base64ToBytes(part.forest));
	if (flat.kind !== 'classification' || flat.nOutputs !== 2) throw new TypeError('The seller model is not a binary classifier');
	if (flat.nFeatures !== part.features.length) throw new RangeError(`The forest reads ${flat.nFeatures} features; the artifact names ${part.features.length}`);
	return { features: part.features, flat, calibration: part.calibration, countSpread: part.countSpread ?? 0 };
}

/** One input's push on a probability (in probability units; the pushes add up to p - average). */
export interface Driver {
	feature: string;
	value: number;
	effect: number;
}

/** Drivers kept per user. */
export const DRIVERS_PER_USER = 3;

/**
 * Calibrated probability of each row (rows row-major over `model.features`) and each row's top
 * drivers: the forest's tree-path (Saabas) contributions to its raw score, rescaled so they add up to
 * (calibrated probability - calibrated probability of the forest's average score). Also the forest's own
 * score (its vote share), which orders users the calibration ties (an isotonic step gives a whole
 * run of scores one probability).
 */
export function scoreRows(model: SellerModel, X: Float64Array, nRows: number): { probability: Float64Array; forestScore: Float64Array; driverFeature: Int8Array; driverEffect: Float32Array; baseline: number } {
	const width = model.features.length;
	const probability = new Float64Array(nRows);
	const forestScore = new Float64Array(nRows);
	const driverFeature = new Int8Array(nRows * DRIVERS_PER_USER).fill(-1);
	const driverEffect = new Float32Array(nRows * DRIVERS_PER_USER);
	let baseline = NaN;
	for (let r = 0; r < nRows; r++) {
		const row = X.subarray(r * width, (r + 1) * width);
		const e = explainPrediction(model.flat, row);
		const p = calibrate(model.calibration, e.prediction);
		const p0 = calibrate(model.calibration, e.bias);
		baseline = p0;
		probability[r] = p;
		forestScore[r] = e.prediction;
		const span = e.prediction - e.bias;
		const k = Math.abs(span) > 1e-12 ? (p - p0) / span : 0;
		// Top drivers by size of effect (a small insertion sort: DRIVERS_PER_USER slots).
		const at = r * DRIVERS_PER_USER;
		for (let f = 0; f < width; f++) {
			const effect = e.contributions[f] * k;
			if (effect === 0) continue;
			let slot = DRIVERS_PER_USER;
			while (slot > 0 && (driverFeature[at + slot - 1] < 0 || Math.abs(driverEffect[at + slot - 1]) < Math.abs(effect))) slot--;
			if (slot >= DRIVERS_PER_USER) continue;
			for (let s = DRIVERS_PER_USER - 1; s > slot; s--) {
				driverFeature[at + s] = driverFeature[at + s - 1];
				driverEffect[at + s] = driverEffect[at + s - 1];
			}
			driverFeature[at + slot] = f;
			driverEffect[at + slot] = effect;
		}
	}
	return { probability, forestScore, driverFeature, driverEffect, baseline };
}

/** The drivers of row r from `scoreRows` output. */
export function driversOf(model: SellerModel, X: Float64Array, r: number, driverFeature: Int8Array, driverEffect: Float32Array): Driver[] {
	const width = model.features.length;
	const out: Driver[] = [];
	for (let s = 0; s < DRIVERS_PER_USER; s++) {
		const f = driverFeature[r * DRIVERS_PER_USER + s];
		if (f < 0) break;
		out.push({ feature: model.features[f], value: X[r * width + f], effect: driverEffect[r * DRIVERS_PER_USER + s] });
	}
	return out;
}

/** Positions of `features` in a full feature row (`names`). */
export function columnsOf(features: readonly string[], names: readonly FeatureName[]): number[] {
	return features.map((f) => {
		const c = names.indexOf(f as FeatureName);
		if (c < 0) throw new RangeError(`The model reads ${f}, which the feature transform does not make`);
		return c;
	});
}
