import { describe, expect, it } from 'vitest';
import { isPackedRows, packRows, unpackRows } from './packedRows';

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
