/**
 * When to build the parts of a page the first view does not need (see Deferred.svelte): as soon as
 * a part's place comes within a screen of the viewport, or else once the page has loaded and been
 * left alone for a moment, one part per idle period, top to bottom. So the first view hydrates
 * and answers quickly on a slow phone, and the rest is there before anyone scrolls to it, each part
 * built in a task of its own instead of one long one.
 */
import { afterLoad, whenIdle } from './idle';

/** Idle building starts this long after the load event. */
export const IDLE_START_MS = 2500;

type Part = { element: Element; show: () => void };
const queue: Part[] = [];
let observer: IntersectionObserver | null = null;
let idleStarted = false;

function showPart(part: Part): void {
	const i = queue.indexOf(part);
	if (i < 0) return;
	queue.splice(i, 1);
	observer?.unobserve(part.element);
	part.show();
}

function buildNextWhenIdle(): void {
	whenIdle(() => {
		const [next] = queue.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
		if (!next) {
			idleStarted = false;
			return;
		}
		showPart(next);
		// The next part in a later task, after this one has been painted.
		requestAnimationFrame(() => setTimeout(buildNextWhenIdle, 0));
	});
}

function startIdleBuilding(): void {
	if (idleStarted) return;
	idleStarted = true;
	afterLoad(() => setTimeout(buildNextWhenIdle, IDLE_START_MS));
}

/** Call `show` once, when `element` nears the viewport or its turn comes while the page is idle. Returns a cancel function. */
export function whenNearOrIdle(element: Element, show: () => void): () => void {
	const part: Part = { element, show };
	queue.push(part);
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				const near = queue.find((p) => p.element === entry.target);
				if (near) showPart(near);
			}
		},
		{ rootMargin: '100% 0px' }
	);
	observer.observe(element);
	startIdleBuilding();
	return () => {
		const i = queue.indexOf(part);
		if (i >= 0) queue.splice(i, 1);
		observer?.unobserve(element);
	};
}
