/** Held-out evaluation of the seller finder: metrics, naive baselines, calibration choice, interval coverage. */
import type { ClassificationMetrics } from '../../../src/lib/core/artifact/types.ts';
import { calibrate, calibrateMany, fitIsotonic, fitPlatt, type Calibration } from '../../../src/lib/core/calibration.ts';
import { classificationMetrics, logLoss, reliabilityByQuantile } from '../../../src/lib/core/metrics/classification.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import { inventoryLevels, lowestCategories } from '../../../src/lib/sellers/market.ts';
import { expectedCount, score, shareIn, topByScore } from '../../../src/lib/sellers/score.ts';
import type { MonthData, TrainingMarket } from './data.ts';
import { round } from '../io.ts';

export const AT_K = [100];

/**
 * The model's isotonic calibration: one breakpoint per flat run at the mean score of its rows
 * (core/calibration `through: 'centres'`), so users on one run no longer share one probability and
 * the probability orders users as the page's ranking does (by the forest's score within a run).
 */
export const fitModelIsotonic = (scores: ArrayLike<number>, labels: ArrayLike<number>) => fitIsotonic(scores, labels, { through: 'centres' });

/** Reliability bins cut at these quantiles of the predictions: positives are rare, so the top is cut finely. */
export const RELIABILITY_CUTS = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998];

export function metricsOf(y: Uint8Array, p: ArrayLike<number>, probabilities = true): ClassificationMetrics {
	const m = classificationMetrics(y, p, { ks: AT_K, probabilities });
	if (probabilities) m.reliability = reliabilityByQuantile(y, p, RELIABILITY_CUTS);
	return roundMetrics(m);
}

export function roundMetrics(m: ClassificationMetrics): ClassificationMetrics {
	const r = (v: number | null, d = 4) => (v === null ? null : round(v, d));
	const out: ClassificationMetrics = {
		n: m.n,
		positives: m.positives,
		rocAuc: r(m.rocAuc),
		prAuc: r(m.prAuc),
		atK: m.atK.map((a) => ({ k: a.k, precision: r(a.precision), recall: r(a.recall) })),
		brier: r(m.brier, 5),
		logLoss: r(m.logLoss)
	};
	if (m.reliability) out.reliability = m.reliability.map((b) => ({ ...b, low: round(b.low, 6), high: round(b.high, 6), meanPredicted: r(b.meanPredicted, 6), observedRate: r(b.observedRate) }));
	if (m.undefinedBecause) out.undefinedBecause = m.undefinedBecause;
	return out;
}

/**
 * Held-out metrics of a calibrated model: ranking figures (ROC AUC, PR AUC, precision and recall at
 * k) from the forest's own score, which orders users exactly as the page does (probability first,
 * ties of an isotonic step broken by that score); Brier, log loss and reliability from the
 * calibrated probabilities.
 */
export function calibratedMetricsOf(y: Uint8Array, forestScore: ArrayLike<number>, p: ArrayLike<number>): ClassificationMetrics {
	const ranking = metricsOf(y, forestScore, false);
	const probabilities = metricsOf(y, p);
	return { ...probabilities, rocAuc: ranking.rocAuc, prAuc: ranking.prAuc, atK: ranking.atK };
}

/** The lists the calibrations are compared on: each half's top 1% and top 5% of scores (the page's lists come from the top). */
export const CALIBRATION_LISTS = [0.01, 0.05];

/**
 * Isotonic or Platt, chosen on the calibration month alone: each is fitted on one seeded half of its
 * rows and judged on the other, both ways round, by how well it predicts the number of positives in
 * that half's top lists (CALIBRATION_LISTS): the sum over lists of (expected - actual)² / expected.
 * The page promises exactly that count ("how many sellers to expect"); the log loss over all rows,
 * also reported, is decided by the bulk of near-zero probabilities, and by it a Platt curve that
 * expected about 34 where 56 came in the top 1% looked better. The winner is refitted on all of the month.
 */
export function chooseCalibration(scores: Float64Array, y: Uint8Array, seed: number) {
	const random = seededRandom(seed);
	const half = Uint8Array.from({ length: y.length }, () => (random() < 0.5 ? 1 : 0));
	const part = (h: number) => {
		const idx: number[] = [];
		for (let i = 0; i < y.length; i++) if (half[i] === h) idx.push(i);
		return { s: Float64Array.from(idx, (i) => scores[i]), y: Uint8Array.from(idx, (i) => y[i]) };
	};
	const a = part(0);
	const b = part(1);
	const fitters = { isotonic: fitModelIsotonic, platt: fitPlatt } as const;
	const heldOutLogLoss: Record<string, number> = {};
	const heldOutListError: Record<string, number> = {};
	/** (expected - actual)² / expected over the top lists of `h` under calibration `cal`. */
	const listError = (cal: Calibration, h: { s: Float64Array; y: Uint8Array }) => {
		let error = 0;
		for (const share of CALIBRATION_LISTS) {
			const cut = quantile(h.s, 1 - share);
			let expected = 0;
			let actual = 0;
			for (let i = 0; i < h.s.length; i++) {
				if (h.s[i] < cut) continue;
				expected += calibrate(cal, h.s[i]);
				actual += h.y[i];
			}
			error += (expected - actual) ** 2 / Math.max(expected, 1e-9);
		}
		return error;
	};
	for (const [name, fit] of Object.entries(fitters)) {
		const fa = fit(a.s, a.y);
		const fb = fit(b.s, b.y);
		const l1 = logLoss(b.y, calibrateMany(fa, b.s)) ?? Infinity;
		const l2 = logLoss(a.y, calibrateMany(fb, a.s)) ?? Infinity;
		heldOutLogLoss[name] = round((l1 + l2) / 2, 5);
		heldOutListError[name] = round((listError(fa, b) + listError(fb, a)) / 2, 3);
	}
	const method: 'isotonic' | 'platt' = heldOutListError.isotonic <= heldOutListError.platt ? 'isotonic' : 'platt';
	const calibration: Calibration = fitters[method](scores, y);
	return { calibration, method, heldOutLogLoss, heldOutListError };
}

