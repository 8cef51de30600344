/**
 * GMV forecast: a random forest and a small TensorFlow.js network on the weekly ElecKart data,
 * held out on the last ten weeks (44..53) of every sub-category, beside a trailing-average baseline.
 * Each step below is a module of gmv/ (settings.ts holds the split, the models' sizes and the seed).
 */
import { writeGmvArtifacts } from './gmv/artifacts.ts';
import { encodeFeatures, gmvFiles, readCalendarAndBudgets, readWeeklyRows } from './gmv/data.ts';
import { fitGmvForest } from './gmv/forest.ts';
import { fitGmvNetwork } from './gmv/network.ts';
import { calibrateRanges } from './gmv/ranges.ts';
import { compareOnTestWeeks, fitRecentForecast } from './gmv/test-weeks.ts';

export async function trainGmv(opts: { dataDir: string; outDir: string; exportFeaturesDir?: string }) {
	const files = gmvFiles(opts.dataDir);
	// 1. The weekly rows, through the same schema and transform as a browser upload.
	const data = readWeeklyRows(files.weekly);
	// 2. Calendars and monthly budgets.
	const { calendar, monthlyBudget } = readCalendarAndBudgets(files, data.rows);
	// 3. Encoders from the training weeks only.
	const features = encodeFeatures(data, opts.exportFeaturesDir);
	// 4. The forecast from recent sales and the naive forecasts, chosen and calibrated on the validation weeks.
	const recent = fitRecentForecast(data, features);
	// 5. Random forest: its size chosen on the last training weeks, then refitted on all training weeks.
	const forest = fitGmvForest(data.train, features);
	// 6. Network on the same features.
	const network = await fitGmvNetwork(data.train, features);
	// 7. The 80% ranges of both, calibrated on two folds inside training.
	const ranges = await calibrateRanges(data, features, forest, network);
	// 8. The held-out weeks, measured once.
	const testWeeks = compareOnTestWeeks(data, features, recent, forest, network, ranges, opts.exportFeaturesDir);
	// 9. Artifacts.
	await writeGmvArtifacts(opts.outDir, { files, data, calendar, monthlyBudget, features, recent, forest, network, ranges, testWeeks });
}
