import { describe, expect, it } from 'vitest';
import { aggregate, chanceAtLeast, groupList } from './group';

// Three members' chances of buying four items.
const chances = [
	[0.9, 0.5, 0.1, 0.3],
	[0.1, 0.5, 0.2, 0.3],
	[0.8, 0.4, 0.9, 0.3]
];

describe('group aggregation', () => {
	it('averages the chances', () => {
		const a = aggregate(chances, 'average');
		expect(a[0]).toBeCloseTo(0.6, 12);
		expect(a[1]).toBeCloseTo(1.4 / 3, 12);
	});

	it('takes the least chance for least misery, which favours the item nobody minds', () => {
		expect(Array.from(aggregate(chances, 'leastMisery'))).toEqual([0.1, 0.4, 0.1, 0.3]);
		expect(groupList(chances, 'leastMisery', 1)[0].item).toBe(1);
	});

	it('gives Borda points by each member’s ranking (n - 1 - rank), ties by catalogue index', () => {
		// Member 1 ranks 0,1,3,2 -> 3,2,0,1; member 2 ranks 1,3,2,0 (0.3 ties go to lower index) ...
		expect(Array.from(aggregate(chances, 'borda'))).toEqual([3 + 0 + 2, 2 + 3 + 1, 0 + 1 + 3, 1 + 2 + 0]);
	});

	it('lists the top items with expected buyers and members by chance', () => {
		const list = groupList(chances, 'average', 2);
		expect(list.map((x) => x.item)).toEqual([0, 1]);
		expect(list[0].expectedBuyers).toBeCloseTo(1.8, 12);
		expect(list[0].members.map((m) => m.member)).toEqual([0, 2, 1]);
		expect(() => aggregate([], 'average')).toThrow(RangeError);
	});
});

describe('chanceAtLeast', () => {
	it('is the Poisson-binomial tail', () => {
		expect(chanceAtLeast([0.5, 0.5], 1)).toBeCloseTo(0.75, 12);
		expect(chanceAtLeast([0.5, 0.5], 2)).toBeCloseTo(0.25, 12);
		expect(chanceAtLeast([0.2, 0.5, 0.9], 2)).toBeCloseTo(0.2 * 0.5 + 0.2 * 0.9 + 0.5 * 0.9 - 2 * 0.2 * 0.5 * 0.9, 12);
		expect(chanceAtLeast([0.3], 0)).toBe(1);
		expect(chanceAtLeast([0.3], 2)).toBe(0);
	});
});
