import { describe, expect, it } from 'vitest';
import { sampleMembers, SAMPLE_NAMES } from './sample';
import { dayKeyDmy } from './baskets';

const counts = [50, 10, 5, 1, 0, 30];

describe('sample members', () => {
	it('is seeded: the same seed gives the same members, another seed others', () => {
		expect(sampleMembers(counts, 8, 1)).toEqual(sampleMembers(counts, 8, 1));
		expect(sampleMembers(counts, 8, 2)).not.toEqual(sampleMembers(counts, 8, 1));
	});

	it('gives named members with 2-6 dated baskets of catalogue items, never an item nobody bought', () => {
		const members = sampleMembers(counts, 30, 3);
		expect(members.map((m) => m.name)).toEqual([...SAMPLE_NAMES]);
		for (const m of members) {
			expect(m.baskets.length).toBeGreaterThanOrEqual(2);
			expect(m.baskets.length).toBeLessThanOrEqual(6);
			const days = m.baskets.map((b) => dayKeyDmy(b.date)!);
			expect(days.every((d, i) => d !== null && (i === 0 || d > days[i - 1]))).toBe(true);
			for (const b of m.baskets) for (const i of b.items) expect(counts[i]).toBeGreaterThan(0);
			for (const f of m.favourites) expect(m.usual).toContain(f);
		}
	});

	it('refuses impossible requests', () => {
		expect(() => sampleMembers(counts, 31, 1)).toThrow(RangeError);
		expect(() => sampleMembers([0, 0], 2, 1)).toThrow(RangeError);
	});
});
