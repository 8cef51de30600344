/**
 * Rolling-origin validation for the seller finder: several validation months, each scored by a
 * model trained only on the months before it (with the 3-month gap of the split, see data.ts), so
 * candidate models are compared on thousands of validation positives instead of a few hundred.
 * Each candidate is judged by PR AUC and precision at 100 averaged over the months, and against a
 * reference by a paired bootstrap that resamples users within each month (seeded).
 */
import { quantile } from '../../../src/lib/core/metrics.ts';
import { averagePrecision, precisionRecallAtK } from '../../../src/lib/core/metrics/classification.ts';
import { poisson, seededRandom } from '../../../src/lib/core/random.ts';
import type { SplitPlan } from './data.ts';

/** A validation month and the last month its model may train on. */
export interface Origin {
	month: number;
	trainTo: number;
}

/** Months between a training month and the month it is judged on (a listing window, see data.ts). */
export const GAP = 3;

/**
 * `count` validation months ending at the plan's last validation month, `step` apart; each trains on
 * the plan's first training month up to GAP months before it. All lie before the calibration month's
 * listing window, so nothing here sees calibration or test labels.
 */
export function rollingOrigins(plan: SplitPlan, count: number, step: number): Origin[] {
	const out: Origin[] = [];
	for (let k = count - 1; k >= 0; k--) {
		const month = plan.validation[1] - k * step;
		out.push({ month, trainTo: month - GAP });
	}
	return out;
}

/** One candidate's scores on every origin's validation month (same order as the origins). */
export interface ScoredMonth {
	y: Uint8Array;
	score: Float64Array;
}

export interface RollingSummary {
	/** PR AUC (average precision) per month, and their mean. */
	prAuc: number[];
	meanPrAuc: number;
	/** Precision among the top `k` per month, and their mean. */
	precisionAtK: number[];
	meanPrecisionAtK: number;
	k: number;
}

export function summarise(months: readonly ScoredMonth[], k = 100): RollingSummary {
	const prAuc = months.map((m) => averagePrecision(m.y, m.score) ?? NaN);
	const precisionAtK = months.map((m) => precisionRecallAtK(m.y, m.score, k).precision ?? NaN);
	const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
	return { prAuc, meanPrAuc: mean(prAuc), precisionAtK, meanPrecisionAtK: mean(precisionAtK), k };
}

export interface RollingDifference {
	metric: 'prAuc' | 'precisionAtK';
	difference: number;
	low: number;
	high: number;
	level: number;
	resamples: number;
}

/** A month's scores in descending order, cut into groups of tied scores. */
interface Ordered {
	order: Uint32Array;
	/** Group g is order[groupStart[g] .. groupStart[g + 1]). */
	groupStart: Uint32Array;
}

function ordered(score: Float64Array): Ordered {
	const order = Uint32Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a]);
	const starts: number[] = [0];
	for (let j = 1; j < order.length; j++) if (score[order[j]] !== score[order[j - 1]]) starts.push(j);
	starts.push(order.length);
	return { order, groupStart: Uint32Array.from(starts) };
}

/** Average precision and precision at k of a weighted sample (weights = times each row is drawn). */
function weightedMetric(o: Ordered, y: Uint8Array, w: Float64Array, metric: 'prAuc' | 'precisionAtK', k: number): number {
	let positives = 0;
	if (metric === 'prAuc') {
		for (let i = 0; i < y.length; i++) positives += y[i] * w[i];
		if (positives === 0) return NaN;
	}
	let tp = 0;
	let seen = 0;
	let ap = 0;
	for (let g = 0; g + 1 < o.groupStart.length; g++) {
		let pos = 0;
		let rows = 0;
		for (let j = o.groupStart[g]; j < o.groupStart[g + 1]; j++) {
			const i = o.order[j];
			pos += y[i] * w[i];
			rows += w[i];
		}
		if (rows === 0) continue;
		if (metric === 'precisionAtK') {
			const inside = Math.min(rows, k - seen);
			tp += (pos * inside) / rows;
			seen += inside;
			if (seen >= k) return tp / k;
			continue;
		}
		tp += pos;
		seen += rows;
		if (pos > 0) ap += (pos / positives) * (tp / seen);
	}
	return metric === 'prAuc' ? ap : tp / Math.max(seen, 1);
}

/**
 * Paired bootstrap of (model - reference) of the month-averaged metric: every resample weighs each
 * user of each month by a Poisson(1) count (the usual large-sample form of drawing users with
 * replacement within the month) and scores both on the same weights.
 */
export function rollingBootstrap(model: readonly ScoredMonth[], reference: readonly ScoredMonth[], metric: 'prAuc' | 'precisionAtK', opts: { seed: number; resamples: number; k?: number; level?: number }): RollingDifference {
	const k = opts.k ?? 100;
	const level = opts.level ?? 0.95;
	const a = model.map((m) => ordered(m.score));
	const b = reference.map((m) => ordered(m.score));
	const meanDiff = (weights: Float64Array[]) => model.reduce((s, m, i) => s + weightedMetric(a[i], m.y, weights[i], metric, k) - weightedMetric(b[i], m.y, weights[i], metric, k), 0) / model.length;
	const difference = meanDiff(model.map((m) => new Float64Array(m.y.length).fill(1)));
	const random = seededRandom(opts.seed);
	const diffs: number[] = [];
	for (let r = 0; r < opts.resamples; r++) diffs.push(meanDiff(model.map((m) => Float64Array.from({ length: m.y.length }, () => poisson(random, 1)))));
	const finite = diffs.filter(Number.isFinite);
	const tail = (1 - level) / 2;
	return { metric, difference, low: quantile(finite, tail), high: quantile(finite, 1 - tail), level, resamples: finite.length };
}

/** Each score replaced by its mid-rank within the array, scaled to (0, 1] (ties share their mean rank). */
export function rankScale(score: ArrayLike<number>): Float64Array {
	const n = score.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
	const out = new Float64Array(n);
	for (let g = 0; g < n; ) {
		let end = g;
		while (end < n && score[order[end]] === score[order[g]]) end++;
		const mid = (g + end + 1) / 2 / n;
		for (let j = g; j < end; j++) out[order[j]] = mid;
		g = end;
	}
	return out;
}
