import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead';

describe('Nelder-Mead', () => {
	it('finds the minimum of the Rosenbrock function, the same way twice', () => {
		const rosen = (x: readonly number[]) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
		const a = nelderMead(rosen, [-1.2, 1], { maxIterations: 5000, tolerance: 1e-14 });
		expect(a.converged).toBe(true);
		expect(a.x[0]).toBeCloseTo(1, 4);
		expect(a.x[1]).toBeCloseTo(1, 4);
		expect(nelderMead(rosen, [-1.2, 1], { maxIterations: 5000, tolerance: 1e-14 })).toEqual(a);
	});

	it('treats a non-finite value as worse than any other', () => {
		const r = nelderMead((x) => (x[0] < 0 ? NaN : (x[0] - 2) ** 2), [1]);
		expect(r.x[0]).toBeCloseTo(2, 4);
	});
});
