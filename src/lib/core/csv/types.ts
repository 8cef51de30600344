/**
 * The contract between a page, the CSV intake running in a Web Worker, and a tool's scorer.
 * A tool worker (e.g. `src/lib/gmv/batch.worker.ts`) calls `serveCsvJobs` with its schema and a
 * scorer; a page calls `runCsvJob` with a worker factory and gets progress, cancel and a result.
 */
import type { ParsedRow, RowIssue } from '../schema';
import type { Cell, PackedRows } from '../table/packedRows';

/** Where a job is: reading/parsing the file, then scoring rows. */
export interface JobProgress {
	stage: 'parsing' | 'scoring';
	/** 0..1 within the whole job. */
	fraction: number;
	rowsRead: number;
}

/** What a tool's scorer returns: one output record per good row, in input order. */
export interface ScoredRows {
	/** Output columns in display order (canonical keys), e.g. ['week', 'sub_category', 'predicted_gmv']. */
	columns: { key: string; label: string; unit?: string; kind: 'number' | 'text' }[];
	/** As objects, or packed column by column (cheaper to build, and what a job's result carries). */
	rows: Record<string, Cell>[] | PackedRows;
	/** Optional tool-specific summary (e.g. error metrics when actuals were given). */
	summary?: Record<string, unknown>;
}

/**
 * Scored rows as a job's result carries them: packed column by column, so the worker transfers a
 * few typed arrays to the page instead of cloning one object per row.
 */
export interface PackedScoredRows extends Omit<ScoredRows, 'rows'> {
	rows: PackedRows;
}

/** Something about a whole file worth telling the person that is not one row's problem. */
export interface FileNote {
	kind:
		| 'line-endings'
		| 'encoding'
		| 'duplicate-column'
		| 'nul-in-header'
		| 'unclosed-quote'
		| 'stopped'
		| 'implausible'
		| 'out-of-range';
	text: string;
}

/** How much of a file could be used, for deciding whether its result may replace one on screen. */
export interface FileUsage {
	/** Rows the file holds as far as reading could tell: records read, plus the lines an unclosed quote swallowed. */
	rows: number;
	/** Rows whose values were used (read, and not left out as unreadable, implausible or out of range). */
	usedRows: number;
	/** False when reading stopped before the end of the file. */
	complete: boolean;
}

export interface CsvJobResult {
	fileName: string;
	delimiter: string;
	/** Data rows seen (excluding the header). */
	totalRows: number;
	goodRows: number;
	/** The first 100 problems, in row order. */
	issues: RowIssue[];
	/** How many problems there were in all (may exceed issues.length). */
	issueCount: number;
	/** Header columns that matched schema columns: header text -> canonical key. */
	matchedColumns: Record<string, string>;
	/** Header columns that were not recognised (ignored). */
	ignoredColumns: string[];
	/** Optional columns the schema knows that the file lacked. */
	missingOptional: string[];
	/** Header cells naming a column an earlier cell already supplied (ignored; the first wins). */
	duplicateColumns?: string[];
	/** Whole-file notes (mixed line endings, duplicated columns, implausible rows, …), in words. */
	notes: FileNote[];
	/** How much of the file could be used. */
	usage: FileUsage;
	/** Spreadsheet row number (header = 1) of each good row, parallel to `scored.rows`. */
	rowNumbers?: Int32Array;
	scored: PackedScoredRows;
	/** Milliseconds spent parsing+validating, and scoring. */
	timings: { parseMs: number; scoreMs: number };
}

/** A whole-file failure: not a CSV, empty, none of the expected columns, missing required ones, too big. */
export interface CsvJobFailure {
	kind: 'empty' | 'not-csv' | 'no-known-columns' | 'missing-columns' | 'too-many-columns' | 'too-large' | 'no-good-rows' | 'internal';
	message: string;
	/** For missing-columns: the labels of required columns that were not found. */
	missing?: string[];
	/** For no-good-rows: the first 100 problems, and how many there were in all. */
	issues?: RowIssue[];
	issueCount?: number;
}

/** Score good rows; `rowNumbers[i]` is the file row (header = 1) of `rows[i]`, for messages and output. */
export type CsvScorer<Ctx> = (rows: ParsedRow[], ctx: Ctx, rowNumbers: Int32Array) => ScoredRows;

/** Page -> tool worker: score this file. */
export interface CsvJobRequest {
	type: 'start';
	file: Blob;
	fileName: string;
	/** Artifact name -> URL the worker may fetch (model files). */
	artifactUrls: Record<string, string>;
}

/** Tool worker -> page. */
export type CsvJobMessage =
	| { type: 'progress'; progress: JobProgress }
	| { type: 'done'; result: CsvJobResult }
	| { type: 'failed'; failure: CsvJobFailure };
