/** The group-buy tool's artifacts: what `npm run train` writes and the page reads. */
import type { ArtifactHeader, ClassificationReport, RankingMetrics, RankingReport, ReliabilityBin } from '../core/artifact/types';
import type { Calibration } from '../core/calibration';
import type { LogisticModel } from '../core/logistic';
import type { Aisle } from './aisles';
import type { DealEncoders, DealHistory } from './deal';
import type { Aggregation } from './group';
import type { BlendWeights } from './shopper';

export const GROUP_BUY_TOOL = 'group-buy';

/** One candidate of the deal model's selection on validation launches. */
export interface DealSelectionRow {
	features: string;
	perClass: number;
	minNumSamples: number;
	trees: number;
	validationRocAuc: number;
	nodes: number;
	chosen: boolean;
}

/** Will a deal fill: the calibrated flat forest, and the logistic model it is compared with. */
export interface DealArtifact extends ArtifactHeader<ClassificationReport> {
	modelId: 'deal';
	encoders: DealEncoders;
	/** `encodeFlatForest` bytes, base64; class 1 = the deal filled. */
	forest: string;
	/** Forest score to probability, fitted on validation launches. */
	calibration: Calibration;
	/** The comparison model, on `logisticInputs` of the same features. */
	logistic: LogisticModel;
	selection: DealSelectionRow[];
	/**
	 * BeiBei keeps at most `organiserFillCap` filled deals per organiser (its own evaluation split)
	 * but every failed one, so an organiser with that many fills counted cannot fill again in the
	 * data. The test launches the cap decides, and the ranking on the others.
	 */
	cap: {
		organiserFillCap: number;
		largestOrganiserFillsSeen: number;
		capped: { launches: number; filled: number };
		open: { launches: number; forestRocAuc: number; itemRateRocAuc: number; logisticRocAuc: number };
		itemOnlyValidationRocAuc: number;
		allValidationRocAuc: number;
	};
	/** Medians of the history half, where the form starts. */
	typical: DealHistory;
	/** Size of the history half the counts come from. */
	history: { launches: number; fills: number; items: number; organisers: number };
}

/** Held-out scores of a group list aggregation at one group size. */
export interface GroupScore {
	method: Aggregation;
	size: number;
	groups: number;
	/** Share of the listed items that at least one member bought in their held-out basket. */
	unionHit: number;
	/** Share of members who find at least one of their own held-out items in the list. */
	memberCoverage: number;
	/** Mean over listed items of the expected buyers (sum of chances), and of the actual buyers. */
	expectedBuyers: number;
	actualBuyers: number;
}

/** How the group aggregations were compared, and which one is the default. */
export interface GroupEvaluation {
	listLength: number;
	sizes: number[];
	groupsPerSize: number;
	/** Chosen on validation groups (second-to-last baskets) by mean member coverage. */
	default: Aggregation;
	validation: GroupScore[];
	test: GroupScore[];
}

/** One reproduced figure of the reference script beside ours, on the same protocol. */
export interface ReproducedFigure {
	name: string;
	/** Ours: the tie orders tried give this range (low = high when ties do not matter). */
	recall: [number, number];
	hit: [number, number];
	/** The reference script's figures as measured by the lead (recall@10, hit@10). */
	reference: { recall: number; hit: number };
	note: string;
}

/** One shopper's recommendations: the blend, its parts, its chances and the group evaluation. */
export interface ShopperArtifact extends ArtifactHeader<RankingReport> {
	modelId: 'shopper';
	/** Catalogue: item names (index = item), and each item's aisle. */
	items: string[];
	aisles: Aisle[];
	/** How many training baskets held each item (an aggregate count: the popularity term). */
	basketCounts: number[];
	trainingBaskets: number;
	dims: number;
	/** Float32 little-endian bytes, base64: nItems x dims item vectors, then context vectors. */
	itemVectors: string;
	contextVectors: string;
	/** Float32 bytes, base64: the next-basket model's bias per item. */
	bias: string;
	weights: BlendWeights;
	/** Blend score to the chance the shopper buys the item in their next basket (isotonic, validation). */
	chance: Calibration;
	/** Those chances on the test members' held-out baskets (every member x item). */
	chanceCheck: { pairs: number; brier: number; reliability: ReliabilityBin[] };
	/** Blend weights tried on validation (recall@10 etc.). */
	selection: { dims: number; weights: BlendWeights; validation: RankingMetrics; chosen: boolean }[];
	groups: GroupEvaluation;
	reproduced: ReproducedFigure[];
	/**
	 * Is an item the member bought before likelier in their held-out basket than its popularity
	 * says? Over test (member, item bought before) pairs: the share found in the held-out basket,
	 * against the mean share of all held-out baskets holding those same items.
	 */
	rebuy: { pairs: number; ownRate: number; expectedRate: number; lift: number };
}
