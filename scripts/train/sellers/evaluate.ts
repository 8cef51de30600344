/** Held-out evaluation of the seller finder: metrics, naive baselines, calibration choice, interval coverage. */
import type { ClassificationMetrics } from '../../../src/lib/core/artifact/types.ts';
import { calibrateMany, fitIsotonic, fitPlatt, type Calibration } from '../../../src/lib/core/calibration.ts';
import { classificationMetrics, logLoss, reliabilityByQuantile } from '../../../src/lib/core/metrics/classification.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import { inventoryLevels, lowestCategories } from '../../../src/lib/sellers/market.ts';
import { expectedCount, score, shareIn, topByScore } from '../../../src/lib/sellers/score.ts';
import type { MonthData, TrainingMarket } from './data.ts';
import { round } from '../io.ts';

export const AT_K = [100];

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
 * Isotonic or Platt, chosen on the calibration month alone: each is fitted on one seeded half of its
 * rows and scored (log loss) on the other, both ways round; the lower mean wins and is refitted on
 * all of the month.
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
	const fitters = { isotonic: fitIsotonic, platt: fitPlatt } as const;
	const heldOutLogLoss: Record<string, number> = {};
	for (const [name, fit] of Object.entries(fitters)) {
		const l1 = logLoss(b.y, calibrateMany(fit(a.s, a.y), b.s)) ?? Infinity;
		const l2 = logLoss(a.y, calibrateMany(fit(b.s, b.y), a.s)) ?? Infinity;
		heldOutLogLoss[name] = round((l1 + l2) / 2, 5);
	}
	const method = heldOutLogLoss.isotonic <= heldOutLogLoss.platt ? 'isotonic' : 'platt';
	const calibration: Calibration = fitters[method](scores, y);
	return { calibration, method, heldOutLogLoss };
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
export function measureCoverage(market: TrainingMarket, months: [number, number], probabilityOf: (m: MonthData) => Float64Array, opts: { sizes: number[]; randomSets: number; level: number; seed: number }) {
	const random = seededRandom(opts.seed);
	const K = market.data.log.categories.length;
	const rows = opts.sizes.map((size) => ({ size, lists: 0, covered: 0, expected: 0, actual: 0 }));
	for (let t = months[0]; t <= months[1]; t++) {
		const m = market.months.get(t)!;
		const p = probabilityOf(m);
		const selections: Set<number>[] = [new Set(lowestCategories(inventoryLevels(market.data.log, t))), new Set(Array.from({ length: K }, (_, k) => k))];
		for (let r = 0; r < opts.randomSets; r++) {
			const set = new Set<number>();
			while (set.size < 3) set.add(Math.floor(random() * K));
			selections.push(set);
		}
		for (const selected of selections) {
			const scores = Float64Array.from(p, (pi, i) => score(pi, shareIn(recentOf(m, i), selected)));
			for (const row of rows) {
				const top = topByScore(scores, p, row.size);
				if (top.length < row.size) continue;
				const interval = expectedCount(top.map((i) => p[i]), opts.level);
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
