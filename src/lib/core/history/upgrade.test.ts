// A device that last ran the first layout (version 1: payloads inside the runs) keeps its saved
// runs when the site, now at version 2, opens the database.
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_VERSION, UPGRADES, openHistoryDatabase } from './database';
import { freshStore } from './testing';

describe('database upgrades', () => {
	it('is at version 2, one step per version', () => {
		expect(DB_VERSION).toBe(2);
		expect(UPGRADES).toHaveLength(DB_VERSION);
	});

	it('version 1 -> 2 keeps every run, its payload (typed arrays too), and the last opened run', async () => {
		const name = `upgrade-${Math.random()}`;
		const v1 = await openHistoryDatabase(1, {}, name);
		expect([...v1.objectStoreNames].sort()).toEqual(['meta', 'runs']);
		const cluster = new Int32Array([3, 1, 4, 1, 5]);
		await v1.put('runs', { id: 'a', tool: 'segments', kind: 'upload', name: 'March', savedAt: 2000, summary: '5 customers', payload: { cluster } });
		await v1.put('runs', { id: 'b', tool: 'segments', kind: 'upload', name: 'February', savedAt: 1000, summary: '4 customers', payload: { cluster: new Int32Array(4) } });
		await v1.put('runs', { id: 'c', tool: 'gmv', kind: 'scenario', name: 'Speakers', savedAt: 1500, summary: '₹1 lakh', payload: { values: { cat: 'Speaker' } } });
		await v1.put('meta', { key: 'last:segments', value: 'b' });
		v1.close();

		const store = freshStore({ name });
		const list = await store.list('segments');
		expect(list.map((r) => [r.id, r.name])).toEqual([
			['a', 'March'],
			['b', 'February']
		]);
		expect(list[0]).not.toHaveProperty('payload');
		expect(list[0].payloadVersion).toBe(1);
		const march = await store.open<{ cluster: Int32Array }>('a');
		expect(march?.payload.cluster).toBeInstanceOf(Int32Array);
		expect([...march!.payload.cluster]).toEqual([3, 1, 4, 1, 5]);
		expect((await store.lastOpened('segments'))?.name).toBe('February');
		expect((await store.list('gmv'))[0].name).toBe('Speakers');
		await store.close();

		const v2 = await openDB(name);
		expect(v2.version).toBe(2);
		expect([...v2.objectStoreNames].sort()).toEqual(['meta', 'payloads', 'runs']);
		expect([...v2.transaction('runs').store.indexNames]).toEqual(['by-tool']);
		v2.close();
	});

	it('a new device gets version 2 directly', async () => {
		const name = `fresh-${Math.random()}`;
		const store = freshStore({ name });
		await store.save({ tool: 'gmv', kind: 'scenario', name: 'A', summary: '', payload: 1 });
		await store.close();
		const db = await openDB(name);
		expect(db.version).toBe(DB_VERSION);
		db.close();
	});
});
