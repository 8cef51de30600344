/**
 * The upload's work, shared by the worker and Node (tests, bench): read an activity file (either
 * layout), then analyse it with the shipped models. Pure, no DOM.
 */
import type { JobProgress } from '../core/csv/types';
import { analyseLog, analyseUserRows } from './analysis';
import type { SellersJobModel, SellersMessage, SellersResult } from './job';
import { readForestPart } from './model';
import { readActivityBlob } from './reader';

/** Share of the job's progress bar that reading takes. */
const READ_SHARE = 0.8;

export async function analyseFile(
	file: Blob,
	fileName: string,
	model: SellersJobModel,
	options: { maxBytes?: number; asOfMonth?: number; onProgress?: (p: JobProgress) => void } = {}
): Promise<Extract<SellersMessage, { type: 'done' | 'failed' }>> {
	const t0 = performance.now();
	const read = await readActivityBlob(file, {
		maxBytes: options.maxBytes,
		onProgress: (p) => options.onProgress?.({ ...p, fraction: p.fraction * READ_SHARE })
	});
	if (!read.ok) return { type: 'failed', failure: read.failure };
	const t1 = performance.now();
	options.onProgress?.({ stage: 'scoring', fraction: READ_SHARE, rowsRead: read.report.rows });
	let analysis;
	if (read.layout === 'events') {
		if (read.log.n === 0) return { type: 'failed', failure: { kind: 'no-good-rows', message: 'No row of the file could be used; the problems are listed by row below.', issues: read.report.issues, issueCount: read.report.issueCount } };
		const asOf = options.asOfMonth;
		analysis = analyseLog(read.log, readForestPart(model.main), model.inputRanges, asOf !== undefined && Number.isFinite(asOf) ? asOf : undefined);
		if (analysis.candidates.ids.length === 0) {
			const notes = read.report.notes.map((n) => n.text).join(' ');
			const message = `No user in the file was active as a buyer in the 6 months up to its last full month, so there is no one to rank.${notes ? ` ${notes}` : ''}`;
			return { type: 'failed', failure: { kind: 'no-good-rows', message, issues: read.report.issues, issueCount: read.report.issueCount } };
		}
	} else {
		if (read.users.ids.length === 0) return { type: 'failed', failure: { kind: 'no-good-rows', message: 'No row of the file could be used; the problems are listed by row below.', issues: read.report.issues, issueCount: read.report.issueCount } };
		analysis = analyseUserRows(read.users, readForestPart(model.perUser), model.inputRanges);
	}
	const t2 = performance.now();
	const result: SellersResult = {
		fileName,
		analysis,
		report: read.report,
		issues: read.report.issues,
		issueCount: read.report.issueCount,
		ignoredColumns: read.report.ignoredColumns,
		missingOptional: read.report.missingOptional,
		notes: read.report.notes,
		usage: read.report.usage,
		timings: { readMs: t1 - t0, analyseMs: t2 - t1, totalMs: t2 - t0 }
	};
	return { type: 'done', result };
}
