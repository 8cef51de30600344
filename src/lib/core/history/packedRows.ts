/**
 * A table of rows (objects of numbers, strings and nulls) stored column by column: numbers in a
 * Float64Array, the rest as an array. IndexedDB copies a typed array in one block, while 100,000
 * row objects take a long structured clone on the main thread; packed, a large batch result saves
 * and reopens without a long task. Exact round trip: null stays null, NaN stays NaN.
 */
export type Cell = number | string | null;

export interface PackedRows {
	count: number;
	/** Per key: a number column (with a null mask when it has nulls) or any other column as is. */
	columns: Record<string, { numbers: Float64Array; nulls: Uint8Array | null } | { values: Cell[] }>;
}

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

export function unpackRows(packed: PackedRows): Record<string, Cell>[] {
	const rows: Record<string, Cell>[] = Array.from({ length: packed.count }, () => ({}));
	for (const [key, column] of Object.entries(packed.columns)) {
		if ('numbers' in column) {
			const { numbers, nulls } = column;
			for (let i = 0; i < packed.count; i++) rows[i][key] = nulls?.[i] ? null : numbers[i];
		} else {
			for (let i = 0; i < packed.count; i++) rows[i][key] = column.values[i] ?? null;
		}
	}
	return rows;
}

/** True when `value` has the shape packRows makes (for payloads read back from storage or a file). */
export function isPackedRows(value: unknown): value is PackedRows {
	if (typeof value !== 'object' || value === null) return false;
	const p = value as PackedRows;
	if (!Number.isInteger(p.count) || p.count < 0 || typeof p.columns !== 'object' || p.columns === null) return false;
	return Object.values(p.columns).every((c) =>
		'numbers' in c
			? c.numbers instanceof Float64Array && c.numbers.length === p.count && (c.nulls === null || (c.nulls instanceof Uint8Array && c.nulls.length === p.count))
			: Array.isArray(c.values) && c.values.length === p.count
	);
}
