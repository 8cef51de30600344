// Invoice-line files for the segments page's end-to-end tests, generated in the tests themselves by
// the site's own seeded sample writer (src/lib/segments/sample.ts), and what the page should say
// about them, computed with the same pure reading code the page's worker runs. Nothing is read from
// ../shared/data.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assignTable } from '../../src/lib/segments/clusters';
import type { ChosenDateOrder } from '../../src/lib/segments/job';
import type { SegmentsArtifact } from '../../src/lib/segments/artifact';
import { readInvoiceText } from '../../src/lib/segments/read';
import { generateInvoiceSample, type InvoiceSampleOptions } from '../../src/lib/segments/sample';
import { INVOICE_COLUMNS, type InvoiceColumn } from '../../src/lib/segments/schema';

let cachedArtifact: SegmentsArtifact | null = null;

/** The segments model the site ships. */
export function segmentsArtifact(): SegmentsArtifact {
	cachedArtifact ??= JSON.parse(
		readFileSync(fileURLToPath(new URL('../../model-artifacts/segments/model.json', import.meta.url)), 'utf8')
	) as SegmentsArtifact;
	return cachedArtifact;
}

/** The generated invoice-lines text for these options. */
export function invoiceText(options: InvoiceSampleOptions = {}): string {
	return generateInvoiceSample(options).text;
}

/** What the page should report for a file: customers analysed, Insiders among them, and some ids. */
export interface ExpectedAnalysis {
	/** Customers with an id (invoices without one are counted apart). */
	customers: number;
	/** Invoices without a customer id. */
	anonymousInvoices: number;
	insiders: number;
	/** Ids of named customers the model places in the Insiders cluster. */
	insiderIds: string[];
	unreadableLines: number;
}

/** Read the text with the page's own pure code (read.ts, features.ts, clusters.ts) and count. */
export function expectedAnalysis(text: string, dateOrder?: ChosenDateOrder): ExpectedAnalysis {
	const read = readInvoiceText(text);
	if (!read.ok) throw new Error(`the generated file does not read: ${read.failure.message}`);
	const table = read.aggregator.finish(dateOrder ? { dateOrder } : {});
	const artifact = segmentsArtifact();
	const assigned = assignTable(artifact, table);
	const insiderIds: string[] = [];
	let anonymousInvoices = 0;
	for (let i = 0; i < table.count; i++) {
		if (table.guest[i]) anonymousInvoices++;
		else if (assigned.cluster[i] === artifact.insiders) insiderIds.push(table.ids[i]);
	}
	return {
		customers: table.count - anonymousInvoices,
		anonymousInvoices,
		insiders: insiderIds.length,
		insiderIds,
		unreadableLines: table.report.unreadableLines
	};
}

/** Split one CSV line at the delimiters outside quotes, keeping each field as written. */
function splitLine(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let start = 0;
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === '"') quoted = !quoted;
		else if (c === delimiter && !quoted) {
			fields.push(line.slice(start, i));
			start = i + 1;
		}
	}
	fields.push(line.slice(start));
	return fields;
}

/** The same comma-separated file without some columns (the generated header is INVOICE_COLUMNS). */
export function withoutColumns(text: string, drop: readonly InvoiceColumn[]): string {
	const keep = INVOICE_COLUMNS.map((key, i) => (drop.includes(key) ? -1 : i)).filter((i) => i >= 0);
	return text
		.split('\n')
		.map((line) => {
			if (line === '') return line;
			const fields = splitLine(line, ',');
			return keep.map((i) => fields[i]).join(',');
		})
		.join('\n');
}

/**
 * A large file for the cancel test, written to `path`: the header of a generated sample, then its
 * data lines repeated `times` times (invoice numbers repeat too; the file is never analysed to the end).
 * Returns its size in bytes.
 */
export function writeLargeInvoiceFile(path: string, times: number): number {
	const text = invoiceText({ customers: 7000, seed: 5 });
	const cut = text.indexOf('\n') + 1;
	const header = text.slice(0, cut);
	const body = text.slice(cut);
	const whole = header + body.repeat(times);
	writeFileSync(path, whole);
	return Buffer.byteLength(whole);
}
