/**
 * Recommendations for every member of a purchase log (or every line of a basket file): each
 * member's top items with their chances, from their baskets. Pure TS, no DOM: the upload worker
 * and the bench run it.
 */
import type { ShopperArtifact } from './artifact';
import { itemCounts, type MemberBaskets } from './baskets';
import { calibrate } from '../core/calibration';
import { shopperScores, topItems, type ShopperModel } from './shopper';

export interface MemberRecommendation {
	member: string;
	baskets: number;
	/** Top items, best first, and the member's chance of buying each in their next shop. */
	items: number[];
	chances: number[];
}

export function recommendAll(model: ShopperModel, a: Pick<ShopperArtifact, 'chance'>, members: readonly MemberBaskets[], k = 10): MemberRecommendation[] {
	return members.map((m) => {
		// Ranked by the blend's score (the calibration is a step function: it would tie items).
		const scores = shopperScores(model, itemCounts(m.baskets, model.nItems));
		const items = topItems(scores, k);
		return { member: m.member, baskets: m.baskets.length, items, chances: items.map((i) => calibrate(a.chance, scores[i])) };
	});
}
