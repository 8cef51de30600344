/**
 * Probability calibration: turn a classifier's scores into probabilities that match observed rates.
 * Fitted in training on held-out rows (never the rows the model learnt from), stored in an artifact
 * as plain data (a `Calibration`), applied in the browser by `calibrate` / `calibrateMany`.
 *
 * - Isotonic regression (pool adjacent violators): a non-decreasing step function of the score,
 *   interpolated linearly between its breakpoints and clipped at the ends. Reproduces
 *   scikit-learn's `IsotonicRegression(out_of_bounds='clip')`, as `CalibratedClassifierCV` uses it:
 *   tied scores are pooled first, and only the ends of flat runs are kept as breakpoints. Every
 *   score on one flat run then gets the same probability; with `through: 'centres'` each run is
 *   instead one breakpoint at the mean score of its rows (where its observed rate was measured), so
 *   the probability rises between neighbouring runs and orders scores as they are ordered (except
 *   below the first centre and above the last, where it is clipped).
 * - Platt scaling: `p = 1 / (1 + exp(a * score + b))`, fitted by Newton's method with Platt's
 *   smoothed targets ((N+ + 1) / (N+ + 2) and 1 / (N- + 2)), as scikit-learn's sigmoid method; the
 *   solver is the one of Lin, Lin and Weng (2007), which cannot overflow.
 *
 * Pure TS, no DOM.
 */

/** Isotonic calibration: breakpoints (ascending scores) and their calibrated probabilities. */
export interface IsotonicCalibration {
	method: 'isotonic';
	/** Scores at the breakpoints, strictly ascending. */
	x: number[];
	/** Calibrated probability at each breakpoint, non-decreasing. */
	y: number[];
	/** Held-out rows it was fitted on. */
	n: number;
}

/** Platt scaling: `p = 1 / (1 + exp(a * score + b))` (a < 0 when higher scores mean more positives). */
export interface PlattCalibration {
	method: 'platt';
	a: number;
	b: number;
	/** Held-out rows it was fitted on. */
	n: number;
}

/** A fitted calibration, as stored in an artifact. */
export type Calibration = IsotonicCalibration | PlattCalibration;

function checkInput(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
	if (scores.length !== labels.length) throw new RangeError(`${scores.length} scores but ${labels.length} labels`);
	if (scores.length === 0) throw new RangeError('Calibration needs at least one held-out row');
	for (let i = 0; i < scores.length; i++) {
		if (!Number.isFinite(scores[i])) throw new RangeError(`Score ${i} is ${scores[i]}, not a finite number`);
		if (labels[i] !== 0 && labels[i] !== 1) throw new RangeError(`Label ${i} is ${labels[i]}; labels are 0 or 1`);
	}
}

/** Options of {@link fitIsotonic}. */
export interface IsotonicOptions {
	/**
	 * Where the breakpoints go: `steps` (default, as scikit-learn) at both ends of every flat run,
	 * so the curve is flat along a run; `centres` at one point per run, the mean score of its rows,
	 * so the curve interpolates between runs.
	 */
	through?: 'steps' | 'centres';
}

/** Fit an isotonic (non-decreasing) calibration of `scores` to the 0/1 `labels`. */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>, opts: IsotonicOptions = {}): IsotonicCalibration {
	checkInput(scores, labels);
	const order = Array.from({ length: scores.length }, (_, i) => i).sort((p, q) => scores[p] - scores[q] || labels[p] - labels[q]);
	// Tied scores pooled into one point: its mean label, weighted by how many rows it holds.
	const ux: number[] = [];
	const uy: number[] = [];
	const uw: number[] = [];
	for (const i of order) {
		const last = ux.length - 1;
		if (last >= 0 && ux[last] === scores[i]) {
			uy[last] += labels[i];
			uw[last]++;
		} else {
			ux.push(scores[i]);
			uy.push(labels[i]);
			uw.push(1);
		}
	}
	for (let j = 0; j < uy.length; j++) uy[j] /= uw[j];

	// Pool adjacent violators: blocks of (weighted mean, weight, first point), merged while decreasing.
	const mean: number[] = [];
	const weight: number[] = [];
	const start: number[] = [];
	for (let j = 0; j < ux.length; j++) {
		mean.push(uy[j]);
		weight.push(uw[j]);
		start.push(j);
		while (mean.length > 1 && mean[mean.length - 2] > mean[mean.length - 1]) {
			const w = weight[weight.length - 2] + weight[weight.length - 1];
			const m = (mean[mean.length - 2] * weight[weight.length - 2] + mean[mean.length - 1] * weight[weight.length - 1]) / w;
			mean.pop();
			weight.pop();
			start.pop();
			mean[mean.length - 1] = m;
			weight[weight.length - 1] = w;
		}
	}
	if (opts.through === 'centres') return centred(ux, uw, mean, start, scores.length);
	const fitted = new Array<number>(ux.length);
	for (let b = 0; b < mean.length; b++) {
		const end = b + 1 < start.length ? start[b + 1] : ux.length;
		for (let j = start[b]; j < end; j++) fitted[j] = mean[b];
	}
	// Keep the first and last point, and any point whose value differs from a neighbour's.
	const x: number[] = [];
	const y: number[] = [];
	for (let j = 0; j < ux.length; j++) {
		const interior = j > 0 && j < ux.length - 1 && fitted[j] === fitted[j - 1] && fitted[j] === fitted[j + 1];
		if (!interior) {
			x.push(ux[j]);
			y.push(fitted[j]);
		}
	}
	return { method: 'isotonic', x, y, n: scores.length };
}

