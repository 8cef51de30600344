/**
 * Writing the invoice sample as CSV text: invoices numbered in time order, dates in one of the
 * sample's formats, fields quoted as standard CSV does, a decimal comma with ';'.
 */
import { MS_PER_DAY } from '../../core/dates';
import { INVOICE_COLUMNS, type InvoiceColumn } from '../schema';
import type { Invoice } from './draws';

/**
 * '2010-12-01 08:26:00' | '12/1/2010 8:26' | '01/12/2010 08:26' | '1-Dec-2010 08:26' | 'Dec 1, 2010 8:26 AM' |
 * '01 December 2010 08:26' | '12/1/10 8:26 AM' (two-digit year, AM/PM).
 */
export type SampleDateFormat = 'iso' | 'month-first' | 'day-first' | 'day-month-name' | 'month-name-first' | 'long-month' | 'short-year-am-pm';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

/** A day (days since 1970-01-01) and minute of the day as the format writes them. */
function dateText(dayNumber: number, minute: number, format: SampleDateFormat): string {
	const date = new Date(dayNumber * MS_PER_DAY);
	const y = date.getUTCFullYear();
	const mo = date.getUTCMonth() + 1;
	const d = date.getUTCDate();
	const h = Math.floor(minute / 60);
	const mi = pad(minute % 60);
	if (format === 'iso') return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${mi}:00`;
	const month = MONTHS[mo - 1];
	const ampm = `${h % 12 === 0 ? 12 : h % 12}:${mi} ${h < 12 ? 'AM' : 'PM'}`;
	switch (format) {
		case 'month-first':
			return `${mo}/${d}/${y} ${h}:${mi}`;
		case 'day-month-name':
			return `${d}-${month.slice(0, 3)}-${y} ${pad(h)}:${mi}`;
		case 'month-name-first':
			return `${month.slice(0, 3)} ${d}, ${y} ${ampm}`;
		case 'long-month':
			return `${pad(d)} ${month} ${y} ${pad(h)}:${mi}`;
		case 'short-year-am-pm':
			return `${mo}/${d}/${pad(y % 100)} ${ampm}`;
		default:
			return `${pad(d)}/${pad(mo)}/${y} ${pad(h)}:${mi}`;
	}
}

/** A field as CSV writes it: quoted when it holds the delimiter, a quote or a line break. */
function csvField(value: string, delimiter: string): string {
	if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
		return `"${value.replaceAll('"', '""')}"`;
	}
	return value;
}

/** How the sample is written. */
export interface SampleLayout {
	dateFormat: SampleDateFormat;
	delimiter: ',' | ';';
	/** Ids as 17850.0 (17850,0 with ';'). */
	customerIdDecimal: boolean;
}

/** The invoices in time order (a stable sort keeps cancellations after their originals). */
function inTimeOrder(invoices: Invoice[]): Invoice[] {
	return invoices
		.map((invoice, i) => ({ invoice, i }))
		.sort((a, b) => a.invoice.day - b.invoice.day || a.invoice.minute - b.invoice.minute || a.i - b.i)
		.map(({ invoice }) => invoice);
}

/**
 * The CSV rows of the sample, header first, one row per invoice line; invoices are numbered in
 * time order from 536365 ("C" before a cancellation's number). `days` maps an invoice's day index
 * to its day number.
 */
export function invoiceRows(invoices: Invoice[], days: readonly number[], layout: SampleLayout): string[] {
	const { dateFormat, delimiter } = layout;
	const comma = delimiter === ';';
	const number = (n: number) => (comma ? String(n).replace('.', ',') : String(n));
	const out: string[] = [INVOICE_COLUMNS.join(delimiter)];
	inTimeOrder(invoices).forEach((invoice, k) => {
		const no = `${invoice.cancellation ? 'C' : ''}${536365 + k}`;
		const date = dateText(days[invoice.day], invoice.minute, dateFormat);
		const id = invoice.customer === '' ? '' : layout.customerIdDecimal ? `${invoice.customer}${comma ? ',' : '.'}0` : invoice.customer;
		for (const line of invoice.lines) {
			const fields: Record<InvoiceColumn, string> = {
				InvoiceNo: no,
				StockCode: line.code,
				Description: line.description,
				Quantity: String(line.quantity),
				InvoiceDate: date,
				UnitPrice: number(line.cents / 100),
				CustomerID: id,
				Country: invoice.country
			};
			out.push(INVOICE_COLUMNS.map((key) => csvField(fields[key], delimiter)).join(delimiter));
		}
	});
	return out;
}
