/**
 * The GMV budget planner's training settings: the time split, the choices that compete, the
 * bootstrap, the search's size and the seed. Read by every step of scripts/train/gmv-planner.ts.
 */
import type { Channel } from '../../../src/lib/gmv/schema.ts';

export const VERSION = '2.0.0';
export const SEED = 20260108;
/** Validation weeks 34-43: the choices are fitted on the weeks before them and scored on them. */
export const FIRST_VALIDATION_WEEK = 34;
/** Held-out weeks 44 to the end, measured once. */
export const FIRST_TEST_WEEK = 44;
/** The number of channel groups and the ridge that compete on the validation weeks. */
export const CHOICES = { groups: [1, 2, 3, 4], ridge: [0, 0.1, 0.5] };
/** Moving-block bootstrap: refits, and weeks a block. */
export const BOOTSTRAP = { refits: 100, block: 4 };
/** Seeded random candidates of each fit's search, before refinement. */
export const SAMPLES = 500;
/** Column of each channel in MediaInvestment.csv. */
export const MEDIA_COLUMN: Record<Channel, string> = {
	TV: 'TV', Digital: 'Digital', Sponsorship: 'Sponsorship', ContentMarketing: 'Content Marketing',
	OnlineMarketing: 'Online marketing', Affiliates: 'Affiliates', SEM: 'SEM', Radio: 'Radio', Other: 'Other'
};
