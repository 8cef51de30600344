import { describe, expect, it } from 'vitest';
import { columnReader, isPackedRows, packedBuffers, packRows, rowAt, tableLength, TextColumnBuilder, unpackRows, type PackedRows } from './packedRows';

describe('packRows', () => {
	it('round-trips numbers, text, nulls and NaN exactly, numbers as a Float64Array', () => {
		const rows = [
			{ week: 44, category: 'Speaker', predicted: 123.5, actual: null, note: null },
			{ week: 45, category: 'Camera', predicted: NaN, actual: 7, note: 'x' }
		];
		const packed = packRows(['week', 'category', 'predicted', 'actual', 'note'], rows);
		expect(packed.columns.week).toEqual({ numbers: new Float64Array([44, 45]), nulls: null });
		expect(packed.columns.category).toEqual({ values: ['Speaker', 'Camera'] });
		expect(isPackedRows(packed)).toBe(true);
		expect(unpackRows(packed)).toEqual(rows);
		expect(unpackRows(packRows([], []))).toEqual([]);
	});

	it('recognises its own shape only', () => {
		expect(isPackedRows({ count: 1, columns: { a: { numbers: new Float64Array(2), nulls: null } } })).toBe(false);
		expect(isPackedRows({ count: 1, columns: { a: { values: 'x' } } })).toBe(false);
		expect(isPackedRows(null)).toBe(false);
	});
});

describe('coded text columns', () => {
	it('stores each distinct text once, reads cells back by index, and lists the buffers to transfer', () => {
		const text = new TextColumnBuilder(4);
		['Speaker', null, 'Camera', 'Speaker'].forEach((t, i) => text.set(i, t));
		expect(text.dictionary).toEqual(['Speaker', 'Camera']);
		const packed: PackedRows = { count: 4, columns: { name: text.column(), n: { numbers: new Float64Array([1, 2, NaN, 4]), nulls: new Uint8Array([0, 1, 0, 0]) } } };
		expect(isPackedRows(packed)).toBe(true);
		expect(unpackRows(packed)).toEqual([
			{ name: 'Speaker', n: 1 },
			{ name: null, n: null },
			{ name: 'Camera', n: NaN },
			{ name: 'Speaker', n: 4 }
		]);
		expect(tableLength(packed)).toBe(4);
		expect(columnReader(packed, 'name')(2)).toBe('Camera');
		expect(columnReader(packed, 'missing')(0)).toBeNull();
		expect(rowAt(packed, 3, ['n', 'name'])).toEqual({ n: 4, name: 'Speaker' });
		expect(packedBuffers(packed)).toHaveLength(3);
		expect(isPackedRows({ count: 1, columns: { a: { codes: new Int32Array([1]), dictionary: ['x'] } } })).toBe(false);
	});
});
