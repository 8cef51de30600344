/**
 * Fitting the response (response.ts) to weekly data, deterministically: a seeded random search over
 * each group's carry-over, half-saturation and Hill shape within Robyn-style bounds, then a few
 * rounds of coordinate refinement; for every candidate the linear part (base, sale lift, group
 * ceilings) is weighted least squares on relative errors with all of them kept >= 0 and a light
 * ridge on the ceilings. Weights select the weeks fitted (0 leaves a week out of the loss but keeps
 * its spend in the carry-over) and carry bootstrap counts.
 */
import { seededRandom } from '../../core/random';
import { adstock, hill, type MixParams } from './response';

export interface MixData {
	/** Weekly spend by group, crore (every week, in order). */
	spend: Float64Array[];
	/** 1 in a sale week. */
	sale: Float64Array;
	/** Weekly GMV, rupees. */
	gmv: Float64Array;
}

export interface FitOptions {
	/** Weight of each week in the loss (0: not fitted). */
	weights: Float64Array;
	seed: number;
	/** Ridge on the ceilings, relative to each column's own sum of squares. */
	ridge: number;
	/** Random candidates before refinement. */
	samples?: number;
}

/** Bounds, per group: carry-over a week, half-saturation as a share of the group's largest adstocked weekly spend, Hill shape. */
export const BOUNDS = { decay: [0, 0.7], halfSatShare: [0.2, 1], shape: [0.5, 1] } as const;

interface Candidate {
	decay: number[];
	halfSatShare: number[];
	shape: number[];
}

export function fitMix(data: MixData, opts: FitOptions): { params: MixParams; loss: number } {
	const G = data.spend.length;
	const random = seededRandom(opts.seed);
	const between = (b: readonly [number, number] | readonly number[], u: number) => b[0] + (b[1] - b[0]) * u;
	const maxSpend = data.spend.map((s) => Math.max(1e-9, ...s));
	const evaluate = (c: Candidate) => solveLinear(data, opts, c, maxSpend);

	let best: Candidate = { decay: Array(G).fill(0.3), halfSatShare: Array(G).fill(0.5), shape: Array(G).fill(0.8) };
	let bestFit = evaluate(best);
	for (let i = 0; i < (opts.samples ?? 600); i++) {
		const c: Candidate = {
			decay: Array.from({ length: G }, () => between(BOUNDS.decay, random())),
			halfSatShare: Array.from({ length: G }, () => between(BOUNDS.halfSatShare, random())),
			shape: Array.from({ length: G }, () => between(BOUNDS.shape, random()))
		};
		const f = evaluate(c);
		if (f.loss < bestFit.loss) [best, bestFit] = [c, f];
	}
	// Coordinate refinement on a grid of each parameter's bounds.
	for (let round = 0; round < 3; round++)
		for (let g = 0; g < G; g++)
			for (const key of ['decay', 'halfSatShare', 'shape'] as const)
				for (let s = 0; s <= 10; s++) {
					const c: Candidate = { decay: [...best.decay], halfSatShare: [...best.halfSatShare], shape: [...best.shape] };
					c[key][g] = between(BOUNDS[key], s / 10);
					const f = evaluate(c);
					if (f.loss < bestFit.loss - 1e-9 * Math.abs(bestFit.loss)) [best, bestFit] = [c, f];
				}
	return bestFit;
}

function solveLinear(data: MixData, opts: FitOptions, c: Candidate, maxSpend: number[]): { params: MixParams; loss: number } {
	const G = data.spend.length;
	const n = data.gmv.length;
	// Relative squared error: a festive week ten times the usual one does not dominate the fit.
	const w = opts.weights.map((v, t) => (data.gmv[t] > 0 ? v / (data.gmv[t] * data.gmv[t]) : 0));
	const halfSat = c.halfSatShare.map((s, g) => s * maxSpend[g]);
	// Columns: intercept, sale, one per group.
	const cols: Float64Array[] = [new Float64Array(n).fill(1), data.sale];
	for (let g = 0; g < G; g++) {
		const a = adstock(data.spend[g], c.decay[g]);
		cols.push(a.map((x) => hill(x, halfSat[g], c.shape[g])));
	}
	const p = cols.length;
	const gram = Array.from({ length: p }, () => new Float64Array(p));
	const rhs = new Float64Array(p);
	for (let i = 0; i < p; i++) {
		for (let t = 0; t < n; t++) rhs[i] += w[t] * cols[i][t] * data.gmv[t];
		for (let j = 0; j < p; j++) for (let t = 0; t < n; t++) gram[i][j] += w[t] * cols[i][t] * cols[j][t];
	}
	for (let i = 2; i < p; i++) gram[i][i] *= 1 + opts.ridge;
	// Coordinate descent on the (convex) quadratic; every coefficient kept >= 0.
	const b = new Float64Array(p);
	for (let sweep = 0; sweep < 300; sweep++) {
		let change = 0;
		for (let i = 0; i < p; i++) {
			if (gram[i][i] <= 0) continue;
			let r = rhs[i];
			for (let j = 0; j < p; j++) if (j !== i) r -= gram[i][j] * b[j];
			const next = Math.max(0, r / gram[i][i]);
			change = Math.max(change, Math.abs(next - b[i]));
			b[i] = next;
		}
		if (change < 1e-6) break;
	}
	let loss = 0;
	for (let t = 0; t < n; t++) {
		let pred = 0;
		for (let i = 0; i < p; i++) pred += b[i] * cols[i][t];
		loss += w[t] * (data.gmv[t] - pred) ** 2;
	}
	for (let i = 2; i < p; i++) loss += (gram[i][i] - gram[i][i] / (1 + opts.ridge)) * b[i] * b[i];
	return {
		params: { base: b[0], saleLift: b[1], decay: c.decay, halfSat, shape: c.shape, ceiling: Array.from(b.slice(2)) },
		loss
	};
}
