import { describe, expect, it } from 'vitest';
import { failWritesWithQuota, freshStore } from '$lib/core/history/testing';
import { importMessage, SavedRuns } from './savedRuns.svelte';

function savedRuns() {
	const store = freshStore();
	return new SavedRuns('segments', () => store);
}

describe('SavedRuns', () => {
	it('saves, lists, renames, deletes and puts back, saying what it did', async () => {
		const runs = savedRuns();
		await runs.refresh();
		expect(runs.runs).toEqual([]);
		const saved = await runs.save({ kind: 'upload', name: 'march.csv', summary: '3 customers', payload: { cluster: new Int32Array([1]) } });
		expect(runs.notice).toBe('Saved “march.csv” on this device.');
		expect(runs.runs.map((r) => r.name)).toEqual(['march.csv']);
		expect(await runs.rename(saved!.id, 'March')).toBe(true);
		expect(runs.runs[0].name).toBe('March');
		await runs.remove(saved!.id);
		expect(runs.runs).toEqual([]);
		expect(runs.notice).toBe('Deleted “March”.');
		await runs.undoRemove();
		expect(runs.runs.map((r) => r.name)).toEqual(['March']);
		expect(runs.removed).toBeNull();
		expect((await runs.open(saved!.id))?.payload).toEqual({ cluster: new Int32Array([1]) });
		expect((await runs.lastOpened())?.name).toBe('March');
	});

	it('turns a full disk into a message and keeps the list as it was', async () => {
		const runs = savedRuns();
		await runs.save({ kind: 'upload', name: 'kept.csv', summary: '', payload: 1 });
		const restore = failWritesWithQuota();
		try {
			expect(await runs.save({ kind: 'upload', name: 'big.csv', summary: '', payload: 2 })).toBeNull();
		} finally {
			restore();
		}
		expect(runs.problem).toMatch(/^Saving “big.csv” failed: This device has no room left/);
		expect(runs.runs.map((r) => r.name)).toEqual(['kept.csv']);
		expect(await runs.rename(runs.runs[0].id, '  ')).toBe(false);
		expect(runs.problem).toBe('A saved run needs a name.');
	});

	it('says when a run to open is gone, and when there is nothing to export', async () => {
		const runs = savedRuns();
		expect(await runs.open('gone')).toBeNull();
		expect(runs.problem).toMatch(/no longer saved on this device/);
		expect(await runs.exportAll()).toBeNull();
		expect(runs.notice).toMatch(/^Nothing to export yet/);
	});

	it('describes an import in one sentence', () => {
		const added = [{ id: 'a' }, { id: 'b' }] as never[];
		expect(importMessage({ added, duplicates: 1, rejected: [{ index: 4, reason: 'its tool is missing or malformed' }] })).toBe(
			'2 saved runs added; 1 run already on this device, left as it was; 1 run could not be read (run 4: its tool is missing or malformed).'
		);
		expect(importMessage({ added: [], duplicates: 0, rejected: [] })).toBe('The file holds no saved runs.');
	});
});
