import { describe, expect, it } from 'vitest';
import { precache } from './precache';
import type { CacheLike } from './strategy';

function memoryCache(entries: Record<string, string> = {}): CacheLike & { bodies: Map<string, string> } {
	const bodies = new Map(Object.entries(entries));
	return {
		bodies,
		async match(request) {
			const body = bodies.get(typeof request === 'string' ? request : request.url);
			return body === undefined ? undefined : new Response(body);
		},
		async put(request, response) {
			bodies.set(typeof request === 'string' ? request : request.url, await response.text());
		}
	};
}

const noPause = async () => {};
const files = (n: number) => Array.from({ length: n }, (_, i) => `/_app/immutable/chunks/${i}.js`);

describe('precache', () => {
	it('caches every file, never more than `concurrency` fetches at once', async () => {
		const cache = memoryCache();
		let open = 0;
		let most = 0;
		const fetch = async (url: string) => {
			most = Math.max(most, ++open);
			await new Promise((resolve) => setTimeout(resolve, 1));
			open--;
			return new Response(`body of ${url}`);
		};
		await precache(files(40), { cache, fetch, pause: noPause }, { concurrency: 4 });
		expect(cache.bodies.size).toBe(40);
		expect(cache.bodies.get('/_app/immutable/chunks/7.js')).toBe('body of /_app/immutable/chunks/7.js');
		expect(most).toBe(4);
	});

	it('tries a failed or non-200 file again after a growing pause, and succeeds when a later try does', async () => {
		const cache = memoryCache();
		const tries = new Map<string, number>();
		const pauses: number[] = [];
		const fetch = async (url: string) => {
			const n = (tries.get(url) ?? 0) + 1;
			tries.set(url, n);
			if (url.endsWith('1.js') && n === 1) throw new TypeError('Failed to fetch');
			if (url.endsWith('2.js') && n < 3) return new Response('busy', { status: 503 });
			return new Response('ok');
		};
		await precache(files(3), { cache, fetch, pause: async (ms) => void pauses.push(ms) }, { attempts: 3, retryAfterMs: 100 });
		expect(cache.bodies.size).toBe(3);
		expect([...tries.values()]).toEqual([1, 2, 3]);
		expect(pauses.sort((a, b) => a - b)).toEqual([100, 100, 200]);
		expect(cache.bodies.has('/_app/immutable/chunks/2.js') && cache.bodies.get('/_app/immutable/chunks/2.js')).toBe('ok');
	});

	it('fails the install when a file never arrives, naming it, after caching the rest', async () => {
		const cache = memoryCache();
		const fetch = async (url: string) => (url.endsWith('/5.js') ? new Response('gone', { status: 404 }) : new Response('ok'));
		await expect(precache(files(8), { cache, fetch, pause: noPause })).rejects.toThrow('1 of 8 files could not be cached for offline use: /_app/immutable/chunks/5.js');
		expect(cache.bodies.size).toBe(7);
	});

	it('does not fetch again what an earlier, interrupted install already cached', async () => {
		const cache = memoryCache({ '/_app/immutable/chunks/0.js': 'kept', '/_app/immutable/chunks/1.js': 'kept' });
		const fetched: string[] = [];
		await precache(files(3), { cache, fetch: async (url) => (fetched.push(url), new Response('new')), pause: noPause });
		expect(fetched).toEqual(['/_app/immutable/chunks/2.js']);
		expect(cache.bodies.get('/_app/immutable/chunks/0.js')).toBe('kept');
	});

	it('never caches a redirect or an opaque answer as the file', async () => {
		const cache = memoryCache();
		const redirected = Response.redirect('https://site.example/elsewhere/', 302);
		await expect(precache(['/gmv/'], { cache, fetch: async () => redirected, pause: noPause }, { attempts: 1 })).rejects.toThrow('/gmv/');
		expect(cache.bodies.size).toBe(0);
	});
});
