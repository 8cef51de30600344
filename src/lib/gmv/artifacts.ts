/** The GMV tool's artifacts: what `npm run train` writes and the page reads. */
import type { ArtifactBase, ArtifactHeader, InputRange, Provenance, RegressionReport } from '../core/artifact/types';
import type { LogConformalInterval } from '../core/conformal';
import type { Scaler, SerializedNetwork, TargetTransform } from '../core/network/mlp';
import type { GmvCalendar } from './calendar';
import type { GmvEncoders } from './features';
import type { GmvPrediction } from './prediction';
import type { RecentEncoders } from './recent';
import type { ChannelSpend } from './spend';

export const GMV_TOOL = 'gmv';

/**
 * The forecast from recent sales, shipped inside the forest's artifact: used when the scenario
 * carries recent weekly GMV, with its own held-out figures and range.
 */
export interface GmvRecentForecast {
	label: string;
	/** Feature names, in order (`RECENT_FEATURES`). */
	features: string[];
	encoders: RecentEncoders;
	/** `encodeFlatForest` bytes, base64: the forest's output is a log ratio to the trailing median. */
	forest: string;
	interval: LogConformalInterval;
	metrics: RegressionReport;
	/** What the choice was made on: validation WAPE of the chosen model and of the naive forecasts. */
	validation: { weeks: [number, number]; wape: number; baselines: { name: string; wape: number }[] };
	hyperparameters: Record<string, string | number | boolean>;
}

/** The random forest: header, encoders, and the flat forest as base64 bytes. */
export interface GmvForestArtifact extends ArtifactHeader<RegressionReport> {
	modelId: 'forest';
	encoders: GmvEncoders;
	/** `encodeFlatForest` bytes, base64. */
	forest: string;
	/** Split-conformal 80% range, calibrated on weeks 24-43 (two 10-week folds inside training), with its test coverage. */
	interval: LogConformalInterval;
	/** The forecast from recent sales (the default when recent GMV is known). */
	recent: GmvRecentForecast;
}

/** The network: header, encoders, scaler, target transform and tfjs weights. */
export interface GmvNetworkArtifact extends ArtifactHeader<RegressionReport> {
	modelId: 'network';
	encoders: GmvEncoders;
	scaler: Scaler;
	target: TargetTransform;
	/** Mean of every feature over the training rows: the "average week" explanations start from. */
	reference: number[];
	network: SerializedNetwork;
	/** Split-conformal 80% range, calibrated on weeks 24-43 (two 10-week folds inside training), with its test coverage. */
	interval: LogConformalInterval;
}

export type GmvModelArtifact = GmvForestArtifact | GmvNetworkArtifact;

/** The typical inputs of one sub-category: medians over the training weeks. */
export interface TypicalInputs {
	productMrp: number;
	discount: number;
	sla: number;
	procurementSla: number;
}

/**
 * What the form and the planner need besides a model: the calendar of the training year, each
 * month's media investment, typical inputs per sub-category, one real week to start from, and
 * which model is the default (the better on held-out WAPE).
 */
/** A model's answer for the start week, kept in context.json. */
export interface StartPrediction {
	/** The model's label, as its own artifact names it. */
	label: string;
	prediction: GmvPrediction;
}

export interface GmvContext extends ArtifactBase {
	modelId: 'context';
	provenance: Provenance;
	calendar: GmvCalendar;
	/** Media investment by month ('YYYY-MM'), crore, by channel. */
	monthlyBudget: Record<string, ChannelSpend>;
	typicalInputs: Record<string, TypicalInputs>;
	/** Training ranges of the form's monthly budget fields (`budget_<Channel>`), crore per month. */
	budgetRanges: Record<string, InputRange>;
	/** A real held-out week to start the form from, and its actual GMV. */
	startWeek: {
		date: string;
		week: number;
		subCategory: string;
		productMrp: number;
		discount: number;
		sla: number;
		procurementSla: number;
		actualGmv: number;
		/** GMV of the weeks before, most recent first. */
		recentGmv: number[];
	};
	/** Actual weekly GMV by sub-category and week ('44'), for the held-out weeks and the few before: fills the form's recent GMV. */
	heldOutGmv: Record<string, Record<string, number>>;
	/** Share of the test weeks' GMV variance that lies between sub-categories (what R² gets for knowing which). */
	varianceBetweenSubCategories: number;
	/** Ids of the models without recent GMV in order of validation WAPE, best first. */
	modelRanking: string[];
	/**
	 * The start week's prediction by each shipped model (by model id), written by training with those
	 * models: the page shows its first answer in its HTML, before any model is fetched (`startWeek.ts`).
	 */
	startPredictions?: Record<string, StartPrediction>;
	/** Files of the models, relative to this artifact. */
	models: Record<string, string>;
}
