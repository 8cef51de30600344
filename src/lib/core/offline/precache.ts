/**
 * Filling the service worker's cache with the whole site on install, robust to a slow or flaky
 * network: a few files at a time (not hundreds of requests at once, as `cache.addAll` sends them),
 * each failed or non-200 fetch tried again after a pause, and files already in this version's cache
 * (from an install that failed part-way) not fetched again. Only when a file still fails after its
 * last try does the install fail, naming the files, so the worker never claims to work offline
 * with part of the site missing; the page registers again later (src/lib/components/serviceWorker.ts).
 */
import { isCacheable, type CacheLike } from './strategy';

export interface PrecacheDeps {
	cache: CacheLike;
	fetch: (url: string) => Promise<Response>;
	/** Waits between tries (a timer in the worker; instant in tests). */
	pause?: (ms: number) => Promise<void>;
}

export interface PrecacheOptions {
	/** Files fetched at the same time. */
	concurrency?: number;
	/** Tries per file, the first included. */
	attempts?: number;
	/** Pause before the second try; doubled before each later one. */
	retryAfterMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fetch one file until it answers a plain 200 or its tries run out; true when it is in the cache. */
async function cacheOne(url: string, deps: PrecacheDeps, attempts: number, retryAfterMs: number): Promise<boolean> {
	if (await deps.cache.match(url)) return true;
	const pause = deps.pause ?? wait;
	for (let attempt = 0; attempt < attempts; attempt++) {
		if (attempt > 0) await pause(retryAfterMs * 2 ** (attempt - 1));
		try {
			const response = await deps.fetch(url);
			if (isCacheable(response)) {
				await deps.cache.put(url, response);
				return true;
			}
		} catch {
			// Offline for a moment, or the connection dropped: try again after the pause.
		}
	}
	return false;
}

/** Cache every URL; rejects, naming the files that never arrived, when any still fails at the end. */
export async function precache(urls: readonly string[], deps: PrecacheDeps, options: PrecacheOptions = {}): Promise<void> {
	const { concurrency = 6, attempts = 3, retryAfterMs = 1000 } = options;
	const failed: string[] = [];
	let next = 0;
	async function lane(): Promise<void> {
		while (next < urls.length) {
			const url = urls[next++];
			if (!(await cacheOne(url, deps, attempts, retryAfterMs))) failed.push(url);
		}
	}
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, urls.length)) }, lane));
	if (failed.length > 0) {
		const shown = failed.slice(0, 5).join(', ');
		throw new Error(`${failed.length} of ${urls.length} files could not be cached for offline use: ${shown}${failed.length > 5 ? ', …' : ''}`);
	}
}
