import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, type PageState } from './url';

const state: PageState = {
	members: [
		{ name: 'Asha', items: [3, 17] },
		{ name: 'Ravi K', items: [] }
	],
	method: 'borda',
	deal: { itemLaunches: 12, itemFills: 9, organiserLaunches: 3, organiserFills: 2, organiserJoins: 0 },
	dealSize: 5
};

describe('URL state', () => {
	it('round-trips the group, method and planned deal', () => {
		const params = encodeState(state);
		expect(decodeState(new URLSearchParams(params.toString()), 167)).toEqual({ state, problems: [] });
	});

	it('drops and reports what it cannot read, never guesses', () => {
		const { state: s, problems } = decodeState(new URLSearchParams('members=Asha~3.999.x|~4&method=vote&deal=1.2.3&size=1'), 167);
		expect(s.members).toEqual([{ name: 'Asha', items: [3] }]);
		expect(s.method).toBeNull();
		expect(s.deal).toBeNull();
		expect(s.dealSize).toBeNull();
		expect(problems).toHaveLength(6);
		expect(problems.join('; ')).toMatch(/999.*not in the catalogue/);
		expect(decodeState(new URLSearchParams('deal=1.2.0.0.0'), 167).problems[0]).toMatch(/more deals/);
	});

	it('keeps at most 30 members', () => {
		const many = Array.from({ length: 35 }, (_, i) => `m${i}~1`).join('|');
		const { state: s, problems } = decodeState(new URLSearchParams({ members: many }), 167);
		expect(s.members).toHaveLength(30);
		expect(problems).toEqual(['only the first 30 members were kept']);
	});
});
