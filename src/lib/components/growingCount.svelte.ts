/**
 * A long list drawn in steps: the first screen's rows in the page's first (prerendered) view, the
 * rest added a batch per task once the page has painted, so a 100-row table never builds in one
 * long task on a slow phone. `shown` is how many rows to draw now; it only grows.
 */
export class GrowingCount {
	shown = $state(0);
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		first: number,
		private readonly step = first
	) {
		this.shown = first;
	}

	/** Grow to `total()` one step per task (after a frame, so each step is painted). Returns a stop function. */
	grow(total: () => number): () => void {
		const next = () => {
			this.#timer = null;
			if (this.shown >= total()) return;
			this.shown += this.step;
			requestAnimationFrame(() => (this.#timer = setTimeout(next, 0)));
		};
		requestAnimationFrame(() => (this.#timer = setTimeout(next, 0)));
		return () => {
			if (this.#timer !== null) clearTimeout(this.#timer);
		};
	}
}
