/**
 * The lines of the invoice sample that the cleaning rules remove, added to invoices that also have
 * product lines (so every named customer keeps at least one purchase): postage, manual lines, free
 * items and discounts.
 */
import type { Invoice, SampleDraws } from './draws';

/**
 * Add, in place: a POSTAGE line (stock code POST) to half of the invoices of named customers
 * abroad; a manual line (M) to 0.5% of purchases (at least 1); a free item (unit price 0) to 1.5%
 * (at least 2); a discount line (D, quantity -1) to 20% of named cancellations (at least 1).
 */
export function addLinesCleaningRemoves(draws: SampleDraws, invoices: Invoice[]): void {
	const purchases = invoices.filter((i) => !i.cancellation);
	for (const invoice of purchases) {
		if (invoice.country !== 'United Kingdom' && invoice.customer !== '' && draws.random() < 0.5) {
			invoice.lines.unshift({ code: 'POST', description: 'POSTAGE', quantity: draws.int(1, 3), cents: draws.pick([1500, 1800, 4000]) });
		}
	}
	for (const invoice of draws.some(purchases, 0.005, 1)) invoice.lines.push({ code: 'M', description: 'Manual', quantity: 1, cents: draws.int(100, 3000) });
	for (const invoice of draws.some(purchases, 0.015, 2)) {
		const p = draws.product();
		invoice.lines.splice(draws.int(0, invoice.lines.length), 0, { code: p.code, description: p.description, quantity: draws.int(1, 12), cents: 0 });
	}
	const namedCancellations = invoices.filter((i) => i.cancellation && i.customer !== '');
	for (const invoice of draws.some(namedCancellations, 0.2, 1)) invoice.lines.push({ code: 'D', description: 'Discount', quantity: -1, cents: draws.int(500, 2000) });
}
