/**
 * The one-dealer form of a field manager: one month of a dealer's funnel (and, if known, its
 * response, loyalty and service counts) scored with the same model and compared with the peers and
 * the nation of the network on screen. Pure TS, no DOM.
 */
import type { InputRange } from '../core/artifact/types';
import { analyseNetwork, type FunnelStep, type StepResult } from './analysis';
import type { Effectiveness, IntervalModel } from './effectiveness';
import type { ExpectedSalesModel } from './expected';
import type { DealerMonthInput } from './features';
import { areaIndices, type AreaIndices, type KpiValues } from './kpis';
import { funnelProblem } from './rows';
import { COUNT_COLUMNS } from './schema';
import { scoreNetwork, type ScoredNetwork } from './score';
import { emptyDealerMonths, RICH_FIELDS, type CountField, type RichField } from './table';

/** The form's values: the funnel of one month plus any of the richer layout's counts. */
export type FormInput = DealerMonthInput & { sales: number } & Partial<Record<RichField, number>>;

export interface FormResult {
	/** A cross-field problem (the funnel must narrow...), in which case nothing else is computed. */
	problem: { column: string; reason: string } | null;
	expected: number | null;
	effectiveness: Effectiveness | null;
	steps: Record<FunnelStep, StepResult> | null;
	lostPerMonth: number;
	worstStep: FunnelStep | null;
	kpis: KpiValues | null;
	nation: KpiValues;
	indices: AreaIndices | null;
	/** Inputs outside the 1st-99th percentile of the training dealer-months, by label. */
	unusual: string[];
	peerSource: 'file' | 'reference';
}

export function scoreForm(
	input: FormInput,
	network: { scored: ScoredNetwork; nation: KpiValues },
	model: ExpectedSalesModel,
	interval: Pick<IntervalModel, 'z' | 'dispersion' | 'modelError'>,
	serviceRates: number[][],
	ranges: Record<string, InputRange>
): FormResult {
	const get = (field: CountField): number => {
		const v = (input as unknown as Record<string, number | undefined>)[field];
		return typeof v === 'number' ? v : NaN;
	};
	const problem = funnelProblem(get);
	const unusual = COUNT_COLUMNS.filter((c) => {
		const v = get(c.field);
		const r = ranges[c.key];
		return r && Number.isFinite(v) && (v < r.p01 || v > r.p99);
	}).map((c) => c.label);
	const empty: FormResult = { problem, expected: null, effectiveness: null, steps: null, lostPerMonth: 0, worstStep: null, kpis: null, nation: network.nation, indices: null, unusual, peerSource: network.scored.peerSource };
	if (problem) return empty;

	const t = emptyDealerMonths(1, RICH_FIELDS.some((f) => Number.isFinite(get(f))), { regionNames: [input.region], vendorNames: [] });
	t.bac[0] = 0;
	t.month[0] = input.month;
	for (const f of ['vdpViews', 'visitors', 'conversions', 'leads', 'sales'] as const) t.funnel[f][0] = get(f);
	if (t.rich) for (const f of RICH_FIELDS) t.rich[f][0] = get(f);
	const scored = scoreNetwork(t, model, { referencePeers: network.scored.peers, serviceRates });
	const result = analyseNetwork(scored, interval).dealers[0];
	return {
		problem: null,
		expected: scored.expected[0],
		effectiveness: result.effectiveness,
		steps: result.steps,
		lostPerMonth: result.lostPerMonth,
		worstStep: result.worstStep,
		kpis: result.kpis,
		nation: network.nation,
		indices: areaIndices(result.kpis, network.nation),
		unusual,
		peerSource: network.scored.peerSource
	};
}
