import { describe, expect, it } from 'vitest';
import { analysis } from './analysis.fixture';
import { choiceFromParam, choiceToParam, rankCandidates, rankedCsv, selectedCategories } from './ranking';

describe('the ranked list', () => {
	it('scores by probability x share in the selected categories x 100, leaving out score 0', () => {
		const a = analysis();
		const list = rankCandidates(a, [0], 10);
		expect(list.rows.map((r) => r.id)).toEqual(['=u1', 'u2']);
		expect(list.rows[0].share).toBeCloseTo(0.75, 12);
		expect(list.rows[0].score).toBeCloseTo(0.2 * 0.75 * 100, 12);
		expect(list.rows[1].score).toBeCloseTo(10, 12);
		expect(list.eligible).toBe(2);
		expect(list.expected.expected).toBeCloseTo(0.3, 12);
		expect(list.rows[0].drivers).toEqual([{ feature: 'collection_size', value: 10, effect: expect.closeTo(0.05, 6) }]);
		expect(rankCandidates(a, [0, 1], 1).rows.map((r) => r.id)).toEqual(['u3']);
	});

	it('takes the 3 lowest levels by default, all categories, or a set from the URL', () => {
		const a = analysis();
		expect(selectedCategories({ kind: 'lowest' }, a)).toEqual([2, 0, 1]);
		expect(selectedCategories({ kind: 'all' }, a)).toEqual([0, 1, 2]);
		expect(selectedCategories(choiceFromParam('B|Nope|B', a.categories), a)).toEqual([1]);
		expect(choiceFromParam('Nope', a.categories)).toEqual({ kind: 'lowest' });
		expect(choiceFromParam(null, a.categories)).toEqual({ kind: 'lowest' });
		expect(choiceToParam({ kind: 'custom', names: ['A', 'C'] })).toBe('A|C');
		expect(choiceFromParam(choiceToParam({ kind: 'all' }), a.categories)).toEqual({ kind: 'all' });
	});

	it('downloads as CSV with formula-looking cells defused', () => {
		const text = rankedCsv(rankCandidates(analysis(), [0], 10), { collection_size: 'Collection size' }, ['A']);
		const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[1].startsWith("1,'=u1,0.75,0.2,15,")).toBe(true);
		expect(lines[1]).toContain('Collection size +5.00 pts');
	});
});
