import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random';
import { efficiency, frontierAt, vrsFrontier, type FrontierPoint } from './frontier';

/** The VRS frontier by brute force: the best of every point and every pair's convex combination with input <= x. */
function bruteForce(points: FrontierPoint[], x: number): number | null {
	let best: number | null = null;
	const take = (y: number) => (best = best === null ? y : Math.max(best, y));
	for (const p of points) if (p.x <= x) take(p.y);
	for (const a of points)
		for (const b of points) {
			if (!(a.x < x && b.x > x)) continue;
			const l = (x - a.x) / (b.x - a.x);
			take(a.y + l * (b.y - a.y));
		}
	return best;
}

describe('the best-practice frontier (DEA, variable returns, one input and one output)', () => {
	it('is the upper concave hull up to the largest output, then flat', () => {
		const points = [
			{ x: 1, y: 1, id: 0 },
			{ x: 2, y: 3, id: 1 },
			{ x: 3, y: 3.5, id: 2 },
			{ x: 4, y: 5, id: 3 },
			{ x: 6, y: 4, id: 4 },
			{ x: 2, y: 1, id: 5 }
		];
		const f = vrsFrontier(points);
		expect(f.vertices.map((v) => v.id)).toEqual([0, 1, 3]);
		expect(frontierAt(f, 0.5)).toBeNull();
		expect(frontierAt(f, 3)).toBeCloseTo(4, 12);
		expect(frontierAt(f, 6)).toBe(5);
		expect(frontierAt(f, 100)).toBe(5);
		expect(efficiency(f, { x: 3, y: 3.5 })).toBeCloseTo(0.875, 12);
		expect(efficiency(f, points[3])).toBe(1);
	});

	it('equals the linear-programme definition on random points', () => {
		const random = seededRandom(5);
		for (let trial = 0; trial < 20; trial++) {
			const points = Array.from({ length: 25 }, (_, id) => {
				const x = 100 + random() * 900;
				return { x, y: Math.sqrt(x) * (0.5 + random()), id };
			});
			const f = vrsFrontier(points);
			for (let k = 0; k < 30; k++) {
				const x = 50 + random() * 1100;
				const expected = bruteForce(points, x);
				const got = frontierAt(f, x);
				if (expected === null) expect(got).toBeNull();
				else expect(got).toBeCloseTo(expected, 9);
			}
			for (const p of points) expect(efficiency(f, p)!).toBeLessThanOrEqual(1);
		}
	});

	it('ignores unusable points and copes with none', () => {
		expect(vrsFrontier([]).vertices).toEqual([]);
		expect(frontierAt(vrsFrontier([{ x: NaN, y: 1, id: 0 }]), 3)).toBeNull();
		const f = vrsFrontier([
			{ x: 2, y: 2, id: 0 },
			{ x: -1, y: 9, id: 1 },
			{ x: 3, y: Infinity, id: 2 }
		]);
		expect(f.vertices.map((v) => v.id)).toEqual([0]);
	});
});
