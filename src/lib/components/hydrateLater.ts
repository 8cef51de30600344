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

/** Marks a part whose early taps and edits are being held (for tests, and to see it in devtools). */
const HOLDING = 'data-holding-input';

/** One thing a person did to a part before it was taken over. */
type EarlyInput = { kind: 'click'; button: HTMLButtonElement } | { kind: 'input' | 'change'; control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; value: string; checked: boolean };

export interface HeldInput {
	/** Stop holding and do again, on the part now taken over, what was done before (in order). */
	replay(): void;
	/** Stop holding and forget (the part is going away). */
	release(): void;
}

/**
 * Holds what a person does to a part in the moment between the page's hydration and the part's own
 * (a task long, longer on a slow phone): the server's buttons and fields are on screen but have no
 * handlers yet, so a tap on Download or a changed list size would be lost. Clicks on buttons are
 * clicked again once the part is taken over; edits of fields (input and change events) are set
 * again with the value they had then and their events sent again, as hydration may have put the
 * page's value back. Other clicks (links, check boxes, details) did what they do natively and are
 * not repeated.
 */
export function holdEarlyInput(host: HTMLElement): HeldInput {
	const held: EarlyInput[] = [];
	const hold = (event: Event) => {
		const target = event.target instanceof Element ? event.target : null;
		if (!target) return;
		if (event.type === 'click') {
			const button = target.closest('button');
			if (button && host.contains(button) && !button.disabled) held.push({ kind: 'click', button });
			return;
		}
		if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) {
			const kind = event.type === 'change' ? 'change' : 'input';
			const checked = target instanceof HTMLInputElement && target.checked;
			const last = held.at(-1);
			// Typing fires an input event a key: only the field's latest value needs doing again.
			if (kind === 'input' && last?.kind === 'input' && last.control === target) held.pop();
			held.push({ kind, control: target, value: target.value, checked });
		}
	};
	const types = ['click', 'input', 'change'] as const;
	for (const type of types) host.addEventListener(type, hold, true);
	host.setAttribute(HOLDING, '');
	const release = () => {
		for (const type of types) host.removeEventListener(type, hold, true);
		host.removeAttribute(HOLDING);
	};
	return {
		release,
		replay() {
			release();
			for (const input of held.splice(0)) {
				if (input.kind === 'click') {
					if (input.button.isConnected && !input.button.disabled) input.button.click();
					continue;
				}
				const { control } = input;
				if (!control.isConnected) continue;
				if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) control.checked = input.checked;
				else control.value = input.value;
				control.dispatchEvent(new Event(input.kind, { bubbles: true }));
			}
		}
	};
}
