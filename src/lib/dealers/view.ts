/**
 * What the page draws, built in the worker from an analysis so the page receives small, plain
 * objects: the overview (nation, regions, the first dealers to visit, a sample of the frontier
 * chart), a page of the ranked dealer list, one dealer's own view (its tiles against its region and
 * the nation, its months, its funnel against its peers) and the ranked list as CSV rows.
 * Pure TS, no DOM.
 */
import type { Effectiveness } from './effectiveness';
import type { Frontier, FrontierPoint } from './frontier';
import type { AreaIndices, KpiValues } from './kpis';
import type { DealerResult, FunnelStep, NetworkAnalysis, StepResult } from './analysis';
import type { ScoredNetwork } from './score';
import { MONTHS, UNKNOWN } from './table';

/** One row of the ranked dealer list. */
export interface DealerRow {
	bac: number;
	region: string;
	vendor: string;
	months: number;
	salesPerMonth: number | null;
	expectedPerMonth: number | null;
	effectiveness: Effectiveness;
	lostPerMonth: number;
	worstStep: FunnelStep | null;
	overall: number | null;
}

export interface RegionRow {
	region: string;
	dealers: number;
	kpis: KpiValues;
	indices: AreaIndices;
}

export interface Overview {
	dealers: number;
	rows: number;
	/** Dealers listed under the region/vendor choice. */
	listed: number;
	nation: { kpis: KpiValues; effectiveness: Effectiveness };
	regions: RegionRow[];
	verdicts: { below: number; asExpected: number; above: number; unknown: number };
	/** The first dealers to visit (up to `top`). */
	visitFirst: DealerRow[];
	/** Sales a month the listed dealers lose against their peers, in all. */
	lostPerMonth: number;
	frontier: { vertices: FrontierPoint[]; sample: FrontierPoint[]; input: 'vdpViews' | 'leads' };
	months: number[];
}

function nameOf(names: string[], i: number): string {
	return i === UNKNOWN ? '' : (names[i] ?? '');
}

export function dealerRow(scored: ScoredNetwork, r: DealerResult): DealerRow {
	return {
		bac: r.bac,
		region: nameOf(scored.table.regionNames, r.region),
		vendor: nameOf(scored.table.vendorNames, r.vendor),
		months: r.months,
		salesPerMonth: r.kpis.salesPerMonth,
		expectedPerMonth: r.kpis.expectedPerMonth,
		effectiveness: r.effectiveness,
		lostPerMonth: r.lostPerMonth,
		worstStep: r.worstStep,
		overall: r.indices.overall
	};
}

/** An evenly spaced sample of at most `max` points (the frontier's vertices are drawn separately). */
function sampleFrontier(analysis: NetworkAnalysis, max: number): FrontierPoint[] {
	const all = analysis.dealers;
	const step = Math.max(1, Math.ceil(all.length / max));
	const out: FrontierPoint[] = [];
	for (let i = 0; i < all.length; i += step) out.push({ x: all[i].frontier.x, y: all[i].frontier.y, id: all[i].bac });
	return out;
}

export function overview(scored: ScoredNetwork, analysis: NetworkAnalysis, top = 20): Overview {
	const verdicts = { below: 0, asExpected: 0, above: 0, unknown: 0 };
	let lost = 0;
	for (const i of analysis.visitFirst) {
		const r = analysis.dealers[i];
		lost += r.lostPerMonth;
		const v = r.effectiveness.verdict;
		if (v === 'below') verdicts.below++;
		else if (v === 'above') verdicts.above++;
		else if (v === 'as expected') verdicts.asExpected++;
		else verdicts.unknown++;
	}
	const frontier: Frontier = analysis.frontier;
	return {
		dealers: analysis.dealers.length,
		rows: scored.table.n,
		listed: analysis.visitFirst.length,
		nation: { kpis: analysis.nation.kpis, effectiveness: analysis.nation.effectiveness },
		regions: analysis.regions.filter((g) => g.dealers > 0).map((g) => ({ region: scored.table.regionNames[g.region], dealers: g.dealers, kpis: g.kpis, indices: g.indices })),
		verdicts,
		visitFirst: analysis.visitFirst.slice(0, top).map((i) => dealerRow(scored, analysis.dealers[i])),
		lostPerMonth: lost,
		frontier: { vertices: frontier.vertices.map((v) => ({ ...v, id: analysis.dealers[v.id].bac })), sample: sampleFrontier(analysis, 600), input: analysis.selection.frontierInput },
		months: analysis.selection.months
	};
}

