/**
 * Paired bootstrap of the difference of a metric between a model and a baseline scored on the same
 * rows (or users): each resample draws n row indices with replacement (seeded), computes the metric
 * of both on those same rows, and keeps the difference. The interval is the percentile interval of
 * those differences. Resamples where either metric is undefined (e.g. no positives drawn) are
 * dropped and counted. Pure TS.
 */
import type { PairedDifference } from '../artifact/types';
import { quantile } from '../metrics';
import { seededRandom } from '../random';

/** A metric over a subset of rows, given as row indices (repeats allowed); null when undefined there. */
export type RowMetric = (rows: Uint32Array) => number | null;

export interface PairedBootstrapOptions {
	/** Resamples. Default 1000. */
	resamples?: number;
	/** Coverage of the interval. Default 0.95. */
	level?: number;
	/** 32-bit seed. */
	seed: number;
	/** Name of the metric and of the baseline, copied into the result. */
	metric: string;
	baseline: string;
}

export interface PairedBootstrapResult extends PairedDifference {
	/** The metric of the model and of the baseline on all rows. */
	modelValue: number;
	baselineValue: number;
	/** Resamples dropped because a metric was undefined on them. */
	dropped: number;
}

/** The values of `values` at `rows` (a resample), as a Float64Array. */
export function pick(values: ArrayLike<number>, rows: Uint32Array): Float64Array {
	const out = new Float64Array(rows.length);
	for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
	return out;
}

/**
 * The difference model - baseline of one metric over `n` rows, with its paired bootstrap interval.
 * Null when the metric is undefined on all rows, or on every resample.
 */
export function pairedBootstrap(n: number, model: RowMetric, baseline: RowMetric, opts: PairedBootstrapOptions): PairedBootstrapResult | null {
	const resamples = opts.resamples ?? 1000;
	const level = opts.level ?? 0.95;
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, not ${n}`);
	if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, not ${level}`);
	const all = Uint32Array.from({ length: n }, (_, i) => i);
	const modelValue = model(all);
	const baselineValue = baseline(all);
	if (modelValue === null || baselineValue === null) return null;
	const random = seededRandom(opts.seed);
	const rows = new Uint32Array(n);
	const differences: number[] = [];
	for (let r = 0; r < resamples; r++) {
		for (let i = 0; i < n; i++) rows[i] = Math.floor(random() * n);
		const m = model(rows);
		const b = baseline(rows);
		if (m !== null && b !== null) differences.push(m - b);
	}
	if (!differences.length) return null;
	const tail = (1 - level) / 2;
	return {
		metric: opts.metric,
		baseline: opts.baseline,
		difference: modelValue - baselineValue,
		low: quantile(differences, tail),
		high: quantile(differences, 1 - tail),
		level,
		resamples,
		seed: opts.seed,
		modelValue,
		baselineValue,
		dropped: resamples - differences.length
	};
}
