/**
 * Tests of the 2-D map: principal axes of points laid out along known directions, and the seeded,
 * capped sample of customers projected on the axes.
 */
import { describe, expect, it } from 'vitest';
import { MAP_POINTS, mapSample, principalAxes, type SegmentMap } from './segmentMap';

describe('principalAxes', () => {
	// Three orthogonal directions; points on a full 2 x 2 x 2 grid along them, so the covariance
	// in that basis is exactly diag(9, 1, 0.09).
	const norm = (v: number[]) => v.map((x) => x / Math.hypot(...v));
	const cross = (a: number[], b: number[]) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

	function gridAlong(u: number[], v: number[], offset: number[]): Float64Array {
		const w = cross(u, v);
		const out: number[] = [];
		for (const a of [-3, 3]) for (const b of [-1, 1]) for (const c of [-0.3, 0.3]) out.push(...u.map((_, j) => offset[j] + a * u[j] + b * v[j] + c * w[j]));
		return Float64Array.from(out);
	}

	const expectClose = (got: number[], want: number[]) => want.forEach((x, j) => expect(got[j]).toBeCloseTo(x, 8));

	it('returns the known directions, unit length, and the share of the variance along each', () => {
		const u = norm([1, -4, 8]);
		const v = norm([4, 7, 3]);
		const map = principalAxes(gridAlong(u, v, [10, -2, 5]), 8, 3);
		expectClose(map.axes[0], u);
		expectClose(map.axes[1], v);
		for (const axis of map.axes) expect(Math.hypot(...axis)).toBeCloseTo(1, 9);
		expect(map.explained[0]).toBeCloseTo(9 / 10.09, 4);
		expect(map.explained[1]).toBeCloseTo(1 / 10.09, 4);
	});

	it('signs each axis so its largest entry is positive', () => {
		const u = norm([4, -8, 1]); // largest entry negative
		const v = norm([-7, -3, 4]); // u·v = -28 + 24 + 4 = 0; largest entry negative
		expect(u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).toBeCloseTo(0, 12);
		const map = principalAxes(gridAlong(u, v, [0, 0, 0]), 8, 3);
		expectClose(map.axes[0], u.map((x) => -x));
		expectClose(map.axes[1], v.map((x) => -x));
		for (const axis of map.axes) {
			const biggest = axis.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
			expect(biggest).toBeGreaterThan(0);
		}
	});

	it('is deterministic', () => {
		const points = gridAlong(norm([1, -4, 8]), norm([4, 7, 3]), [1, 2, 3]);
		expect(principalAxes(points, 8, 3)).toEqual(principalAxes(points, 8, 3));
	});
});

describe('mapSample', () => {
	const map: SegmentMap = { axes: [[1, 0], [0, 1]], explained: [0.5, 0.5] };
	/** Customer i at (i, -i / 2), in cluster i % 3. */
	const pointsOf = (n: number) => Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? k / 2 : -(k - 1) / 4));
	const clustersOf = (n: number) => Int32Array.from({ length: n }, (_, i) => i % 3);

	it('caps at MAP_POINTS with a seeded sample, in customer order', () => {
		const n = 4000;
		const sample = mapSample(map, pointsOf(n), 2, clustersOf(n));
		expect(sample.total).toBe(n);
		expect(sample.x).toHaveLength(MAP_POINTS);
		expect(sample.y).toHaveLength(MAP_POINTS);
		expect(sample.cluster).toHaveLength(MAP_POINTS);
		expect(new Set(sample.x).size).toBe(MAP_POINTS);
		sample.x.forEach((x, j) => {
			expect(Number.isInteger(x) && x >= 0 && x < n).toBe(true);
			if (j > 0) expect(x).toBeGreaterThan(sample.x[j - 1]);
			expect(sample.y[j]).toBe(-x / 2);
			expect(sample.cluster[j]).toBe(x % 3);
		});
		expect(mapSample(map, pointsOf(n), 2, clustersOf(n))).toEqual(sample);
	});

	it('keeps every customer when there are few, projected on the axes', () => {
		const tilted: SegmentMap = { axes: [[0.6, 0.8], [-0.8, 0.6]], explained: [0.7, 0.3] };
		const sample = mapSample(tilted, Float64Array.from([1, 2, 4, 3]), 2, Int32Array.from([1, 0]));
		expect(sample).toEqual({ x: [2.2, 4.8], y: [0.4, -1.4], cluster: [1, 0], total: 2 });
	});
});
