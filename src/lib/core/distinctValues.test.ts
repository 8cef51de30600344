import { describe, expect, it } from 'vitest';
import { distinctValues } from './distinctValues';

describe('distinctValues', () => {
	it('lists each value once, in the order first met, and where each input falls', () => {
		const { distinct, at } = distinctValues([3, 1, 3, 2, 1]);
		expect(Array.from(distinct)).toEqual([3, 1, 2]);
		expect(Array.from(at)).toEqual([0, 1, 0, 2, 1]);
	});
});
