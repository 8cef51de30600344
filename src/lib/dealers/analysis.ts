/**
 * What the page shows for a choice of months, region, vendor and lead source, from a scored
 * network: every dealer's effectiveness with its interval, where along the funnel it loses sales
 * against dealers of its size, its KPIs and area indices against its region and the nation, the
 * ranked list of dealers to visit first, and the best-practice frontier. Pure TS, no DOM: the
 * worker runs it on every filter change, training runs it to measure what it recovers.
 *
 * Sales lost along the funnel are a chain in funnel order, per month, so the parts add up:
 *   visitor share  r * (E1 - E)          (E1: expected sales with the peers' visitor share)
 *   conversion     r * (E2 - E1)         (E2: ... and also the peers' conversion rate)
 *   closing        (r_peer - r) * E2     (r = actual / expected; r_peer its peers' median)
 * summing to r_peer * E2 - actual: what the dealer would sell with its own traffic and its peers'
 * funnel, less what it sold. A negative part means the dealer is ahead of its peers at that step.
 */
import { effectiveness, type Effectiveness, type IntervalModel } from './effectiveness';
import { efficiency, frontierAt, vrsFrontier, type Frontier } from './frontier';
import { addRow, areaIndices, emptySums, kpiValues, ORIGINAL_WEIGHTS, type AreaIndices, type IndexWeights, type KpiValues, type Sums } from './kpis';
import type { ScoredNetwork } from './score';
import { UNKNOWN, type LeadSource } from './table';

export interface Selection {
	/** Month indexes 0..11 to include; empty means all. */
	months?: readonly number[];
	/** Region index (into the table's regionNames) to list, or null for all. */
	region?: number | null;
	/** Vendor index to list, or null for all. */
	vendor?: number | null;
	/** Narrow the lead KPIs to one lead source. */
	source?: LeadSource | null;
	weights?: IndexWeights;
	/** Frontier input: monthly VDP views (whole funnel) or monthly leads (closing only). */
	frontierInput?: 'vdpViews' | 'leads';
}

