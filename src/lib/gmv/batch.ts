/**
 * Scoring many weekly rows (a CSV in the weekly data's layout): one prediction per good row with its
 * 80% range (from the file's own earlier weeks of the same sub-category when it gives their GMV: the
 * forecast from recent sales; else from the week's inputs alone), and,
 * where actual GMV is given, the error and the held-out style metrics over those rows. Rows with an
 * input far outside the model's training range are not scored (`farOutsideIssues`, the batch
 * worker's `reject`); rows a little outside are scored and say so in their `note`.
 * Pure: runs in the batch worker and in Node tests alike.
 */
import type { InputRange, RegressionMetrics } from '../core/artifact/types';
import { checkRanges, farReason, insideAllRanges, predictableRange, type RangeField } from '../core/inputRanges';
import { regressionMetrics } from '../core/metrics';
import { formatRupees } from '../core/rupees';
import type { ParsedRow, RowIssue } from '../core/schema';
import type { PackedScoredRows, ScoredRows } from '../core/csv/types';
import { columnReader, tableLength, TextColumnBuilder, type PackedRows, type TableRows } from '../core/table/packedRows';
import type { CsvJobService } from '../core/csv/workerHost';
import { featureMatrixFromColumns, scenarioFromRow } from './features';
import { columnIndex, rowOf, rowsOf, type RowColumns } from '../core/csv/columns';
import { recentFromRows } from './recent';
import type { BatchPredictions, GmvModel } from './predict';
import type { BatchPredictor } from '../core/forest/split';
import { weeklyRowSchema } from './schema';
import { formatDecimal } from '../core/decimalText';

/**
 * The scored table's columns. The answer comes first (after the week), so it is on screen on a
 * 360 px phone; the file's row number, which the list of problems also names, comes last.
 */
export const BATCH_COLUMNS: ScoredRows['columns'] = [
	{ key: 'week', label: 'Week', kind: 'number' },
	{ key: 'predicted_gmv', label: 'Predicted GMV', unit: '₹', kind: 'number' },
	{ key: 'sub_category', label: 'Sub-category', kind: 'text' },
	{ key: 'range_low', label: '80% range from', unit: '₹', kind: 'number' },
	{ key: 'range_high', label: '80% range to', unit: '₹', kind: 'number' },
	{ key: 'actual_gmv', label: 'Actual GMV', unit: '₹', kind: 'number' },
	{ key: 'error', label: 'Error (predicted − actual)', unit: '₹', kind: 'number' },
	{ key: 'abs_pct_error', label: 'Absolute error', unit: '%', kind: 'number' },
	{ key: 'basis', label: 'Forecast from', kind: 'text' },
	{ key: 'note', label: 'Note', kind: 'text' },
	{ key: 'row', label: 'Row in file', kind: 'number' }
];

const FIELDS: Record<string, RangeField> = Object.fromEntries(weeklyRowSchema.columns.map((c) => [c.key, { label: c.label, unit: c.unit }]));

/** The quick inside-every-range test of each model's ranges, made once (100,000 rows are checked twice each). */
const insideTests = new WeakMap<Record<string, InputRange>, (row: ParsedRow) => boolean>();
function insideAll(row: ParsedRow, ranges: Record<string, InputRange>): boolean {
	let test = insideTests.get(ranges);
	if (!test) insideTests.set(ranges, (test = insideAllRanges(ranges, FIELDS)));
	return test(row);
}

/** The inputs of a row far outside the training ranges, as problems of that row (empty: score it). */
export function farOutsideIssues(row: ParsedRow, ranges: Record<string, InputRange>, rowNumber: number): RowIssue[] {
	if (insideAll(row, ranges)) return [];
	return checkRanges(row, ranges, FIELDS).far.map((f) => ({ row: rowNumber, column: f.label, reason: farReason(f) }));
}

/** "Outside the training range: Average MRP, TV spend", or null for a row inside every range. */
function rangeNote(row: ParsedRow, ranges: Record<string, InputRange>): string | null {
	if (insideAll(row, ranges)) return null;
	const near = checkRanges(row, ranges, FIELDS).near;
	return near.length === 0 ? null : nearNote(near.map((f) => f.label));
}

function nearNote(labels: readonly string[]): string {
	return `Outside the training range (a rough guide): ${labels.join(', ')}`;
}

