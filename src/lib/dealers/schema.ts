/**
 * What the dealer tool reads. One schema covers both layouts: the original project's
 * (`,BAC,Region,Month,VDPViews,Visitors,LeadVolume,VisitorConversions,Sales`, an unnamed row-index
 * column first, which matches nothing and is ignored) and the generator's richer one, whose extra
 * columns are optional. Column keys are the layouts' own header names, so a template or a download
 * reads back unchanged. Negative counts fail the column minimum and are reported by row.
 */
import type { ColumnSpec, TableSchema } from '../core/schema';
import { MONTHS, type CountField } from './table';

const MAX_COUNT = 100_000_000;

interface CountColumn {
	field: CountField;
	key: string;
	label: string;
	aliases?: string[];
	help: string;
	example: number;
	type?: 'integer' | 'number';
	max?: number;
	unit?: string;
}

/** The counts of both layouts: table field, CSV header, label. The first five are the original layout's. */
export const COUNT_COLUMNS: readonly CountColumn[] = [
	{ field: 'vdpViews', key: 'VDPViews', label: 'VDP views', aliases: ['VDP views', 'vehicle detail page views'], help: 'Views of the vehicle-detail pages of the dealer\'s website in the month.', example: 6200 },
	{ field: 'visitors', key: 'Visitors', label: 'Visitors', aliases: ['unique visitors'], help: 'Unique visitors of the dealer\'s website in the month (at most the VDP views).', example: 2350 },
	{ field: 'leads', key: 'LeadVolume', label: 'Lead volume', aliases: ['Leads', 'Lead volume', 'total leads'], help: 'Sales leads of the month from every source.', example: 150 },
	{ field: 'conversions', key: 'VisitorConversions', label: 'Visitor conversions', aliases: ['conversions', 'website leads'], help: 'Website visitors who sent a lead (form, chat, call from the site); at most the visitors.', example: 64 },
	{ field: 'sales', key: 'Sales', label: 'Sales', aliases: ['vehicles sold', 'units sold'], help: 'Vehicles sold in the month, from leads and walk-ins.', example: 24 },
	{ field: 'leadsBrandWebsite', key: 'LeadsBrandWebsite', label: 'Brand-website leads', help: 'Leads passed on from the brand\'s website.', example: 22 },
	{ field: 'leadsThirdParty', key: 'LeadsThirdParty', label: 'Third-party leads', help: 'Leads from third-party listing sites.', example: 36 },
	{ field: 'leadsPhoneChat', key: 'LeadsPhoneChat', label: 'Phone & chat leads', help: 'Leads by phone or chat that did not come through the website.', example: 18 },
	{ field: 'salesDealerWebsite', key: 'SalesDealerWebsite', label: 'Sales from dealer-website leads', help: 'Sales that began as a lead from the dealer\'s website.', example: 7 },
	{ field: 'salesBrandWebsite', key: 'SalesBrandWebsite', label: 'Sales from brand-website leads', help: 'Sales that began as a brand-website lead.', example: 2 },
	{ field: 'salesThirdParty', key: 'SalesThirdParty', label: 'Sales from third-party leads', help: 'Sales that began as a third-party lead.', example: 2 },
	{ field: 'salesPhoneChat', key: 'SalesPhoneChat', label: 'Sales from phone & chat leads', help: 'Sales that began as a phone or chat lead.', example: 3 },
	{ field: 'salesWalkIn', key: 'SalesWalkIn', label: 'Walk-in sales', help: 'Sales to buyers who never sent a lead.', example: 10 },
	{ field: 'respondedWithin30', key: 'LeadsRespondedWithin30', label: 'Leads answered within 30 min', aliases: ['responded within 30'], help: 'Leads that got an answer within 30 minutes.', example: 96 },
	{ field: 'avgResponseHours', key: 'AvgResponseHours', label: 'Average response time', type: 'number', unit: 'hours', max: 10_000, help: 'Mean time to answer a lead, in hours.', example: 4.2 },
	{ field: 'salesLoyalty', key: 'SalesLoyalty', label: 'Sales loyalty', type: 'number', unit: '%', max: 100, help: 'Share of the dealer\'s owners who bought the brand again, in percent.', example: 88.1 },
	{ field: 'serviceLeads', key: 'ServiceLeads', label: 'Service leads', help: 'Requests for a service visit.', example: 40 },
	{ field: 'serviceAppointments', key: 'ServiceAppointments', label: 'Service appointments', help: 'Service appointments booked from those requests.', example: 25 },
	{ field: 'serviceOrders', key: 'ServiceOrders', label: 'Service repair orders', aliases: ['repair orders', 'ROs'], help: 'Repair orders opened from those appointments.', example: 18 }
];

const ORIGINAL_COUNT = 5;

function countSpec(c: CountColumn, required: boolean): ColumnSpec {
	return {
		key: c.key,
		label: c.label,
		aliases: c.aliases,
		type: c.type ?? 'integer',
		unit: c.unit,
		required,
		min: 0,
		max: c.max ?? MAX_COUNT,
		help: c.help,
		example: c.example
	};
}

/** Both layouts: the original's columns are required, the richer layout's optional. */
export const dealerMonthSchema: TableSchema = {
	id: 'dealers',
	rowNoun: 'dealer-month rows',
	columns: [
		{ key: 'BAC', label: 'BAC', aliases: ['dealer', 'dealer code', 'dealer id', 'BAC code'], type: 'integer', required: true, min: 0, max: 999_999_999, help: 'The dealer\'s code (BAC).', example: 11111 },
		{ key: 'Region', label: 'Region', type: 'text', required: true, help: 'The dealer\'s sales region.', example: 'Northeast' },
		{ key: 'Month', label: 'Month', type: 'category', categories: MONTHS, required: true, help: 'Month as Jan, Feb, … Dec.', example: 'Jan' },
		...COUNT_COLUMNS.slice(0, ORIGINAL_COUNT).map((c) => countSpec(c, true)),
		{ key: 'Vendor', label: 'Website vendor', aliases: ['website vendor', 'website provider'], type: 'text', required: false, help: 'The company that runs the dealer\'s website.', example: 'Vendor A' },
		...COUNT_COLUMNS.slice(ORIGINAL_COUNT).map((c) => countSpec(c, false))
	]
};

/** The original project's header, in order (its first column has no name). */
export const ORIGINAL_HEADER = ['', 'BAC', 'Region', 'Month', 'VDPViews', 'Visitors', 'LeadVolume', 'VisitorConversions', 'Sales'] as const;

/** The richer layout's header, in order. */
export const RICH_HEADER = ['BAC', 'Region', 'Month', 'Vendor', ...COUNT_COLUMNS.map((c) => c.key)] as const;
