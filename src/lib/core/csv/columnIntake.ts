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
import { decimalFromDigits } from './validate';

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
	/** The schema column (its index in `scratch`). */
	column: number;
	kind: typeof NUMBER | typeof CATEGORY | typeof BOOLEAN;
	required: boolean;
	integer: boolean;
	min: number;
	max: number;
	/** Per length, the categories of that length as written, with their indices (category columns). */
	names: readonly (readonly [string, number][] | undefined)[];
}

class ColumnIntake extends IntakeTally {
	private readonly built: ColumnsBuilder;
	/** Per field of the header, the plan of the schema column it feeds, or null (a column not read). */
	private byField: (CellPlan | null)[] = [];
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
		this.byField = layout.mapping.map(() => null);
		this.schema.columns.forEach((c, column) => {
			// The first field naming the column feeds it; a file without the column leaves its cells empty.
			const field = layout.mapping.indexOf(c.key);
			this.scratch[column] = NaN;
			if (field < 0) return;
			const names: [string, number][][] = [];
			// As a Map of the categories finds them (a name listed twice: its last index).
			if (c.type === 'category') for (const entry of new Map((c.categories ?? []).map((name, i) => [name, i] as [string, number]))) (names[entry[0].length] ??= []).push(entry);
			this.byField[field] = {
				column,
				kind: c.type === 'category' ? CATEGORY : c.type === 'boolean' ? BOOLEAN : NUMBER,
				required: c.required,
				integer: c.type === 'integer',
				min: c.min ?? -Infinity,
				max: c.max ?? Infinity,
				names
			};
		});
	}

	line(text: string, start: number, end: number, row: number): void {
		if (this.readPlain(text, start, end)) {
			this.totalRows++;
			this.built.addValues(this.scratch);
			this.rowNumbers.push(row);
		} else this.record(text.slice(start, end).split(this.delimiter), row);
	}

	/**
	 * Read a plain line's cells into `scratch` in one pass over its characters (each number read as
	 * `simpleDecimalAt` reads it while looking for the field's end); false when the line does not
	 * have exactly the header's number of fields, or any cell needs the row validator.
	 */
	private readPlain(text: string, start: number, end: number): boolean {
		const expected = this.fieldCount;
		const d = this.delimiterCode;
		const decimalComma = this.decimalComma;
		const byField = this.byField;
		const out = this.scratch;
		let i = start;
		let f = 0;
		for (;;) {
			// Field f starts at i and ends at the next delimiter or at the end of the line.
			const plan = byField[f];
			if (plan === null) {
				while (i < end && text.charCodeAt(i) !== d) i++;
			} else if (i === end || text.charCodeAt(i) === d) {
				if (plan.required) return false;
				out[plan.column] = NaN;
			} else if (plan.kind === NUMBER) {
				let c = text.charCodeAt(i);
				let negative = false;
				if (c === 45 || c === 43) {
					negative = c === 45;
					i++;
				}
				let digits = 0;
				let mantissa = 0;
				let point = -1;
				for (; i < end; i++) {
					c = text.charCodeAt(i);
					if (c >= 48 && c <= 57) {
						mantissa = mantissa * 10 + (c - 48);
						digits++;
					} else if (c === d) break;
					else if (point === -1 && (c === 46 || (c === 44 && decimalComma))) point = digits;
					else return false;
				}
				if (digits === 0 || digits > 15) return false;
				const v = decimalFromDigits(mantissa, digits, point, negative);
				if ((plan.integer && !Number.isInteger(v)) || v < plan.min || v > plan.max) return false;
				out[plan.column] = v;
			} else {
				const s = i;
				while (i < end && text.charCodeAt(i) !== d) i++;
				const first = text.charCodeAt(s);
				if (plan.kind === BOOLEAN) {
					if (i - s !== 1 || (first !== 48 && first !== 49)) return false;
					out[plan.column] = first - 48;
				} else {
					const last = text.charCodeAt(i - 1);
					if (first <= 32 || last <= 32 || first === 160 || last === 160) return false;
					const index = categoryAt(plan.names, text, s, i);
					if (index < 0) return false;
					out[plan.column] = index;
				}
			}
			f++;
			if (i >= end) return f === expected;
			if (f === expected) return false;
			i++;
		}
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
 * The index of the category written exactly as `text[start, end)`, or -1: `names` holds, per length,
 * the categories of that length with their indices (no slice of the text is made).
 */
function categoryAt(names: readonly (readonly [string, number][] | undefined)[], text: string, start: number, end: number): number {
	const candidates = names[end - start];
	if (candidates === undefined) return -1;
	for (let k = 0; k < candidates.length; k++) {
		const [name, index] = candidates[k];
		if (text.startsWith(name, start)) return index;
	}
	return -1;
}

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