/** |predicted − actual| / actual in percent, one decimal; null when it has no meaning (no actual, an actual of zero, an overflow). */
function percentError(predicted: number, actual: number | null): number | null {
	if (actual === null || actual === 0) return null;
	const pct = Math.round((Math.abs(predicted - actual) / actual) * 1000) / 10;
	return Number.isFinite(pct) ? pct : null;
}

/** What the output needs of each scored row besides its prediction. */
interface RowFacts {
	week(i: number): number | null;
	/** The row's sub-category as a small index, named by `subCategoryName`. */
	subCategory(i: number): number;
	subCategoryName(index: number): string;
	actual(i: number): number | null;
	/** The row's note on inputs a little outside the training ranges, or null. */
	note(i: number): string | null;
}

const basisName = (usedRecent: number) => (usedRecent ? 'recent GMV' : 'inputs only');

/** The scored rows, packed column by column. */
function packScored(n: number, facts: RowFacts, predictions: BatchPredictions, rowNumbers?: ArrayLike<number>): PackedScoredRows {
	const { gmv: predicted, low, high, usedRecent } = predictions;
	const numbers = () => ({ numbers: new Float64Array(n), nulls: null as Uint8Array | null });
	const [row, week, predictedGmv, rangeLow, rangeHigh, actualGmv, error, absPctError] = Array.from({ length: 8 }, numbers);
	const subCategory = new TextColumnBuilder(n);
	const basis = new TextColumnBuilder(n);
	const note = new TextColumnBuilder(n);
	const setNull = (column: { nulls: Uint8Array | null }, i: number) => ((column.nulls ??= new Uint8Array(n))[i] = 1);
	for (let i = 0; i < n; i++) {
		const actual = facts.actual(i);
		const p = Math.max(0, predicted[i]);
		row.numbers[i] = rowNumbers ? rowNumbers[i] : i + 2;
		const w = facts.week(i);
		if (w !== null) week.numbers[i] = w;
		else setNull(week, i);
		subCategory.setIndexed(i, facts.subCategory(i), facts.subCategoryName);
		predictedGmv.numbers[i] = Math.round(p);
		rangeLow.numbers[i] = Math.round(low[i]);
		rangeHigh.numbers[i] = Math.round(high[i]);
		basis.setIndexed(i, usedRecent[i], basisName);
		if (actual === null) {
			setNull(actualGmv, i);
			setNull(error, i);
		} else {
			actualGmv.numbers[i] = actual;
			error.numbers[i] = Math.round(p - actual);
		}
		const pct = percentError(p, actual);
		if (pct === null) setNull(absPctError, i);
		else absPctError.numbers[i] = pct;
		note.set(i, facts.note(i));
	}
	const columns: PackedRows['columns'] = {
		week,
		predicted_gmv: predictedGmv,
		sub_category: subCategory.column(),
		range_low: rangeLow,
		range_high: rangeHigh,
		actual_gmv: actualGmv,
		error,
		abs_pct_error: absPctError,
		basis: basis.column(),
		note: note.column(),
		row
	};
	return { columns: BATCH_COLUMNS, rows: { count: n, columns } };
}

/** Score validated rows with one model, packed column by column. `rowNumbers` are the file's row numbers (header = 1). */
export function scoreWeeklyRows(rows: readonly ParsedRow[], model: GmvModel, rowNumbers?: ArrayLike<number>): PackedScoredRows {
	const ranges = model.artifact.inputRanges ?? {};
	const scenarios = rows.map(scenarioFromRow);
	// Only a file that gives some GMV can give a row recent GMV.
	if (rows.some((r) => typeof r.gmv === 'number')) {
		const recent = recentFromRows(
			rows.map((r, i) => ({ subCategory: scenarios[i].subCategory, week: typeof r.week === 'number' ? r.week : null, gmv: typeof r.gmv === 'number' ? r.gmv : null }))
		);
		scenarios.forEach((s, i) => (s.recentGmv = recent[i] ?? undefined));
	}
	// Each distinct sub-category as written gets a small index.
	const subNames: string[] = [];
	const subIndex = new Map<string, number>();
	const facts: RowFacts = {
		week: (i) => (typeof rows[i].week === 'number' ? (rows[i].week as number) : null),
		subCategory: (i) => {
			const name = String(rows[i].product_analytic_sub_category);
			let k = subIndex.get(name);
			if (k === undefined) subIndex.set(name, (k = subNames.push(name) - 1));
			return k;
		},
		subCategoryName: (k) => subNames[k],
		actual: (i) => (typeof rows[i].gmv === 'number' ? (rows[i].gmv as number) : null),
		note: (i) => rangeNote(rows[i], ranges)
	};
	return packScored(rows.length, facts, model.predictBatch(scenarios), rowNumbers);
}

