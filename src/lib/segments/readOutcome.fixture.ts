/**
 * For tests: what a finished invoice read hands on, as plain data to compare two readers with (the
 * table with its features as plain arrays, the date order and its examples, the lines read).
 */
import type { DateOrder } from '../core/dates';
import type { InvoiceReadResult } from './read';

export function readOutcome(result: InvoiceReadResult, dateOrder?: Exclude<DateOrder, 'iso' | 'ambiguous'>) {
	if (!result.ok) return { failure: result.failure };
	const aggregator = result.aggregator;
	const order = aggregator.dateOrder;
	const table = aggregator.finish(order === 'ambiguous' ? { dateOrder: dateOrder ?? 'day-first' } : {});
	return {
		dateOrder: order,
		examples: [...aggregator.ambiguousDateExamples],
		linesRead: aggregator.linesRead,
		table: { ...table, features: Object.fromEntries(Object.entries(table.features).map(([k, v]) => [k, Array.from(v)])) }
	};
}
