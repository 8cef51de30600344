/**
 * Paired bootstrap of the seller finder's figures, for many scorers at once: every resample draws
 * n rows with replacement (seeded, as core/metrics/bootstrap.ts's `pairedBootstrap`), and every
 * scorer's metrics are computed on that same resample, so any two scorers' differences are paired.
 * A resample is held as row multiplicities and each metric is one weighted pass over the scorer's
 * rows sorted once by score, instead of a sort per resample: the figures equal the core metrics
 * (`precisionRecallAtK`, `averagePrecision`, `rocAuc`, `brierScore`) of the resampled rows, tie
 * groups included.
 *
 * Precision at k is the team's use: one invitation round of the top k a month. Over several months
 * it is the mean of each month's precision in its own top k.
 */
import type { PairedDifference } from '../../../src/lib/core/artifact/types.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';

export type BootMetric = 'precisionAtK' | 'prAuc' | 'rocAuc' | 'brier';

/** One scorer: the score that ranks rows, and (for the Brier score) its calibrated probabilities. */
export interface Scorer {
	name: string;
	ranking: ArrayLike<number>;
	probability?: ArrayLike<number>;
}

/** The core artifact's paired difference, with the scorer's name and both values. */
export interface PairedInterval extends PairedDifference {
	metric: BootMetric;
	model: string;
	modelValue: number;
	baselineValue: number;
}

/** Row indices sorted by score (highest first), with the start of every tie group. */
interface Sorted {
	order: Uint32Array;
	/** groupEnd[i]: end (exclusive) of the tie group starting at position i (only read at group starts). */
	groupEnd: Uint32Array;
}

function sortDescending(rows: Uint32Array, score: ArrayLike<number>): Sorted {
	const order = rows.slice().sort((a, b) => score[b] - score[a] || a - b);
	const groupEnd = new Uint32Array(order.length);
	for (let g = 0; g < order.length; ) {
		let end = g;
		while (end < order.length && score[order[end]] === score[order[g]]) end++;
		groupEnd[g] = end;
		g = end;
	}
	return { order, groupEnd };
}

function precisionAt(s: Sorted, y: Uint8Array, w: Uint32Array, k: number): number | null {
	let total = 0;
	for (const i of s.order) total += w[i];
	if (total === 0) return null;
	const take = Math.min(k, total);
	let seen = 0;
	let hits = 0;
	for (let g = 0; g < s.order.length && seen < take; ) {
		const end = s.groupEnd[g];
		let pos = 0;
		let cnt = 0;
		for (let j = g; j < end; j++) {
			const i = s.order[j];
			pos += w[i] * y[i];
			cnt += w[i];
		}
		if (cnt > 0) {
			const inside = Math.min(seen + cnt, take) - seen;
			hits += (pos * inside) / cnt;
			seen += cnt;
		}
		g = end;
	}
	return hits / take;
}

function averagePrecisionW(s: Sorted, y: Uint8Array, w: Uint32Array, positives: number): number | null {
	if (positives === 0) return null;
	let tp = 0;
	let seen = 0;
	let ap = 0;
	for (let g = 0; g < s.order.length; ) {
		const end = s.groupEnd[g];
		let pos = 0;
		for (let j = g; j < end; j++) {
			const i = s.order[j];
			pos += w[i] * y[i];
			seen += w[i];
		}
		tp += pos;
		if (pos > 0) ap += (pos / positives) * (tp / seen);
		g = end;
	}
	return ap;
}

function rocAucW(s: Sorted, y: Uint8Array, w: Uint32Array, positives: number, negatives: number): number | null {
	if (positives === 0 || negatives === 0) return null;
	let negativesAbove = 0;
	let wins = 0;
	for (let g = 0; g < s.order.length; ) {
		const end = s.groupEnd[g];
		let pos = 0;
		let neg = 0;
		for (let j = g; j < end; j++) {
			const i = s.order[j];
			if (y[i]) pos += w[i];
			else neg += w[i];
		}
		wins += pos * (negatives - negativesAbove - neg) + 0.5 * pos * neg;
		negativesAbove += neg;
		g = end;
	}
	return wins / (positives * negatives);
}

