/** The browser side of HydrateLater.svelte: finding the part the server wrote, and reading its props. */

const ATTRIBUTE = 'data-hydrate-later';
const TAKEN = 'data-taken-over';

/**
 * Whether the page in the browser holds the server's markup of the part `name`, not yet taken over:
 * true while the page that came from the server hydrates, false once the part has been taken over and
 * when the page is built in the browser (reached by a link inside the site).
 */
export function isPrerendered(name: string, root: ParentNode = document): boolean {
	return [...root.querySelectorAll(`[${ATTRIBUTE}]`)].some((element) => element.getAttribute(ATTRIBUTE) === name && !element.hasAttribute(TAKEN));
}

/** Marks a part as taken over by the browser, so a later page with the same part builds its own. */
export function markTakenOver(element: Element): void {
	element.setAttribute(TAKEN, '');
}

/**
 * Props that always read the current ones: `current()` is read on every access, so a part hydrated
 * on its own follows the page's state (Svelte tracks the read) as a child component would.
 */
export function propsReader<T extends Record<string, unknown>>(current: () => T): T {
	return new Proxy({} as T, {
		get: (_, key) => Reflect.get(current(), key),
		has: (_, key) => Reflect.has(current(), key),
		ownKeys: () => Reflect.ownKeys(current()),
		getOwnPropertyDescriptor: (_, key) => {
			const descriptor = Reflect.getOwnPropertyDescriptor(current(), key);
			return descriptor ? { ...descriptor, configurable: true } : undefined;
		}
	});
}
