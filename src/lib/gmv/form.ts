/**
 * The GMV form: its fields (built from the weekly schema and the artifact's context), the values a
 * first visit starts from (a real held-out week), what changing the week does, the scenario the
 * form describes, and the form's state as URL parameters so a copied link reproduces it.
 */
import type { InputRange } from '../core/artifact/types';
import { checkRanges, farSentence, type RangeField } from '../core/inputRanges';
import type { CellValue, ColumnSpec } from '../core/schema';
import type { GmvContext } from './artifacts';
import { calendarForWeek, isIsoDate, weekOfDate } from './calendar';
import { RECENT_WEEKS } from './recent';
import type { GmvScenario } from './features';
import { CHANNELS, CHANNEL_LABELS, SUB_CATEGORIES, subCategoryLabel, weeklyRowSchema } from './schema';
import { weeklyFromMonthly, type ChannelSpend } from './spend';

export type GmvFormValues = Record<string, CellValue>;

const fromWeekly = (key: string): ColumnSpec => {
	const spec = weeklyRowSchema.columns.find((c) => c.key === key);
	if (!spec) throw new Error(`no weekly column ${key}`);
	return { ...spec, required: true };
};

export const budgetKey = (channel: string) => `budget_${channel}`;
/** The form key of the GMV `k` weeks before the week (1 = last week). */
export const recentKey = (k: number) => `recent_gmv_${k}`;
export const RECENT_KEYS = Array.from({ length: RECENT_WEEKS }, (_, i) => recentKey(i + 1));

/** The fields shown above the answer on every screen; the rest are folded below it on a phone. */
export const FIRST_KEYS = ['date', 'sub_category', ...RECENT_KEYS];

/** The form's fields, in display order, grouped for the page (`FIRST_KEYS` first). */
export function gmvFormFields(): { columns: ColumnSpec[]; groups: { title: string; keys: string[] }[] } {
	const columns: ColumnSpec[] = [
		{
			key: 'date',
			label: 'Week of',
			type: 'date',
			required: true,
			help: 'Any day of the week (Sunday to Saturday). Changing it loads that month’s NPS, sale days and budget.'
		},
		{
			key: 'sub_category',
			label: 'Sub-category',
			type: 'category',
			required: true,
			categories: SUB_CATEGORIES,
			categoryLabels: Object.fromEntries(SUB_CATEGORIES.map((s) => [s, subCategoryLabel(s)]))
		},
		...RECENT_KEYS.map(
			(key, i): ColumnSpec => ({
				key,
				label: i === 0 ? 'GMV last week' : `${i + 1} weeks before`,
				type: 'number',
				unit: '₹',
				required: false,
				min: 0,
				max: 1e11,
				step: 1000
			})
		),
		fromWeekly('product_mrp'),
		fromWeekly('discount'),
		fromWeekly('sla'),
		fromWeekly('procurement_sla'),
		{ ...fromWeekly('NPS'), help: 'Net promoter score; defaults to the month’s.' },
		{ key: 'sale_week', label: 'Sale week', type: 'boolean', required: true, help: 'The week holds at least one special-sale day.' },
		...CHANNELS.map(
			(c): ColumnSpec => ({
				key: budgetKey(c),
				label: CHANNEL_LABELS[c],
				type: 'number',
				unit: 'crore/month',
				required: true,
				min: 0,
				max: 5000,
				step: 0.1,
				help: `The month’s ${CHANNEL_LABELS[c]} budget for the whole marketplace.`
			})
		)
	];
	return {
		columns,
		groups: [
			{ title: 'Week and product', keys: ['date', 'sub_category'] },
			{ title: 'Weekly GMV of the weeks before (optional, the best forecast uses it)', keys: RECENT_KEYS },
			{ title: 'Price, delivery and sale', keys: ['product_mrp', 'discount', 'sla', 'procurement_sla', 'NPS', 'sale_week'] },
			{ title: 'Monthly marketing budget', keys: CHANNELS.map(budgetKey) }
		]
	};
}

/** Training ranges of the form's fields, keyed by form key (weekly columns and monthly budgets). */
export function gmvFormRanges(ctx: GmvContext, inputRanges: Record<string, InputRange>): Record<string, InputRange> {
	const out: Record<string, InputRange> = { ...ctx.budgetRanges };
	for (const key of ['product_mrp', 'discount', 'sla', 'procurement_sla', 'NPS']) if (inputRanges[key]) out[key] = inputRanges[key];
	return out;
}

/**
 * The form's inputs against the model's training ranges (core/inputRanges): `flagged` lists the
 * labels a little outside (predicted with a warning), `refused` one sentence per input so far outside
 * that the page gives no prediction.
 */
export function formRangeCheck(values: GmvFormValues, ranges: Record<string, InputRange>): { flagged: string[]; refused: string[] } {
	const fields: Record<string, RangeField> = Object.fromEntries(gmvFormFields().columns.map((c) => [c.key, { label: c.label, unit: c.unit }]));
	const { near, far } = checkRanges(values, ranges, fields);
	return { flagged: near.map((f) => f.label), refused: far.map(farSentence) };
}

/** The month's key inside the training year (a date outside it maps to the same calendar month there). */
export function monthInDataYear(ctx: GmvContext, month: string): string {
	if (ctx.monthlyBudget[month]) return month;
	const mm = month.slice(5, 7);
	return Object.keys(ctx.monthlyBudget).find((m) => m.endsWith(`-${mm}`)) ?? Object.keys(ctx.monthlyBudget)[0];
}

