import { describe, expect, it } from 'vitest';
import { valuesAt } from './valuesAt';

describe('valuesAt', () => {
	it('picks the values at the rows, in their order', () => {
		expect(Array.from(valuesAt(Float64Array.from([1.5, -2, 3, 0]), [3, 0, 0, 2]))).toEqual([0, 1.5, 1.5, 3]);
		expect(valuesAt([7], Int32Array.from([]))).toHaveLength(0);
	});
});
