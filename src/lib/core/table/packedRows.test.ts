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
	it('set by a small index, gives exactly what set by text gives (the same codes and dictionary), mixed with text', () => {
		const names = ['Speaker', 'Camera', null, 'Game'];
		const textOf = (k: number) => (k >= 0 && k < names.length ? names[k] : `other ${k}`);
		const indices = [3, 1, 1, 2, 0, 3, 70_000, -1, 0.5, 1, 40, 40, 2];
		const byText = new TextColumnBuilder(indices.length + 2);
		const byIndex = new TextColumnBuilder(indices.length + 2);
		indices.forEach((k, i) => {
			byText.set(i, textOf(k));
			byIndex.setIndexed(i, k, textOf);
		});
		byText.set(indices.length, 'Camera');
		byIndex.set(indices.length, 'Camera');
		byText.set(indices.length + 1, 'Game');
		byIndex.setIndexed(indices.length + 1, 3, textOf);
		expect(byIndex.column()).toEqual(byText.column());
	});

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
