/**
 * From a read invoice file and its customer table to what the page receives: the whole-file failure
 * when no customer is left, or the result (clusters, analysis, notes on how the file was read, how
 * much of it could be used). The upload worker and the hostile-file tests share it. Pure, no DOM.
 */
import type { CsvJobFailure } from '../core/csv/types';
import { DATE_STYLES_UNDERSTOOD } from '../core/dates';
import type { RowIssue } from '../core/schema';
import { implausibleNote } from '../core/plausibility';
import { analyseSegments, withForecast } from './analysis';
import { assignTable } from './clusters';
import { forecastInputs, forecastJob, insidersForecast } from './insidersForecast';
import type { FitsAtCuts } from './clvForecast';
import type { PurchaseDays } from './purchaseDays';
import { implausibleLines } from './clean';
import { invoiceColumnLabel, type CustomerTable } from './features';
import type { SegmentsJobModel, SegmentsResult } from './job';
import { invoiceReadNotes, type InvoiceReadSuccess } from './read';
import { formatDecimal } from '../core/decimalText';

/**
 * When the date column is why nothing was left (most listed problems are unreadable dates): one
 * sentence naming the column, a few of its values and the styles the reader understands.
 */
export function unreadableDatesMessage(issues: readonly RowIssue[], dateColumn: string): string | null {
	const dated = issues.filter((i) => i.column === dateColumn && / is not a date/.test(i.reason));
	if (dated.length === 0 || dated.length * 2 < issues.length) return null;
	const examples = [...new Set(dated.map((i) => i.reason.replace(/ is not a date.*$/, '')))].slice(0, 3);
	return `The ${dateColumn} column could not be read as dates (for example ${examples.join(', ')}). Dates understood: ${DATE_STYLES_UNDERSTOOD}.`;
}

/** The failure when every line was unreadable or removed, with the first problem named. */
export function noCustomersFailure(read: InvoiceReadSuccess, table: CustomerTable): CsvJobFailure {
	const dates = unreadableDatesMessage(table.issues, invoiceColumnLabel('InvoiceDate'));
	if (dates) return { kind: 'no-good-rows', message: `No customer with a purchase was left: ${dates}`, issues: table.issues, issueCount: table.issueCount };
	const first = table.issues[0];
	const where = first ? ` First problem: row ${formatDecimal(first.row)}${first.column ? `, ${first.column}` : ''}: ${first.reason}.` : '';
	return {
		kind: 'no-good-rows',
		message: `No customer with a purchase was left after reading ${formatDecimal(read.aggregator.linesRead)} lines: every line was unreadable or removed by the cleaning rules.${where}`,
		issues: table.issues,
		issueCount: table.issueCount
	};
}

/** Fits the forecast's two models at the given cuts elsewhere (another thread): `clvFitsAt(days, cuts)` of clvForecast.ts. */
export type RunClvFits = (days: PurchaseDays, cuts: number[]) => Promise<FitsAtCuts>;

/**
 * The result of a file with at least one customer (timings are the caller's), and how long its steps
 * took. With `runFits`, the forecast's BG/NBD and Gamma-Gamma fits (the analysis' longest part; they
 * do not depend on the clusters) start there before the customers are placed, while this thread
 * places them and computes the rest; the answer is the same.
 */
export async function segmentsResult(
	read: InvoiceReadSuccess,
	table: CustomerTable,
	model: SegmentsJobModel,
	file: { fileName: string; fileSize: number },
	runFits: RunClvFits | null = null
): Promise<{ result: Omit<SegmentsResult, 'timings'>; assignMs: number; analysisMs: number; forecastWaitMs: number }> {
	const t0 = performance.now();
	const inputs = runFits && forecastInputs(table);
	const pendingFits = inputs && runFits ? runFits(inputs.days, inputs.cuts) : null;
	const t1 = performance.now();
	const assignments = assignTable(model, table);
	const t2 = performance.now();
	const aboutModel = { names: model.names, insiders: model.insiders, map: model.map, features: model.space.features };
	// The forecast's purchases are copied once, for the analysis and the forecast.
	const job = inputs && pendingFits ? forecastJob(table, assignments, model.insiders) : null;
	let analysis = analyseSegments(table, assignments, aboutModel, job ? { forecast: null } : undefined, job?.table);
	let forecastWaitMs = 0;
	if (inputs && pendingFits && job) {
		const waitFrom = performance.now();
		const fits = await pendingFits;
		forecastWaitMs = performance.now() - waitFrom;
		analysis = withForecast(analysis, insidersForecast(job.table, job.insiders, { days: inputs.days, fits }));
	}
	const t3 = performance.now();
	const notes = invoiceReadNotes(read);
	const report = table.report;
	const implausible = report.implausible && implausibleNote(report.implausible, 'line');
	if (implausible) notes.push({ kind: 'implausible', text: implausible });
	const result: Omit<SegmentsResult, 'timings'> = {
		...file,
		delimiter: read.delimiter,
		decimalComma: read.decimalComma,
		matchedColumns: read.matchedColumns,
		ignoredColumns: read.ignoredColumns,
		missingOptional: read.missingOptional,
		duplicateColumns: read.duplicateColumns,
		notes,
		usage: {
			rows: report.linesRead + read.aggregator.extraLines + (read.unclosedQuote?.swallowedLines ?? 0),
			usedRows: report.linesRead - report.unreadableLines - implausibleLines(report),
			complete: read.stoppedAt === null
		},
		report,
		issues: table.issues,
		issueCount: table.issueCount,
		analysis,
		customers: {
			ids: table.ids,
			guest: table.guest,
			cluster: assignments.cluster,
			nextNearest: assignments.nextNearest,
			margin: assignments.margin,
			features: table.features,
			lastPurchase: table.lastPurchase
		}
	};
	return { result, assignMs: t2 - t1, analysisMs: t1 - t0 + (t3 - t2), forecastWaitMs };
}
