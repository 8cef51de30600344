// The segments page's invoice upload, for the hostile suite: the reader, the cleaning and the
// analysis as its worker runs them (a day/month question is answered "day first", as a person
// would), with the page's summary sentences.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heldBack } from '../../../src/lib/core/csv/acceptance';
import { cleaningSummary } from '../../../src/lib/segments/clean';
import { jobModelOf } from '../../../src/lib/segments/job';
import type { SegmentsArtifact } from '../../../src/lib/segments/artifact';
import { noCustomersFailure, segmentsResult } from '../../../src/lib/segments/outcome';
import { readInvoiceBlob } from '../../../src/lib/segments/read';
import { generateInvoiceSample } from '../../../src/lib/segments/sample';
import { issueText, type ToolIntake } from '../intake';
import { readTable } from '../table';
import { numbersIn } from './numbers';

const artifact = JSON.parse(readFileSync(fileURLToPath(new URL('../../../model-artifacts/segments/model.json', import.meta.url)), 'utf8')) as SegmentsArtifact;
const model = jobModelOf(artifact);

export function segmentsUploadIntake(): ToolIntake {
	return {
		name: 'Segments upload',
		table: () => readTable(generateInvoiceSample({ customers: 40, seed: 5 }).text),
		columns: { number: 'Quantity', secondNumber: 'UnitPrice', date: 'InvoiceDate', text: 'Description', id: 'CustomerID', required: 'InvoiceNo' },
		async run(file, fileName) {
			const read = await readInvoiceBlob(file);
			if (!read.ok) return { failure: read.failure, result: null, texts: [read.failure.message], numbers: [] };
			const table = read.aggregator.finish(read.aggregator.dateOrder === 'ambiguous' ? { dateOrder: 'day-first' } : {});
			if (table.count === 0) {
				const failure = noCustomersFailure(read, table);
				return { failure, result: null, texts: [failure.message, ...table.issues.map(issueText)], numbers: [] };
			}
			const { result } = segmentsResult(read, table, model, { fileName, fileSize: file.size });
			const held = heldBack(result.usage, result.issues, result.notes);
			const texts = [
				...result.issues.map(issueText),
				...result.notes.map((n) => n.text),
				...cleaningSummary(result.report).map((s) => s.text),
				...(held ? [held.title, held.message] : [])
			];
			return {
				failure: null,
				result: { usage: result.usage, issues: result.issues, issueCount: result.issueCount, notes: result.notes, held },
				texts,
				// An empty cluster has no spread (its percentiles are NaN by design, and shown as "–").
				numbers: numbersIn({ ...result.analysis, clusters: result.analysis.clusters.map((c) => (c.size > 0 ? c : { ...c, spread: null })) }).concat(
					numbersIn(result.customers.features)
				)
			};
		}
	};
}
