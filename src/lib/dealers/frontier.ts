/**
 * A best-practice frontier: data envelopment analysis (DEA) with one input and one output under
 * variable returns to scale, output-oriented. With a single input x (a size measure such as
 * monthly VDP views or leads) and a single output y (monthly sales), the frontier
 *
 *   f(x) = max { sum l_j y_j : sum l_j x_j <= x, sum l_j = 1, l_j >= 0 }
 *
 * is the upper concave hull of the dealers' points from the smallest input up to the largest
 * output, flat after it (more input never lowers what is achievable). It needs no LP solver: a
 * monotone-chain hull of the sorted points. A dealer's efficiency is y / f(x) (1 = on the frontier);
 * f(x) is "what a dealer of this size achieves at the frontier". Below the smallest input the
 * frontier is undefined. Pure TS, no DOM.
 */

export interface FrontierPoint {
	x: number;
	y: number;
	/** Who the point is (e.g. a dealer index). */
	id: number;
}

/** The frontier's corner points, by increasing input and output. */
export interface Frontier {
	vertices: FrontierPoint[];
}

/** Build the frontier from points with finite, non-negative input and output (others are ignored). */
export function vrsFrontier(points: readonly FrontierPoint[]): Frontier {
	const usable = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x >= 0 && p.y >= 0);
	if (!usable.length) return { vertices: [] };
	// By input; for equal input, the larger output first (the others are dominated).
	const sorted = usable.slice().sort((a, b) => a.x - b.x || b.y - a.y);
	const hull: FrontierPoint[] = [];
	let best = -Infinity;
	for (const p of sorted) {
		// Free disposal: a point with no more output than one of less input is never on the frontier.
		if (p.y <= best) continue;
		best = p.y;
		// Upper hull: drop the last vertex while it lies on or under the chord from its predecessor to p.
		while (hull.length >= 2) {
			const a = hull[hull.length - 2];
			const b = hull[hull.length - 1];
			const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
			if (cross >= 0) hull.pop();
			else break;
		}
		hull.push(p);
	}
	return { vertices: hull };
}

/** The frontier's output at input x (null below the smallest input or with no frontier). */
export function frontierAt(f: Frontier, x: number): number | null {
	const v = f.vertices;
	if (!v.length || !(x >= v[0].x)) return null;
	const last = v[v.length - 1];
	if (x >= last.x) return last.y;
	let lo = 0;
	let hi = v.length - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (v[mid].x <= x) lo = mid;
		else hi = mid;
	}
	const a = v[lo];
	const b = v[hi];
	return b.x === a.x ? Math.max(a.y, b.y) : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

/** Output efficiency y / f(x): 1 on the frontier, less below it (null where f is undefined or 0). */
export function efficiency(f: Frontier, p: Pick<FrontierPoint, 'x' | 'y'>): number | null {
	const best = frontierAt(f, p.x);
	return best === null || best <= 0 ? null : Math.min(1, p.y / best);
}
