import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { UPGRADES } from './database';
import { HistoryError } from './types';
import { failWritesWithQuota, freshStore } from './testing';
import type { HistoryStore } from './store';

const stores: HistoryStore[] = [];
function store(...args: Parameters<typeof freshStore>) {
	const s = freshStore(...args);
	stores.push(s);
	return s;
}
afterEach(async () => {
	await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** A payload like an upload's: typed arrays, nested objects, odd numbers, a Date and a Map. */
function samplePayload() {
	return {
		customers: { ids: ['17850', '13047'], cluster: new Int32Array([4, 1]), margin: new Float64Array([0.25, -0]), guest: new Uint8Array([0, 1]) },
		analysis: { period: ['2010-12-01', '2011-12-09'], share: 0.546, undefinedMetric: NaN, top: Infinity },
		when: new Date(Date.UTC(2026, 0, 2)),
		counts: new Map([['kept', 10]])
	};
}

async function expectProblem(promise: Promise<unknown>, problem: HistoryError['problem'], message?: RegExp) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error, 'should have failed').toBeInstanceOf(HistoryError);
	expect((error as HistoryError).problem).toBe(problem);
	if (message) expect((error as HistoryError).message).toMatch(message);
}

describe('saving, listing and opening', () => {
	it('lists a tool’s runs newest first, without payloads, and no other tool’s', async () => {
		let time = 1000;
		const s = store({ now: () => (time += 1000) });
		await s.save({ tool: 'segments', kind: 'upload', name: 'March', summary: '10 customers', payload: samplePayload() });
		await s.save({ tool: 'gmv', kind: 'scenario', name: 'Speakers', summary: '₹1 lakh', payload: { values: {} } });
		await s.save({ tool: 'segments', kind: 'upload', name: '  April   file ', summary: '12 customers', payload: samplePayload() });
		const list = await s.list('segments');
		expect(list.map((r) => r.name)).toEqual(['April file', 'March']);
		expect(list[0]).toEqual({ id: 'run-3', tool: 'segments', kind: 'upload', name: 'April file', savedAt: 4000, summary: '12 customers', size: expect.any(Number), payloadVersion: 1 });
		expect(list[0].size).toBeGreaterThan(50);
		expect(list[0]).not.toHaveProperty('payload');
		expect((await s.list('gmv')).map((r) => r.name)).toEqual(['Speakers']);
		expect(await s.list('dealers')).toEqual([]);
	});

	it('gives the payload back exactly: typed arrays, -0, NaN, Infinity, Dates and Maps survive', async () => {
		const s = store();
		const saved = await s.save({ tool: 'segments', kind: 'upload', name: 'March', summary: '', payload: samplePayload(), payloadVersion: 3 });
		const opened = await s.open<ReturnType<typeof samplePayload>>(saved.id);
		expect(opened?.payloadVersion).toBe(3);
		const p = opened!.payload;
		expect(p.customers.cluster).toBeInstanceOf(Int32Array);
		expect(p.customers.margin).toBeInstanceOf(Float64Array);
		expect(Object.is(p.customers.margin[1], -0)).toBe(true);
		expect(p).toEqual(samplePayload());
		expect(await s.open('no-such-run')).toBeUndefined();
	});

	it('refuses an empty or overlong name with a clear message', async () => {
		const s = store();
		await expectProblem(s.save({ tool: 'gmv', kind: 'scenario', name: '   ', summary: '', payload: 1 }), 'invalid', /needs a name/);
		await expectProblem(s.save({ tool: 'gmv', kind: 'scenario', name: 'x'.repeat(201), summary: '', payload: 1 }), 'invalid', /at most 200/);
	});
});

describe('rename, delete and undo', () => {
	it('renames, and says so when the run is gone', async () => {
		const s = store();
		const run = await s.save({ tool: 'gmv', kind: 'scenario', name: 'Speakers', summary: '', payload: 1 });
		expect((await s.rename(run.id, ' Speakers in May ')).name).toBe('Speakers in May');
		expect((await s.list('gmv'))[0].name).toBe('Speakers in May');
		await expectProblem(s.rename(run.id, ''), 'invalid');
		await expectProblem(s.rename('gone', 'x'), 'not-found', /no longer saved/);
	});

	it('deletes a run and its payload, and puts it back exactly for undo', async () => {
		const s = store();
		const run = await s.save({ tool: 'segments', kind: 'upload', name: 'March', summary: 's', payload: samplePayload() });
		const removed = await s.remove(run.id);
		expect(await s.list('segments')).toEqual([]);
		expect(await s.open(run.id)).toBeUndefined();
		expect(await s.lastOpened('segments')).toBeUndefined();
		await s.restore(removed!);
		expect(await s.list('segments')).toEqual([run]);
		expect((await s.open(run.id))?.payload).toEqual(samplePayload());
		expect(await s.remove('gone')).toBeUndefined();
	});
});

