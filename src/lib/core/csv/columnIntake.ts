/**
 * The CSV intake of `intake.ts` with the good rows kept column by column (`RowColumns`), for
 * schemas of numbers, categories and yes/no columns: the same rows, row numbers, problems (row,
 * column, reason), notes and failures as `parseCsvBlob`, without one object per row. Plain lines
 * (the reader's `RecordSink.line`: no quotes, carriage returns or NUL characters) are checked in
 * place: a cell that is a plain decimal inside its column's bounds, a category as written, or 1/0
 * is read straight into its column. Any line with anything else (a blank or spaced cell, another
 * way of writing a number or a category, a value out of bounds, a wrong number of fields) is split
 * and goes through the row validator, exactly as every record of a file with quotes or CRLF line
 * ends does; so every problem is found and worded by the one validator. Pure TS, no DOM.
 */
import type { ParsedRow, TableSchema } from '../schema';
import { ColumnsBuilder, columnarSchema, keepRows, type RowColumns } from './columns';
import { IntakeTally, readBlobInto, readTextInto, MAX_ISSUES, type IntakeFailure, type IntakeOptions, type IntakeSuccess, type SinkRead } from './intake';
import type { CsvLayout, CsvReader } from './reader';
import { screenColumns } from './screenColumns';
import type { Fed } from './source';
import { simpleDecimalAt } from './validate';

export interface ColumnIntakeSuccess extends Omit<IntakeSuccess, 'rows'> {
	/** Good rows in file order. */
	columns: RowColumns;
}

export type ColumnIntakeResult = ColumnIntakeSuccess | IntakeFailure;

const NUMBER = 0;
const CATEGORY = 1;
const BOOLEAN = 2;

/** How a plain line's cell of one schema column is read in place. */
interface CellPlan {
	/** Field position in the line, or -1 when the file lacks the column. */
	field: number;
	kind: typeof NUMBER | typeof CATEGORY | typeof BOOLEAN;
	required: boolean;
	integer: boolean;
	min: number;
	max: number;
	/** Category as written -> its index. */
	categories: Map<string, number> | null;
}

class ColumnIntake extends IntakeTally {
	private readonly built: ColumnsBuilder;
	private plans: CellPlan[] = [];
	private fieldCount = 0;
	private delimiter = ',';
	private delimiterCode = 44;
	private decimalComma = false;
	private readonly scratch: Float64Array;

	constructor(schema: TableSchema, maxIssues: number) {
		super(schema, maxIssues);
		this.built = new ColumnsBuilder(schema, 1 << 14);
		this.scratch = new Float64Array(schema.columns.length);
	}

	protected keep(row: ParsedRow): void {
		this.built.addRow(row);
	}

	override header(layout: CsvLayout): void {
		super.header(layout);
		this.fieldCount = layout.mapping.length;
		this.delimiter = layout.delimiter;
		this.delimiterCode = layout.delimiter.charCodeAt(0);
		this.decimalComma = layout.decimalComma;
		this.plans = this.schema.columns.map((c) => ({
			field: layout.mapping.indexOf(c.key),
			kind: c.type === 'category' ? CATEGORY : c.type === 'boolean' ? BOOLEAN : NUMBER,
			required: c.required,
			integer: c.type === 'integer',
			min: c.min ?? -Infinity,
			max: c.max ?? Infinity,
			categories: c.type === 'category' ? new Map((c.categories ?? []).map((name, i) => [name, i] as [string, number])) : null
		}));
	}

	line(text: string, start: number, end: number, row: number): void {
		if (this.readPlain(text, start, end)) {
			this.totalRows++;
			this.built.addValues(this.scratch);
			this.rowNumbers.push(row);
		} else this.record(text.slice(start, end).split(this.delimiter), row);
	}