/** Rows `offset .. offset + count` of the ranked list. */
export function rankedPage(scored: ScoredNetwork, analysis: NetworkAnalysis, offset: number, count: number): DealerRow[] {
	return analysis.visitFirst.slice(offset, offset + count).map((i) => dealerRow(scored, analysis.dealers[i]));
}

export interface MonthPoint {
	month: string;
	sales: number;
	expected: number;
	leads: number;
	vdpViews: number;
}

export interface DealerView {
	row: DealerRow;
	kpis: KpiValues;
	region: KpiValues;
	nation: KpiValues;
	indices: AreaIndices;
	regionIndices: AreaIndices;
	steps: Record<FunnelStep, StepResult>;
	/** Its size band: peers' size range (monthly VDP views) and count, and whose peers they are. */
	peers: { band: number; from: number | null; to: number | null; dealers: number; source: 'file' | 'reference' };
	frontier: DealerResult['frontier'];
	monthly: MonthPoint[];
}

/** One dealer's own view (null when the dealer has no rows in the chosen months). */
export function dealerView(scored: ScoredNetwork, analysis: NetworkAnalysis, bac: number): DealerView | null {
	const r = analysis.dealers.find((d) => d.bac === bac);
	if (!r) return null;
	const region = analysis.regions[r.region];
	const ix = scored.dealers;
	const months = new Set(analysis.selection.months);
	const monthly: MonthPoint[] = [];
	for (let k = ix.start[r.index]; k < ix.start[r.index + 1]; k++) {
		const row = ix.order[k];
		const m = scored.table.month[row];
		if (!months.has(m)) continue;
		const f = scored.table.funnel;
		monthly.push({ month: MONTHS[m], sales: f.sales[row], expected: scored.expected[row], leads: f.leads[row], vdpViews: f.vdpViews[row] });
	}
	monthly.sort((a, b) => MONTHS.indexOf(a.month as (typeof MONTHS)[number]) - MONTHS.indexOf(b.month as (typeof MONTHS)[number]));
	const band = ix.band[r.index];
	const cuts = scored.peers.cuts;
	return {
		row: dealerRow(scored, r),
		kpis: r.kpis,
		region: region.kpis,
		nation: analysis.nation.kpis,
		indices: r.indices,
		regionIndices: region.indices,
		steps: r.steps,
		peers: { band, from: band > 0 ? cuts[band - 1] : null, to: band < cuts.length ? cuts[band] : null, dealers: scored.peers.dealers[band], source: scored.peerSource },
		frontier: r.frontier,
		monthly
	};
}

/** The ranked list as CSV columns and rows (every listed dealer), for download. */
export function rankedCsvRows(scored: ScoredNetwork, analysis: NetworkAnalysis): { columns: { key: string }[]; rows: Record<string, string | number | null>[] } {
	const keys = [
		'rank', 'BAC', 'Region', 'Vendor', 'months', 'sales_per_month', 'expected_per_month', 'effectiveness', 'effectiveness_low', 'effectiveness_high', 'verdict',
		'lost_per_month', 'lost_visitor_share', 'lost_conversion', 'lost_closing', 'worst_step', 'overall_index', 'sales_generating', 'sales_managing', 'service_generating', 'service_managing'
	];
	const r4 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1e4) / 1e4);
	const rows = analysis.visitFirst.map((i, rank) => {
		const d = analysis.dealers[i];
		const e = d.effectiveness;
		return {
			rank: rank + 1,
			BAC: d.bac,
			Region: nameOf(scored.table.regionNames, d.region),
			Vendor: nameOf(scored.table.vendorNames, d.vendor),
			months: d.months,
			sales_per_month: r4(d.kpis.salesPerMonth),
			expected_per_month: r4(d.kpis.expectedPerMonth),
			effectiveness: r4(e.ratio),
			effectiveness_low: r4(e.low),
			effectiveness_high: r4(e.high),
			verdict: e.verdict,
			lost_per_month: r4(d.lostPerMonth),
			lost_visitor_share: r4(d.steps.visitorShare.salesPerMonth),
			lost_conversion: r4(d.steps.conversion.salesPerMonth),
			lost_closing: r4(d.steps.closing.salesPerMonth),
			worst_step: d.worstStep ?? '',
			overall_index: r4(d.indices.overall),
			sales_generating: r4(d.indices.salesGenerating),
			sales_managing: r4(d.indices.salesManaging),
			service_generating: r4(d.indices.serviceGenerating),
			service_managing: r4(d.indices.serviceManaging)
		};
	});
	return { columns: keys.map((key) => ({ key })), rows };
}
