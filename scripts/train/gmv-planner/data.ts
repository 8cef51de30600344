/**
 * Step 1 of the budget planner's training: the marketplace's weekly totals and the monthly budgets
 * by channel, with what every fit reads from them (GMV, sale weeks, the rows and weights of a span of
 * weeks).
 */
import { join } from 'node:path';
import { groupSeries, weeklyTotals, type WeekTotal } from '../../../src/lib/gmv/mix/data.ts';
import type { MixData } from '../../../src/lib/gmv/mix/fit.ts';
import type { MixGroup } from '../../../src/lib/gmv/mix/response.ts';
import { CHANNELS } from '../../../src/lib/gmv/schema.ts';
import { readSmallCsv } from '../io.ts';
import { MEDIA_COLUMN } from './settings.ts';

/** The two ElecKart files the planner is trained on. */
export interface PlannerFiles {
	weekly: string;
	media: string;
}

/** Monthly spend by channel, keyed by year-month ('2015-07'). */
export type MonthlyBudget = Record<string, Record<string, number>>;

/** The marketplace's weeks, with what every fit reads from them. */
export interface PlannerWeeks {
	weeks: WeekTotal[];
	/** Weeks with almost no rows: not fitted, their spend kept for carry-over. */
	gaps: number[];
	/** Weekly GMV, rupees. */
	gmv: Float64Array;
	/** 1 in a sale week. */
	sale: Float64Array;
	/** Weight 1 for the weeks from `from` up to (not including) `to` that are not gaps, 0 for the rest. */
	weightsFor(from: number, to: number): Float64Array;
	/** Indices of the weeks from `from` up to (not including) `to` that are not gaps. */
	rowsIn(from: number, to: number): number[];
}

/** The planner's files under `dataDir`. */
export function plannerFiles(dataDir: string): PlannerFiles {
	const dir = join(dataDir, 'eleckart');
	return { weekly: join(dir, 'eleckart_weekly.csv'), media: join(dir, 'MediaInvestment.csv') };
}

/** The weekly marketplace totals and the monthly budgets; prints the weeks and the gaps. */
export function readWeeksAndBudgets(files: PlannerFiles): { weeks: PlannerWeeks; monthlyBudget: MonthlyBudget } {
	const weeks = weeklyTotals(
		readSmallCsv(files.weekly).map((r) => ({
			week: Number(r.week),
			gmv: Number(r.gmv),
			sale: Number(r['Holiday.Sale']) === 1,
			spend: Object.fromEntries(CHANNELS.map((c) => [c, Number(r[c] || 0)]))
		}))
	);
	const monthlyBudget: MonthlyBudget = {};
	for (const r of readSmallCsv(files.media)) monthlyBudget[`${r.Year}-${String(r.Month).padStart(2, '0')}`] = Object.fromEntries(CHANNELS.map((c) => [c, Number(r[MEDIA_COLUMN[c]] || 0)]));
	const gaps = weeks.filter((w) => w.gap).map((w) => w.week);
	console.log(`${weeks.length} weeks; gaps in the data (not fitted, spend kept for carry-over): weeks ${gaps.join(', ')}`);
	return { weeks: plannerWeeks(weeks, gaps), monthlyBudget };
}

function plannerWeeks(weeks: WeekTotal[], gaps: number[]): PlannerWeeks {
	const fitted = (w: WeekTotal, from: number, to: number) => !w.gap && w.week >= from && w.week < to;
	return {
		weeks,
		gaps,
		gmv: Float64Array.from(weeks, (w) => w.gmv),
		sale: Float64Array.from(weeks, (w) => (w.sale ? 1 : 0)),
		weightsFor: (from, to) => Float64Array.from(weeks, (w) => (fitted(w, from, to) ? 1 : 0)),
		rowsIn: (from, to) => weeks.map((w, i) => [w, i] as const).filter(([w]) => fitted(w, from, to)).map(([, i]) => i)
	};
}

/** The fits' data for a grouping of the channels: weekly spend by group, sale weeks, GMV. */
export function mixData({ weeks, sale, gmv }: PlannerWeeks, groups: MixGroup[]): MixData {
	return { spend: groupSeries(weeks, groups), sale, gmv };
}
