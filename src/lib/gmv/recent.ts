/**
 * The forecast from recent sales: the one place where a scenario with its recent weekly GMV becomes
 * the features of the recent-GMV forest, and where the forest's output becomes rupees. The target is
 * the log ratio of the week's GMV to the trailing median of the recent weeks (robust to one odd
 * week), shrunk toward that median by a factor chosen on validation weeks. Used by training, the
 * form and the batch alike.
 */
import type { GmvScenario } from './features';

/** How many recent weeks the forecast reads (the form's "GMV 1..4 weeks before"). */
export const RECENT_WEEKS = 4;

/** A sub-category's typical inputs (training medians), against which the week's own inputs are read. */
export interface RecentTypical {
	productMrp: number;
	discount: number;
	sla: number;
	procurementSla: number;
}

export interface RecentEncoders {
	/** Typical inputs by sub-category, from the training weeks. */
	typical: Record<string, RecentTypical>;
	/** 0 = the trailing median as it is, 1 = the forest's full correction. */
	shrink: number;
}

export const RECENT_FEATURES = [
	'log_last_week_to_median',
	'log_two_weeks_before_to_median',
	'log_recent_mean_to_median',
	'log_recent_max_to_median',
	'log_recent_min_to_median',
	'log_recent_median',
	'recent_weeks_given',
	'sale_week',
	'discount_vs_typical',
	'log_mrp_vs_typical',
	'sla_vs_typical',
	'procurement_sla_vs_typical',
	'NPS'
] as const;

/** Labels for explanations, one per feature. */
export const RECENT_FEATURE_GROUPS = [
	'Recent GMV',
	'Recent GMV',
	'Recent GMV',
	'Recent GMV',
	'Recent GMV',
	'Recent GMV level',
	'Recent GMV',
	'Sale week',
	'Average discount',
	'Average MRP',
	'Delivery SLA',
	'Procurement SLA',
	'NPS'
];

/** The usable recent GMV of a scenario (finite, not negative; most recent first), or null when none is given. */
export function recentOf(s: GmvScenario): number[] | null {
	if (!s.recentGmv) return null;
	const r = s.recentGmv.slice(0, RECENT_WEEKS).filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0);
	return r.length ? r : null;
}

export function median(values: readonly number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The naive forecast the model corrects: the trailing median of the recent weeks. */
export function recentBase(recent: readonly number[]): number {
	return median(recent);
}

/** Write one scenario's recent-GMV features at row `row` (row-major). The scenario must have recent GMV. */
export function writeRecentFeatures(s: GmvScenario, recent: readonly number[], enc: RecentEncoders, out: Float64Array, row = 0): void {
	const t = enc.typical[s.subCategory];
	if (!t) throw new Error(`unknown sub-category "${s.subCategory}"`);
	const med = recentBase(recent) + 1;
	const rel = (v: number) => Math.log((v + 1) / med);
	let mean = 0;
	let max = -Infinity;
	let min = Infinity;
	for (const v of recent) {
		mean += v / recent.length;
		max = Math.max(max, v);
		min = Math.min(min, v);
	}
	let j = row * RECENT_FEATURES.length;
	out[j++] = rel(recent[0]);
	out[j++] = rel(recent[1] ?? recent[0]);
	out[j++] = rel(mean);
	out[j++] = rel(max);
	out[j++] = rel(min);
	out[j++] = Math.log(med);
	out[j++] = recent.length;
	out[j++] = s.saleWeek ? 1 : 0;
	out[j++] = s.discount - t.discount;
	out[j++] = Math.log(Math.max(1, s.productMrp) / Math.max(1, t.productMrp));
	out[j++] = s.sla - t.sla;
	out[j++] = s.procurementSla - t.procurementSla;
	out[j++] = s.nps;
}

/** The forest's output (a log ratio) -> weekly GMV in rupees. */
export function gmvFromLogRatio(logRatio: number, recent: readonly number[], shrink: number): number {
	return Math.max(0, (recentBase(recent) + 1) * Math.exp(shrink * logRatio) - 1);
}

/** The training target of one week. */
export function logRatioTarget(gmv: number, recent: readonly number[]): number {
	return Math.log((Math.max(0, gmv) + 1) / (recentBase(recent) + 1));
}

/**
 * Recent GMV of every row from the rows themselves: for a row of week w, the GMV of the same
 * sub-category in weeks w-1 .. w-RECENT_WEEKS that are present, most recent first (null when none).
 * Rows without a week or a GMV give and take nothing.
 */
export function recentFromRows(rows: readonly { subCategory: string; week: number | null; gmv: number | null }[]): (number[] | null)[] {
	const known = new Map<string, number>();
	for (const r of rows) if (r.week !== null && r.gmv !== null && Number.isFinite(r.gmv)) known.set(`${r.subCategory}|${r.week}`, r.gmv);
	if (known.size === 0) return rows.map(() => null);
	return rows.map((r) => {
		if (r.week === null) return null;
		const out: number[] = [];
		for (let k = 1; k <= RECENT_WEEKS; k++) {
			const v = known.get(`${r.subCategory}|${r.week - k}`);
			if (v !== undefined) out.push(v);
		}
		return out.length ? out : null;
	});
}