function brierW(p: ArrayLike<number>, y: Uint8Array, w: Uint32Array): number | null {
	let sum = 0;
	let n = 0;
	for (let i = 0; i < y.length; i++) {
		if (!w[i]) continue;
		sum += w[i] * (p[i] - y[i]) ** 2;
		n += w[i];
	}
	return n ? sum / n : null;
}

/**
 * Every scorer's metrics on all rows and on `resamples` paired resamples. `months`: row ranges
 * [from, to) of each month, for precision at k (mean over months of each month's top k).
 */
export function bootstrapScorers(y: Uint8Array, months: [number, number][], scorers: Scorer[], metrics: BootMetric[], opts: { k: number; resamples: number; seed: number; level?: number }) {
	const n = y.length;
	const sorted = scorers.map((s) => ({
		all: sortDescending(Uint32Array.from({ length: n }, (_, i) => i), s.ranking),
		byMonth: months.map(([from, to]) => sortDescending(Uint32Array.from({ length: to - from }, (_, i) => from + i), s.ranking))
	}));
	const evaluate = (w: Uint32Array): (number | null)[][] => {
		let positives = 0;
		let rows = 0;
		for (let i = 0; i < n; i++) {
			positives += w[i] * y[i];
			rows += w[i];
		}
		return scorers.map((s, c) =>
			metrics.map((metric) => {
				if (metric === 'precisionAtK') {
					const per = sorted[c].byMonth.map((m) => precisionAt(m, y, w, opts.k));
					return per.some((v) => v === null) ? null : (per as number[]).reduce((a, v) => a + v, 0) / per.length;
				}
				if (metric === 'prAuc') return averagePrecisionW(sorted[c].all, y, w, positives);
				if (metric === 'rocAuc') return rocAucW(sorted[c].all, y, w, positives, rows - positives);
				if (!s.probability) throw new RangeError(`${s.name} has no probabilities for the Brier score`);
				return brierW(s.probability, y, w);
			})
		);
	};
	const full = evaluate(new Uint32Array(n).fill(1));
	const random = seededRandom(opts.seed);
	const w = new Uint32Array(n);
	const draws: (number | null)[][][] = [];
	for (let r = 0; r < opts.resamples; r++) {
		w.fill(0);
		for (let i = 0; i < n; i++) w[Math.floor(random() * n)]++;
		draws.push(evaluate(w));
	}
	const level = opts.level ?? 0.95;
	const value = (scorer: number, metric: BootMetric) => full[scorer][metrics.indexOf(metric)];
	/** Scorer a minus scorer b on one metric, with its percentile interval. */
	const compare = (a: number, b: number, metric: BootMetric): PairedInterval => {
		const m = metrics.indexOf(metric);
		const d: number[] = [];
		for (const draw of draws) if (draw[a][m] !== null && draw[b][m] !== null) d.push(draw[a][m]! - draw[b][m]!);
		const tail = (1 - level) / 2;
		return {
			metric,
			model: scorers[a].name,
			baseline: scorers[b].name,
			modelValue: full[a][m]!,
			baselineValue: full[b][m]!,
			difference: full[a][m]! - full[b][m]!,
			low: quantile(d, tail),
			high: quantile(d, 1 - tail),
			level,
			resamples: opts.resamples,
			seed: opts.seed
		};
	};
	return { value, compare };
}

/** Row ranges of consecutive months of `sizes` rows each. */
export function monthRanges(sizes: number[]): [number, number][] {
	const out: [number, number][] = [];
	let at = 0;
	for (const s of sizes) {
		out.push([at, at + s]);
		at += s;
	}
	return out;
}
