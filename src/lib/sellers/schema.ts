/**
 * The two layouts the seller finder reads, as schemas for header matching (core/csv/headers: case,
 * spaces, `_`, `-` and `.` are ignored, so "Event Type", "event_type" and "EventType" agree):
 * - an activity log, one row per event: user id, timestamp, event, category, amount;
 * - one row per user with the 12 monthly counts already made (and, optionally, the user's recent
 *   collection by category), as the original project's notebook produced them.
 */
import type { ColumnSpec, TableSchema } from '../core/schema';
import { ORIGINAL_FEATURES } from './features';

export const activityLogSchema: TableSchema = {
	id: 'sellers',
	rowNoun: 'events',
	columns: [
		{
			key: 'user_id',
			label: 'User id',
			aliases: ['user', 'userid', 'customer', 'customer id', 'collector', 'collector id', 'buyer', 'buyer id', 'member', 'member id', 'account id', 'uid'],
			type: 'text',
			required: true,
			help: 'Who did it: any id, as long as one user always has the same one.',
			example: 'u100123'
		},
		{
			key: 'timestamp',
			label: 'Timestamp',
			aliases: ['date', 'time', 'event time', 'datetime', 'date time', 'event date', 'event timestamp', 'created at', 'occurred at', 'ts'],
			type: 'date',
			required: true,
			help: 'ISO date, with or without a time and a zone: 2018-06-14, 2018-06-14 10:22 or 2018-06-14T10:22:31Z. The day as written counts.',
			example: '2018-06-14T10:22:31Z'
		},
		{
			key: 'event',
			label: 'Event',
			aliases: ['action', 'type', 'event type', 'activity', 'event name', 'kind'],
			type: 'category',
			required: true,
			help: 'collection add, wish-list add, order, listing, sale (seller sign-up optional); any case, with spaces, hyphens or underscores.',
			example: 'collection_add'
		},
		{
			key: 'category',
			label: 'Category',
			aliases: ['product category', 'item category', 'collection category', 'franchise', 'product line'],
			type: 'category',
			required: false,
			help: 'The collectible category of the item (e.g. Funko Pop). Needed for the inventory levels and the score.',
			example: 'Funko Pop'
		},
		{
			key: 'amount',
			label: 'Amount',
			aliases: ['value', 'price', 'order amount', 'order value', 'order total', 'total', 'revenue', 'sale amount'],
			type: 'number',
			required: false,
			min: 0,
			help: 'Money amount of orders and sales (ignored on other events). A decimal comma is read in semicolon-separated files.',
			example: '24.99'
		}
	]
};

const MONTH_WORDS = ['this month', 'last month', 'two months ago'];
const FEATURE_LABELS: Record<string, string> = {
	collection_adds: 'Collection adds',
	orders: 'Orders',
	order_amount: 'Order amount',
	wishlist_adds: 'Wish-list adds'
};

function monthlyColumn(key: string): ColumnSpec {
	const base = key.slice(0, -2);
	const k = Number(key.slice(-1));
	const label = `${FEATURE_LABELS[base]}, month ${k}`;
	const words = base.replaceAll('_', ' ');
	return {
		key,
		label,
		aliases: [`${words} m${k}`, `${words} month ${k}`, `${words} ${MONTH_WORDS[k - 1]}`, ...(base === 'wishlist_adds' ? [`wish list adds ${k}`, `wish adds ${k}`] : [])],
		type: 'number',
		required: true,
		min: 0,
		help: `${FEATURE_LABELS[base]} in ${MONTH_WORDS[k - 1]} (month 1 is the month the ranking is as of).`,
		example: base === 'order_amount' ? '45.5' : '2'
	};
}

/** Optional column of the per-user layout: recent collection adds by category, `Funko Pop:5|Amiibo:2`. */
export const RECENT_CATEGORIES = 'recent_categories';

export const userRowSchema: TableSchema = {
	id: 'sellers-users',
	rowNoun: 'users',
	columns: [
		activityLogSchema.columns[0],
		...ORIGINAL_FEATURES.map(monthlyColumn),
		{
			key: RECENT_CATEGORIES,
			label: 'Recent categories',
			aliases: ['recent collection', 'categories 90 days', 'recent collection by category'],
			type: 'text',
			required: false,
			help: 'Collection adds of the last 90 days by category, as name:count separated by |, e.g. Funko Pop:5|Amiibo:2. Without it the list is ranked by probability alone.',
			example: 'Funko Pop:5|Amiibo:2'
		}
	]
};
