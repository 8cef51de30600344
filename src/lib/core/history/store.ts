/**
 * Saved runs over IndexedDB (via idb): save, list a tool's runs newest first, open, rename, delete
 * (and put back, for undo), remember the last opened run per tool (and per tool and kind), export
 * everything to a file and import such a file. Pure TypeScript: no DOM beyond IndexedDB, Blob and
 * crypto.randomUUID, so it runs in Node tests over fake-indexeddb.
 *
 * Every failure is a HistoryError whose message says what happened and what to do (storage full,
 * storage turned off, another tab blocking an upgrade, a damaged file). Nothing here touches what a
 * page shows: a page that fails to save keeps its result on screen.
 */
import type { IDBPDatabase } from 'idb';
import { openHistoryDatabase, BY_TOOL, STORES, type OpenCallbacks } from './database';
import { storageProblem } from './errors';
import { estimateSize } from './size';
import { HISTORY_FILE_MAX_BYTES, MAX_NAME_LENGTH, MAX_SUMMARY_LENGTH, historyFileName, historyFileText, readHistoryFile } from './transfer';
import { HistoryError, type ImportReport, type NewRun, type RunSummary, type SavedRun } from './types';

interface MetaRecord {
	key: string;
	value: unknown;
}

const MB = 1024 * 1024;
const lastKey = (tool: string, kind?: string) => (kind ? `last:${tool}/${kind}` : `last:${tool}`);
const quoted = (name: string) => `“${name.length > 60 ? `${name.slice(0, 57)}…` : name}”`;

/**
 * Wait for a write transaction to commit. When it aborts (a full disk, a constraint), its requests
 * fail with a bare AbortError; the transaction's own error says why, and that is what is thrown.
 */
async function commit(transaction: { done: Promise<void> }, requests: Promise<unknown>[]): Promise<void> {
	for (const request of requests) request.catch(() => undefined);
	await transaction.done;
}

function summaryOf(run: SavedRun): RunSummary {
	const { payload: _payload, ...summary } = run;
	return summary;
}

function cleanName(name: string): string {
	const clean = name.replace(/\s+/g, ' ').trim();
	if (!clean) throw new HistoryError('invalid', 'A saved run needs a name.');
	if (clean.length > MAX_NAME_LENGTH) throw new HistoryError('invalid', `A name can have at most ${MAX_NAME_LENGTH} characters (this one has ${clean.length}).`);
	return clean;
}

export interface HistoryStoreOptions extends OpenCallbacks {
	/** The database's name (tests use their own). */
	name?: string;
	/** For ids; defaults to crypto.randomUUID. */
	makeId?: () => string;
	/** For saved times; defaults to Date.now. */
	now?: () => number;
}

export class HistoryStore {
	#connection: Promise<IDBPDatabase> | null = null;
	readonly #options: HistoryStoreOptions;

	constructor(options: HistoryStoreOptions = {}) {
		this.#options = options;
	}

