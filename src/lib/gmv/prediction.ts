/** What a GMV prediction says: the number, its range, and what drove it (shared by the models, the page and the artifacts). */

/** One input's push on a prediction, in rupees (positive raises it). */
export interface Contribution {
	input: string;
	rupees: number;
}

export interface GmvPrediction {
	/** Predicted weekly GMV, rupees. */
	gmv: number;
	/** The model's split-conformal range (nominal 80%), rupees. */
	range?: [number, number];
	/** What the range promises and what it held on the test weeks. */
	rangeCoverage?: { nominal: number; testCoverage?: number; testRows?: number };
	/** True when the forecast used the recent weeks' GMV. */
	usedRecent?: boolean;
	/** The model's typical error on the test weeks (WAPE), for the headline's plain words. */
	heldOutWape?: number | null;
	/**
	 * What each input added to the model's starting point (`average`: an average training week, or
	 * the recent weeks' median, named by `startsFrom`); they add up to `gmv`.
	 */
	explanation?: { average: number; contributions: Contribution[]; method: string; startsFrom?: string };
}
