/**
 * The customers with an id, apart from the invoices without one (each a guest row of the customer
 * table): which rows they are, their table and places in the clusters, their purchases and the
 * Insiders among them. The analysis' figures and the revenue forecast are of them only. Pure, no DOM.
 */
import { valuesAt } from '../core/valuesAt';
import { CUSTOMER_FEATURES, type CustomerFeature, type CustomerTable } from './features';
import type { SegmentAssignments } from './clusters';

/**
 * What the forecast needs of a customer table (small enough to send to another thread): the purchases
 * grouped by customer and the data's first and last date; `identifiedPurchases` makes one.
 */
export type ForecastTable = Pick<CustomerTable, 'count' | 'firstDate' | 'lastDate' | 'purchaseStart' | 'purchaseDay' | 'purchaseValue'>;

/** Rows of the customers with an id, in table order (invoices without one, each a guest row, are left out). */
export function identifiedRows(table: Pick<CustomerTable, 'count' | 'guest'>): number[] {
	const rows: number[] = [];
	for (let i = 0; i < table.count; i++) if (!table.guest[i]) rows.push(i);
	return rows;
}

/**
 * The rows of a table and of its assignments whose customers have an id (`keep` ascending).
 * `purchases`: the table's `identifiedPurchases`, when the caller has made them already (they are
 * then not copied again).
 */
export function identifiedCustomers(
	table: CustomerTable,
	assignments: SegmentAssignments,
	m: number,
	purchases?: ForecastTable
): { table: CustomerTable; assignments: SegmentAssignments } {
	const keep = identifiedRows(table);
	if (keep.length === table.count) return { table, assignments };
	const picked = (column: Float64Array) => valuesAt(column, keep);
	const features = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, picked(table.features[f])])) as Record<CustomerFeature, Float64Array>;
	const points = new Float64Array(keep.length * m);
	for (let r = 0; r < keep.length; r++) for (let j = 0; j < m; j++) points[r * m + j] = assignments.points[keep[r] * m + j];
	const { purchaseStart, purchaseDay, purchaseValue } = purchases ?? identifiedPurchases(table);
	return {
		table: {
			...table,
			count: keep.length,
			ids: keep.map((i) => table.ids[i]),
			guest: new Uint8Array(keep.length),
			features,
			firstPurchase: picked(table.firstPurchase),
			lastPurchase: picked(table.lastPurchase),
			recentRevenue: picked(table.recentRevenue),
			purchaseStart,
			purchaseDay,
			purchaseValue
		},
		assignments: {
			cluster: Int32Array.from(valuesAt(assignments.cluster, keep)),
			nextNearest: Int32Array.from(valuesAt(assignments.nextNearest, keep)),
			margin: picked(assignments.margin),
			points
		}
	};
}

/** The purchases of a table's customers with an id, grouped as in the table (the table's own when all have one). */
export function identifiedPurchases(table: CustomerTable): ForecastTable {
	const { count, firstDate, lastDate } = table;
	const rows = identifiedRows(table);
	if (rows.length === count) return { count, firstDate, lastDate, purchaseStart: table.purchaseStart, purchaseDay: table.purchaseDay, purchaseValue: table.purchaseValue };
	const purchaseStart = new Int32Array(rows.length + 1);
	for (let r = 0; r < rows.length; r++) purchaseStart[r + 1] = purchaseStart[r] + table.purchaseStart[rows[r] + 1] - table.purchaseStart[rows[r]];
	const lines = purchaseStart[rows.length];
	const purchaseDay = new Int32Array(lines);
	const purchaseValue = new Float64Array(lines);
	for (let r = 0, at = 0; r < rows.length; r++) {
		for (let k = table.purchaseStart[rows[r]]; k < table.purchaseStart[rows[r] + 1]; k++, at++) {
			purchaseDay[at] = table.purchaseDay[k];
			purchaseValue[at] = table.purchaseValue[k];
		}
	}
	return { count: rows.length, firstDate, lastDate, purchaseStart, purchaseDay, purchaseValue };
}

/** The Insiders among a table's customers with an id, numbered as in `identifiedPurchases`. */
export function identifiedInsiders(table: CustomerTable, assignments: SegmentAssignments, insiders: number): Int32Array {
	const members: number[] = [];
	for (let i = 0, r = 0; i < table.count; i++) {
		if (table.guest[i]) continue;
		if (assignments.cluster[i] === insiders) members.push(r);
		r++;
	}
	return Int32Array.from(members);
}
