/**
 * Held-out metrics of a binary classifier (labels 0/1, higher score = more likely positive), as
 * scikit-learn defines them: ROC AUC with ties counted half, average precision for the PR AUC,
 * Brier score, log loss with probabilities clipped to [eps, 1 - eps], and a reliability table on
 * equal-width bins (`calibration_curve(strategy='uniform')`). Precision and recall at k share tied
 * scores at the cut out evenly, so row order never changes a figure. Metrics the rows cannot
 * define are null with a reason, never NaN. Pure TS, no DOM.
 */
import type { AtK, ClassificationMetrics, ReliabilityBin } from '../artifact/types';

const NO_ROWS = 'no rows to score';
const NO_POSITIVES = 'no positive rows among those scored';
const NO_NEGATIVES = 'no negative rows among those scored';
const NOT_PROBABILITY = 'the score ranks rows; it is not a probability';

function check(labels: ArrayLike<number>, scores: ArrayLike<number>): void {
	if (labels.length !== scores.length) throw new RangeError(`${labels.length} labels but ${scores.length} scores`);
	for (let i = 0; i < labels.length; i++) {
		if (labels[i] !== 0 && labels[i] !== 1) throw new RangeError(`Label ${i} is ${labels[i]}; labels are 0 or 1`);
		if (!Number.isFinite(scores[i])) throw new RangeError(`Score ${i} is ${scores[i]}, not a finite number`);
	}
}

/** Row indices by score, highest first (ties in row order; callers treat tie groups as one). */
function byScoreDescending(scores: ArrayLike<number>): Uint32Array {
	const order = Uint32Array.from({ length: scores.length }, (_, i) => i);
	return order.sort((a, b) => scores[b] - scores[a] || a - b);
}

function countPositives(labels: ArrayLike<number>): number {
	let p = 0;
	for (let i = 0; i < labels.length; i++) p += labels[i];
	return p;
}

/** ROC AUC: the chance that a random positive scores above a random negative, ties counting half. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number | null {
	check(labels, scores);
	const positives = countPositives(labels);
	const negatives = labels.length - positives;
	if (positives === 0 || negatives === 0) return null;
	const order = byScoreDescending(scores);
	// Walk tie groups from the top: each positive beats the negatives below it, and ties half.
	let negativesAbove = 0;
	let wins = 0;
	for (let g = 0; g < order.length; ) {
		let end = g;
		let pos = 0;
		while (end < order.length && scores[order[end]] === scores[order[g]]) pos += labels[order[end++]];
		const neg = end - g - pos;
		wins += pos * (negatives - negativesAbove - neg) + 0.5 * pos * neg;
		negativesAbove += neg;
		g = end;
	}
	return wins / (positives * negatives);
}

/** Average precision: the sum over score thresholds of (gain in recall) x precision there. */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number | null {
	check(labels, scores);
	const positives = countPositives(labels);
	if (positives === 0) return null;
	const order = byScoreDescending(scores);
	let tp = 0;
	let seen = 0;
	let ap = 0;
	for (let g = 0; g < order.length; ) {
		let end = g;
		let pos = 0;
		while (end < order.length && scores[order[end]] === scores[order[g]]) pos += labels[order[end++]];
		tp += pos;
		seen = end;
		if (pos > 0) ap += (pos / positives) * (tp / seen);
		g = end;
	}
	return ap;
}

/** Precision and recall among the k highest scores; a tie group across the cut counts pro rata. */
export function precisionRecallAtK(labels: ArrayLike<number>, scores: ArrayLike<number>, k: number): AtK {
	check(labels, scores);
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
	const n = labels.length;
	const positives = countPositives(labels);
	const order = byScoreDescending(scores);
	const take = Math.min(k, n);
	let hits = 0;
	for (let g = 0; g < take; ) {
		let end = g;
		let pos = 0;
		while (end < n && scores[order[end]] === scores[order[g]]) pos += labels[order[end++]];
		const inside = Math.min(end, take) - g;
		hits += (pos * inside) / (end - g);
		g = end;
	}
	return { k, precision: n === 0 ? null : hits / take, recall: positives === 0 ? null : hits / positives };
}

/** Mean squared difference between probability and outcome. */
export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number | null {
	check(labels, probabilities);
	if (labels.length === 0) return null;
	let s = 0;
	for (let i = 0; i < labels.length; i++) s += (probabilities[i] - labels[i]) ** 2;
	return s / labels.length;
}

/** Mean negative log-likelihood, probabilities clipped to [eps, 1 - eps] with eps the float64 epsilon. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number | null {
	check(labels, probabilities);
	if (labels.length === 0) return null;
	const eps = Number.EPSILON;
	let s = 0;
	for (let i = 0; i < labels.length; i++) {
		const p = Math.min(1 - eps, Math.max(eps, probabilities[i]));
		s -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
	}
	return s / labels.length;
}

/**
 * Reliability table on `bins` equal-width bins of [0, 1]: a row with probability p falls in the
 * bin whose (low, high] holds it (the first bin also takes 0), as scikit-learn's calibration_curve.
 * Every bin is listed; empty ones have n 0 and null rates.
 */
