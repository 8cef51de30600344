/**
 * The worker side of a CSV job. A tool's module worker calls `serveCsvJobs` once:
 *
 *   // src/lib/gmv/batch.worker.ts
 *   serveCsvJobs({ schema: gmvSchema, prepare: loadGmvModel, score: scoreGmvRows });
 *
 * On `{type: 'start', file, fileName, artifactUrls}` it parses and validates the file (progress
 * 0..PARSE_SHARE), prepares the tool's context once (cached across jobs with the same artifact URLs),
 * scores the good rows in chunks (progress PARSE_SHARE..1), and posts `done` or `failed`.
 * Uses only Worker-scope APIs (postMessage/onmessage), no DOM.
 */
import type { ParsedRow, RowIssue, TableSchema } from '../schema';
import type { CsvJobFailure, CsvJobMessage, CsvJobRequest, CsvJobResult, CsvScorer, FileNote, JobProgress, ScoredRows } from './types';
import { isPacked, packedBuffers, packRows, tableLength, tableRows, type PackedRows } from '../table/packedRows';
import { MAX_ISSUES, parseCsvBlob, type IntakeOptions, type IntakeResult, type IntakeSuccess } from './intake';
import { parseCsvBlobColumns, type ColumnIntakeResult, type ColumnIntakeSuccess } from './columnIntake';
import { keepRows, type RowColumns } from './columns';
import { mergeIssues } from './screen';

/** Share of the progress bar given to reading the file; scoring gets the rest. */
export const PARSE_SHARE = 0.5;
/** Rows handed to the scorer at a time (progress is posted between chunks). */
export const SCORE_CHUNK_ROWS = 5000;

/** The part of a dedicated worker's global scope this module uses (injectable for tests). */
export interface CsvJobScope {
	onmessage: ((event: MessageEvent<CsvJobRequest>) => void) | null;
	postMessage(message: CsvJobMessage, transfer?: Transferable[]): void;
}

/** A service's columnar path (see `CsvJobService.columns`). */
export interface ColumnScoring<Ctx> {
	/** Like `CsvJobService.reject`, made once for the columns: the test of their row `i`. */
	reject?: (columns: RowColumns, ctx: Ctx) => (i: number, rowNumber: number) => RowIssue[] | null;
	/** Score every good row; one output row per row, in order. */
	score: (columns: RowColumns, ctx: Ctx, rowNumbers: Int32Array) => ScoredRows | Promise<ScoredRows>;
}

