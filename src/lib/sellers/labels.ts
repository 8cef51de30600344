/** The seller finder's features in a person's words (model card, drivers, form). */
import type { FeatureName } from './features';

export const FEATURE_LABELS: Record<FeatureName, string> = {
	collection_adds_1: 'Collection adds, latest month',
	collection_adds_2: 'Collection adds, month before',
	collection_adds_3: 'Collection adds, 2 months before',
	orders_1: 'Orders, latest month',
	orders_2: 'Orders, month before',
	orders_3: 'Orders, 2 months before',
	order_amount_1: 'Order amount, latest month',
	order_amount_2: 'Order amount, month before',
	order_amount_3: 'Order amount, 2 months before',
	wishlist_adds_1: 'Wish-list adds, latest month',
	wishlist_adds_2: 'Wish-list adds, month before',
	wishlist_adds_3: 'Wish-list adds, 2 months before',
	collection_adds_3m: 'Collection adds, last 3 months',
	orders_3m: 'Orders, last 3 months',
	order_amount_3m: 'Order amount, last 3 months',
	wishlist_adds_3m: 'Wish-list adds, last 3 months',
	tenure_months: 'Months since first activity',
	days_since_active: 'Days since last activity',
	collection_size: 'Collection size (adds ever)',
	orders_total: 'Orders ever',
	wishlist_total: 'Wish-list adds ever',
	active_months: 'Active months of the last 6',
	categories: 'Categories touched',
	top_category_share: 'Share of collection in the top category'
};

/** A feature's value as the table shows it. */
export function formatFeature(name: string, value: number): string {
	if (name === 'top_category_share') return `${Math.round(value * 100)}%`;
	if (name === 'tenure_months') return value.toFixed(1);
	if (name.startsWith('order_amount')) return value.toFixed(2);
	return String(Math.round(value * 100) / 100);
}
