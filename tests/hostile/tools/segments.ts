// The segments page's invoice upload, for the hostile suite: the reader, the cleaning and the
// analysis as its worker runs them (a day/month question is answered "day first", as a person
// would), with the page's summary sentences. Two intakes: the papaparse reader (what the page uses
// for files under 1 MB), and the byte scan forced on for every file, cut into parts of 2 KB on three
// threads, falling back to papaparse exactly as the page's worker does (what files of 1 MB or more get).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { heldBack } from '../../../src/lib/core/csv/acceptance';
import { cleaningSummary } from '../../../src/lib/segments/clean';
import { jobModelOf } from '../../../src/lib/segments/job';
import type { SegmentsArtifact } from '../../../src/lib/segments/artifact';
import { noCustomersFailure, segmentsResult } from '../../../src/lib/segments/outcome';
import { readBytePart } from '../../../src/lib/segments/byteRead';
import { readInvoiceInParts, readPart, type PartRunners } from '../../../src/lib/segments/parallel';
import { readInvoiceBlob, type InvoiceReadResult } from '../../../src/lib/segments/read';
import { generateInvoiceSample } from '../../../src/lib/segments/sample';
import { issueText, type ToolIntake } from '../intake';
import { readTable } from '../table';
import { numbersIn } from './numbers';

const artifact = JSON.parse(readFileSync(fileURLToPath(new URL('../../../model-artifacts/segments/model.json', import.meta.url)), 'utf8')) as SegmentsArtifact;
const model = jobModelOf(artifact);

/** The parts of a file "on other threads": here, through the code a reading worker runs. */
const inThisThread: PartRunners = {
	threads: 3,
	bytes: (part, setup, onProgress) => readBytePart(part, setup, onProgress),
	text: (part, setup, onProgress) => readPart(part, setup, onProgress)
};

/** Which reader: papaparse on the whole file, or the byte scan at any size (with its fallback). */
type Reader = 'papaparse' | 'bytes';

async function readWith(reader: Reader, file: Blob): Promise<InvoiceReadResult> {
	if (reader === 'papaparse') return readInvoiceBlob(file);
	return (await readInvoiceInParts(file, {}, inThisThread, { byteMinBytes: 0, minPartBytes: 2048, minBytes: 4096 })).result;
}

export function segmentsUploadIntake(reader: Reader = 'papaparse'): ToolIntake {
	return {
		name: reader === 'papaparse' ? 'Segments upload' : 'Segments upload, byte reader',
		table: () => readTable(generateInvoiceSample({ customers: 40, seed: 5 }).text),
		columns: { number: 'Quantity', secondNumber: 'UnitPrice', date: 'InvoiceDate', text: 'Description', id: 'CustomerID', required: 'InvoiceNo' },
		async run(file, fileName) {
			const read = await readWith(reader, file);
			if (!read.ok) return { failure: read.failure, result: null, texts: [read.failure.message], numbers: [] };
			const table = read.aggregator.finish(read.aggregator.dateOrder === 'ambiguous' ? { dateOrder: 'day-first' } : {});
			if (table.count === 0) {
				const failure = noCustomersFailure(read, table);
				return { failure, result: null, texts: [failure.message, ...table.issues.map(issueText)], numbers: [] };
			}
			const { result } = await segmentsResult(read, table, model, { fileName, fileSize: file.size });
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
