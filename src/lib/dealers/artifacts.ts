/** The dealer tool's artifact: what `npm run train -- --only dealers` writes and the page reads. */
import type { ArtifactHeader, RegressionReport } from '../core/artifact/types';
import type { DealerEncoders } from './features';
import type { DemoFirstView } from './demo';
import type { ExpectedSalesParameters } from './expected';
import type { IntervalModel } from './effectiveness';
import type { GeneratorRow } from './params';
import type { PeerReference } from './peers';

export const DEALERS_TOOL = 'dealers';
export type { ExpectedSalesParameters };

/** One candidate of the model choice, scored on the validation dealers. */
export interface CandidateResult {
	name: string;
	family: 'network' | 'forest';
	validationWape: number;
	validationR2: number;
	chosen: boolean;
}

/** How well the tool finds what the generator planted, measured on dealers training never saw. */
export interface RecoveryFigures {
	/** Which dealers: e.g. "the 750 test dealers, 12 months". */
	on: string;
	dealers: number;
	/** Spearman rank correlation of each estimated step against the true dealer effect. */
	spearman: { visitorShare: number; conversion: number; closing: number; opportunity: number };
	/** Of the k dealers the tool ranks first to visit, the share among the k with the largest true opportunity. */
	visitFirst: { k: number; precision: number }[];
	/** Dealers flagged "below expectation" (interval under 1): how many, and the share truly below 1. */
	flaggedBelow: { count: number; trulyBelow: number | null; recallOfClearlyBelow: number | null; clearlyBelowThreshold: number };
	/** Dealers with a planted weak step whose largest estimated loss is at that step. */
	weakStepFound: { dealers: number; share: number | null };
}

/** Relative WAPE improvement over a baseline on the test dealer-months, with a paired bootstrap interval over dealers. */
export interface Improvement {
	baseline: string;
	/** 1 - model WAPE / baseline WAPE. */
	improvement: number;
	low: number;
	high: number;
	level: number;
}

/** The target for the model, and whether it is met. */
export interface TargetCheck extends Improvement {
	statement: string;
	required: number;
	met: boolean;
	/** The same figure against the other baselines. */
	others: Improvement[];
}

export interface DealerModelArtifact extends ArtifactHeader<RegressionReport> {
	modelId: 'expected-sales';
	target: TargetCheck;
	encoders: DealerEncoders;
	model: ExpectedSalesParameters;
	/** The effectiveness interval and its measured coverage. */
	interval: IntervalModel;
	/** Repair orders per service lead by region (encoder order) and month: the expected-orders rate. */
	serviceRates: number[][];
	/** Peers by size from the training network, for files with too few dealers to form their own. */
	peers: PeerReference;
	candidates: CandidateResult[];
	recovery: RecoveryFigures[];
	/** The synthetic generator, as documented in the README. */
	generator: readonly GeneratorRow[];
	/** The demo network the page regenerates: its seed and size. */
	demo: { seed: number; dealers: number };
	/** The demo network's overview with the default filters, as the worker computes it. */
	firstView: DemoFirstView;
}