describe('the last opened run', () => {
	it('is the last saved or opened, per tool and per tool and kind, and can be forgotten', async () => {
		const s = store();
		const scenario = await s.save({ tool: 'gmv', kind: 'scenario', name: 'A', summary: '', payload: 'a' });
		const batch = await s.save({ tool: 'gmv', kind: 'batch', name: 'B', summary: '', payload: 'b' });
		expect((await s.lastOpened('gmv'))?.id).toBe(batch.id);
		expect((await s.lastOpened('gmv', 'scenario'))?.id).toBe(scenario.id);
		expect((await s.lastOpened('gmv', 'batch'))?.payload).toBe('b');

		await s.open(scenario.id); // just looking does not change it
		expect((await s.lastOpened('gmv'))?.id).toBe(batch.id);
		await s.open(scenario.id, { remember: true });
		expect((await s.lastOpened('gmv'))?.id).toBe(scenario.id);

		await s.forgetLastOpened('gmv', 'batch');
		expect(await s.lastOpened('gmv', 'batch')).toBeUndefined();
		expect((await s.lastOpened('gmv', 'scenario'))?.id).toBe(scenario.id);
		await s.forgetLastOpened('gmv');
		expect(await s.lastOpened('gmv')).toBeUndefined();
		expect(await s.lastOpened('gmv', 'scenario')).toBeUndefined();
		expect((await s.list('gmv')).length).toBe(2);
	});
});

describe('a full disk', () => {
	for (const mode of ['throw', 'abort'] as const) {
		it(`(${mode === 'throw' ? 'raised at once' : 'aborting the transaction'}) gives the quota message and writes nothing`, async () => {
			const s = store();
			await s.save({ tool: 'segments', kind: 'upload', name: 'Kept', summary: '', payload: 1 });
			const restore = failWritesWithQuota(mode);
			try {
				await expectProblem(s.save({ tool: 'segments', kind: 'upload', name: 'March upload', summary: '', payload: samplePayload() }), 'quota', /^Saving “March upload” failed: This device has no room left/);
			} finally {
				restore();
			}
			expect((await s.list('segments')).map((r) => r.name)).toEqual(['Kept']);
			expect((await s.lastOpened('segments'))?.name).toBe('Kept');
		});
	}
});

describe('when the store cannot be used', () => {
	it('no IndexedDB at all (some private windows): unavailable, with a message', async () => {
		const saved = globalThis.indexedDB;
		// @ts-expect-error simulating a browser without IndexedDB
		delete globalThis.indexedDB;
		try {
			await expectProblem(store().list('gmv'), 'unavailable', /IndexedDB/);
		} finally {
			globalThis.indexedDB = saved;
		}
	});

	it('opening refused by the browser (storage turned off): unavailable, and a later try can succeed', async () => {
		const saved = globalThis.indexedDB;
		const s = store();
		globalThis.indexedDB = {
			open() {
				throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
			}
		} as unknown as IDBFactory;
		try {
			await expectProblem(s.save({ tool: 'gmv', kind: 'scenario', name: 'A', summary: '', payload: 1 }), 'unavailable', /private window/);
		} finally {
			globalThis.indexedDB = saved;
		}
		await s.save({ tool: 'gmv', kind: 'scenario', name: 'A', summary: '', payload: 1 });
		expect(await s.list('gmv')).toHaveLength(1);
	});

	it('an older version open in another tab blocks the upgrade until it closes', async () => {
		const name = `blocked-${Math.random()}`;
		// An old tab that does not let go when asked (no versionchange handler).
		const oldTab = await openDB(name, 1, { upgrade: (db, _old, _new, tx) => void UPGRADES[0](db, tx as never) });
		let blocked = 0;
		const s = store({ name, onBlocked: () => blocked++ });
		const listing = s.list('gmv');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(blocked).toBe(1);
		oldTab.close();
		expect(await listing).toEqual([]);
	});

	it('a newer version in another tab: this page lets go, and then says to reload', async () => {
		const name = `newer-${Math.random()}`;
		let closed = 0;
		const s = store({ name, onClosed: () => closed++ });
		await s.save({ tool: 'gmv', kind: 'scenario', name: 'A', summary: '', payload: 1 });
		const newer = await openDB(name, 99);
		expect(closed).toBe(1);
		await expectProblem(s.list('gmv'), 'unavailable', /newer version of Storelens/);
		newer.close();
	});
});
