/**
 * Registers the site's service worker (src/service-worker.ts) once a page has its first result on
 * screen, in an idle moment after the load event, so installing it and filling its cache never
 * compete with the first view. Pages call `afterFirstResult()` when their first answer is painted
 * (GMV: the first prediction; segments: the first view once hydrated; home: after load); the first
 * call wins, later ones do nothing.
 *
 * It also tells the page when a new deploy is ready: a new worker installed and waiting (it never
 * takes over an open page by itself), or a worker that took control because another tab asked.
 * `reloadToUpdate()` lets the waiting worker take over and reloads when it has.
 */
import { resolve } from '$app/paths';
import type { WorkerCommand } from '$lib/core/offline/strategy';
import { afterLoad, whenIdle } from './idle';

/** How often an open page asks the server for a new worker when it becomes visible again. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let requested = false;
let waiting: ServiceWorker | null = null;
let updateReady = false;
let reloading = false;
const listeners = new Set<() => void>();

/** Register the service worker in an idle moment after the page has loaded. Safe to call often. */
export function afterFirstResult(): void {
	if (requested || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	requested = true;
	afterLoad(() => whenIdle(() => void register(), 3000, 200));
}

/** Pauses before registering again after a first install failed; none left: the next visit tries. */
const INSTALL_RETRY_MS = [30_000, 120_000, 600_000];
let failedInstalls = 0;

async function registerWorker(): Promise<ServiceWorkerRegistration | undefined> {
	const home = resolve('/');
	const registration = await navigator.serviceWorker.register(`${home}service-worker.js`, { scope: home }).catch(
		// Refused by the browser (e.g. storage turned off): the site still works while online.
		() => undefined
	);
	if (registration) retryIfFirstInstallFails(registration);
	return registration;
}

/**
 * The first install caches the whole site; when a file never arrives (a dropped connection) the
 * install fails and the page would stay without offline support until the next visit. Register
 * again after a pause, or as soon as the device is back online.
 */
function retryIfFirstInstallFails(registration: ServiceWorkerRegistration): void {
	const worker = registration.installing;
	if (!worker || registration.active) return;
	worker.addEventListener('statechange', () => {
		if (worker.state !== 'redundant' || registration.active) return;
		const pause = INSTALL_RETRY_MS[failedInstalls++];
		if (pause === undefined) return;
		const again = () => {
			clearTimeout(timer);
			window.removeEventListener('online', again);
			void registerWorker();
		};
		const timer = setTimeout(again, pause);
		window.addEventListener('online', again);
	});
}

async function register(): Promise<void> {
	const registration = await registerWorker();
	// Some hosts (an embedding browser, a test runner blocking workers) resolve with nothing.
	if (!registration) return;
	const container = navigator.serviceWorker;
	void container.ready.then(askToBeClaimed);
	let controlled = !!container.controller;
	if (registration.waiting && controlled) announce(registration.waiting);
	registration.addEventListener('updatefound', () => {
		const worker = registration.installing;
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && container.controller) announce(worker);
		});
	});
	container.addEventListener('controllerchange', () => {
		if (reloading) window.location.reload();
		// A new version took over from another tab: this page's code is the old one.
		else if (controlled) announce(null);
		controlled = true;
	});
	let lastCheck = Date.now();
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
		lastCheck = Date.now();
		registration.update().catch(() => {
			// Offline: try again next time.
		});
	});
}

/**
 * The first worker claims the open pages when it activates, but the browser skips a page whose
 * navigation was still on its way at that moment: that page would stay without offline support
 * (its later lazy files not cached, no offline reload of what it fetches) until it is reloaded.
 */
function askToBeClaimed(registration: ServiceWorkerRegistration): void {
	if (navigator.serviceWorker.controller || !registration.active) return;
	const command: WorkerCommand = { type: 'claim' };
	registration.active.postMessage(command);
}

function announce(worker: ServiceWorker | null): void {
	waiting = worker;
	updateReady = true;
	for (const listener of listeners) listener();
}

/** Call `listener` once a new version is ready (at once if it already is). Returns an unsubscribe. */
export function onUpdateReady(listener: () => void): () => void {
	listeners.add(listener);
	if (updateReady) listener();
	return () => listeners.delete(listener);
}

/** Let the waiting worker take over, then reload (at once when there is nothing left to wait for). */
export function reloadToUpdate(): void {
	if (!waiting || waiting.state === 'redundant' || waiting.state === 'activated') {
		window.location.reload();
		return;
	}
	reloading = true;
	const command: WorkerCommand = { type: 'skip-waiting' };
	waiting.postMessage(command);
}