	/** The open database; opened on first use, reopened after another tab closed it. */
	#db(): Promise<IDBPDatabase> {
		this.#connection ??= openHistoryDatabase(undefined, {
			onBlocked: this.#options.onBlocked,
			onClosed: () => {
				this.#connection = null;
				this.#options.onClosed?.();
			}
		}, this.#options.name).catch((error: unknown) => {
			this.#connection = null;
			throw error;
		});
		return this.#connection;
	}

	async #run<T>(action: string, work: (db: IDBPDatabase) => Promise<T>): Promise<T> {
		try {
			return await work(await this.#db());
		} catch (error) {
			throw storageProblem(error, action);
		}
	}

	/** Save a new run; it also becomes the tool's (and the tool and kind's) last opened run. */
	async save<P>(run: NewRun<P>): Promise<RunSummary> {
		const name = cleanName(run.name);
		const summary: RunSummary = {
			id: (this.#options.makeId ?? (() => crypto.randomUUID()))(),
			tool: run.tool,
			kind: run.kind,
			name,
			savedAt: run.savedAt ?? (this.#options.now ?? Date.now)(),
			summary: run.summary.slice(0, MAX_SUMMARY_LENGTH),
			size: estimateSize(run.payload),
			payloadVersion: run.payloadVersion ?? 1
		};
		return this.#run(`Saving ${quoted(name)}`, async (db) => {
			const tx = db.transaction([STORES.runs, STORES.payloads, STORES.meta], 'readwrite');
			await commit(tx, [
				tx.objectStore(STORES.runs).put(summary),
				tx.objectStore(STORES.payloads).put({ id: summary.id, payload: run.payload }),
				tx.objectStore(STORES.meta).put({ key: lastKey(summary.tool), value: summary.id }),
				tx.objectStore(STORES.meta).put({ key: lastKey(summary.tool, summary.kind), value: summary.id })
			]);
			return summary;
		});
	}

	/** A tool's saved runs, newest first (no payloads). */
	async list(tool: string): Promise<RunSummary[]> {
		return this.#run('Reading saved runs', async (db) => {
			const range = IDBKeyRange.bound([tool, -Infinity], [tool, Infinity]);
			const runs = (await db.getAllFromIndex(STORES.runs, BY_TOOL, range)) as RunSummary[];
			return runs.reverse();
		});
	}

	/** A run with its payload, or undefined when it is gone. `remember` makes it the last opened. */
	async open<P = unknown>(id: string, options: { remember?: boolean } = {}): Promise<SavedRun<P> | undefined> {
		return this.#run('Opening a saved run', async (db) => {
			const tx = db.transaction([STORES.runs, STORES.payloads], 'readonly');
			const [summary, stored] = await Promise.all([
				tx.objectStore(STORES.runs).get(id) as Promise<RunSummary | undefined>,
				tx.objectStore(STORES.payloads).get(id) as Promise<{ payload: P } | undefined>,
				tx.done
			]);
			if (!summary || !stored) return undefined;
			if (options.remember) {
				const meta = db.transaction(STORES.meta, 'readwrite');
				await commit(meta, [meta.store.put({ key: lastKey(summary.tool), value: id }), meta.store.put({ key: lastKey(summary.tool, summary.kind), value: id })]);
			}
			return { ...summary, payload: stored.payload };
		});
	}

	/** Give a run a new name. */
	async rename(id: string, name: string): Promise<RunSummary> {
		const clean = cleanName(name);
		return this.#run(`Renaming to ${quoted(clean)}`, async (db) => {
			const tx = db.transaction(STORES.runs, 'readwrite');
			const summary = (await tx.store.get(id)) as RunSummary | undefined;
			if (!summary) throw new HistoryError('not-found', 'This run is no longer saved on this device (was it deleted in another tab?).');
			const renamed = { ...summary, name: clean };
			await commit(tx, [tx.store.put(renamed)]);
			return renamed;
		});
	}

	/** Delete a run; returns it (payload included) so it can be put back with `restore`. */
	async remove(id: string): Promise<SavedRun | undefined> {
		return this.#run('Deleting a saved run', async (db) => {
			const tx = db.transaction([STORES.runs, STORES.payloads, STORES.meta], 'readwrite');
			const [summary, stored] = await Promise.all([
				tx.objectStore(STORES.runs).get(id) as Promise<RunSummary | undefined>,
				tx.objectStore(STORES.payloads).get(id) as Promise<{ payload: unknown } | undefined>
			]);
			await Promise.all([tx.objectStore(STORES.runs).delete(id), tx.objectStore(STORES.payloads).delete(id)]);
			if (summary) {
				const meta = tx.objectStore(STORES.meta);
				for (const key of [lastKey(summary.tool), lastKey(summary.tool, summary.kind)]) {
					const record = (await meta.get(key)) as MetaRecord | undefined;
					if (record?.value === id) await meta.delete(key);
				}
			}
			await tx.done;
			return summary ? { ...summary, payload: stored?.payload } : undefined;
		});
	}

	/** Put back a run exactly as it was (undo a delete). */
	async restore(run: SavedRun): Promise<RunSummary> {
		return this.#run(`Putting back ${quoted(run.name)}`, async (db) => {
			const summary = summaryOf(run);
			const tx = db.transaction([STORES.runs, STORES.payloads], 'readwrite');
			await commit(tx, [tx.objectStore(STORES.runs).put(summary), tx.objectStore(STORES.payloads).put({ id: run.id, payload: run.payload })]);
			return summary;
		});
	}

	/** The run last opened or saved for a tool (or for a tool and kind), if it is still there. */
	async lastOpened<P = unknown>(tool: string, kind?: string): Promise<SavedRun<P> | undefined> {
		const record = await this.#run('Reading saved runs', async (db) => (await db.get(STORES.meta, lastKey(tool, kind))) as MetaRecord | undefined);
		return typeof record?.value === 'string' ? this.open<P>(record.value) : undefined;
	}

	/** Forget the tool's last opened run (e.g. the person went back to the demo data); with `kind`, only that kind's. */
	async forgetLastOpened(tool: string, kind?: string): Promise<void> {
		await this.#run('Updating saved runs', async (db) => {
			const tx = db.transaction(STORES.meta, 'readwrite');
			const deletions = kind
				? [tx.store.delete(lastKey(tool, kind))]
				: [tx.store.delete(lastKey(tool)), tx.store.delete(IDBKeyRange.bound(`${lastKey(tool)}/`, `${lastKey(tool)}/\uffff`))];
			await commit(tx, deletions);
		});
	}

	/** Every saved run of every tool, as a file to download. */
	async exportAll(now: Date = new Date()): Promise<{ file: Blob; fileName: string; count: number }> {
		const runs = await this.#run('Exporting saved runs', async (db) => {
			const tx = db.transaction([STORES.runs, STORES.payloads], 'readonly');
			const [summaries, payloads] = await Promise.all([
				tx.objectStore(STORES.runs).getAll() as Promise<RunSummary[]>,
				tx.objectStore(STORES.payloads).getAll() as Promise<{ id: string; payload: unknown }[]>,
				tx.done
			]);
			const byId = new Map(payloads.map((p) => [p.id, p.payload]));
			return summaries.sort((a, b) => b.savedAt - a.savedAt).map((s) => ({ ...s, payload: byId.get(s.id) }));
		});
		try {
			return { file: new Blob([await historyFileText(runs, now)], { type: 'application/json' }), fileName: historyFileName(now), count: runs.length };
		} catch (error) {
			throw new HistoryError('failed', `Exporting failed: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
		}
	}

	/**
	 * Add the runs of an exported file. Runs this device already has (same id) are left alone and
	 * counted; runs that cannot be read are listed; the rest are written in one transaction, so a
	 * full disk adds none of them.
	 */
	async importFile(file: Blob): Promise<ImportReport> {
		if (file.size > HISTORY_FILE_MAX_BYTES)
			throw new HistoryError('bad-file', `This file is too large to import (${(file.size / MB).toFixed(0)} MB; the limit is ${HISTORY_FILE_MAX_BYTES / MB} MB).`);
		let text: string;
		try {
			text = await file.text();
		} catch (error) {
			throw new HistoryError('bad-file', 'This file could not be read. Choose it again.', { cause: error });
		}
		const { runs, rejected } = await readHistoryFile(text);
		return this.#run('Importing saved runs', async (db) => {
			const tx = db.transaction([STORES.runs, STORES.payloads], 'readwrite');
			const runsStore = tx.objectStore(STORES.runs);
			const added: RunSummary[] = [];
			let duplicates = 0;
			const writes: Promise<unknown>[] = [];
			// Read before writing: once a write fails, every later request in the transaction fails too.
			const present = new Set(await runsStore.getAllKeys());
			for (const run of runs) {
				if (present.has(run.id)) {
					duplicates++;
					continue;
				}
				present.add(run.id);
				const summary = summaryOf(run);
				writes.push(runsStore.put(summary), tx.objectStore(STORES.payloads).put({ id: run.id, payload: run.payload }));
				added.push(summary);
			}
			await commit(tx, writes);
			return { added: added.sort((a, b) => b.savedAt - a.savedAt), duplicates, rejected };
		});
	}

	/** Close the connection (tests; a page never needs to). */
	async close(): Promise<void> {
		const connection = this.#connection;
		this.#connection = null;
		if (connection) (await connection.catch(() => null))?.close();
	}
}
