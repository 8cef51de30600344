/**
 * What the customer-segments tool reads: one invoice line per row, in the layout of the UCI Online
 * Retail export (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID,
 * Country), with the spellings other shop exports use as aliases. Header matching (`matchHeaders` in
 * core/csv/headers) ignores case, spaces, `_`, `-` and `.`, so "Invoice No", "invoice_no" and
 * "InvoiceNo" are one spelling; only genuinely different words need an alias.
 *
 * Rows are not validated by core/csv/validate (which builds one object per row): the streaming
 * customer aggregator (features.ts) reads the raw fields itself. "Required" here therefore means
 * "the header must have this column". One exception to "non-empty in every row": an empty Customer
 * ID is allowed (the line gets an id made from its invoice; see clean.ts).
 */
import type { TableSchema } from '../core/schema';

/** Canonical keys of the invoice-line columns, in the export's order. */
export const INVOICE_COLUMNS = [
	'InvoiceNo',
	'StockCode',
	'Description',
	'Quantity',
	'InvoiceDate',
	'UnitPrice',
	'CustomerID',
	'Country'
] as const;
export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number];

/** The invoice-line layout, for header matching, the CSV template and messages. */
/** Where each column the analysis uses sits in a record's fields (-1: an optional column the file lacks). */
export interface UsedColumnPositions {
	invoice: number;
	stock: number;
	quantity: number;
	date: number;
	price: number;
	customer: number;
	country: number;
}

/** The used columns' positions, from where each column is (`positionOf`: -1 when absent). */
export function usedColumnPositions(positionOf: (key: InvoiceColumn) => number): UsedColumnPositions {
	return {
		invoice: positionOf('InvoiceNo'),
		stock: positionOf('StockCode'),
		quantity: positionOf('Quantity'),
		date: positionOf('InvoiceDate'),
		price: positionOf('UnitPrice'),
		customer: positionOf('CustomerID'),
		country: positionOf('Country')
	};
}

export const invoiceLineSchema: TableSchema = {
	id: 'segments',
	rowNoun: 'invoice lines',
	columns: [
		{
			key: 'InvoiceNo',
			label: 'Invoice',
			aliases: ['Invoice', 'Invoice number', 'Invoice ID', 'Order', 'Order ID', 'Order number', 'Transaction ID'],
			type: 'text',
			required: true,
			help: 'Invoice or order number. A number starting with C marks a cancellation.',
			example: '536365'
		},
		{
			key: 'StockCode',
			label: 'Stock code',
			aliases: ['Stock code', 'SKU', 'Product code', 'Product ID', 'Item code'],
			type: 'text',
			required: true,
			help: 'Product code. Postage, fees and manual adjustments (POST, D, M, …) are left out of the analysis.',
			example: '85123A'
		},
		{
			key: 'Description',
			label: 'Description',
			aliases: ['Product', 'Product name', 'Item', 'Item name'],
			type: 'text',
			required: false,
			help: 'Product name (not used by the analysis).',
			example: 'WHITE HANGING HEART T-LIGHT HOLDER'
		},
		{
			key: 'Quantity',
			label: 'Quantity',
			aliases: ['Qty', 'Units', 'Quantity ordered'],
			type: 'number',
			required: true,
			help: 'Units on the line; a negative quantity is a return.',
			example: 6
		},
		{
			key: 'InvoiceDate',
			label: 'Invoice date',
			aliases: ['Date', 'Order date', 'Invoice date time', 'Transaction date', 'Timestamp'],
			type: 'date',
			required: true,
			help: 'Date and time of the invoice, e.g. 2010-12-01 08:26:00, 12/1/2010 8:26 or 01/12/2010 08:26.',
			example: '2010-12-01 08:26:00'
		},
		{
			key: 'UnitPrice',
			label: 'Unit price',
			aliases: ['Price', 'Unit price', 'Item price', 'Price each'],
			type: 'number',
			required: true,
			help: 'Price of one unit. Lines priced below 0.04 are left out of the analysis.',
			example: 2.55
		},
		{
			key: 'CustomerID',
			label: 'Customer ID',
			aliases: ['Customer', 'Customer number', 'Customer no', 'Client ID', 'Client', 'Buyer ID', 'User ID'],
			type: 'text',
			required: true,
			help: 'Customer number (17850 or 17850.0). May be empty: each invoice without one counts as a customer of its own.',
			example: '17850'
		},
		{
			key: 'Country',
			label: 'Country',
			aliases: ['Customer country', 'Ship country', 'Shipping country', 'Billing country'],
			type: 'text',
			required: false,
			help: 'Country of the customer. "European Community" and "Unspecified" are left out.',
			example: 'United Kingdom'
		}
	]
};

/** The columns the header must have (labels, for messages). */
export const REQUIRED_INVOICE_COLUMNS: readonly string[] = invoiceLineSchema.columns.filter((c) => c.required).map((c) => c.label);
