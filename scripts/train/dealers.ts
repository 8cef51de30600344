/**
 * Dealer traffic effectiveness: expected sales of a dealer-month from its traffic, leads, size,
 * region and month, on the seeded synthetic network (no public dealer data exists).
 *
 * Protocol: whole dealers are split 70/15/15 (seeded). Models train on the training dealers' 12
 * months; the network's epochs and the choice between the network and the forest are made on the
 * validation dealers; the test dealers' last three months (Oct-Dec) are scored once. Baselines are
 * naive close rates from the training dealers: leads x the national rate, and leads x the rate of
 * the region in that month. The effectiveness interval's dispersion and model error are set on the
 * validation dealers; its coverage and the recovery of the planted effects are measured on the
 * test dealers and on the demo network (another seed) that the page shows. Each step below is a
 * module of dealers/ (settings.ts holds the split, the candidates and the seeds).
 */
import { writeDealersArtifact } from './dealers/artifact.ts';
import { compareCandidates, peersOf } from './dealers/candidates.ts';
import { prepareDealerData } from './dealers/data.ts';
import { calibrateInterval, measureRecovery } from './dealers/interval.ts';
import { FULL_SCALE, type TrainingScale } from './dealers/settings.ts';
import { measureTestDealers } from './dealers/test-dealers.ts';

export type { TrainingScale } from './dealers/settings.ts';

export async function trainDealers(opts: { outDir: string; exportFeaturesDir?: string; scale?: TrainingScale }) {
	const scale = opts.scale ?? FULL_SCALE;
	// 1. The generated network, split by whole dealers.
	const data = prepareDealerData(scale.dealers);
	// 2. Candidates, judged on the validation dealers; peers by size from the chosen model on the whole training network.
	const choice = await compareCandidates(data, scale);
	const peers = peersOf(data, choice.chosen);
	// 3. The test dealers' last three months, once.
	const test = measureTestDealers(data, choice, peers, opts.exportFeaturesDir);
	// 4. The effectiveness interval: dispersion and model error on validation dealers, coverage elsewhere.
	const { interval, ...scoredDemo } = calibrateInterval(data, choice.chosen, peers, test.testScored, scale.dealers);
	// 5. What the tool recovers of the planted effects.
	const recoveries = measureRecovery(data, test.testScored, scoredDemo, interval, scale.dealers);
	// 6. Reference data, the demo's first view, and the artifact.
	await writeDealersArtifact(opts.outDir, { scale, data, choice, peers, test, interval, recoveries });
}
