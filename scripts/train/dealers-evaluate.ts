/**
 * Checks of the dealer tool against the generator's truth, on dealers training never saw: the
 * coverage of the effectiveness interval, and how well the tool recovers the planted step effects
 * and the dealers most worth a visit. Every estimate comes from the code the page runs
 * (`scoreNetwork`, `analyseNetwork`).
 */
import { normalCdf } from '../../src/lib/core/stats.ts';
import { analyseNetwork, type FunnelStep } from '../../src/lib/dealers/analysis.ts';
import type { RecoveryFigures } from '../../src/lib/dealers/artifacts.ts';
import { effectiveness, zForLevel, type IntervalModel } from '../../src/lib/dealers/effectiveness.ts';
import type { GeneratedNetwork } from '../../src/lib/dealers/generator.ts';
import type { ScoredNetwork } from '../../src/lib/dealers/score.ts';
import { quantile } from '../../src/lib/core/stats.ts';

/** The true effectiveness of every dealer of a scored table over `months`: sum expected / sum average-dealer sales. */
export function trueEffectiveness(net: GeneratedNetwork, rowOf: ArrayLike<number>, scored: ScoredNetwork, months: readonly number[]): Float64Array {
	const ix = scored.dealers;
	const keep = new Set(months);
	const out = new Float64Array(ix.count);
	for (let d = 0; d < ix.count; d++) {
		let own = 0;
		let average = 0;
		for (let k = ix.start[d]; k < ix.start[d + 1]; k++) {
			const r = ix.order[k];
			if (!keep.has(scored.table.month[r])) continue;
			own += net.expectedSales[rowOf[r]];
			average += net.averageDealerSales[rowOf[r]];
		}
		out[d] = own / average;
	}
	return out;
}

/** Per dealer: actual and expected sales summed over `months`. */
function sums(scored: ScoredNetwork, months: readonly number[]) {
	const ix = scored.dealers;
	const keep = new Set(months);
	const actual = new Float64Array(ix.count);
	const expected = new Float64Array(ix.count);
	for (let d = 0; d < ix.count; d++)
		for (let k = ix.start[d]; k < ix.start[d + 1]; k++) {
			const r = ix.order[k];
			if (!keep.has(scored.table.month[r])) continue;
			actual[d] += scored.table.funnel.sales[r];
			expected[d] += scored.expected[r];
		}
	return { actual, expected };
}

export function coverageOf(scored: ScoredNetwork, truth: Float64Array, months: readonly number[], interval: Pick<IntervalModel, 'z' | 'dispersion' | 'modelError'>) {
	const { actual, expected } = sums(scored, months);
	let hits = 0;
	const widths: number[] = [];
	for (let d = 0; d < actual.length; d++) {
		const e = effectiveness(actual[d], expected[d], interval);
		if (e.low !== null && e.high !== null) {
			if (truth[d] >= e.low && truth[d] <= e.high) hits++;
			widths.push(e.high - e.low);
		}
	}
	return { coverage: hits / actual.length, medianWidth: quantile(widths, 0.5) };
}

/** The smallest model error (on a 0.005 grid) whose interval covers the truth of at least `level` of these dealers. */
export function chooseModelError(scored: ScoredNetwork, truth: Float64Array, months: readonly number[], level: number, dispersion: number): number {
	const z = zForLevel(level, normalCdf);
	for (let tau = 0; tau <= 0.5; tau += 0.005) {
		const t = Math.round(tau * 1000) / 1000;
		if (coverageOf(scored, truth, months, { z, dispersion, modelError: t }).coverage >= level) return t;
	}
	return 0.5;
}

/** Spearman rank correlation (average ranks for ties). */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const rank = (v: ArrayLike<number>) => {
		const idx = Array.from({ length: v.length }, (_, i) => i).sort((i, j) => v[i] - v[j]);
		const r = new Float64Array(v.length);
		for (let k = 0; k < idx.length; ) {
			let e = k;
			while (e + 1 < idx.length && v[idx[e + 1]] === v[idx[k]]) e++;
			for (let q = k; q <= e; q++) r[idx[q]] = (k + e) / 2;
			k = e + 1;
		}
		return r;
	};
	const ra = rank(a);
	const rb = rank(b);
	const n = ra.length;
	const mean = (n - 1) / 2;
	let num = 0;
	let da = 0;
	let db = 0;
	for (let i = 0; i < n; i++) {
		num += (ra[i] - mean) * (rb[i] - mean);
		da += (ra[i] - mean) ** 2;
		db += (rb[i] - mean) ** 2;
	}
	return num / Math.sqrt(da * db);
}