/**
 * One breakpoint per flat run of the pooled blocks (neighbouring blocks of equal value merged): at
 * the weighted mean score of the run's rows, with the run's value.
 */
function centred(ux: number[], uw: number[], mean: number[], start: number[], n: number): IsotonicCalibration {
	const x: number[] = [];
	const y: number[] = [];
	let sum = 0;
	let rows = 0;
	for (let b = 0; b < mean.length; b++) {
		const end = b + 1 < start.length ? start[b + 1] : ux.length;
		for (let j = start[b]; j < end; j++) {
			sum += ux[j] * uw[j];
			rows += uw[j];
		}
		if (b + 1 < mean.length && mean[b + 1] === mean[b]) continue;
		x.push(sum / rows);
		y.push(mean[b]);
		sum = 0;
		rows = 0;
	}
	return { method: 'isotonic', x, y, n };
}

/** Fit Platt scaling of `scores` to the 0/1 `labels`. */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, maxIterations = 100): PlattCalibration {
	checkInput(scores, labels);
	const n = scores.length;
	let positives = 0;
	for (let i = 0; i < n; i++) positives += labels[i];
	const negatives = n - positives;
	const hi = (positives + 1) / (positives + 2);
	const lo = 1 / (negatives + 2);
	const target = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? hi : lo));

	// Negative log-likelihood of (a, b), computed without overflow.
	const loss = (a: number, b: number): number => {
		let f = 0;
		for (let i = 0; i < n; i++) {
			const z = scores[i] * a + b;
			f += z >= 0 ? target[i] * z + Math.log1p(Math.exp(-z)) : (target[i] - 1) * z + Math.log1p(Math.exp(z));
		}
		return f;
	};
	let a = 0;
	let b = Math.log((negatives + 1) / (positives + 1));
	let f = loss(a, b);
	const sigma = 1e-12; // keeps the Hessian positive definite
	for (let it = 0; it < maxIterations; it++) {
		let h11 = sigma;
		let h22 = sigma;
		let h21 = 0;
		let g1 = 0;
		let g2 = 0;
		for (let i = 0; i < n; i++) {
			const z = scores[i] * a + b;
			// p = P(y = 1) = 1 / (1 + exp(z)), q = 1 - p, both computed stably.
			const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
			const q = 1 - p;
			const d2 = p * q;
			h11 += scores[i] * scores[i] * d2;
			h22 += d2;
			h21 += scores[i] * d2;
			const d1 = target[i] - p;
			g1 += scores[i] * d1;
			g2 += d1;
		}
		if (Math.abs(g1) < 1e-12 * n && Math.abs(g2) < 1e-12 * n) break;
		const det = h11 * h22 - h21 * h21;
		const dA = -(h22 * g1 - h21 * g2) / det;
		const dB = -(-h21 * g1 + h11 * g2) / det;
		const gd = g1 * dA + g2 * dB;
		let step = 1;
		let moved = false;
		while (step >= 1e-10) {
			const na = a + step * dA;
			const nb = b + step * dB;
			const nf = loss(na, nb);
			if (nf < f + 1e-4 * step * gd) {
				a = na;
				b = nb;
				f = nf;
				moved = true;
				break;
			}
			step /= 2;
		}
		if (!moved) break;
	}
	return { method: 'platt', a, b, n };
}

/** The calibrated probability of one score. */
export function calibrate(cal: Calibration, score: number): number {
	if (cal.method === 'platt') {
		const z = cal.a * score + cal.b;
		return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
	}
	const { x, y } = cal;
	if (Number.isNaN(score)) return NaN;
	if (score <= x[0]) return y[0];
	const last = x.length - 1;
	if (score >= x[last]) return y[last];
	// The last breakpoint at or below the score.
	let lo = 0;
	let hi = last;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (x[mid] <= score) lo = mid;
		else hi = mid;
	}
	const slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
	return slope * (score - x[lo]) + y[lo];
}

/** The calibrated probabilities of many scores. */
export function calibrateMany(cal: Calibration, scores: ArrayLike<number>): Float64Array {
	const out = new Float64Array(scores.length);
	for (let i = 0; i < scores.length; i++) out[i] = calibrate(cal, scores[i]);
	return out;
}
