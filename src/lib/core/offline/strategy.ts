/**
 * What the service worker (src/service-worker.ts) does with a request, as pure functions over an
 * injected cache and fetch, so the rules are unit-tested without a browser:
 *
 * - built files under `_app/immutable/` never change at a URL: cache first, the network on a miss;
 * - everything else in the site (pages, static files, version.json): network first, so a fresh
 *   deploy wins; the cache only when the network fails (offline). A reply that is not a plain 200
 *   (a 404, a 431 "headers too large", a redirect) is passed through as it is and never cached, and
 *   never replaced by a cached 200;
 * - other origins, non-GET requests and range requests are left to the browser.
 *
 * Pages are cached under their path without the query: a page's HTML is the same file whatever the
 * query (the GMV scenario lives in it), so one copy serves every scenario link offline.
 */

/** The part of the Cache API the strategies use. */
export interface CacheLike {
	match(request: Request | string, options?: CacheQueryOptions): Promise<Response | undefined>;
	put(request: Request | string, response: Response): Promise<void>;
}

export interface StrategyDeps {
	cache: CacheLike;
	fetch: (request: Request) => Promise<Response>;
	/** Keeps the worker alive for work that finishes after the response is returned (event.waitUntil). */
	waitUntil?: (work: Promise<unknown>) => void;
}

export type Route = 'cache-first' | 'network-first' | 'pass';

/** Cache names this site owns start with this; caches of other versions are deleted on activation. */
export const CACHE_PREFIX = 'storelens-';

export const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;

/** Caches to delete when the worker of `current` takes over: this site's, other versions. */
export function staleCaches(keys: readonly string[], current: string): string[] {
	return keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== current);
}

/**
 * How to answer a request. `origin` is the site's origin, `base` its base path ('' or '/storelens').
 */
export function routeOf(request: Pick<Request, 'method' | 'url' | 'headers'>, origin: string, base: string): Route {
	if (request.method !== 'GET' || request.headers.has('range')) return 'pass';
	const url = new URL(request.url);
	if (url.origin !== origin || !url.pathname.startsWith(`${base}/`)) return 'pass';
	return url.pathname.startsWith(`${base}/_app/immutable/`) ? 'cache-first' : 'network-first';
}

/** The cache key of a request: its URL without query or fragment. */
export function cacheKey(url: string): string {
	const parsed = new URL(url);
	return `${parsed.origin}${parsed.pathname}`;
}

/** Only a complete, same-origin 200 is worth keeping (never an error, a redirect or a partial reply). */
export function isCacheable(response: Response): boolean {
	return response.status === 200 && (response.type === 'basic' || response.type === 'default');
}

function store(deps: StrategyDeps, key: string, response: Response): Promise<void> {
	const work = deps.cache.put(key, response.clone()).catch(() => {
		// A full disk must not turn a good answer into an error: the page still gets its response.
	});
	if (deps.waitUntil) {
		deps.waitUntil(work);
		return Promise.resolve();
	}
	return work;
}

/** The network's answer (cached when it is a 200); the cached copy only when the network fails. */
export async function networkFirst(request: Request, deps: StrategyDeps): Promise<Response> {
	const key = cacheKey(request.url);
	let response: Response;
	try {
		response = await deps.fetch(request);
	} catch (error) {
		const cached = (await deps.cache.match(key)) ?? (await cachedFolderPage(request, deps));
		if (cached) return cached;
		throw error;
	}
	if (isCacheable(response)) await store(deps, key, response);
	return response;
}

/** Offline, `/gmv` (no slash) finds the cached `/gmv/`: online the server would redirect there. */
async function cachedFolderPage(request: Request, deps: StrategyDeps): Promise<Response | undefined> {
	const url = new URL(request.url);
	if (request.mode !== 'navigate' || url.pathname.endsWith('/')) return undefined;
	return deps.cache.match(`${url.origin}${url.pathname}/`);
}

/** The cached copy; on a miss, the network's answer (cached when it is a 200). */
export async function cacheFirst(request: Request, deps: StrategyDeps): Promise<Response> {
	const key = cacheKey(request.url);
	const cached = await deps.cache.match(key);
	if (cached) return cached;
	const response = await deps.fetch(request);
	if (isCacheable(response)) await store(deps, key, response);
	return response;
}

/**
 * Messages a page sends to the worker: 'skip-waiting' lets a waiting new version take over;
 * 'claim' asks the active worker to take over a page it missed (one that loaded while it was
 * finishing its install).
 */
export type WorkerCommand = { type: 'skip-waiting' } | { type: 'claim' };

export function isWorkerCommand(data: unknown): data is WorkerCommand {
	if (typeof data !== 'object' || data === null) return false;
	const type = (data as { type?: unknown }).type;
	return type === 'skip-waiting' || type === 'claim';
}
