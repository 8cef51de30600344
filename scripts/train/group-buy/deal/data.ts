/**
 * BeiBei's launches for the deal model: read, shuffled and split as the reference script, with the
 * training launches cut into fit and validation launches.
 */
import type { DealHistory } from '../../../../src/lib/group-buy/deal.ts';
import { round } from '../../io.ts';
import { readLaunches, splitLaunches, type DealSplit, type Launch } from '../beibei.ts';
import { PRIOR_LAUNCHES, VALIDATION_SHARE } from './settings.ts';

/** The split launches, the files read, and what every step needs of them. */
export interface DealLaunches {
	split: DealSplit;
	files: string[];
	/** The encoders' fixed part: the counted half's fill rate and the shrinkage. */
	base: { baseFillRate: number; priorLaunches: number };
	/** The first training launches, the models are fitted on. */
	fit: Launch[];
	/** The last training launches, features, forest size and calibration are chosen on. */
	validation: Launch[];
	/** What the counted half knows of a launch's item and organiser. */
	known: (l: Launch) => DealHistory;
}

/** Read BeiBei's launches under `dataDir` and split them (prints their counts). */
export function readDealLaunches(dataDir: string): DealLaunches {
	const t0 = performance.now();
	const { launches, files } = readLaunches(dataDir);
	const split = splitLaunches(launches);
	const { history } = split;
	const base = { baseFillRate: round(history.baseFillRate, 10), priorLaunches: PRIOR_LAUNCHES };
	const nFit = Math.floor(split.train.length * (1 - VALIDATION_SHARE));
	const fit = split.train.slice(0, nFit);
	const validation = split.train.slice(nFit);
	console.log(`BeiBei: ${split.total.toLocaleString('en-US')} launches; history half ${history.launches.toLocaleString('en-US')} (fill rate ${history.baseFillRate.toFixed(4)}); train ${split.train.length.toLocaleString('en-US')} (fit ${fit.length.toLocaleString('en-US')} + validation ${validation.length.toLocaleString('en-US')}), test ${split.test.length.toLocaleString('en-US')} (${((performance.now() - t0) / 1000).toFixed(1)} s to read)`);
	return { split, files, base, fit, validation, known: (l: Launch) => history.of(l) };
}
