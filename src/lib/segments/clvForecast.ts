/**
 * The BG/NBD + Gamma-Gamma forecast of a group's revenue (the CLV libraries' standard pair): at a cut,
 * both models are fitted on every customer who bought before it, then each group member's expected
 * purchases in the horizon (BG/NBD, from their own history) times their expected spend per purchase
 * (Gamma-Gamma) are summed. Members who had not bought yet by the cut add nothing: the models know
 * only customers already seen. Each fit starts from the previous cut's (faster, still deterministic:
 * the cuts are always taken in the same order).
 *
 * The fits do not depend on the group, so they can be made before the group is known (`clvFitsAt`,
 * on another thread while the group is worked out): the same numbers as fitting both at each cut
 * when asked. Pure, no DOM.
 */
import { valuesAt } from '../core/valuesAt';
import { expectedPurchases, fitBgNbd, type BgNbdFit } from './bgnbd';
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gammaGamma';
import { historiesAt, type PurchaseDays } from './purchaseDays';

/** Fewest customers with a repeat purchase for the two models to be fitted at all. */
export const MIN_REPEAT_CUSTOMERS = 20;

export interface ClvFits {
	bgNbd: BgNbdFit;
	gammaGamma: GammaGammaFit;
}

/** The fits at each of the `cuts` (null where the models could not be fitted), as `clvFitsAt` makes them. */
export interface FitsAtCuts {
	cuts: readonly number[];
	fits: readonly (ClvFits | null)[];
}

export interface ClvForecaster {
	/** Revenue of `members` in the `horizon` days from `cut` (first day not seen); null when the models cannot be fitted. */
	forecast(cut: number, horizon: number): number | null;
	/** The fits of the last cut forecast (for the model card). */
	lastFits(): ClvFits | null;
}

/**
 * Both models' fits at each cut, in order, each started from the last cut's kept fits (the first from
 * `start`, when given). Null where too few customers bought again, or where the Gamma-Gamma fit has
 * no finite mean spend (q <= 1): such a cut's fits are not kept, for the forecast or as a start.
 */
export function clvFitsAt(days: PurchaseDays, cuts: readonly number[], start?: ClvFits): FitsAtCuts {
	let previous = start;
	const fits = cuts.map((cut): ClvFits | null => {
		const all = historiesAt(days, cut);
		const repeat: number[] = [];
		for (let i = 0; i < all.x.length; i++) if (all.x[i] > 0 && all.meanRepeat[i] > 0) repeat.push(i);
		if (repeat.length < MIN_REPEAT_CUSTOMERS) return null;
		// Typed arrays: the same numbers as plain arrays, with one shape whatever the values.
		const gammaGamma = fitGammaGamma(valuesAt(all.x, repeat), valuesAt(all.meanRepeat, repeat), previous?.gammaGamma);
		if (!(gammaGamma.q > 1)) return null;
		previous = { bgNbd: fitBgNbd(all, previous?.bgNbd), gammaGamma };
		return previous;
	});
	return { cuts, fits };
}

/** The group's expected revenue in `horizon` days from `cut`, with the fits made at that cut. */
function groupRevenue(days: PurchaseDays, members: ArrayLike<number>, cut: number, horizon: number, { bgNbd, gammaGamma }: ClvFits): number | null {
	const group = historiesAt(days, cut, members);
	let total = 0;
	for (let i = 0; i < group.x.length; i++) {
		const x = group.x[i];
		const spend = expectedSpend(gammaGamma, group.meanRepeat[i] > 0 ? x : 0, group.meanRepeat[i]);
		total += expectedPurchases(bgNbd, horizon, x, group.tx[i], group.T[i]) * spend;
	}
	return Number.isFinite(total) ? total : null;
}

/**
 * The forecaster of a group. `fitted`: the fits made beforehand (`clvFitsAt`) at the cuts it will be
 * asked about, in the order asked; a cut not among them is fitted when asked, from the last fits kept.
 */
export function clvForecaster(days: PurchaseDays, members: ArrayLike<number>, fitted?: FitsAtCuts): ClvForecaster {
	const made = new Map<number, ClvFits | null>();
	fitted?.cuts.forEach((cut, k) => made.set(cut, fitted.fits[k]));
	let previous: ClvFits | null = null;
	let last: ClvFits | null = null;
	const fitsAt = (cut: number): ClvFits | null => (made.has(cut) ? made.get(cut)! : clvFitsAt(days, [cut], previous ?? undefined).fits[0]);
	return {
		forecast(cut, horizon) {
			last = fitsAt(cut);
			if (!last) return null;
			previous = last;
			return groupRevenue(days, members, cut, horizon, last);
		},
		lastFits: () => last
	};
}
