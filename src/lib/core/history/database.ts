/**
 * The saved-runs database: one IndexedDB database, "storelens", versioned, with each version's
 * change written down as an upgrade step, so a device that last opened any earlier version is
 * brought up to date with its data kept.
 *
 * Version 1 (the first layout): store "runs" (key "id") held each run with its payload, indexed by
 * tool; store "meta" (key "key") held small settings such as the last opened run per tool.
 * Version 2 (now): the payloads move to their own store "payloads" (key "id"), so listing a
 * tool's runs reads no payload (an upload's analysis can be megabytes), and "runs" is indexed by
 * [tool, savedAt] so a tool's list comes back in time order.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { HistoryError } from './types';

export const DB_NAME = 'storelens';

export const STORES = { runs: 'runs', payloads: 'payloads', meta: 'meta' } as const;
/** The index of "runs" by [tool, savedAt] (version 2). */
export const BY_TOOL = 'by-tool';

type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;
type Upgrade = (db: IDBPDatabase, transaction: UpgradeTransaction) => Promise<void> | void;

/** UPGRADES[v] takes the database from version v to v + 1. */
export const UPGRADES: readonly Upgrade[] = [
	// 0 -> 1: the first layout.
	(db) => {
		const runs = db.createObjectStore(STORES.runs, { keyPath: 'id' });
		runs.createIndex('tool', 'tool');
		db.createObjectStore(STORES.meta, { keyPath: 'key' });
	},
	// 1 -> 2: payloads in their own store; runs indexed by [tool, savedAt].
	async (db, transaction) => {
		db.createObjectStore(STORES.payloads, { keyPath: 'id' });
		const runs = transaction.objectStore(STORES.runs);
		runs.deleteIndex('tool');
		runs.createIndex(BY_TOOL, ['tool', 'savedAt']);
		const payloads = transaction.objectStore(STORES.payloads);
		for (let cursor = await runs.openCursor(); cursor; cursor = await cursor.continue()) {
			const { payload, ...summary } = cursor.value as { id: string; payload: unknown };
			await payloads.put({ id: summary.id, payload });
			await cursor.update({ payloadVersion: 1, size: 0, ...summary });
		}
	}
];

export const DB_VERSION = UPGRADES.length;

export interface OpenCallbacks {
	/** Another tab holds an older version open; the open waits until it closes. */
	onBlocked?: () => void;
	/** This connection stands in the way of a newer version (another tab): it has been closed. */
	onClosed?: () => void;
}

/**
 * Open the database (creating or upgrading it). `version` is for tests that build an older layout.
 * Throws a HistoryError 'unavailable' when this browser has no IndexedDB.
 */
export async function openHistoryDatabase(version: number = DB_VERSION, callbacks: OpenCallbacks = {}, name = DB_NAME): Promise<IDBPDatabase> {
	if (typeof indexedDB === 'undefined' || indexedDB === null)
		throw new HistoryError('unavailable', 'This browser has no storage for web pages (IndexedDB), so runs cannot be saved here.');
	const db = await openDB(name, version, {
		upgrade(database, oldVersion, newVersion, transaction) {
			let step: Promise<void> = Promise.resolve();
			for (let v = oldVersion; v < (newVersion ?? version); v++) {
				const upgrade = UPGRADES[v];
				step = step.then(() => upgrade(database, transaction as UpgradeTransaction));
			}
			step.catch(() => transaction.abort());
		},
		blocked() {
			callbacks.onBlocked?.();
		},
		blocking() {
			// Let the other tab's newer version open; this page reopens (and learns it is old) on next use.
			db.close();
			callbacks.onClosed?.();
		},
		terminated() {
			callbacks.onClosed?.();
		}
	});
	return db;
}
