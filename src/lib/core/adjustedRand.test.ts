import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjustedRand';

describe('adjustedRandIndex', () => {
	it('is 1 for the same partition under other label names', () => {
		expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])).toBe(1);
	});

	it('matches a hand-computed value', () => {
		// a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]. Contingency: (0,0)=2 (0,1)=1 (1,1)=1 (1,2)=2.
		// index = C(2,2)+C(2,2) = 2; rows: 3,3 -> 3+3 = 6; cols: 2,2,2 -> 3; C(6,2) = 15.
		// expected = 6*3/15 = 1.2; max = (6+3)/2 = 4.5; ARI = (2-1.2)/(4.5-1.2) = 0.8/3.3.
		expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
	});

	it('is below zero for a labeling that splits every cluster against the other', () => {
		// a = [0,0,1,1], b = [0,1,0,1]: index 0, rows 2, cols 2, C(4,2)=6, expected 2/3, max 2.
		expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo((0 - 2 / 3) / (2 - 2 / 3), 12);
	});

	it('refuses labelings of different lengths', () => {
		expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/length/);
	});
});
