/**
 * Group-buy recommender: the shoppers' recommender and group lists on Groceries (shopper.ts) and
 * the deal-fill model on BeiBei (deal.ts). Each writes its artifact to model-artifacts/group-buy/.
 */
import { trainDeal } from './group-buy/deal.ts';
import { trainShopper } from './group-buy/shopper.ts';

export async function trainGroupBuy(opts: { dataDir: string; outDir: string; exportFeaturesDir?: string }): Promise<void> {
	await trainShopper(opts);
	await trainDeal(opts);
}
