/**
 * Will a group deal fill? The one feature transform of the deal-fill model, shared by training
 * (on BeiBei's launches) and the page's form: from what an organiser can know before launching
 * (how often this item was launched as a group deal before and how often those filled; how many
 * deals the organiser launched and how many filled; how often the organiser joined other people's
 * deals), the model's inputs. Fill rates are shrunk towards the platform's base rate with a prior
 * of a few launches, so "1 of 1" is not read as a sure thing.
 *
 * Pure TS, no DOM.
 */

/** What is known about a planned deal before it is launched: counts from past deals. */
export interface DealHistory {
	/** Past group deals on this item (by anyone), and how many of them filled. */
	itemLaunches: number;
	itemFills: number;
	/** Past group deals this organiser launched, and how many of them filled. */
	organiserLaunches: number;
	organiserFills: number;
	/** Times the organiser joined a deal someone else launched (that then filled). */
	organiserJoins: number;
}

export const DEAL_HISTORY_FIELDS: readonly (keyof DealHistory)[] = ['itemLaunches', 'itemFills', 'organiserLaunches', 'organiserFills', 'organiserJoins'];

/** What the transform needs besides the history: from training. */
export interface DealEncoders {
	/** Share of the history launches that filled: the rate an unknown item or organiser is given. */
	baseFillRate: number;
	/** Launches' worth of the base rate mixed into every fill rate. */
	priorLaunches: number;
	/** Which of the candidate features the shipped model uses (chosen on validation). */
	features: DealFeature[];
}

/** Every candidate feature, in the user's words. */
export const DEAL_FEATURE_LABELS = {
	itemLaunches: "item's past launches",
	itemFillRate: "item's fill rate",
	organiserLaunches: "organiser's past launches",
	organiserFillRate: "organiser's fill rate",
	organiserJoins: "organiser's joins of others' deals"
} as const;
export type DealFeature = keyof typeof DEAL_FEATURE_LABELS;

/** The fill rate, shrunk towards the base rate by `prior` launches. */
export function shrunkRate(fills: number, launches: number, enc: Pick<DealEncoders, 'baseFillRate' | 'priorLaunches'>): number {
	return (fills + enc.baseFillRate * enc.priorLaunches) / (launches + enc.priorLaunches);
}

/** Why a history cannot be scored, or null when it can. */
export function dealHistoryProblem(h: DealHistory): string | null {
	for (const key of DEAL_HISTORY_FIELDS) {
		const v = h[key];
		if (!Number.isInteger(v) || v < 0) return `${key} must be a whole number of at least 0, not ${v}`;
	}
	if (h.itemFills > h.itemLaunches) return `the item cannot have filled more deals (${h.itemFills}) than were launched (${h.itemLaunches})`;
	if (h.organiserFills > h.organiserLaunches) return `the organiser cannot have filled more deals (${h.organiserFills}) than they launched (${h.organiserLaunches})`;
	return null;
}

/** Every candidate feature of one planned deal. */
export function allDealFeatures(h: DealHistory, enc: Pick<DealEncoders, 'baseFillRate' | 'priorLaunches'>): Record<DealFeature, number> {
	return {
		itemLaunches: h.itemLaunches,
		itemFillRate: shrunkRate(h.itemFills, h.itemLaunches, enc),
		organiserLaunches: h.organiserLaunches,
		organiserFillRate: shrunkRate(h.organiserFills, h.organiserLaunches, enc),
		organiserJoins: h.organiserJoins
	};
}

/** The model's input row for one planned deal (the shipped features, in order). */
export function dealFeatures(h: DealHistory, enc: DealEncoders): number[] {
	const all = allDealFeatures(h, enc);
	return enc.features.map((f) => all[f]);
}

/** Features that are counts (heavy-tailed): the logistic model reads them as log1p. */
const COUNT_FEATURES: ReadonlySet<DealFeature> = new Set(['itemLaunches', 'organiserLaunches', 'organiserJoins']);

/** The logistic model's inputs: the same features, counts as log1p (a straight line in log launches). */
export function logisticInputs(row: readonly number[], features: readonly DealFeature[]): number[] {
	return row.map((v, j) => (COUNT_FEATURES.has(features[j]) ? Math.log1p(v) : v));
}
