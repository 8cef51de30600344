/**
 * A MarketAnalysis as JSON and back (typed arrays as plain arrays, numbers rounded to what the page
 * shows), for the demo artifact that gives the first view without reading a file. Pure, no DOM.
 */
import type { ArtifactBase } from '../core/artifact/types';
import type { MarketAnalysis } from './analysis';
import type { CoverageReport } from './model';

export interface AnalysisJson extends Omit<MarketAnalysis, 'asOfMonth' | 'candidates' | 'countSpread'> {
	asOfMonth: number | null;
	/** Absent in analyses saved before it was kept: 0 (the Poisson-binomial interval alone). */
	countSpread?: number;
	candidates: {
		ids: string[];
		features: string[];
		X: number[];
		probability: number[];
		/** Absent in analyses saved before it was kept: the probability stands in. */
		forestScore?: number[];
		driverFeature: number[];
		driverEffect: number[];
		recentOffsets: number[];
		recentCategory: number[];
		recentCount: number[];
	};
}

/** The demo marketplace's analysis, precomputed by training with the shipped model. */
export interface SellersDemoArtifact extends ArtifactBase {
	/** Content hash of the model artifact that scored it. */
	modelHash: string;
	/** The downloadable sample this analysis is of, and how it was generated. */
	sample: { path: string; seed: number; months: number; users: number; events: number };
	analysis: AnalysisJson;
	/**
	 * What the first view shows of the model (its feature names and the measured coverage of the
	 * sellers-to-expect interval), so the page carries the demo without the model: the model itself
	 * is fetched when the form, an upload or the model card needs it.
	 */
	firstView: { featureLabels: Record<string, string>; coverage: CoverageReport };
}

const round = (x: number, digits: number) => {
	const k = 10 ** digits;
	return Math.round(x * k) / k;
};

export function analysisToJson(a: MarketAnalysis): AnalysisJson {
	const c = a.candidates;
	return {
		...a,
		asOfMonth: Number.isFinite(a.asOfMonth) ? a.asOfMonth : null,
		baseline: round(a.baseline, 6),
		levels: a.levels.map((l) => ({ ...l, level: l.level === null ? null : round(l.level, 4), history: l.history.map((h) => (h === null ? null : round(h, 4))) })),
		candidates: {
			ids: c.ids,
			features: [...c.features],
			X: Array.from(c.X, (v) => round(v, 3)),
			probability: Array.from(c.probability, (v) => round(v, 6)),
			forestScore: Array.from(c.forestScore, (v) => round(v, 6)),
			driverFeature: Array.from(c.driverFeature),
			driverEffect: Array.from(c.driverEffect, (v) => round(v, 5)),
			recentOffsets: Array.from(c.recentOffsets),
			recentCategory: Array.from(c.recentCategory),
			recentCount: Array.from(c.recentCount)
		}
	};
}

export function analysisFromJson(j: AnalysisJson): MarketAnalysis {
	const c = j.candidates;
	return {
		...j,
		asOfMonth: j.asOfMonth ?? NaN,
		countSpread: j.countSpread ?? 0,
		candidates: {
			ids: c.ids,
			features: c.features,
			X: Float64Array.from(c.X),
			probability: Float64Array.from(c.probability),
			forestScore: Float64Array.from(c.forestScore ?? c.probability),
			driverFeature: Int8Array.from(c.driverFeature),
			driverEffect: Float32Array.from(c.driverEffect),
			recentOffsets: Uint32Array.from(c.recentOffsets),
			recentCategory: Uint16Array.from(c.recentCategory),
			recentCount: Uint32Array.from(c.recentCount)
		}
	};
}
