/**
 * Test helpers for code that saves runs: a fresh database name per test over fake-indexeddb, and
 * a way to make the next writes fail as a full disk does in browsers. Imported by tests only.
 */
import 'fake-indexeddb/auto';
import { HistoryStore, type HistoryStoreOptions } from './store';

let counter = 0;

/** A store over its own, empty database. */
export function freshStore(options: HistoryStoreOptions = {}): HistoryStore {
	counter++;
	let id = 0;
	return new HistoryStore({ name: `test-history-${counter}-${Math.random().toString(36).slice(2)}`, makeId: () => `run-${++id}`, ...options });
}

/**
 * Make object-store writes fail with QuotaExceededError until the returned function is called:
 * 'throw' at once (as some engines do), or 'abort' the transaction with that error afterwards (as
 * Chromium does when the disk fills during the commit).
 */
export function failWritesWithQuota(mode: 'throw' | 'abort' = 'throw'): () => void {
	const proto = IDBObjectStore.prototype;
	const original = proto.put;
	proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		if (mode === 'throw') throw quota;
		const request = original.apply(this, args);
		const transaction = this.transaction;
		Object.defineProperty(transaction, 'error', { value: quota, configurable: true });
		queueMicrotask(() => {
			try {
				transaction.abort();
			} catch {
				// already finished
			}
		});
		return request;
	};
	return () => {
		proto.put = original;
	};
}
