/**
 * Running work when the page is idle: `requestIdleCallback` where the browser has it (at most
 * `timeoutMs` late), else a short timer. For work that must not share a task with what the person
 * is waiting for (a first view, a result just drawn). Browser only.
 */
export function whenIdle(run: () => void, timeoutMs = 1000, fallbackMs = 50): void {
	if ('requestIdleCallback' in window) requestIdleCallback(() => run(), { timeout: timeoutMs });
	else setTimeout(run, fallbackMs);
}

/** Run `run` once the page's load event has fired (at once when it already has). Browser only. */
export function afterLoad(run: () => void): void {
	if (document.readyState === 'complete') run();
	else addEventListener('load', run, { once: true });
}

/**
 * Resolves in a task after the browser's next paint: for work that must come after what is on
 * screen has been drawn. At once where nothing is drawn (the server, unit tests).
 */
export function afterNextPaint(): Promise<void> {
	return typeof requestAnimationFrame === 'undefined' ? Promise.resolve() : new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

/** Resolves in a new task (the browser may paint before it); also on the server, where it is harmless. */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
