/**
 * For tests: eight hand-checked customers (their features worked out by hand below) and a two-cluster
 * model built by hand on them, shared by the tests of the analysis, the cluster assignment and the
 * Insiders' rules.
 */
import { createCustomerAggregator, type CustomerFeature, type CustomerTable } from './features';
import type { SegmentAssigner } from './model';

const day = (date: string) => Date.parse(`${date}T10:00:00Z`);

export interface HandCustomer {
	id: string;
	/** Every invoice is one line of 10 units. */
	invoices: { date: string; unitPrice: number }[];
}

/** A customer table from a few customers, one line of 10 units per invoice, in customer order. */
export function tableOf(customers: HandCustomer[]): CustomerTable {
	const aggregator = createCustomerAggregator();
	let invoice = 540000;
	let row = 2;
	for (const customer of customers)
		for (const { date, unitPrice } of customer.invoices) {
			aggregator.addInvoiceLine(
				{ invoice: String(invoice++), stockCode: `P${invoice}`, quantity: 10, unitPrice, date: day(date), customerId: customer.id, country: 'United Kingdom' },
				row++
			);
		}
	return aggregator.finish();
}

export const monthly = (year: number, months: number[], dayOfMonth: number, unitPrice: number) =>
	months.map((m) => ({ date: `${year}-${String(m).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`, unitPrice }));

/*
 * The hand-checked customers. The last date of the data is 2011-06-30 (B's last invoice), the first
 * 2010-06-15 (C's first), so the run-rate window is the last 365 days: 2010-07-01 .. 2011-06-30.
 *
 *   id    invoices x value        revenue  invoices  last purchase  recency  revenue in the window
 *   A     5 x 200                 1000     5         2011-06-01     29       1000
 *   B     6 x 300                 1800     6         2011-06-30      0       1800
 *   C     8 x 250                 2000     8         2011-06-20     10       1750 (2010-06-15 is before it)
 *   D     1 x 1500                1500     1         2011-06-25      5       1500
 *   E     6 x 50                   300     6         2011-06-05     25        300
 *   F     1 x 40                    40     1         2010-09-01    302         40
 *   G     2 x 100                  200     2         2010-10-01    272        200
 *   H     4 x 240                  960     4         2011-06-10     20        960
 *
 * Insiders are exactly "revenue >= 1000 and invoices >= 5": A, B and C (D spends but bought once,
 * E buys often but little, H falls short on both).
 */
const CUSTOMERS: HandCustomer[] = [
	{ id: 'A', invoices: monthly(2011, [2, 3, 4, 5, 6], 1, 20) },
	{ id: 'B', invoices: [...monthly(2011, [1, 2, 3, 4, 5], 10, 30), { date: '2011-06-30', unitPrice: 30 }] },
	{ id: 'C', invoices: [{ date: '2010-06-15', unitPrice: 25 }, ...monthly(2011, [1, 2, 3, 4, 5, 6], 15, 25), { date: '2011-06-20', unitPrice: 25 }] },
	{ id: 'D', invoices: [{ date: '2011-06-25', unitPrice: 150 }] },
	{ id: 'E', invoices: monthly(2011, [1, 2, 3, 4, 5, 6], 5, 5) },
	{ id: 'F', invoices: [{ date: '2010-09-01', unitPrice: 4 }] },
	{ id: 'G', invoices: [{ date: '2010-08-01', unitPrice: 10 }, { date: '2010-10-01', unitPrice: 10 }] },
	{ id: 'H', invoices: [...monthly(2011, [3, 4, 5], 1, 24), { date: '2011-06-10', unitPrice: 24 }] }
];
export const INSIDERS = [1, 1, 1, 0, 0, 0, 0, 0];
export const TOTAL_REVENUE = 7800;

export const table = tableOf(CUSTOMERS);

/*
 * A model built by hand: revenue / 1000 and invoices / 4, centroids at (2, 2) (Insiders) and (0, 0),
 * so a customer is an Insider when revenue / 1000 + invoices / 4 > 2:
 *   A 1 + 1.25 = 2.25, B 1.8 + 1.5 = 3.3, C 2 + 2 = 4 (Insiders);
 *   D 1.5 + 0.25 = 1.75, E 0.3 + 1.5 = 1.8, F 0.29, G 0.7, H 0.96 + 1 = 1.96 (the rest).
 */
export const handFeatures: CustomerFeature[] = ['grossRevenue', 'invoices'];
export const model: SegmentAssigner = {
	space: { features: handFeatures, log: [], mean: [0, 0], sd: [1000, 4] },
	centroids: [
		[2, 2],
		[0, 0]
	]
};
export const names = [
	{ name: 'Insiders', description: 'Top spenders.' },
	{ name: 'Occasional buyers', description: 'The rest.' }
];

export function rowOf(t: CustomerTable, i: number, keys: readonly CustomerFeature[]): number[] {
	return keys.map((f) => t.features[f][i]);
}
