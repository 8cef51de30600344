import { describe, expect, it } from 'vitest';
import { frontierChart, monthsChart } from './charts';
import { effectivenessText, isBetter, relativeText, TILES, tileValue } from './words';

describe('the dealer page words', () => {
	it('has eight KPI tiles, each a KPI once', () => {
		expect(TILES).toHaveLength(8);
		expect(new Set(TILES.map((t) => t.key)).size).toBe(8);
	});

	it('writes effectiveness with its interval, and says when it is not known', () => {
		expect(effectivenessText({ actual: 8, expected: 10, ratio: 0.8, low: 0.7, high: 0.91, verdict: 'below' })).toBe('80% (70%–91%)');
		expect(effectivenessText({ actual: 0, expected: 0, ratio: null, low: null, high: null, verdict: 'unknown' })).toBe('not known');
	});

	it('compares with a reference, lower-is-better KPIs the other way round, and never divides by zero', () => {
		expect(relativeText(1.2, 1)).toBe('+20%');
		expect(relativeText(0.5, 1)).toBe('−50%');
		expect(relativeText(1, 0)).toBeNull();
		expect(relativeText(null, 1)).toBeNull();
		const hours = TILES.find((t) => t.key === 'avgResponseHours')!;
		expect(isBetter(hours, 2, 4)).toBe(true);
		expect(isBetter(TILES[0], 2, 4)).toBe(false);
		expect(isBetter(TILES[0], 1.01, 1)).toBeNull();
		expect(tileValue(TILES[0], null)).toBe('–');
		expect(tileValue(TILES[0], Number.NaN)).toBe('–');
	});
});

describe('the dealer charts', () => {
	const frontier = { vertices: [{ x: 100, y: 2, id: 1 }, { x: 1000, y: 10, id: 2 }], sample: [{ x: 500, y: 3, id: 3 }], input: 'vdpViews' as const };
	it('marks the dealer and what the frontier reaches at its size', () => {
		const config = frontierChart(frontier, { x: 500, y: 3, best: 6, bac: 11111 });
		expect(config.data.datasets.map((d) => d.label)).toEqual(['At the frontier', 'Dealer 11111', 'Best-practice frontier', 'Dealers (a sample)']);
		expect(config.data.datasets[0].data).toEqual([{ x: 500, y: 6 }]);
		expect(frontierChart(frontier).data.datasets).toHaveLength(2);
	});
	it('draws a dealer’s months, actual against expected', () => {
		const config = monthsChart([{ month: 'Jan', sales: 5, expected: 6.04, leads: 40, vdpViews: 900 }]);
		expect(config.data.labels).toEqual(['Jan']);
		expect(config.data.datasets[1].data).toEqual([6]);
	});
});
