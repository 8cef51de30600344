/**
 * Will a group deal fill: a classification flat forest (balanced per-tree samples, quantile-binned
 * training) on BeiBei's launches, calibrated on validation launches, beside a logistic model, the
 * item's fill rate alone (the naive baseline) and scikit-learn's forest on the same features.
 * Features, forest size and calibration are chosen on validation launches (the last 20% of the
 * training launches); the test launches (the reference script's last 30%) are scored once. See
 * deal/settings.ts for the candidates and the seed; each step below is a module of deal/.
 */
import { join } from 'node:path';
import { GROUP_BUY_TOOL, type DealArtifact } from '../../../src/lib/group-buy/artifact.ts';
import { writeArtifact } from '../io.ts';
import { buildDealArtifact } from './deal/artifact.ts';
import { measureFillCap } from './deal/cap.ts';
import { readDealLaunches } from './deal/data.ts';
import { fitDealModels } from './deal/models.ts';
import { compareDealModels } from './deal/report.ts';
import { chooseDealModel } from './deal/selection.ts';

/** Train the deal-fill model on BeiBei's launches under `dataDir`; writes group-buy/deal.json under `outDir`. */
export async function trainDeal(opts: { dataDir: string; outDir: string; exportFeaturesDir?: string }): Promise<DealArtifact> {
	const launches = readDealLaunches(opts.dataDir);
	// 1-2. Features, then forest size, on validation launches.
	const choice = chooseDealModel(launches);
	// 3-5. The forest (calibrated on validation), the logistic model and the item's fill rate on the test launches.
	const models = fitDealModels(launches, choice);
	// BeiBei's cap on an organiser's fills: how well the models rank the launches it does not decide.
	const cap = measureFillCap(launches, choice, models);
	// 6. The report, with scikit-learn on exactly these features and rows.
	const report = compareDealModels(launches, models, opts.exportFeaturesDir);
	// 7. The artifact.
	return writeArtifact<DealArtifact>(join(opts.outDir, GROUP_BUY_TOOL, 'deal.json'), buildDealArtifact({ launches, choice, models, cap, report }));
}
