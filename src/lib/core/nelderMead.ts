/**
 * Nelder-Mead minimisation (standard coefficients 1, 2, 0.5, 0.5) from a fixed start and step: no
 * randomness, so the same function and start always give the same answer. For smooth likelihoods of
 * a handful of parameters (fit them on a log scale to keep them positive). Pure TS.
 */

export interface NelderMeadResult {
	x: number[];
	value: number;
	iterations: number;
	/** The simplex's values came within `tolerance` of each other before `maxIterations`. */
	converged: boolean;
}

export interface NelderMeadOptions {
	/** Initial step along each axis (default 0.5). */
	step?: number;
	/** Stop when the best and worst vertex values differ by at most this (default 1e-10, relative to |best| + 1e-10). */
	tolerance?: number;
	maxIterations?: number;
}

export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
	const { step = 0.5, tolerance = 1e-10, maxIterations = 2000 } = options;
	const n = start.length;
	const value = (x: number[]) => {
		const v = f(x);
		return Number.isFinite(v) ? v : Infinity;
	};
	let simplex: number[][] = [start.slice()];
	for (let i = 0; i < n; i++) {
		const p = start.slice();
		p[i] += step;
		simplex.push(p);
	}
	let values = simplex.map(value);
	let iterations = 0;
	let converged = false;
	const towards = (from: number[], to: number[], t: number) => from.map((v, j) => v + t * (to[j] - v));
	for (; iterations < maxIterations; iterations++) {
		const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
		simplex = order.map((i) => simplex[i]);
		values = order.map((i) => values[i]);
		if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + 1e-10)) {
			converged = true;
			break;
		}
		const centroid = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
		const worst = simplex[n];
		const reflected = towards(centroid, worst, -1);
		const fr = value(reflected);
		if (fr < values[0]) {
			const expanded = towards(centroid, worst, -2);
			const fe = value(expanded);
			[simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
		} else if (fr < values[n - 1]) {
			[simplex[n], values[n]] = [reflected, fr];
		} else {
			const outside = fr < values[n];
			const contracted = outside ? towards(centroid, reflected, 0.5) : towards(centroid, worst, 0.5);
			const fc = value(contracted);
			if (fc < (outside ? fr : values[n])) {
				[simplex[n], values[n]] = [contracted, fc];
			} else {
				for (let i = 1; i <= n; i++) {
					simplex[i] = towards(simplex[0], simplex[i], 0.5);
					values[i] = value(simplex[i]);
				}
			}
		}
	}
	let best = 0;
	for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
	return { x: simplex[best], value: values[best], iterations, converged };
}