const WEAK_TO_STEP: Record<number, FunnelStep> = { 1: 'visitorShare', 2: 'conversion', 3: 'closing' };

/**
 * How much of the planted truth the tool recovers on a scored table whose dealers are generator
 * dealers `dealerOf[d]` (index into `net.truth`) and rows `rowOf[r]` (index into the network's rows).
 */
export function recovery(
	on: string,
	net: GeneratedNetwork,
	scored: ScoredNetwork,
	dealerOf: ArrayLike<number>,
	rowOf: ArrayLike<number>,
	interval: Pick<IntervalModel, 'z' | 'dispersion' | 'modelError'>,
	clearlyBelow = 0.85
): RecoveryFigures {
	const analysis = analyseNetwork(scored, interval);
	const all = Array.from({ length: 12 }, (_, m) => m);
	const theta = trueEffectiveness(net, rowOf, scored, all);
	const ix = scored.dealers;
	// True sales opportunity per month: average funnel and closing, less the dealer's own expected sales.
	const opportunity = new Float64Array(ix.count);
	for (let d = 0; d < ix.count; d++) {
		let s = 0;
		for (let k = ix.start[d]; k < ix.start[d + 1]; k++) s += net.averageFunnelSales[rowOf[ix.order[k]]] - net.expectedSales[rowOf[ix.order[k]]];
		opportunity[d] = s / (ix.start[d + 1] - ix.start[d]);
	}
	const rows = analysis.dealers;
	const truthOf = (r: (typeof rows)[number]) => dealerOf[r.index];
	const est = (f: (r: (typeof rows)[number]) => number) => rows.map(f);
	const ratio = (x: number | null, y: number) => (x === null ? NaN : x / y);
	const sp = {
		visitorShare: spearman(est((r) => ratio(r.steps.visitorShare.dealer, r.steps.visitorShare.peer)), est((r) => net.truth.visitorShare[truthOf(r)])),
		conversion: spearman(est((r) => ratio(r.steps.conversion.dealer, r.steps.conversion.peer)), est((r) => net.truth.conversion[truthOf(r)])),
		closing: spearman(est((r) => r.effectiveness.ratio ?? NaN), est((r) => theta[r.index])),
		opportunity: spearman(est((r) => r.lostPerMonth), est((r) => opportunity[r.index]))
	};
	const trueOrder = rows.map((_, i) => i).sort((i, j) => opportunity[rows[j].index] - opportunity[rows[i].index]);
	const visitFirst = [50, 250].filter((k) => k < rows.length).map((k) => {
		const truthTop = new Set(trueOrder.slice(0, k));
		return { k, precision: round(analysis.visitFirst.slice(0, k).filter((i) => truthTop.has(i)).length / k) };
	});
	const flagged = rows.filter((r) => r.effectiveness.verdict === 'below');
	const clearly = rows.filter((r) => theta[r.index] < clearlyBelow);
	const weak = rows.filter((r) => net.truth.weakStep[truthOf(r)] > 0);
	return {
		on,
		dealers: rows.length,
		spearman: { visitorShare: round(sp.visitorShare), conversion: round(sp.conversion), closing: round(sp.closing), opportunity: round(sp.opportunity) },
		visitFirst,
		flaggedBelow: {
			count: flagged.length,
			trulyBelow: flagged.length ? round(flagged.filter((r) => theta[r.index] < 1).length / flagged.length) : null,
			recallOfClearlyBelow: clearly.length ? round(clearly.filter((r) => r.effectiveness.verdict === 'below').length / clearly.length) : null,
			clearlyBelowThreshold: clearlyBelow
		},
		weakStepFound: {
			dealers: weak.length,
			share: weak.length ? round(weak.filter((r) => r.worstStep === WEAK_TO_STEP[net.truth.weakStep[truthOf(r)]]).length / weak.length) : null
		}
	};
}

function round(x: number): number {
	return Number(x.toFixed(4));
}
