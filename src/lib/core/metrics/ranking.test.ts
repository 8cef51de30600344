import { describe, expect, it } from 'vitest';
import { rankingMetrics, rankingPerUser } from './ranking';

describe('ranking metrics', () => {
	const lists = [
		// Relevant a, c; hits at ranks 1 and 3 of 3.
		{ recommended: ['a', 'b', 'c'], relevant: ['a', 'c'] },
		// Relevant x; no hit.
		{ recommended: ['a', 'b', 'c'], relevant: new Set(['x']) },
		// Relevant b, d, e, f (more than k); one hit at rank 2.
		{ recommended: ['a', 'b', 'c'], relevant: ['b', 'd', 'e', 'f'] },
		// Nothing relevant: left out.
		{ recommended: ['a'], relevant: [] }
	];

	it('computes recall, hit and NDCG at k by hand', () => {
		const per = rankingPerUser(lists, 3);
		expect(per.skipped).toBe(1);
		expect(Array.from(per.recall)).toEqual([1, 0, 0.25]);
		expect(Array.from(per.hit)).toEqual([1, 0, 1]);
		const idcg2 = 1 + 1 / Math.log2(3);
		const idcg3 = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
		expect(per.ndcg[0]).toBeCloseTo((1 + 1 / Math.log2(4)) / idcg2, 15);
		expect(per.ndcg[1]).toBe(0);
		expect(per.ndcg[2]).toBeCloseTo(1 / Math.log2(3) / idcg3, 15);
		const m = rankingMetrics(lists, 3);
		expect(m).toMatchObject({ users: 3, k: 3 });
		expect(m.recall).toBeCloseTo(1.25 / 3, 15);
		expect(m.hit).toBeCloseTo(2 / 3, 15);
	});

	it('cuts the list at k and counts a repeated item once', () => {
		const per = rankingPerUser([{ recommended: ['a', 'a', 'b', 'c'], relevant: ['c'] }], 2);
		expect(per.hit[0]).toBe(0);
		const per3 = rankingPerUser([{ recommended: ['a', 'a', 'b', 'c'], relevant: ['c'] }], 3);
		expect(per3.ndcg[0]).toBeCloseTo(1 / Math.log2(4), 15);
	});

	it('is null with a reason when no user can be scored', () => {
		expect(rankingMetrics([], 10)).toMatchObject({ users: 0, recall: null, undefinedBecause: { recall: 'no users to score' } });
		expect(rankingMetrics([{ recommended: ['a'], relevant: [] }], 10).undefinedBecause?.ndcg).toBe('no user has a relevant item');
	});
});