/** What the calendar says about the week of a date: its sale days, holidays, month NPS and budget. */
export function weekFacts(ctx: GmvContext, date: string) {
	const week = weekOfDate(date);
	const facts = calendarForWeek(week, ctx.calendar);
	const month = monthInDataYear(ctx, facts.month);
	return { ...facts, nps: facts.nps ?? ctx.calendar.monthlyNps[month], budget: ctx.monthlyBudget[month], budgetMonth: month };
}

/** Values that follow the week: NPS, sale flag and the month's budget mix. */
export function valuesForWeek(ctx: GmvContext, date: string): GmvFormValues {
	const facts = weekFacts(ctx, date);
	return {
		date,
		NPS: facts.nps,
		sale_week: facts.saleDays.length > 0,
		...Object.fromEntries(CHANNELS.map((c) => [budgetKey(c), facts.budget[c]]))
	};
}

/**
 * The GMV of the weeks before a week, from the data where it holds them (the held-out weeks and the
 * few before), else blank: a week's recent GMV never carries over to another week or sub-category.
 */
export function recentValuesFor(ctx: GmvContext, subCategory: string, date: string): GmvFormValues {
	const week = isIsoDate(date) ? weekOfDate(date) : NaN;
	const known = ctx.heldOutGmv?.[subCategory] ?? {};
	return Object.fromEntries(RECENT_KEYS.map((key, i) => [key, known[String(week - i - 1)] ?? null]));
}

/** A first visit: a real held-out week of the data. */
export function defaultFormValues(ctx: GmvContext): GmvFormValues {
	const s = ctx.startWeek;
	return {
		...valuesForWeek(ctx, s.date),
		...Object.fromEntries(RECENT_KEYS.map((key, i) => [key, s.recentGmv?.[i] ?? null])),
		sub_category: s.subCategory,
		product_mrp: s.productMrp,
		discount: s.discount,
		sla: s.sla,
		procurement_sla: s.procurementSla
	};
}

export function monthlyBudgetOf(values: GmvFormValues): ChannelSpend {
	return Object.fromEntries(CHANNELS.map((c) => [c, Number(values[budgetKey(c)])])) as ChannelSpend;
}

/** The scenario the form describes. */
export function scenarioFromForm(values: GmvFormValues): GmvScenario {
	return {
		subCategory: String(values.sub_category),
		productMrp: Number(values.product_mrp),
		discount: Number(values.discount),
		sla: Number(values.sla),
		procurementSla: Number(values.procurement_sla),
		nps: Number(values.NPS),
		saleWeek: values.sale_week === true,
		weeklySpend: weeklyFromMonthly(monthlyBudgetOf(values)),
		recentGmv: RECENT_KEYS.map((key) => (typeof values[key] === 'number' ? (values[key] as number) : null))
	};
}

/** URL parameter names (short, stable) for the form keys. */
const PARAM: Record<string, string> = {
	date: 'week',
	sub_category: 'cat',
	product_mrp: 'mrp',
	discount: 'disc',
	sla: 'sla',
	procurement_sla: 'psla',
	NPS: 'nps',
	sale_week: 'sale',
	...Object.fromEntries(CHANNELS.map((c) => [budgetKey(c), c.toLowerCase()])),
	...Object.fromEntries(RECENT_KEYS.map((key, i) => [key, `g${i + 1}`]))
};

/** Form values -> URL search parameters (every field, so the link is exact). */
export function formToParams(values: GmvFormValues): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, name] of Object.entries(PARAM)) {
		const v = values[key];
		// A blank recent GMV is written as blank, so the link does not refill it from the data.
		if ((v === null || v === undefined) && RECENT_KEYS.includes(key)) params.set(name, '');
		if (v === null || v === undefined) continue;
		params.set(name, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
	}
	return params;
}

/**
 * URL search parameters -> form values over the defaults. A parameter that cannot be used is
 * skipped and reported, so a damaged link still opens with everything else it carried.
 */
export function formFromParams(params: URLSearchParams, defaults: GmvFormValues): { values: GmvFormValues; rejected: string[] } {
	const { columns } = gmvFormFields();
	const values: GmvFormValues = { ...defaults };
	const rejected: string[] = [];
	const has = [...params.keys()].some((k) => Object.values(PARAM).includes(k));
	if (!has) return { values, rejected };
	for (const spec of columns) {
		const raw = params.get(PARAM[spec.key]);
		if (raw === null) continue;
		const value = paramValue(spec, raw);
		if (value === undefined) rejected.push(spec.label);
		else values[spec.key] = value;
	}
	return { values, rejected };
}

/**
 * The form a link describes: the start week, then the month values of the link's week (so a
 * hand-written link with only `week=` gets that week's NPS, sale flag and budget), then every
 * parameter the link carries.
 */
export function formFromLink(ctx: GmvContext, params: URLSearchParams): { values: GmvFormValues; rejected: string[] } {
	const defaults = defaultFormValues(ctx);
	const week = params.get(PARAM.date);
	const cat = params.get(PARAM.sub_category);
	const subCategory = cat && (SUB_CATEGORIES as readonly string[]).includes(cat) ? cat : String(defaults.sub_category);
	const base = week && isIsoDate(week) ? { ...defaults, ...valuesForWeek(ctx, week), ...recentValuesFor(ctx, subCategory, week) } : defaults;
	return formFromParams(params, base);
}

function paramValue(spec: ColumnSpec, raw: string): CellValue | undefined {
	switch (spec.type) {
		case 'date':
			return isIsoDate(raw) ? raw : undefined;
		case 'boolean':
			return raw === '1' ? true : raw === '0' ? false : undefined;
		case 'category':
			return spec.categories?.includes(raw) ? raw : undefined;
		default: {
			if (!spec.required && raw.trim() === '') return null;
			const n = Number(raw);
			if (raw.trim() === '' || !Number.isFinite(n)) return undefined;
			if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return undefined;
			return n;
		}
	}
}
