/**
 * The shopper recommender's training settings: the seed, the list length, the embedding sizes and
 * blend weights that compete, the groups drawn, and the reference script's own figures. Read by
 * every step of scripts/train/group-buy/shopper.ts.
 */
export const VERSION = '1.0.0';
export const SEED = 20260112;
/** Items in one shopper's list and in a group's list. */
export const K = 10;
export const EMBEDDING = { dimsTried: [8, 16, 32], epochs: 300, learningRate: 0.05, l2: 1e-4 };
/** Blend weights tried on validation (with popularity 0, only the embedding weight 1: the scale does not change a ranking). */
export const GRID = { popularity: [1, 0], embedding: [0, 0.25, 0.5, 1, 2, 4], rebuy: [0, 0.1, 0.2, 0.3] };
export const GROUPS = { sizes: [3, 8, 15, 30], perSize: 200 };
/** Seeded random tie orders the reference recommenders are reproduced under (besides catalogue order). */
export const TIE_ORDERS = 8;
export const BOOTSTRAP_RESAMPLES = 1000;
/** The reference script's figures as the lead measured them (recall@10, hit@10). */
export const REFERENCE = {
	popularity: { recall: 0.3773, hit: 0.7123 },
	itemKnn: { recall: 0.2756, hit: 0.5683 },
	personal: { recall: 0.2578, hit: 0.5413 }
};
