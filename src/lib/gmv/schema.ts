/**
 * What the GMV tool reads: the columns of the weekly market-mix layout (`eleckart_weekly.csv`),
 * used both by `npm run train` and by the browser's CSV upload, and the form's own fields.
 */
import type { ColumnSpec, TableSchema } from '../core/schema';

/** The nine marketing channels, in the data's column order. */
export const CHANNELS = [
	'TV',
	'Digital',
	'Sponsorship',
	'ContentMarketing',
	'OnlineMarketing',
	'Affiliates',
	'SEM',
	'Radio',
	'Other'
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
	TV: 'TV',
	Digital: 'Digital',
	Sponsorship: 'Sponsorship',
	ContentMarketing: 'Content marketing',
	OnlineMarketing: 'Online marketing',
	Affiliates: 'Affiliates',
	SEM: 'Search (SEM)',
	Radio: 'Radio',
	Other: 'Other'
};

/** The 14 product sub-categories; the three the original project modelled come first. */
export const SUB_CATEGORIES = [
	'CameraAccessory',
	'HomeAudio',
	'GamingAccessory',
	'AmplifierReceiver',
	'AudioAccessory',
	'AudioMP3Player',
	'Camera',
	'CameraStorage',
	'Game',
	'GameMembershipCards',
	'GamingConsole',
	'HomeTheatre',
	'Speaker',
	'TVVideoSmall'
] as const;
export type SubCategory = (typeof SUB_CATEGORIES)[number];

/** "CameraAccessory" -> "Camera accessory". */
export function subCategoryLabel(name: string): string {
	const words = name
		.replace(/MP3/g, ' MP3 ')
		.replace(/TVVideo/g, 'TV Video')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.trim()
		.split(/\s+/);
	return words.map((w, i) => (i === 0 || /^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ');
}

/**
 * A plausible week's spend by channel for the template (crore, inside every training range: the
 * model refuses inputs far outside it).
 */
const EXAMPLE_WEEKLY_SPEND: Record<Channel, number> = {
	TV: 0.5,
	Digital: 0.3,
	Sponsorship: 2,
	ContentMarketing: 0.1,
	OnlineMarketing: 1.5,
	Affiliates: 0.5,
	SEM: 1.5,
	Radio: 0.1,
	Other: 0.5
};

const spendColumn = (channel: Channel): ColumnSpec => ({
	key: channel,
	label: `${CHANNEL_LABELS[channel]} spend`,
	aliases: [CHANNEL_LABELS[channel], `${channel}_spend`, `spend_${channel}`],
	type: 'number',
	unit: 'crore/week',
	required: true,
	min: 0,
	max: 1000,
	help: `Weekly ${CHANNEL_LABELS[channel]} spend of the whole marketplace, in crore rupees.`,
	example: EXAMPLE_WEEKLY_SPEND[channel]
});

/** Columns of one weekly row of one sub-category (the layout of `eleckart_weekly.csv`). */
export const weeklyRowSchema: TableSchema = {
	id: 'gmv',
	rowNoun: 'weekly rows',
	columns: [
		{
			key: 'week',
			label: 'Week',
			aliases: ['week_number', 'week_no'],
			type: 'integer',
			required: false,
			min: 1,
			max: 520,
			help: 'Week number; week 1 is the week of 1 July 2015 (Sunday to Saturday).',
			example: 44
		},
		{
			key: 'product_analytic_sub_category',
			label: 'Sub-category',
			aliases: ['sub_category', 'subcategory', 'category'],
			type: 'category',
			required: true,
			categories: SUB_CATEGORIES,
			help: 'Product analytic sub-category, e.g. CameraAccessory.',
			example: 'CameraAccessory'
		},
		{
			key: 'units',
			label: 'Units',
			type: 'number',
			required: false,
			min: 0,
			help: 'Units sold (not used by the model).',
			example: 3000
		},
		{
			key: 'gmv',
			label: 'Actual GMV',
			aliases: ['actual_gmv', 'gross_merchandise_value'],
			type: 'number',
			unit: '₹',
			required: false,
			min: 0,
			help: 'Actual GMV in rupees, when known: the page then charts predicted against actual.',
			example: ''
		},
		{
			key: 'product_mrp',
			label: 'Average MRP',
			aliases: ['mrp', 'avg_mrp'],
			type: 'number',
			unit: '₹',
			required: true,
			min: 1,
			max: 1_000_000,
			step: 1,
			help: 'Average maximum retail price of the units sold that week.',
			example: 1500
		},
		{
			key: 'discount_mrp',
			label: 'Average selling price',
			type: 'number',
			unit: '₹',
			required: false,
			min: 0,
			help: 'Not used by the model.',
			example: ''
		},
		{
			key: 'discount',
			label: 'Average discount',
			aliases: ['discount_pct', 'discount_percent'],
			type: 'number',
			unit: '%',
			required: true,
			min: 0,
			max: 100,
			step: 0.1,
			help: 'Average discount off MRP, in percent.',
			example: 45
		},
		{
			key: 'sla',
			label: 'Delivery SLA',
			aliases: ['delivery_sla', 'deliverybdays'],
			type: 'number',
			unit: 'days',
			required: true,
			min: 0,
			max: 60,
			step: 0.1,
			help: 'Average promised delivery time in days.',
			example: 5.5
		},
		{
			key: 'procurement_sla',
			label: 'Procurement SLA',
			aliases: ['procurement'],
			type: 'number',
			unit: 'days',
			required: true,
			min: 0,
			max: 365,
			step: 0.1,
			help: 'Average time to procure the product from the seller, in days.',
			example: 2.7
		},
		...CHANNELS.map(spendColumn),
		{
			key: 'NPS',
			label: 'NPS',
			aliases: ['net_promoter_score'],
			type: 'number',
			required: true,
			min: -100,
			max: 100,
			step: 0.1,
			help: 'Net promoter score of the month.',
			example: 50
		},
		{
			key: 'Holiday.Sale',
			label: 'Sale week',
			aliases: ['holiday_sale', 'sale_week', 'special_sale'],
			type: 'boolean',
			required: true,
			help: 'Whether the week has at least one special-sale day (1 or 0).',
			example: 0
		}
	]
};
