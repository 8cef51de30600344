import { describe, expect, it } from 'vitest';
import type { SavedRun } from '../core/history';
import { GROUP_KIND, groupFromRun, groupName, groupRun } from './savedRuns';

const state = {
	members: [
		{ name: 'Asha', items: [0, 2] },
		{ name: 'Ravi', items: [1] },
		{ name: 'Meena', items: [] }
	],
	method: 'borda' as const,
	deal: null,
	dealSize: 4
};
const asSaved = (run: ReturnType<typeof groupRun>): SavedRun => ({ ...run, id: 'x', savedAt: 1, payloadVersion: run.payloadVersion ?? 1, bytes: 10 }) as unknown as SavedRun;

describe('saved groups', () => {
	it('are named after their members and summarised by method and top items', () => {
		const run = groupRun(state, 'borda', ['whole milk', 'soda', 'rolls/buns', 'yogurt']);
		expect(run.kind).toBe(GROUP_KIND);
		expect(run.name).toBe('Asha, Ravi and 1 more');
		expect(run.summary).toBe('3 members, borda count: whole milk, soda, rolls/buns');
		expect(groupName({ ...state, members: state.members.slice(0, 2) })).toBe('Asha and Ravi');
	});

	it('come back through the link codec, and anything else is refused', () => {
		const back = groupFromRun(asSaved(groupRun(state, 'borda', [])), 5);
		expect(back?.params.get('method')).toBe('borda');
		expect(back?.params.get('size')).toBe('4');
		expect(back?.problems).toEqual([]);
		expect(groupFromRun({ ...asSaved(groupRun(state, 'borda', [])), kind: 'batch' }, 5)).toBeNull();
		expect(groupFromRun({ ...asSaved(groupRun(state, 'borda', [])), payload: { link: 42 } }, 5)).toBeNull();
		// Items the catalogue no longer has are reported, the rest kept.
		expect(groupFromRun(asSaved(groupRun(state, 'borda', [])), 2)?.problems).toEqual(['Asha: item "2" is not in the catalogue']);
	});
});
