/**
 * From invoice lines to one row per customer, streaming: `createCustomerAggregator()` takes lines one
 * at a time (`addLine` with the split text fields of a CSV row, `addFields` with the values the byte
 * scan found, or `addInvoiceLine` with typed values),
 * reads and cleans each at once (clean.ts), and keeps only a few typed columns per kept line (about
 * 40 bytes: customer, invoice and product indexes, quantity, line value, date code, row number).
 * `finish()` hands those columns to `buildCustomerTable` (customerTable.ts: dates resolved, customer
 * features in a few passes, columnar typed arrays). It can be called again with another date order (when the user answers the question)
 * without reading the file again. `npm run train` and the browser worker share this code. Pure, no DOM.
 *
 * The features themselves are defined, and computed, in customerTable.ts.
 */
import type { CustomerAggregator, CustomerAggregatorOptions } from './customerAggregator';
import { CUSTOMER_FEATURES, type CustomerFeature, type CustomerTable } from './customerTable';
import { InvoiceLineAggregator } from './invoiceAggregator';

export type { AggregatorState, CustomerAggregator, CustomerAggregatorOptions, InvoiceLine } from './customerAggregator';
export { invoiceColumnLabel } from './invoiceAggregator';
export { buildCustomerTable, CUSTOMER_FEATURES, RECENT_WINDOW_DAYS, type CustomerFeature, type CustomerTable, type FinishOptions, type ReadLines } from './customerTable';


/** How a marketer reads each feature. */
export const CUSTOMER_FEATURE_INFO: Record<CustomerFeature, { label: string; unit?: string; help: string }> = {
	grossRevenue: { label: 'Gross revenue', help: 'Sum of quantity × unit price over the customer’s purchases.' },
	recencyDays: { label: 'Days since last purchase', unit: 'days', help: 'Calendar days from the last purchase to the last date in the data.' },
	invoices: { label: 'Invoices', help: 'Distinct invoices with at least one purchase.' },
	itemsBought: { label: 'Items bought', unit: 'items', help: 'Units purchased.' },
	distinctProducts: { label: 'Distinct products', help: 'Different stock codes purchased.' },
	frequency: {
		label: 'Purchase frequency',
		unit: 'invoices/day',
		help: 'Invoices per day between the first and the last purchase (both days included; a single day counts as 1).'
	},
	itemsReturned: { label: 'Items returned', unit: 'items', help: 'Units returned or cancelled.' },
	returnShare: { label: 'Share returned', unit: '%', help: 'Items returned ÷ items bought (at most 100%).' }
};



/** Create a streaming aggregator from invoice lines to customer features (the class is in invoiceAggregator.ts). */
export function createCustomerAggregator(options: CustomerAggregatorOptions = {}): CustomerAggregator {
	return new InvoiceLineAggregator(options);
}

/** The chosen features of every customer, row-major (customer i's features at i * keys.length). */
export function featureMatrix(table: CustomerTable, keys: readonly CustomerFeature[] = CUSTOMER_FEATURES): Float64Array {
	const m = keys.length;
	const out = new Float64Array(table.count * m);
	keys.forEach((key, j) => {
		const column = table.features[key];
		for (let i = 0; i < table.count; i++) out[i * m + j] = column[i];
	});
	return out;
}
