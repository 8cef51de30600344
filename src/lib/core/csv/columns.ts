/**
 * Validated rows held column by column, for schemas of numbers, categories and yes/no columns: one
 * Float64Array per schema column (numbers as they are, a category as its index in the column's
 * categories, yes/no as 1/0; NaN for an empty cell, which a parsed number never is). A large file's
 * rows then cost a few typed arrays instead of one object each; `rowOf` gives any row back exactly
 * as the row validator makes it. Pure, no DOM.
 */
import type { ColumnSpec, ParsedRow, TableSchema } from '../schema';

export interface RowColumns {
	schema: TableSchema;
	count: number;
	/** Per schema column, in schema order. */
	values: Float64Array[];
}

/** Whether a schema's rows can be held as columns (no text or date columns, every category column with its categories). */
export function columnarSchema(schema: TableSchema): boolean {
	return schema.columns.every(
		(c) => c.type === 'number' || c.type === 'integer' || c.type === 'boolean' || (c.type === 'category' && (c.categories?.length ?? 0) > 0)
	);
}

/** A column's value as a number: how `RowColumns` holds a validated cell. */
function encoder(column: ColumnSpec): (value: ParsedRow[string]) => number {
	if (column.type === 'category') {
		const index = new Map((column.categories ?? []).map((c, i) => [c, i] as [string, number]));
		return (value) => (value === null || value === undefined ? NaN : (index.get(String(value)) ?? NaN));
	}
	if (column.type === 'boolean') return (value) => (value === null || value === undefined ? NaN : value ? 1 : 0);
	return (value) => (typeof value === 'number' ? value : NaN);
}

function decoder(column: ColumnSpec): (v: number) => ParsedRow[string] {
	if (column.type === 'category') {
		const categories = column.categories ?? [];
		return (v) => (v !== v ? null : categories[v]);
	}
	if (column.type === 'boolean') return (v) => (v !== v ? null : v === 1);
	return (v) => (v !== v ? null : v);
}

/** Columns that grow as rows are added. */
export class ColumnsBuilder {
	count = 0;
	private capacity: number;
	private values: Float64Array[];
	private readonly encoders: ((value: ParsedRow[string]) => number)[];

	constructor(
		readonly schema: TableSchema,
		capacity = 1024
	) {
		this.capacity = Math.max(16, capacity);
		this.values = schema.columns.map(() => new Float64Array(this.capacity));
		this.encoders = schema.columns.map(encoder);
	}

	private grow(): void {
		this.capacity *= 2;
		this.values = this.values.map((old) => {
			const next = new Float64Array(this.capacity);
			next.set(old);
			return next;
		});
	}

	/** Add a row of encoded values (one per schema column, in schema order). */
	addValues(values: ArrayLike<number>): void {
		if (this.count === this.capacity) this.grow();
		const at = this.count++;
		for (let c = 0; c < this.values.length; c++) this.values[c][at] = values[c];
	}

	/** Add a row as the row validator made it. */
	addRow(row: ParsedRow): void {
		if (this.count === this.capacity) this.grow();
		const at = this.count++;
		const columns = this.schema.columns;
		for (let c = 0; c < columns.length; c++) this.values[c][at] = this.encoders[c](row[columns[c].key]);
	}

	columns(): RowColumns {
		return { schema: this.schema, count: this.count, values: this.values.map((v) => v.subarray(0, this.count)) };
	}
}

/** One row as the row validator makes it (every schema key, in schema order). */
export function rowOf(columns: RowColumns, i: number): ParsedRow {
	const row: ParsedRow = {};
	const specs = columns.schema.columns;
	for (let c = 0; c < specs.length; c++) row[specs[c].key] = decoder(specs[c])(columns.values[c][i]);
	return row;
}

/** Every row as objects (the slower form a scorer of row objects takes). */
export function rowsOf(columns: RowColumns): ParsedRow[] {
	const decoders = columns.schema.columns.map(decoder);
	const keys = columns.schema.columns.map((c) => c.key);
	const rows = new Array<ParsedRow>(columns.count);
	for (let i = 0; i < columns.count; i++) {
		const row: ParsedRow = {};
		for (let c = 0; c < keys.length; c++) row[keys[c]] = decoders[c](columns.values[c][i]);
		rows[i] = row;
	}
	return rows;
}

/** The rows whose `keep` flag is set, in order. */
export function keepRows(columns: RowColumns, keep: Uint8Array, kept: number): RowColumns {
	if (kept === columns.count) return columns;
	const values = columns.values.map((col) => {
		const out = new Float64Array(kept);
		for (let i = 0, k = 0; i < columns.count; i++) if (keep[i]) out[k++] = col[i];
		return out;
	});
	return { schema: columns.schema, count: kept, values };
}

/** The index of a schema column by key (-1 when the schema has none). */
export function columnIndex(columns: RowColumns, key: string): number {
	return columns.schema.columns.findIndex((c) => c.key === key);
}