/** A baseline's score turned into probabilities by isotonic regression on the calibration month. */
export function calibratedBaseline(calScore: Float64Array, calY: Uint8Array, testScore: Float64Array): Float64Array {
	return calibrateMany(fitIsotonic(calScore, calY), testScore);
}

/** Recent collection of candidate i of a month, for the share. */
function recentOf(m: MonthData, i: number) {
	const { recentOffsets, recentCategory, recentCount } = m.table;
	return { categories: recentCategory.subarray(recentOffsets[i], recentOffsets[i + 1]), counts: recentCount.subarray(recentOffsets[i], recentOffsets[i + 1]) };
}

/**
 * Coverage of the "how many sellers to expect" interval on held-out months: for each month, the
 * lists a team would send (top N by score for the 3 lowest categories, for all categories, and for
 * random sets of 3), the interval of the sum of probabilities against how many did become active.
 */
export function measureCoverage(market: TrainingMarket, months: [number, number], scoresOf: (m: MonthData) => { probability: Float64Array; forestScore: Float64Array }, opts: { sizes: number[]; randomSets: number; level: number; seed: number; spread: number }) {
	const random = seededRandom(opts.seed);
	const K = market.data.log.categories.length;
	const rows = opts.sizes.map((size) => ({ size, lists: 0, covered: 0, expected: 0, actual: 0 }));
	for (let t = months[0]; t <= months[1]; t++) {
		const m = market.months.get(t)!;
		const { probability: p, forestScore } = scoresOf(m);
		const selections: Set<number>[] = [new Set(lowestCategories(inventoryLevels(market.data.log, t))), new Set(Array.from({ length: K }, (_, k) => k))];
		for (let r = 0; r < opts.randomSets; r++) {
			const set = new Set<number>();
			while (set.size < 3) set.add(Math.floor(random() * K));
			selections.push(set);
		}
		for (const selected of selections) {
			const scores = Float64Array.from(p, (pi, i) => score(pi, shareIn(recentOf(m, i), selected)));
			for (const row of rows) {
				const top = topByScore(scores, forestScore, row.size);
				if (top.length < row.size) continue;
				const interval = expectedCount(top.map((i) => p[i]), opts.level, opts.spread);
				const actual = top.reduce((s, i) => s + m.y[i], 0);
				row.lists++;
				row.expected += interval.expected;
				row.actual += actual;
				if (actual >= interval.low && actual <= interval.high) row.covered++;
			}
		}
	}
	return rows.map((r) => ({ size: r.size, lists: r.lists, covered: r.covered, rate: round(r.covered / Math.max(1, r.lists), 3), meanExpected: round(r.expected / Math.max(1, r.lists), 3), meanActual: round(r.actual / Math.max(1, r.lists), 3) }));
}

/**
 * The calibration's own uncertainty for "how many sellers to expect": the chosen method refitted on
 * `resamples` bootstrap resamples of the calibration month; for the month's top `sizes` users by
 * forest score, the log-scale SD of the list's summed probability across refits, averaged over the
 * sizes. Ships as the interval's `spread` (score.ts).
 */
export function measureCountSpread(scores: Float64Array, y: Uint8Array, method: 'isotonic' | 'platt', opts: { sizes: number[]; resamples: number; seed: number }): number {
	const random = seededRandom(opts.seed);
	const fit = method === 'isotonic' ? fitModelIsotonic : fitPlatt;
	const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
	const lists = opts.sizes.map((size) => Float64Array.from(order.slice(0, size), (i) => scores[i]));
	const logSums: number[][] = opts.sizes.map(() => []);
	const n = y.length;
	const s = new Float64Array(n);
	const l = new Uint8Array(n);
	for (let b = 0; b < opts.resamples; b++) {
		for (let i = 0; i < n; i++) {
			const j = Math.floor(random() * n);
			s[i] = scores[j];
			l[i] = y[j];
		}
		const cal = fit(s, l);
		lists.forEach((list, k) => logSums[k].push(Math.log(calibrateMany(cal, list).reduce((a, v) => a + v, 0))));
	}
	const sdOf = (v: number[]) => {
		const m = v.reduce((a, x) => a + x, 0) / v.length;
		return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
	};
	return round(logSums.reduce((a, v) => a + sdOf(v), 0) / logSums.length, 4);
}
