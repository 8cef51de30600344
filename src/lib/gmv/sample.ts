/**
 * Generated weekly rows for samples, tests and the bench: plausible, seeded, and synthetic. Each
 * row takes a random week of the training year and a random sub-category, starts from that
 * sub-category's typical inputs (medians of the training weeks, from the artifact) and varies them:
 * MRP x lognormal(0, 0.25), discount +- normal(0, 8) points clipped to 0..90, delivery SLA
 * x lognormal(0, 0.2), procurement SLA x lognormal(0, 0.3); the week's NPS, sale flag and the
 * month's media investment / 4.3 come from the calendar. No row of the real data is copied.
 */
import { normal, seededRandom } from '../core/random';
import type { GmvContext } from './artifacts';
import { calendarForWeek, monthOfWeek } from './calendar';
import { monthInDataYear } from './form';
import { CHANNELS, SUB_CATEGORIES } from './schema';
import { weeklyFromMonthly } from './spend';

export function generateWeeklyRows(ctx: GmvContext, count: number, seed = 1): Record<string, string | number>[] {
	const random = seededRandom(seed);
	const rows: Record<string, string | number>[] = [];
	for (let i = 0; i < count; i++) {
		const week = 1 + Math.floor(random() * 53);
		const sub = SUB_CATEGORIES[Math.floor(random() * SUB_CATEGORIES.length)];
		const typical = ctx.typicalInputs[sub];
		const month = monthInDataYear(ctx, monthOfWeek(week));
		const facts = calendarForWeek(week, ctx.calendar);
		const weekly = weeklyFromMonthly(ctx.monthlyBudget[month]);
		const r2 = (x: number) => Math.round(x * 100) / 100;
		rows.push({
			week,
			product_analytic_sub_category: sub,
			product_mrp: Math.round(typical.productMrp * Math.exp(normal(random, 0, 0.25))),
			discount: r2(Math.min(90, Math.max(0, typical.discount + normal(random, 0, 8)))),
			sla: r2(typical.sla * Math.exp(normal(random, 0, 0.2))),
			procurement_sla: r2(typical.procurementSla * Math.exp(normal(random, 0, 0.3))),
			...Object.fromEntries(CHANNELS.map((c) => [c, Math.round(weekly[c] * 1e4) / 1e4])),
			NPS: facts.nps ?? ctx.calendar.monthlyNps[month],
			'Holiday.Sale': facts.saleDays.length > 0 ? 1 : 0
		});
	}
	return rows;
}

/** Rows as CSV text with the weekly layout's header. */
export function weeklyRowsCsv(rows: Record<string, string | number>[]): string {
	const header = ['week', 'product_analytic_sub_category', 'product_mrp', 'discount', 'sla', 'procurement_sla', ...CHANNELS, 'NPS', 'Holiday.Sale'];
	// Rows that carry an actual GMV keep it (the batch then forecasts later weeks from it).
	if (rows.some((r) => r.gmv !== undefined)) header.push('gmv');
	return [header.join(','), ...rows.map((r) => header.map((h) => r[h]).join(','))].join('\n') + '\n';
}
