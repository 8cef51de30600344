/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support. Registered by the page only after its first result is on screen
 * (src/lib/components/serviceWorker.ts), so installing it and filling the cache never compete
 * with the first view. On install it caches the whole site (code, styles, models, pages, icons) so a
 * field user keeps working with a weak or no network (a few files at a time, each retried, so one
 * dropped request does not fail the install); sample files are cached when first used, not
 * downloaded up front (the segments sample alone is 0.7 MB). The rules for each request are
 * in src/lib/core/offline/strategy.ts (built files cache first; pages and the rest network first,
 * the cache only when offline; a non-200 reply passed through untouched).
 *
 * A new deploy's worker installs and then waits: it never takes over a page that is open (no
 * automatic skipWaiting). The page shows "new version ready: reload"; Reload sends 'skip-waiting',
 * and the page reloads when the new worker takes control.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { precache } from '$lib/core/offline/precache';
import { cacheFirst, cacheName, isWorkerCommand, networkFirst, routeOf, staleCaches } from '$lib/core/offline/strategy';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
/** The README's pictures are not part of the site; samples are cached on first use. */
const PRECACHE = [...build, ...files.filter((f) => !f.includes('/readme/') && !f.includes('/samples/')), ...prerendered];

sw.addEventListener('install', (event) => {
	// A few files at a time, each tried again after a pause: one slow or dropped request must not
	// fail the whole install (src/lib/core/offline/precache.ts).
	event.waitUntil(caches.open(CACHE).then((cache) => precache(PRECACHE, { cache, fetch: (url) => fetch(url) })));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await Promise.all(staleCaches(await caches.keys(), CACHE).map((key) => caches.delete(key)));
			// The first install takes control of the page that registered it, so it works offline from
			// then on. An update only activates after the page asked for it (or every tab was closed).
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (!isWorkerCommand(event.data)) return;
	if (event.data.type === 'skip-waiting') void sw.skipWaiting();
	// A page that loaded while this worker was finishing its install was missed by the claim at
	// activation (the browser only claims pages already running); it asks again once it runs.
	else event.waitUntil(sw.clients.claim());
});

sw.addEventListener('fetch', (event) => {
	const route = routeOf(event.request, sw.location.origin, base);
	if (route === 'pass') return;
	event.respondWith(
		caches.open(CACHE).then((cache) => {
			const deps = { cache, fetch: (request: Request) => fetch(request), waitUntil: (work: Promise<unknown>) => event.waitUntil(work) };
			return route === 'cache-first' ? cacheFirst(event.request, deps) : networkFirst(event.request, deps);
		})
	);
});
