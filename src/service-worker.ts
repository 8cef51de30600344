/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support: after the first visit, the site (code, styles, model artifacts, pages and
 * sample files) is cached, so field users keep working with a weak or no network. Same-origin
 * GET requests only; a new build replaces the whole cache.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `storelens-${version}`;
const ASSETS = [...build, ...files.filter((f) => !f.includes('/readme/')), ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// Built and static files never change within a version: cache first.
			if (ASSETS.includes(url.pathname)) {
				const hit = await cache.match(url.pathname);
				if (hit) return hit;
			}
			// Pages: network first (a fresh deploy wins), the cache when offline.
			try {
				const response = await fetch(event.request);
				if (response.ok && response.type === 'basic') await cache.put(event.request, response.clone());
				return response;
			} catch (error) {
				const hit = (await cache.match(event.request, { ignoreSearch: true })) ?? (await cache.match(url.pathname));
				if (hit) return hit;
				throw error;
			}
		})()
	);
});
