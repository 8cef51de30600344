import { describe, expect, it } from 'vitest';
import { cacheFirst, cacheKey, isWorkerCommand, networkFirst, routeOf, staleCaches, type CacheLike } from './strategy';

const ORIGIN = 'https://site.example';

/** An in-memory cache keyed by URL string, recording what was stored. */
function memoryCache(entries: Record<string, string> = {}): CacheLike & { stored: string[]; bodies: Map<string, string> } {
	const bodies = new Map(Object.entries(entries));
	const stored: string[] = [];
	return {
		stored,
		bodies,
		async match(request) {
			const key = typeof request === 'string' ? request : request.url;
			const body = bodies.get(key);
			return body === undefined ? undefined : new Response(body, { status: 200 });
		},
		async put(request, response) {
			const key = typeof request === 'string' ? request : request.url;
			stored.push(key);
			bodies.set(key, await response.text());
		}
	};
}

const offline = async (): Promise<Response> => {
	throw new TypeError('Failed to fetch');
};
const answering = (status: number, body = `answer ${status}`) => async () => new Response(status === 204 ? null : body, { status });
const navigation = (url: string) => ({ url, mode: 'navigate', method: 'GET', headers: new Headers() }) as unknown as Request;

describe('routeOf', () => {
	const get = (url: string, init?: RequestInit) => new Request(url, init);
	it('sends built files to the cache first, the rest of the site to the network first', () => {
		expect(routeOf(get(`${ORIGIN}/_app/immutable/chunks/a.js`), ORIGIN, '')).toBe('cache-first');
		expect(routeOf(get(`${ORIGIN}/gmv/?cat=Speaker`), ORIGIN, '')).toBe('network-first');
		expect(routeOf(get(`${ORIGIN}/manifest.webmanifest`), ORIGIN, '')).toBe('network-first');
		expect(routeOf(get(`${ORIGIN}/storelens/_app/immutable/a.js`), ORIGIN, '/storelens')).toBe('cache-first');
		expect(routeOf(get(`${ORIGIN}/storelens/segments/`), ORIGIN, '/storelens')).toBe('network-first');
	});
	it('leaves other origins, other paths, non-GET and range requests to the browser', () => {
		expect(routeOf(get('https://elsewhere.example/gmv/'), ORIGIN, '')).toBe('pass');
		expect(routeOf(get(`${ORIGIN}/other-site/`), ORIGIN, '/storelens')).toBe('pass');
		expect(routeOf(get(`${ORIGIN}/gmv/`, { method: 'POST', body: 'x' }), ORIGIN, '')).toBe('pass');
		expect(routeOf(get(`${ORIGIN}/samples/a.csv`, { headers: { range: 'bytes=0-10' } }), ORIGIN, '')).toBe('pass');
	});
});

describe('networkFirst', () => {
	it('returns and caches a fresh 200 under the URL without its query', async () => {
		const cache = memoryCache({ [`${ORIGIN}/gmv/`]: 'old page' });
		const response = await networkFirst(new Request(`${ORIGIN}/gmv/?cat=Speaker`), { cache, fetch: answering(200, 'new page') });
		expect(await response.text()).toBe('new page');
		expect(cache.bodies.get(`${ORIGIN}/gmv/`)).toBe('new page');
	});

	it('passes a non-OK answer through as it is, never caching it nor replacing it with a cached 200', async () => {
		for (const status of [431, 404, 500, 204]) {
			const cache = memoryCache({ [`${ORIGIN}/gmv/`]: 'cached page' });
			const response = await networkFirst(new Request(`${ORIGIN}/gmv/?x=${'a'.repeat(100)}`), { cache, fetch: answering(status) });
			expect(response.status).toBe(status);
			expect(cache.stored).toEqual([]);
			expect(cache.bodies.get(`${ORIGIN}/gmv/`)).toBe('cached page');
		}
	});

	it('offline: the cached page, whatever the query', async () => {
		const cache = memoryCache({ [`${ORIGIN}/gmv/`]: 'cached page' });
		const response = await networkFirst(new Request(`${ORIGIN}/gmv/?cat=Speaker`), { cache, fetch: offline });
		expect(await response.text()).toBe('cached page');
	});

	it('offline: a folder page asked for without its slash is found with it', async () => {
		const cache = memoryCache({ [`${ORIGIN}/gmv/`]: 'cached page' });
		const response = await networkFirst(navigation(`${ORIGIN}/gmv`), { cache, fetch: offline });
		expect(await response.text()).toBe('cached page');
	});

	it('offline and not cached: the network error, so the browser shows its own offline page', async () => {
		await expect(networkFirst(new Request(`${ORIGIN}/nowhere/`), { cache: memoryCache(), fetch: offline })).rejects.toThrow('Failed to fetch');
	});

	it('a full disk does not turn a good answer into an error', async () => {
		const cache = memoryCache();
		cache.put = async () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		const response = await networkFirst(new Request(`${ORIGIN}/gmv/`), { cache, fetch: answering(200, 'page') });
		expect(await response.text()).toBe('page');
	});

	it('with waitUntil, storing does not hold the response back, and the worker is kept alive for it', async () => {
		const cache = memoryCache();
		const kept: Promise<unknown>[] = [];
		const response = await networkFirst(new Request(`${ORIGIN}/gmv/`), { cache, fetch: answering(200, 'page'), waitUntil: (p) => kept.push(p) });
		expect(await response.text()).toBe('page');
		expect(kept).toHaveLength(1);
		await Promise.all(kept);
		expect(cache.stored).toEqual([`${ORIGIN}/gmv/`]);
	});
});

describe('cacheFirst', () => {
	it('answers from the cache without asking the network', async () => {
		const cache = memoryCache({ [`${ORIGIN}/_app/immutable/a.js`]: 'cached code' });
		let asked = 0;
		const response = await cacheFirst(new Request(`${ORIGIN}/_app/immutable/a.js`), {
			cache,
			fetch: async () => {
				asked++;
				return new Response('network code');
			}
		});
		expect(await response.text()).toBe('cached code');
		expect(asked).toBe(0);
	});

	it('on a miss, fetches and keeps a 200, but not an error', async () => {
		const cache = memoryCache();
		expect(await (await cacheFirst(new Request(`${ORIGIN}/_app/immutable/a.js`), { cache, fetch: answering(200, 'code') })).text()).toBe('code');
		expect(cache.stored).toEqual([`${ORIGIN}/_app/immutable/a.js`]);
		const missing = await cacheFirst(new Request(`${ORIGIN}/_app/immutable/b.js`), { cache, fetch: answering(404) });
		expect(missing.status).toBe(404);
		expect(cache.stored).toHaveLength(1);
	});
});

describe('helpers', () => {
	it('cacheKey drops the query and fragment', () => {
		expect(cacheKey(`${ORIGIN}/gmv/?cat=Speaker#top`)).toBe(`${ORIGIN}/gmv/`);
	});
	it('staleCaches deletes only this site’s caches of other versions', () => {
		expect(staleCaches(['storelens-1', 'storelens-2', 'someone-else'], 'storelens-2')).toEqual(['storelens-1']);
	});
	it('isWorkerCommand accepts only the skip-waiting and claim messages', () => {
		expect(isWorkerCommand({ type: 'skip-waiting' })).toBe(true);
		expect(isWorkerCommand({ type: 'claim' })).toBe(true);
		expect(isWorkerCommand({ type: 'other' })).toBe(false);
		expect(isWorkerCommand(null)).toBe(false);
		expect(isWorkerCommand('skip-waiting')).toBe(false);
	});
});