export interface CsvJobService<Ctx> {
	schema: TableSchema;
	/** Load models etc. Called on the first job and again only if the artifact URLs change. */
	prepare: (init: { artifactUrls: Record<string, string> }) => Promise<Ctx>;
	/** Score a chunk of good rows; must return one output row per input row, in order. */
	score: CsvScorer<Ctx>;
	/**
	 * Build the result summary over all rows. When omitted, the scorer's own `summary` is used if the
	 * rows were scored in one call; with several chunks a per-chunk summary would be partial, so it is
	 * dropped — tools that report summaries over many rows should supply this.
	 */
	summarize?: (output: PackedRows, ctx: Ctx) => Record<string, unknown> | undefined;
	/**
	 * Rows the model must not score, e.g. inputs far outside its training range: the reasons, by
	 * column (null or empty: score it). Rejected rows are left out and listed with the other problems.
	 */
	reject?: (row: ParsedRow, ctx: Ctx, rowNumber: number) => RowIssue[] | null;
	/** The note on rows rejected, e.g. "2 rows far outside the training range were not scored". */
	rejectNote?: (count: number) => string;
	/**
	 * Optional, for a schema of numbers, categories and yes/no columns (core/csv/columns.ts): the good
	 * rows are read into columns instead of objects, checked by `columns.reject` and scored in one call
	 * of `columns.score`. Must give what `reject` and `score` give on the same rows.
	 */
	columns?: ColumnScoring<Ctx>;
	/** Rows per scorer call (default 5,000). */
	chunkRows?: number;
	/** Passed to the intake (size limit, chunk size). */
	intake?: Pick<IntakeOptions, 'maxBytes' | 'chunkSize'>;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Run one job end to end, posting progress; resolves to the final message. */
export async function runCsvJobInWorker<Ctx>(
	service: CsvJobService<Ctx>,
	request: CsvJobRequest,
	getContext: (artifactUrls: Record<string, string>) => Promise<Ctx>,
	post: (message: CsvJobMessage) => void
): Promise<CsvJobMessage> {
	let lastPost = 0;
	const progress = (p: JobProgress, force = false) => {
		const now = performance.now();
		if (!force && now - lastPost < 50) return;
		lastPost = now;
		post({ type: 'progress', progress: p });
	};
	const failed = (failure: CsvJobFailure): CsvJobMessage => ({ type: 'failed', failure });

	const parseStart = performance.now();
	// Start loading the model while the file is read.
	const context = getContext(request.artifactUrls);
	context.catch(() => {}); // handled below; avoid an unhandled rejection if parsing fails first
	const intakeOptions = { ...service.intake, onProgress: (p: JobProgress) => progress({ ...p, fraction: p.fraction * PARSE_SHARE }) };
	const intake: ColumnIntakeResult | IntakeResult =
		(service.columns ? await parseCsvBlobColumns(request.file, service.schema, intakeOptions) : null) ??
		(await parseCsvBlob(request.file, service.schema, intakeOptions));
	const parseMs = performance.now() - parseStart;
	if (!intake.ok) return failed(intake.failure);

	let ctx: Ctx;
	try {
		ctx = await context;
	} catch (error) {
		return failed({ kind: 'internal', message: `The model could not be loaded: ${errorText(error)}` });
	}

	const scoreStart = performance.now();
	const screened = rejectRows(service, intake, ctx);
	if ('kind' in screened) return failed(screened);
	const { good, rowNumbers } = screened;
	const goodRows = rowNumbers.length;
	let columns: ScoredRows['columns'] = [];
	let summary: ScoredRows['summary'];
	const parts: ScoredRows['rows'][] = [];
	let calls = 0;
	progress({ stage: 'scoring', fraction: PARSE_SHARE, rowsRead: intake.totalRows }, true);
	const chunkRows = good.columns ? goodRows : Math.max(1, service.chunkRows ?? SCORE_CHUNK_ROWS);
	for (let at = 0; at < goodRows; at += chunkRows) {
		const size = Math.min(chunkRows, goodRows - at);
		let scored: ScoredRows;
		try {
			scored = good.columns
				? await (service.columns as ColumnScoring<Ctx>).score(good.columns, ctx, rowNumbers)
				: service.score(good.rows.slice(at, at + size), ctx, rowNumbers.subarray(at, at + size));
		} catch (error) {
			return failed({ kind: 'internal', message: `Scoring failed: ${errorText(error)}` });
		}
		const returned = tableLength(scored.rows);
		if (returned !== size) {
			return failed({
				kind: 'internal',
				message: `The scorer returned ${returned} results for ${size} rows.`
			});
		}
		if (calls++ === 0) columns = scored.columns;
		summary = scored.summary;
		parts.push(scored.rows);
		const done = at + size;
		progress({ stage: 'scoring', fraction: PARSE_SHARE + (1 - PARSE_SHARE) * (done / goodRows), rowsRead: intake.totalRows });
	}
	const output = joinParts(columns, parts);
	if (service.summarize) summary = service.summarize(output, ctx);
	else if (calls > 1) summary = undefined;
	const scoreMs = performance.now() - scoreStart;

	const result: CsvJobResult = {
		fileName: request.fileName,
		delimiter: intake.delimiter,
		totalRows: intake.totalRows,
		goodRows,
		issues: screened.issues,
		issueCount: screened.issueCount,
		matchedColumns: intake.matchedColumns,
		ignoredColumns: intake.ignoredColumns,
		missingOptional: intake.missingOptional,
		duplicateColumns: intake.duplicateColumns,
		notes: screened.notes,
		usage: { ...intake.usage, usedRows: goodRows },
		rowNumbers,
		scored: summary === undefined ? { columns, rows: output } : { columns, rows: output, summary },
		timings: { parseMs, scoreMs }
	};
	return { type: 'done', result };
}

/** The scorer's output of every chunk as one packed table (as it is when it scored the whole file in one call, packed). */
function joinParts(columns: ScoredRows['columns'], parts: ScoredRows['rows'][]): PackedRows {
	if (parts.length === 1 && isPacked(parts[0])) return parts[0];
	return packRows(
		columns.map((c) => c.key),
		parts.flatMap((p) => tableRows(p))
	);
}

/** The buffers a `done` message can hand over instead of copying: the packed columns and the row numbers. */
export function resultTransfer(message: CsvJobMessage): Transferable[] {
	if (message.type !== 'done') return [];
	const { result } = message;
	const buffers: ArrayBuffer[] = packedBuffers(result.scored.rows);
	const numbers = result.rowNumbers?.buffer;
	if (numbers instanceof ArrayBuffer && !buffers.includes(numbers)) buffers.push(numbers);
	return buffers;
}

/** Good rows as the intake gave them: objects, or columns (the service's columnar path). */
type GoodRows = { rows: ParsedRow[]; columns?: undefined } | { columns: RowColumns; rows?: undefined };

/** The intake's good rows without those the service rejects, with the problems and notes updated. */
function rejectRows<Ctx>(
	service: CsvJobService<Ctx>,
	intake: IntakeSuccess | ColumnIntakeSuccess,
	ctx: Ctx
): { good: GoodRows; rowNumbers: Int32Array; issues: RowIssue[]; issueCount: number; notes: FileNote[] } | CsvJobFailure {
	const good: GoodRows = 'columns' in intake ? { columns: intake.columns } : { rows: intake.rows };
	const unchanged = { good, rowNumbers: intake.rowNumbers, issues: intake.issues, issueCount: intake.issueCount, notes: intake.notes };
	const count = intake.rowNumbers.length;
	let test: ((i: number) => RowIssue[] | null) | undefined;
	if (good.columns) {
		const reject = service.columns?.reject?.(good.columns, ctx);
		if (reject) test = (i) => reject(i, intake.rowNumbers[i]);
	} else {
		const reject = service.reject;
		if (reject) test = (i) => reject(good.rows[i], ctx, intake.rowNumbers[i]);
	}
	if (!test) return unchanged;
	const keep = new Uint8Array(count);
	const numbers: number[] = [];
	const found: RowIssue[] = [];
	let rejected = 0;
	for (let i = 0; i < count; i++) {
		const problems = test(i);
		if (problems && problems.length > 0) {
			rejected++;
			for (const p of problems) found.push(p);
		} else {
			keep[i] = 1;
			numbers.push(intake.rowNumbers[i]);
		}
	}
	if (rejected === 0) return unchanged;
	const issues = mergeIssues(intake.issues, found, Math.max(MAX_ISSUES, intake.issues.length));
	const issueCount = intake.issueCount + found.length;
	if (numbers.length === 0) {
		const first = issues[0];
		const where = first ? ` First problem: row ${first.row}${first.column ? `, ${first.column}` : ''}: ${first.reason}.` : '';
		return { kind: 'no-good-rows', message: `None of the ${intake.totalRows} ${service.schema.rowNoun} could be used.${where}`, issues, issueCount };
	}
	const note = service.rejectNote?.(rejected) ?? `${rejected} ${rejected === 1 ? 'row was' : 'rows were'} not scored (see the problems).`;
	const kept: GoodRows = good.columns ? { columns: keepRows(good.columns, keep, numbers.length) } : { rows: good.rows.filter((_, i) => keep[i]) };
	return { good: kept, rowNumbers: Int32Array.from(numbers), issues, issueCount, notes: [...intake.notes, { kind: 'out-of-range', text: note }] };
}

/**
 * Serve CSV jobs in this worker: call once at the top level of a module worker. `scope` defaults to
 * the worker's global scope (`self`).
 */
export function serveCsvJobs<Ctx>(service: CsvJobService<Ctx>, scope: CsvJobScope = self as unknown as CsvJobScope): void {
	let cached: { key: string; ctx: Promise<Ctx> } | null = null;
	const getContext = (artifactUrls: Record<string, string>): Promise<Ctx> => {
		const key = JSON.stringify(Object.entries(artifactUrls).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		if (cached && cached.key === key) return cached.ctx;
		const ctx = service.prepare({ artifactUrls });
		const entry = { key, ctx };
		cached = entry;
		// A failed load is not cached: the next job tries again.
		ctx.catch(() => {
			if (cached === entry) cached = null;
		});
		return ctx;
	};
	const post = (message: CsvJobMessage) => scope.postMessage(message, resultTransfer(message));

	scope.onmessage = (event) => {
		const request = event.data;
		if (!request || request.type !== 'start') return;
		runCsvJobInWorker(service, request, getContext, post).then(post, (error: unknown) =>
			post({ type: 'failed', failure: { kind: 'internal', message: `Something went wrong: ${errorText(error)}` } })
		);
	};
}
