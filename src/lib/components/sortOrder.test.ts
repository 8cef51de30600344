import { describe, expect, it } from 'vitest';
import { sortedOrder } from './sortOrder';
import { seededRandom } from '../core/random';

describe('sortedOrder', () => {
	const rows = [
		{ id: 'a', v: 3, t: 'item 10' },
		{ id: 'b', v: null, t: null },
		{ id: 'c', v: 1, t: 'Item 2' },
		{ id: 'd', v: 3, t: '' },
		{ id: 'e', v: -5, t: 'apple' },
		{ id: 'f', v: Number.NaN, t: 'item 2' }
	];
	const ids = (order: Uint32Array) => Array.from(order, (i) => rows[i].id).join('');

	it('sorts numbers numerically, ties in input order, empties last in both directions', () => {
		expect(ids(sortedOrder(rows, 'v', 'number', false))).toBe('ecadbf');
		expect(ids(sortedOrder(rows, 'v', 'number', true))).toBe('adcebf');
	});

	it('sorts text with numbers inside read as numbers, ignoring case, empties last', () => {
		expect(ids(sortedOrder(rows, 't', 'text', false))).toBe('ecfabd');
		expect(ids(sortedOrder(rows, 't', 'text', true))).toBe('acfebd');
	});

	it('agrees with a plain stable sort on 100,000 random rows', () => {
		const random = seededRandom(11);
		const big = Array.from({ length: 100_000 }, () => ({
			x: random() < 0.05 ? null : Math.round(random() * 1000),
			s: random() < 0.05 ? null : `w${Math.floor(random() * 300)}`
		}));
		const byX = sortedOrder(big, 'x', 'number', true);
		const byS = sortedOrder(big, 's', 'text', false);
		const expectX = big
			.map((r, i) => i)
			.sort((a, b) => {
				const x = big[a].x;
				const y = big[b].x;
				if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
				return y - x;
			});
		expect(Array.from(byX)).toEqual(expectX);
		for (let k = 1; k < byS.length; k++) {
			const prev = big[byS[k - 1]].s;
			const cur = big[byS[k]].s;
			if (cur === null) continue;
			expect(prev).not.toBeNull();
			const cmp = (prev as string).localeCompare(cur, 'en', { numeric: true });
			expect(cmp <= 0).toBe(true);
			if (cmp === 0) expect(byS[k - 1] < byS[k]).toBe(true);
		}
	});
});
