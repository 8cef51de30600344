/**
 * A table of rows (objects of numbers, strings and nulls) stored column by column: numbers in a
 * Float64Array, text as codes into a dictionary (or, as packRows writes it, an array). A worker
 * hands such a table to the page by transferring its typed arrays, and IndexedDB copies a typed
 * array in one block, while 100,000 row objects take a long structured clone on the main thread;
 * packed, a large batch result arrives, saves and reopens without a long task. Exact round trip:
 * null stays null, NaN stays NaN. Pure, no DOM.
 */
export type Cell = number | string | null;

/** One column: numbers (with a null mask when it has nulls), text as dictionary codes (-1: null), or any cells as they are. */
export type PackedColumn = { numbers: Float64Array; nulls: Uint8Array | null } | { codes: Int32Array; dictionary: string[] } | { values: Cell[] };

export interface PackedRows {
	count: number;
	columns: Record<string, PackedColumn>;
}

/** Rows as objects or packed: what a results table reads. */
export type TableRows = readonly Record<string, Cell>[] | PackedRows;

export function packRows(keys: readonly string[], rows: readonly Record<string, Cell>[]): PackedRows {
	const columns: PackedRows['columns'] = {};
	for (const key of keys) {
		let numeric = true;
		let hasNull = false;
		for (const row of rows) {
			const v = row[key];
			if (v === null || v === undefined) hasNull = true;
			else if (typeof v !== 'number') {
				numeric = false;
				break;
			}
		}
		if (numeric) {
			const numbers = new Float64Array(rows.length);
			const nulls = hasNull ? new Uint8Array(rows.length) : null;
			rows.forEach((row, i) => {
				const v = row[key];
				if (v === null || v === undefined) nulls![i] = 1;
				else numbers[i] = v as number;
			});
			columns[key] = { numbers, nulls };
		} else {
			columns[key] = { values: rows.map((row) => row[key] ?? null) };
		}
	}
	return { count: rows.length, columns };
}

/** Indices `TextColumnBuilder.setIndexed` remembers (larger ones are looked up by their text). */
const MAX_TEXT_INDEX = 1 << 16;

/** A text column being built: `set` stores row i's text as a code (-1 for null), each distinct text once in the dictionary. */
export class TextColumnBuilder {
	readonly codes: Int32Array;
	readonly dictionary: string[] = [];
	private readonly known = new Map<string, number>();
	/** Per index given to `setIndexed`, its text's code + 2 (0: not seen yet). */
	private byIndex = new Int32Array(16);

	constructor(count: number) {
		this.codes = new Int32Array(count);
	}

	set(i: number, text: string | null): void {
		if (text === null) {
			this.codes[i] = -1;
			return;
		}
		let code = this.known.get(text);
		if (code === undefined) {
			code = this.dictionary.length;
			this.known.set(text, code);
			this.dictionary.push(text);
		}
		this.codes[i] = code;
	}

	/**
	 * `set(i, textOf(index))` for text known by a small index (a category's position, a flag): the
	 * same codes and dictionary, with `textOf` asked once per index instead of a lookup by text per row.
	 */
	setIndexed(i: number, index: number, textOf: (index: number) => string | null): void {
		if (!(index >= 0 && index < MAX_TEXT_INDEX && index === (index | 0))) {
			this.set(i, textOf(index));
			return;
		}
		const known = index < this.byIndex.length ? this.byIndex[index] : 0;
		if (known !== 0) {
			this.codes[i] = known - 2;
			return;
		}
		this.set(i, textOf(index));
		if (index >= this.byIndex.length) {
			const grown = new Int32Array(Math.max(index + 1, 2 * this.byIndex.length));
			grown.set(this.byIndex);
			this.byIndex = grown;
		}
		this.byIndex[index] = this.codes[i] + 2;
	}

	column(): PackedColumn {
		return { codes: this.codes, dictionary: this.dictionary };
	}
}

/** Reads one column's cells by row index (undefined columns read as null). */
export function packedColumnReader(column: PackedColumn | undefined): (i: number) => Cell {
	if (!column) return () => null;
	if ('numbers' in column) {
		const { numbers, nulls } = column;
		return nulls ? (i) => (nulls[i] ? null : numbers[i]) : (i) => numbers[i];
	}
	if ('codes' in column) {
		const { codes, dictionary } = column;
		return (i) => {
			const c = codes[i];
			return c < 0 ? null : dictionary[c];
		};
	}
	const { values } = column;
	return (i) => values[i] ?? null;
}

export function isPacked(rows: TableRows): rows is PackedRows {
	return !Array.isArray(rows);
}

export function tableLength(rows: TableRows): number {
	return isPacked(rows) ? rows.count : rows.length;
}

/** One column of rows, objects or packed, read by row index. */
export function columnReader(rows: TableRows, key: string): (i: number) => Cell {
	if (isPacked(rows)) return packedColumnReader(rows.columns[key]);
	return (i) => rows[i][key] ?? null;
}

/** One row as an object with the given keys. */
export function rowAt(rows: TableRows, i: number, keys: readonly string[]): Record<string, Cell> {
	if (!isPacked(rows)) return rows[i];
	const row: Record<string, Cell> = {};
	for (const key of keys) row[key] = packedColumnReader(rows.columns[key])(i);
	return row;
}

export function unpackRows(packed: PackedRows): Record<string, Cell>[] {
	const rows: Record<string, Cell>[] = Array.from({ length: packed.count }, () => ({}));
	for (const [key, column] of Object.entries(packed.columns)) {
		const read = packedColumnReader(column);
		for (let i = 0; i < packed.count; i++) rows[i][key] = read(i);
	}
	return rows;
}

/** Rows as objects, whichever way they are held. */
export function tableRows(rows: TableRows): readonly Record<string, Cell>[] {
	return isPacked(rows) ? unpackRows(rows) : rows;
}

/** The buffers of a packed table's typed arrays, to transfer it to another thread instead of copying it. */
export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
	const out = new Set<ArrayBuffer>();
	const add = (a: ArrayBufferView | null) => {
		if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
	};
	for (const column of Object.values(packed.columns)) {
		if ('numbers' in column) {
			add(column.numbers);
			add(column.nulls);
		} else if ('codes' in column) add(column.codes);
	}
	return [...out];
}

function isColumn(c: unknown, count: number): boolean {
	if (typeof c !== 'object' || c === null) return false;
	if ('numbers' in c) {
		const { numbers, nulls } = c as { numbers: unknown; nulls: unknown };
		return numbers instanceof Float64Array && numbers.length === count && (nulls === null || (nulls instanceof Uint8Array && nulls.length === count));
	}
	if ('codes' in c) {
		const { codes, dictionary } = c as { codes: unknown; dictionary: unknown };
		if (!(codes instanceof Int32Array) || codes.length !== count || !Array.isArray(dictionary) || !dictionary.every((d) => typeof d === 'string')) return false;
		for (let i = 0; i < count; i++) if (codes[i] < -1 || codes[i] >= dictionary.length) return false;
		return true;
	}
	return 'values' in c && Array.isArray((c as { values: unknown }).values) && (c as { values: unknown[] }).values.length === count;
}

/** True when `value` has the shape of packed rows (for payloads read back from storage or a file). */
export function isPackedRows(value: unknown): value is PackedRows {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as PackedRows;
	if (!Number.isInteger(p.count) || p.count < 0 || typeof p.columns !== 'object' || p.columns === null) return false;
	return Object.values(p.columns).every((c) => isColumn(c, p.count));
}
