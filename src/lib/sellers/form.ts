/**
 * The one-collector form: its fields (the monthly counts, the history and the category mix), the
 * defaults (a typical candidate of the demo marketplace), cross-field checks, and the probability,
 * score and drivers for the values, from the same model and feature names as the ranked list. The
 * 3-month sums are computed from the monthly fields, never typed. Pure, no DOM.
 */
import type { CellValue, ColumnSpec } from '../core/schema';
import { ALL_FEATURES, ORIGINAL_FEATURES, type FeatureName } from './features';
import { FEATURE_LABELS } from './labels';
import { driversOf, scoreRows, type Driver, type SellerModel } from './model';
import { score } from './score';

export type CollectorValues = Record<string, CellValue>;

/** The category-mix field: share of the last 90 days' collection adds in the selected categories. */
export const SHARE_FIELD = 'share_selected';

const SUMMED: Partial<Record<FeatureName, readonly FeatureName[]>> = {
	collection_adds_3m: ['collection_adds_1', 'collection_adds_2', 'collection_adds_3'],
	orders_3m: ['orders_1', 'orders_2', 'orders_3'],
	order_amount_3m: ['order_amount_1', 'order_amount_2', 'order_amount_3'],
	wishlist_adds_3m: ['wishlist_adds_1', 'wishlist_adds_2', 'wishlist_adds_3']
};

const HELP: Partial<Record<FeatureName, string>> = {
	tenure_months: 'Months from their first collection add, wish-list add or order to the end of the latest month.',
	days_since_active: 'Days from their last buyer event to the last day of the latest month.',
	active_months: 'Months among the last 6 with at least one buyer event (1 to 6).',
	categories: 'Distinct categories of their collection adds, wish-list adds and orders (of 28).',
	top_category_share: 'Share of their collection adds ever that fall in their largest category.'
};

function rules(f: FeatureName): Pick<ColumnSpec, 'type' | 'min' | 'max' | 'step' | 'unit'> {
	if (f.startsWith('order_amount')) return { type: 'number', min: 0, step: 1 };
	if (f === 'tenure_months') return { type: 'number', min: 0, max: 400, step: 0.1 };
	if (f === 'days_since_active') return { type: 'integer', min: 0, max: 183, step: 1, unit: 'days' };
	if (f === 'active_months') return { type: 'integer', min: 1, max: 6, step: 1 };
	if (f === 'categories') return { type: 'integer', min: 0, max: 28, step: 1 };
	if (f === 'top_category_share') return { type: 'number', min: 0, max: 100, step: 1, unit: '%' };
	return { type: 'integer', min: 0, step: 1 };
}

/** The fields a person types: every model feature except the 3-month sums, then the category mix. */
export function collectorColumns(features: readonly string[] = ALL_FEATURES): ColumnSpec[] {
	const typed = (features as readonly FeatureName[]).filter((f) => !(f in SUMMED));
	// The sums need their monthly parts even when the model reads only the sums.
	for (const [sum, parts] of Object.entries(SUMMED)) if (features.includes(sum)) for (const p of parts) if (!typed.includes(p)) typed.push(p);
	const ordered = ALL_FEATURES.filter((f) => typed.includes(f));
	return [
		...ordered.map((f): ColumnSpec => ({ key: f, label: FEATURE_LABELS[f], required: true, ...(HELP[f] ? { help: HELP[f] } : {}), ...rules(f) })),
		{
			key: SHARE_FIELD,
			label: 'Recent collection in the selected categories',
			type: 'number',
			unit: '%',
			min: 0,
			max: 100,
			step: 1,
			required: true,
			help: 'Share of their collection adds in the last 90 days that fall in the categories you selected above.'
		}
	];
}

/** Field groups for the form (monthly counts, then history, then the category mix). */
export const COLLECTOR_GROUPS = [
	{ title: 'Last 3 months', keys: [...ORIGINAL_FEATURES] },
	{ title: 'History', keys: ['tenure_months', 'days_since_active', 'collection_size', 'orders_total', 'wishlist_total', 'active_months', 'categories', 'top_category_share'] },
	{ title: 'Category mix', keys: [SHARE_FIELD] }
] as const;

/** A typical engaged collector (close to the upper quartile of the demo's candidates). */
export const DEFAULT_COLLECTOR: CollectorValues = {
	collection_adds_1: 6,
	collection_adds_2: 4,
	collection_adds_3: 5,
	orders_1: 2,
	orders_2: 1,
	orders_3: 1,
	order_amount_1: 60,
	order_amount_2: 35,
	order_amount_3: 25,
	wishlist_adds_1: 3,
	wishlist_adds_2: 2,
	wishlist_adds_3: 2,
	tenure_months: 14,
	days_since_active: 3,
	collection_size: 70,
	orders_total: 18,
	wishlist_total: 30,
	active_months: 6,
	categories: 3,
	top_category_share: 70,
	[SHARE_FIELD]: 60
};

/** Cross-field problems by field (the form shows them beside the field). */
export function collectorErrors(v: CollectorValues): Record<string, string> {
	const errors: Record<string, string> = {};
	const n = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : NaN);
	const recentAdds = n('collection_adds_1') + n('collection_adds_2') + n('collection_adds_3');
	if (n('collection_size') < recentAdds) errors.collection_size = `At least the ${recentAdds} collection adds of the last 3 months.`;
	const recentOrders = n('orders_1') + n('orders_2') + n('orders_3');
	if (n('orders_total') < recentOrders) errors.orders_total = `At least the ${recentOrders} orders of the last 3 months.`;
	const recentWish = n('wishlist_adds_1') + n('wishlist_adds_2') + n('wishlist_adds_3');
	if (n('wishlist_total') < recentWish) errors.wishlist_total = `At least the ${recentWish} wish-list adds of the last 3 months.`;
	for (let k = 1; k <= 3; k++) if (n(`order_amount_${k}`) > 0 && n(`orders_${k}`) === 0) errors[`order_amount_${k}`] = 'An amount needs at least one order that month.';
	if (n('days_since_active') > 30 && n('collection_adds_1') + n('orders_1') + n('wishlist_adds_1') > 0) errors.days_since_active = 'They were active in the latest month, so at most 30 days.';
	return errors;
}

/** The model's feature row for the form's values (percentages back to shares, sums computed). */
export function collectorRow(model: Pick<SellerModel, 'features'>, v: CollectorValues): Float64Array {
	const value = (f: string): number => {
		const parts = SUMMED[f as FeatureName];
		if (parts) return parts.reduce((s, p) => s + value(p), 0);
		const x = Number(v[f]);
		return f === 'top_category_share' ? x / 100 : x;
	};
	return Float64Array.from(model.features, value);
}

export interface CollectorResult {
	probability: number;
	share: number;
	score: number;
	/** Average probability of the model's candidates (the drivers push from it). */
	baseline: number;
	drivers: Driver[];
}

export function scoreCollector(model: SellerModel, v: CollectorValues): CollectorResult {
	const row = collectorRow(model, v);
	const s = scoreRows(model, row, 1);
	const share = Number(v[SHARE_FIELD]) / 100;
	return { probability: s.probability[0], share, score: score(s.probability[0], share), baseline: s.baseline, drivers: driversOf(model, row, 0, s.driverFeature, s.driverEffect) };
}