export function reliabilityTable(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): ReliabilityBin[] {
	check(labels, probabilities);
	if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, not ${bins}`);
	const step = 1 / bins;
	const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i * step));
	const n = new Array<number>(bins).fill(0);
	const sumP = new Array<number>(bins).fill(0);
	const sumY = new Array<number>(bins).fill(0);
	for (let i = 0; i < labels.length; i++) {
		const p = probabilities[i];
		let b = 0;
		while (b < bins - 1 && edges[b + 1] < p) b++;
		n[b]++;
		sumP[b] += p;
		sumY[b] += labels[i];
	}
	return n.map((count, b) => ({
		low: edges[b],
		high: edges[b + 1],
		n: count,
		meanPredicted: count ? sumP[b] / count : null,
		observedRate: count ? sumY[b] / count : null
	}));
}

export interface ClassificationMetricOptions {
	/** The k of precision@k and recall@k (e.g. [100] for "the top 100 users"). Default none. */
	ks?: readonly number[];
	/** The scores are probabilities (Brier, log loss and reliability need them). Default true. */
	probabilities?: boolean;
	/** Bins of the reliability table. Default 10. */
	bins?: number;
}

/** Every classification metric of `scores` against the 0/1 `labels`, with reasons for the undefined ones. */
export function classificationMetrics(labels: ArrayLike<number>, scores: ArrayLike<number>, opts: ClassificationMetricOptions = {}): ClassificationMetrics {
	check(labels, scores);
	const n = labels.length;
	const positives = countPositives(labels);
	const isProbability = opts.probabilities ?? true;
	if (isProbability) {
		for (let i = 0; i < n; i++) if (scores[i] < 0 || scores[i] > 1) throw new RangeError(`Score ${i} is ${scores[i]}, not a probability`);
	}
	const why: NonNullable<ClassificationMetrics['undefinedBecause']> = {};
	const rankReason = n === 0 ? NO_ROWS : positives === 0 ? NO_POSITIVES : positives === n ? NO_NEGATIVES : null;
	const m: ClassificationMetrics = {
		n,
		positives,
		rocAuc: rankReason ? null : rocAuc(labels, scores),
		prAuc: n === 0 || positives === 0 ? null : averagePrecision(labels, scores),
		atK: (opts.ks ?? []).map((k) => precisionRecallAtK(labels, scores, k)),
		brier: isProbability && n > 0 ? brierScore(labels, scores) : null,
		logLoss: isProbability && n > 0 ? logLoss(labels, scores) : null
	};
	if (isProbability) m.reliability = reliabilityTable(labels, scores, opts.bins ?? 10);
	if (rankReason) why.rocAuc = rankReason;
	if (m.prAuc === null) why.prAuc = n === 0 ? NO_ROWS : NO_POSITIVES;
	if (m.atK.some((a) => a.precision === null || a.recall === null)) why.atK = n === 0 ? NO_ROWS : NO_POSITIVES;
	if (m.brier === null) why.brier = isProbability ? NO_ROWS : NOT_PROBABILITY;
	if (m.logLoss === null) why.logLoss = isProbability ? NO_ROWS : NOT_PROBABILITY;
	if (Object.keys(why).length) m.undefinedBecause = why;
	return m;
}

/**
 * Reliability table on bins cut at quantiles of the predicted probabilities (e.g. [0.5, 0.9, 0.99]
 * gives bins holding the lowest half, the next 40%, the next 9% and the top 1% of rows). For rare
 * positives, where equal-width bins put nearly every row in the first bin. Rows are ranked by
 * probability (ties broken by position); bins are listed in order, `low`/`high` are the bin's
 * smallest and largest predicted probability.
 */
export function reliabilityByQuantile(labels: ArrayLike<number>, probabilities: ArrayLike<number>, cuts: readonly number[]): ReliabilityBin[] {
	check(labels, probabilities);
	const n = labels.length;
	if (cuts.some((q, i) => !(q > 0 && q < 1) || (i > 0 && q <= cuts[i - 1]))) throw new RangeError('cuts must rise strictly inside (0, 1)');
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[a] - probabilities[b] || a - b);
	const bounds = [0, ...cuts.map((q) => Math.round(q * n)), n];
	const out: ReliabilityBin[] = [];
	for (let b = 0; b + 1 < bounds.length; b++) {
		const from = bounds[b];
		const to = bounds[b + 1];
		if (to <= from) continue;
		let sumP = 0;
		let sumY = 0;
		for (let r = from; r < to; r++) {
			sumP += probabilities[order[r]];
			sumY += labels[order[r]];
		}
		out.push({ low: probabilities[order[from]], high: probabilities[order[to - 1]], n: to - from, meanPredicted: sumP / (to - from), observedRate: sumY / (to - from) });
	}
	return out;
}
