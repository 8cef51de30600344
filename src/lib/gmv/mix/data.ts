/**
 * The planner's data: the weekly rows of the ElecKart layout (one row per week and sub-category)
 * added up to the marketplace's weekly GMV, with the week's spend by channel (the same on every row
 * of a week) and its sale flag; and the months those weeks make. Pure; used by training.
 */
import { monthOfWeek } from '../calendar';
import { WEEKS_PER_MONTH } from '../spend';

export interface WeeklyInput {
	week: number;
	gmv: number;
	sale: boolean;
	/** Weekly spend by channel, crore. */
	spend: Record<string, number>;
}

export interface WeekTotal {
	week: number;
	gmv: number;
	sale: boolean;
	spend: Record<string, number>;
	/** Sub-category rows that week. */
	rows: number;
	/** GMV far below the year's typical week: rows missing from the data, not a real week (fitted with weight 0). */
	gap: boolean;
}

/** A week whose total GMV is under this share of the median week is a gap in the data. */
export const GAP_SHARE = 0.1;

export function weeklyTotals(rows: readonly WeeklyInput[]): WeekTotal[] {
	const byWeek = new Map<number, WeekTotal>();
	for (const r of rows) {
		const w = byWeek.get(r.week);
		if (w) {
			w.gmv += r.gmv;
			w.rows += 1;
			w.sale ||= r.sale;
		} else byWeek.set(r.week, { week: r.week, gmv: r.gmv, sale: r.sale, spend: { ...r.spend }, rows: 1, gap: false });
	}
	const weeks = [...byWeek.values()].sort((a, b) => a.week - b.week);
	for (let i = 1; i < weeks.length; i++)
		if (weeks[i].week !== weeks[i - 1].week + 1) throw new Error(`week ${weeks[i - 1].week + 1} is missing from the weekly data`);
	const sorted = weeks.map((w) => w.gmv).sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	for (const w of weeks) w.gap = w.gmv < GAP_SHARE * median;
	return weeks;
}

/** Weekly spend of each group (sum of its channels), one series per group. */
export function groupSeries(weeks: readonly WeekTotal[], groups: readonly { channels: readonly string[] }[]): Float64Array[] {
	return groups.map((g) => Float64Array.from(weeks, (w) => g.channels.reduce((s, c) => s + (w.spend[c] ?? 0), 0)));
}

export interface ObservedMonth {
	/** 'YYYY-MM'. */
	month: string;
	/** The month's marketing budget, crore. */
	budget: number;
	/** By group, crore. */
	byGroup: number[];
	/** The month's GMV: its weeks' mean x 4.3, rupees. */
	gmv: number;
	/** Sale weeks among its 4.3 weeks (the share of its weeks flagged, x 4.3). */
	saleWeeks: number;
	/** Weeks of the month in the data, and whether none of them is a gap. */
	weeks: number;
	complete: boolean;
}

/** The months the weekly data covers, with their budgets (monthly investment by channel, crore). */
export function observedMonths(
	weeks: readonly WeekTotal[],
	monthlyBudget: Readonly<Record<string, Record<string, number>>>,
	groups: readonly { channels: readonly string[] }[]
): ObservedMonth[] {
	const months: ObservedMonth[] = [];
	for (const [month, budget] of Object.entries(monthlyBudget).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const inMonth = weeks.filter((w) => monthOfWeek(w.week) === month);
		const good = inMonth.filter((w) => !w.gap);
		if (!good.length) continue;
		const byGroup = groups.map((g) => g.channels.reduce((s, c) => s + (budget[c] ?? 0), 0));
		months.push({
			month,
			budget: byGroup.reduce((a, b) => a + b, 0),
			byGroup,
			gmv: (good.reduce((s, w) => s + w.gmv, 0) / good.length) * WEEKS_PER_MONTH,
			saleWeeks: (good.filter((w) => w.sale).length / good.length) * WEEKS_PER_MONTH,
			weeks: inMonth.length,
			complete: good.length === inMonth.length
		});
	}
	return months;
}