export const FUNNEL_STEPS = ['visitorShare', 'conversion', 'closing'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface StepResult {
	/** The dealer's rate (visitor share, conversion rate, or actual / expected sales). */
	dealer: number | null;
	/** The median of dealers of its size. */
	peer: number;
	/** Sales a month lost against the peers at this step (negative: ahead of them). */
	salesPerMonth: number;
}

export interface DealerResult {
	/** Index in the scored network's dealer index. */
	index: number;
	bac: number;
	region: number;
	vendor: number;
	months: number;
	effectiveness: Effectiveness;
	steps: Record<FunnelStep, StepResult>;
	/** Sum of the steps' positive losses: sales a month the dealer would gain matching its peers where it trails them. */
	lostPerMonth: number;
	/** The step losing most (null when it trails its peers nowhere). */
	worstStep: FunnelStep | null;
	kpis: KpiValues;
	indices: AreaIndices;
	/** Monthly frontier input and output, and its efficiency against the frontier. */
	frontier: { x: number; y: number; best: number | null; efficiency: number | null };
}

export interface NetworkAnalysis {
	selection: Required<Omit<Selection, 'months'>> & { months: number[] };
	nation: { kpis: KpiValues; dealers: number; effectiveness: Effectiveness };
	regions: { region: number; kpis: KpiValues; indices: AreaIndices; dealers: number }[];
	/** Every dealer with rows in the chosen months (all regions and vendors: comparisons need them). */
	dealers: DealerResult[];
	/** Indexes into `dealers` of those the region/vendor choice lists, most sales lost first. */
	visitFirst: number[];
	frontier: Frontier;
}

function chosenMonths(sel: Selection): number[] {
	return sel.months && sel.months.length ? [...new Set(sel.months)].sort((a, b) => a - b) : Array.from({ length: 12 }, (_, m) => m);
}

export function analyseNetwork(scored: ScoredNetwork, interval: Pick<IntervalModel, 'z' | 'dispersion' | 'modelError'>, sel: Selection = {}): NetworkAnalysis {
	const { table: t, dealers: ix, peers } = scored;
	const months = chosenMonths(sel);
	const inMonths = new Uint8Array(12);
	for (const m of months) inMonths[m] = 1;
	const source = sel.source ?? null;
	const weights = sel.weights ?? ORIGINAL_WEIGHTS;
	const input = sel.frontierInput ?? 'vdpViews';

	const nationSums = emptySums();
	const regionSums = t.regionNames.map(() => ({ sums: emptySums(), dealers: 0 }));
	const dealerSums: (Sums | null)[] = new Array(ix.count).fill(null);
	for (let d = 0; d < ix.count; d++) {
		let s: Sums | null = null;
		for (let k = ix.start[d]; k < ix.start[d + 1]; k++) {
			const r = ix.order[k];
			if (!inMonths[t.month[r]]) continue;
			s ??= emptySums();
			addRow(s, t, scored, r);
			addRow(nationSums, t, scored, r);
			addRow(regionSums[ix.region[d]].sums, t, scored, r);
		}
		if (s) regionSums[ix.region[d]].dealers++;
		dealerSums[d] = s;
	}
	const nation = kpiValues(nationSums, source);

	const dealers: DealerResult[] = [];
	for (let d = 0; d < ix.count; d++) {
		const s = dealerSums[d];
		if (!s) continue;
		const kpis = kpiValues(s, source);
		const eff = effectiveness(s.sales, s.expected, interval);
		const r = s.expected > 0 ? s.sales / s.expected : 0;
		const band = ix.band[d];
		const m = s.rows;
		const steps: Record<FunnelStep, StepResult> = {
			visitorShare: { dealer: kpis.visitorShare, peer: peers.visitorShare[band], salesPerMonth: (r * (s.peerVisitors - s.expected)) / m },
			conversion: { dealer: kpis.conversionRate, peer: peers.conversion[band], salesPerMonth: (r * (s.peerFunnel - s.peerVisitors)) / m },
			closing: { dealer: eff.ratio, peer: peers.closing[band], salesPerMonth: ((peers.closing[band] - r) * s.peerFunnel) / m }
		};
		let lost = 0;
		let worst: FunnelStep | null = null;
		for (const step of ['visitorShare', 'conversion', 'closing'] as const) {
			const v = steps[step].salesPerMonth;
			if (v > 0) lost += v;
			if (v > 0 && (worst === null || v > steps[worst].salesPerMonth)) worst = step;
		}
		const x = (input === 'leads' ? s.leads : s.vdpViews) / m;
		dealers.push({
			index: d,
			bac: ix.bac[d],
			region: ix.region[d],
			vendor: ix.vendor[d],
			months: m,
			effectiveness: eff,
			steps,
			lostPerMonth: lost,
			worstStep: worst,
			kpis,
			indices: areaIndices(kpis, nation, weights),
			frontier: { x, y: s.sales / m, best: null, efficiency: null }
		});
	}

	const frontier = vrsFrontier(dealers.map((r, i) => ({ x: r.frontier.x, y: r.frontier.y, id: i })));
	for (const r of dealers) {
		r.frontier.best = frontierAt(frontier, r.frontier.x);
		r.frontier.efficiency = efficiency(frontier, r.frontier);
	}

	const region = sel.region ?? null;
	const vendor = sel.vendor ?? null;
	const visitFirst = dealers
		.map((r, i) => ({ r, i }))
		.filter(({ r }) => (region === null || r.region === region) && (vendor === null || r.vendor === vendor))
		.sort((a, b) => b.r.lostPerMonth - a.r.lostPerMonth || a.r.bac - b.r.bac)
		.map(({ i }) => i);

	return {
		selection: { months, region, vendor, source, weights, frontierInput: input },
		nation: { kpis: nation, dealers: dealers.length, effectiveness: effectiveness(nationSums.sales, nationSums.expected, interval) },
		regions: regionSums.map((g, i) => {
			const kpis = kpiValues(g.sums, source);
			return { region: i, kpis, indices: areaIndices(kpis, nation, weights), dealers: g.dealers };
		}),
		dealers,
		visitFirst,
		frontier
	};
}

/** The name of a dealer's vendor ('' when unknown). */
export function vendorName(scored: ScoredNetwork, vendor: number): string {
	return vendor === UNKNOWN ? '' : (scored.table.vendorNames[vendor] ?? '');
}