	/** Read a plain line's cells into `scratch`; false when any needs the row validator. */
	private readPlain(text: string, start: number, end: number): boolean {
		const expected = this.fieldCount;
		const d = this.delimiterCode;
		// Field boundaries: the line must have exactly the header's number of fields.
		const starts = fieldStarts(text, start, end, d, expected);
		if (starts === null) return false;
		const plans = this.plans;
		const out = this.scratch;
		for (let c = 0; c < plans.length; c++) {
			const plan = plans[c];
			if (plan.field < 0) {
				out[c] = NaN;
				continue;
			}
			const s = starts[plan.field];
			const e = plan.field + 1 < expected ? starts[plan.field + 1] - 1 : end;
			if (s === e) {
				if (plan.required) return false;
				out[c] = NaN;
				continue;
			}
			const first = text.charCodeAt(s);
			const last = text.charCodeAt(e - 1);
			if (first <= 32 || last <= 32 || first === 160 || last === 160) return false;
			if (plan.kind === NUMBER) {
				const v = simpleDecimalAt(text, s, e, this.decimalComma);
				if (v !== v || (plan.integer && !Number.isInteger(v)) || v < plan.min || v > plan.max) return false;
				out[c] = v;
			} else if (plan.kind === CATEGORY) {
				const index = (plan.categories as Map<string, number>).get(text.slice(s, e));
				if (index === undefined) return false;
				out[c] = index;
			} else {
				if (e - s !== 1 || (first !== 48 && first !== 49)) return false;
				out[c] = first - 48;
			}
		}
		return true;
	}

	/** The result once the reader has read everything (without a whole-file failure): `RowIntake.finish` over columns. */
	finish(reader: CsvReader, fed: Fed): ColumnIntakeResult {
		if (this.totalRows === 0) return this.empty();
		const all = this.built.columns();
		const screened = screenColumns(all, this.rowNumbers);
		const columns = keepRows(all, screened.keep, screened.kept);
		const report = this.report(reader, fed, screened, columns.count);
		if ('failure' in report) return report;
		const rowNumbers = new Int32Array(screened.kept);
		for (let i = 0, k = 0; i < all.count; i++) if (screened.keep[i]) rowNumbers[k++] = this.rowNumbers[i];
		return { ok: true, columns, rowNumbers, ...report };
	}
}

/**
 * Where each field of `text[start, end)` starts, when the line has exactly `expected` fields
 * (a field ends one character before the next starts); null otherwise.
 */
function fieldStarts(text: string, start: number, end: number, delimiter: number, expected: number): Int32Array | null {
	const starts = fieldStartsBuffer.length >= expected ? fieldStartsBuffer : (fieldStartsBuffer = new Int32Array(expected));
	let k = 0;
	starts[k++] = start;
	for (let i = start; i < end; i++) {
		if (text.charCodeAt(i) === delimiter) {
			if (k === expected) return null;
			starts[k++] = i + 1;
		}
	}
	return k === expected ? starts : null;
}
let fieldStartsBuffer = new Int32Array(64);

function settle(intake: ColumnIntake, read: SinkRead): ColumnIntakeResult {
	return read.ok ? intake.finish(read.reader, read.fed) : read;
}

/** Parse and validate CSV text into columns (synchronous); null when the schema has columns that cannot be held as numbers. */
export function parseCsvTextColumns(text: string, schema: TableSchema, options: IntakeOptions = {}): ColumnIntakeResult | null {
	if (!columnarSchema(schema)) return null;
	const intake = new ColumnIntake(schema, options.maxIssues ?? MAX_ISSUES);
	return settle(intake, readTextInto(text, schema, intake, { ...options, rowsRead: () => intake.totalRows }));
}

/** `parseCsvBlob` into columns; null when the schema has columns that cannot be held as numbers. */
export async function parseCsvBlobColumns(blob: Blob, schema: TableSchema, options: IntakeOptions = {}): Promise<ColumnIntakeResult | null> {
	if (!columnarSchema(schema)) return null;
	const intake = new ColumnIntake(schema, options.maxIssues ?? MAX_ISSUES);
	return settle(intake, await readBlobInto(blob, schema, intake, { ...options, rowsRead: () => intake.totalRows }));
}