/**
 * `checkRanges` of every row of the columns in brief, computed once for all rows, column by column:
 * per row a bit mask of the inputs a little outside their training ranges (in the order checkRanges
 * lists them), with FAR set when any is far outside. Null when the ranges check more inputs than a
 * mask holds (then ask checkRanges row by row).
 */
interface RangeMasks {
	masks: Int32Array;
	labels: string[];
}
const FAR = 1 << 30;
const MASK_INPUTS = 30;
const rangeMaskCache = new WeakMap<Record<string, InputRange>, WeakMap<RowColumns, RangeMasks | null>>();
function rangeMasks(columns: RowColumns, ranges: Record<string, InputRange>): RangeMasks | null {
	let byColumns = rangeMaskCache.get(ranges);
	if (!byColumns) rangeMaskCache.set(ranges, (byColumns = new WeakMap()));
	let made = byColumns.get(columns);
	if (made === undefined) {
		// checkRanges reads number values only: category and yes/no columns (held as numbers here) are not checked.
		const tested = Object.entries(ranges).flatMap(([key, range]) => {
			const j = columnIndex(columns, key);
			const type = j >= 0 ? columns.schema.columns[j].type : null;
			return FIELDS[key] && (type === 'number' || type === 'integer') ? [{ values: columns.values[j], range, label: FIELDS[key].label }] : [];
		});
		made = tested.length > MASK_INPUTS ? null : { masks: scanRanges(tested, columns.count), labels: tested.map((t) => t.label) };
		byColumns.set(columns, made);
	}
	return made;
}

/** The masks of `rangeMasks`: `rangeStatus` of each value (an empty cell, NaN, is not checked). */
function scanRanges(tested: readonly { values: Float64Array; range: InputRange }[], n: number): Int32Array {
	const masks = new Int32Array(n);
	for (let k = 0; k < tested.length; k++) {
		const { values, range } = tested[k];
		const { min, max } = range;
		// rangeStatus: inside [min, max]; near inside the predictable range; else far.
		const [lo, hi] = predictableRange(range);
		const bit = 1 << k;
		for (let i = 0; i < n; i++) {
			const v = values[i];
			if (v !== v || (v >= min && v <= max)) continue;
			masks[i] |= v >= lo && v <= hi ? bit : FAR;
		}
	}
	return masks;
}

/** `farOutsideIssues` of row `i` of the columns, as a test made once for them (null: nothing far outside, score it). */
function farOutsideTest(columns: RowColumns, ranges: Record<string, InputRange>): (i: number, rowNumber: number) => RowIssue[] | null {
	const masks = rangeMasks(columns, ranges)?.masks;
	return (i, rowNumber) => (masks && !(masks[i] & FAR) ? null : farOutsideIssues(rowOf(columns, i), ranges, rowNumber));
}

/** `rangeNote` of every row of the columns, each distinct note made once. */
function rangeNotes(columns: RowColumns, ranges: Record<string, InputRange>): (i: number) => string | null {
	const made = rangeMasks(columns, ranges);
	if (!made) return (i) => rangeNote(rowOf(columns, i), ranges);
	const { masks, labels } = made;
	const notes = new Map<number, string>();
	return (i) => {
		const near = masks[i] & ~FAR;
		if (near === 0) return null;
		let note = notes.get(near);
		if (note === undefined) {
			note = nearNote(labels.filter((_, k) => near & (1 << k)));
			notes.set(near, note);
		}
		return note;
	};
}

/**
 * `scoreWeeklyRows` of rows held as columns (the batch worker's large files): the same output.
 * `predict`, when given, stands in for the model's `predictFeatures` (the same numbers, e.g. on two threads).
 * A file that gives no GMV is scored from the columns directly; one that does (each row's recent
 * GMV comes from the file's other rows) goes through `scoreWeeklyRows` on the rows as objects.
 */
