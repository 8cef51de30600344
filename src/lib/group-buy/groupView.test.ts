import { describe, expect, it } from 'vitest';
import { groupFromLog, groupView, LIKELIEST, tickCounts, usualItems } from './groupView';

const artifact = { items: ['a', 'b', 'c', 'd'], aisles: ['Other', 'Other', 'Other', 'Other'] as const };
const members = [
	{ name: 'Asha', items: [0] },
	{ name: 'Ravi', items: [1, 2] },
	{ name: 'Meena', items: [] }
];
const chances = [Float64Array.from([0.9, 0.1, 0.2, 0.05]), Float64Array.from([0.2, 0.8, 0.6, 0.05]), Float64Array.from([0.5, 0.4, 0.1, 0.05])];

describe('groupView', () => {
	it('lists items with expected buyers, the likeliest members, who ticked them and the chance a deal fills', () => {
		const v = groupView({ ...artifact, aisles: [...artifact.aisles] }, members, chances, 'average', 2, 2);
		expect(v.items.map((x) => x.name)).toEqual(['a', 'b']);
		expect(v.items[0].expectedBuyers).toBeCloseTo(1.6);
		expect(v.items[0].likeliest.map((l) => l.name)).toEqual(['Asha', 'Meena', 'Ravi'].slice(0, LIKELIEST));
		expect(v.items[0].tickedBy).toEqual(['Asha']);
		// P(at least 2 of 0.9, 0.2, 0.5) = 1 - P(0) - P(1)
		const p0 = 0.1 * 0.8 * 0.5;
		const p1 = 0.9 * 0.8 * 0.5 + 0.1 * 0.2 * 0.5 + 0.1 * 0.8 * 0.5;
		expect(v.items[0].fillsDeal).toBeCloseTo(1 - p0 - p1);
		expect(v.items[0].chat).toContain('Asha usually buys it');
		expect(v.byMethod.leastMisery[0]).toBe(0);
		expect(v.byMethod.borda).toHaveLength(2);
	});

	it('ticks count as one purchase each, out-of-range ticks ignored', () => {
		expect(Array.from(tickCounts({ name: 'x', items: [1, 3, 9] }, 4))).toEqual([0, 1, 0, 1]);
	});
});

describe('members from a purchase log', () => {
	const log = [
		{ member: '1', baskets: [[0, 1], [1, 2], [1]], days: [1, 2, 3] },
		{ member: '2', baskets: [[3]], days: [1] }
	];
	it('tick the items in two or more baskets, or everything bought when nothing repeats', () => {
		expect(usualItems(log[0], 4)).toEqual([1]);
		expect(usualItems(log[1], 4)).toEqual([3]);
	});
	it('a group file’s members are found in the log; the others are named as missing', () => {
		expect(groupFromLog(['2', '9', '1'], log, 4)).toEqual({
			members: [
				{ name: '2', items: [3] },
				{ name: '1', items: [1] }
			],
			missing: ['9']
		});
	});
});
