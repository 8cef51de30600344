/**
 * The BG/NBD + Gamma-Gamma forecast of a group's revenue (the CLV libraries' standard pair): at a cut,
 * both models are fitted on every customer who bought before it, then each group member's expected
 * purchases in the horizon (BG/NBD, from their own history) times their expected spend per purchase
 * (Gamma-Gamma) are summed. Members who had not bought yet by the cut add nothing: the models know
 * only customers already seen. Each fit starts from the previous cut's (faster, still deterministic:
 * the cuts are always taken in the same order). Pure, no DOM.
 */
import { expectedPurchases, fitBgNbd, type BgNbdFit } from './bgnbd';
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gammaGamma';
import { historiesAt, type PurchaseDays } from './purchaseDays';

/** Fewest customers with a repeat purchase for the two models to be fitted at all. */
export const MIN_REPEAT_CUSTOMERS = 20;

export interface ClvFits {
	bgNbd: BgNbdFit;
	gammaGamma: GammaGammaFit;
}

export interface ClvForecaster {
	/** Revenue of `members` in the `horizon` days from `cut` (first day not seen); null when the models cannot be fitted. */
	forecast(cut: number, horizon: number): number | null;
	/** The fits of the last cut forecast (for the model card). */
	lastFits(): ClvFits | null;
}

export function clvForecaster(days: PurchaseDays, members: ArrayLike<number>): ClvForecaster {
	let previous: ClvFits | null = null;
	let last: ClvFits | null = null;
	return {
		forecast(cut, horizon) {
			last = null;
			const all = historiesAt(days, cut);
			const repeat: number[] = [];
			for (let i = 0; i < all.x.length; i++) if (all.x[i] > 0 && all.meanRepeat[i] > 0) repeat.push(i);
			if (repeat.length < MIN_REPEAT_CUSTOMERS) return null;
			const bgNbd = fitBgNbd(all, previous?.bgNbd);
			// Typed arrays: the same numbers as plain arrays, with one shape whatever the values.
			const gammaGamma = fitGammaGamma(
				Float64Array.from(repeat, (i) => all.x[i]),
				Float64Array.from(repeat, (i) => all.meanRepeat[i]),
				previous?.gammaGamma
			);
			if (!(gammaGamma.q > 1)) return null;
			previous = last = { bgNbd, gammaGamma };
			const group = historiesAt(days, cut, members);
			let total = 0;
			for (let i = 0; i < group.x.length; i++) {
				const x = group.x[i];
				const spend = expectedSpend(gammaGamma, group.meanRepeat[i] > 0 ? x : 0, group.meanRepeat[i]);
				total += expectedPurchases(bgNbd, horizon, x, group.tx[i], group.T[i]) * spend;
			}
			return Number.isFinite(total) ? total : null;
		},
		lastFits: () => last
	};
}