export async function scoreWeeklyColumns(columns: RowColumns, model: GmvModel, rowNumbers?: ArrayLike<number>, predict?: BatchPredictor): Promise<PackedScoredRows> {
	const n = columns.count;
	const gmv = columnIndex(columns, 'gmv');
	if (gmv >= 0 && columns.values[gmv].some((v) => v === v)) return scoreWeeklyRows(rowsOf(columns), model, rowNumbers);
	const ranges = model.artifact.inputRanges ?? {};
	const weeks = columns.values[columnIndex(columns, 'week')];
	const subs = columns.values[columnIndex(columns, 'product_analytic_sub_category')];
	const names = columns.schema.columns[columnIndex(columns, 'product_analytic_sub_category')].categories ?? [];
	const facts: RowFacts = {
		week: (i) => (weeks[i] === weeks[i] ? weeks[i] : null),
		// The category's index (an empty cell, NaN: the index past the last category).
		subCategory: (i) => (subs[i] === subs[i] ? subs[i] : names.length),
		subCategoryName: (k) => String(k < names.length ? names[k] : null),
		actual: () => null,
		note: rangeNotes(columns, ranges)
	};
	const X = featureMatrixFromColumns(columns, model.artifact.encoders);
	const predictions = predict ? model.plainRanges(await predict(X, n)) : model.predictFeatureBatch(X, n);
	return packScored(n, facts, predictions, rowNumbers);
}

export interface BatchSummary extends Record<string, unknown> {
	rowsWithActual: number;
	/** A metric the rows cannot define is null, with the reason in `metrics.undefinedBecause`. */
	metrics: RegressionMetrics;
}

/** Metrics over the rows that carry an actual GMV (undefined when none do). */
export function batchSummary(scored: TableRows): BatchSummary | undefined {
	const actualOf = columnReader(scored, 'actual_gmv');
	const predictedOf = columnReader(scored, 'predicted_gmv');
	const actual: number[] = [];
	const predicted: number[] = [];
	for (let i = 0, n = tableLength(scored); i < n; i++) {
		const a = actualOf(i);
		if (typeof a !== 'number') continue;
		actual.push(a);
		predicted.push(predictedOf(i) as number);
	}
	if (!actual.length) return undefined;
	const metrics = regressionMetrics(actual, predicted);
	return { rowsWithActual: actual.length, metrics };
}

/** The summary in one sentence, undefined metrics in words: "On the 120 rows with an actual GMV: WAPE 28.0%, …". */
export function batchSummaryText(summary: BatchSummary): string {
	const { metrics } = summary;
	const why = metrics.undefinedBecause ?? {};
	const rows = `${formatDecimal(summary.rowsWithActual)} row${summary.rowsWithActual === 1 ? '' : 's'}`;
	const said = (name: string, value: number | null, reason: string | undefined, show: (v: number) => string) =>
		value === null ? `${name} not defined: ${reason ?? 'it cannot be computed from these rows'}` : `${name} ${show(value)}`;
	const wape = said('WAPE', metrics.wape, why.wape, (v) => `${(v * 100).toFixed(1)}%`);
	const mae = said('mean absolute error', metrics.mae, why.mae, formatRupees);
	const r2 = said('R²', metrics.r2, why.r2, (v) => v.toFixed(3));
	return `On the ${rows} with an actual GMV: ${wape}, ${mae}, ${r2}.`;
}

/**
 * The GMV batch job as the worker runs it (and the hostile-file tests): the weekly schema, rows far
 * outside the training ranges listed and not scored, every other row scored, metrics over the rows
 * with an actual GMV. `prepare` loads the chosen model.
 */
export function gmvBatchService(
	prepare: CsvJobService<GmvModel>['prepare'],
	/** The predictor of a model's plain features to use for large files, if not its own `predictFeatures` (the same numbers). */
	predictorOf: (model: GmvModel) => BatchPredictor | undefined = () => undefined
): CsvJobService<GmvModel> {
	return {
		schema: weeklyRowSchema,
		prepare,
		reject: (row, model, rowNumber) => farOutsideIssues(row, model.artifact.inputRanges ?? {}, rowNumber),
		rejectNote: (n) =>
			`${formatDecimal(n)} row${n === 1 ? ' was' : 's were'} not scored: an input lies far outside the range the model was trained on (listed with the problems).`,
		score: (rows, model, rowNumbers) => scoreWeeklyRows(rows, model, rowNumbers),
		// Large files: rows read into columns, checked and scored without an object per row (the same results).
		columns: {
			reject: (columns, model) => farOutsideTest(columns, model.artifact.inputRanges ?? {}),
			score: (columns, model, rowNumbers) => scoreWeeklyColumns(columns, model, rowNumbers, predictorOf(model))
		},
		// One call for the whole file: a row's recent GMV comes from the file's other rows, wherever they are.
		chunkRows: Number.MAX_SAFE_INTEGER,
		summarize: (output) => batchSummary(output)
	};
}
