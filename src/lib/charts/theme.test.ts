import { describe, expect, it } from 'vitest';
import { compactNumber, fitLabel, mergeOptions, percentTick, wrapLabel } from './axes';
import { parseColour, resolveColours, resolveToken } from './resolve';
import { reliabilityAxisMax } from './reliability';
import { seriesColour, token } from './theme';

describe('colour tokens', () => {
	const vars: Record<string, string> = { '--c-chart-1': ' #112233 ', '--c-text': 'rgb(10, 20, 30)', '--c-muted': 'oklch(70% 0.1 200)' };
	const lookup = (name: string) => vars[name] ?? '';

	it('name a CSS variable with an optional opacity', () => {
		expect(token('--c-chart-1')).toBe('--c-chart-1');
		expect(token('--c-chart-1', 0.5)).toBe('--c-chart-1/0.5');
		expect(seriesColour(8)).toBe('--c-chart-1');
		expect(seriesColour(2, 0.25)).toBe('--c-chart-3/0.25');
		expect(() => token('#fff')).toThrow(/Not a colour token/);
	});

	it('resolve from the page’s variables, then the fallback palette, with opacity applied', () => {
		expect(resolveToken('--c-chart-1', lookup)).toBe('rgb(17, 34, 51)');
		expect(resolveToken('--c-chart-1/0.5', lookup)).toBe('rgba(17, 34, 51, 0.5)');
		expect(resolveToken('--c-text/0.7', lookup)).toBe('rgba(10, 20, 30, 0.7)');
		// Not set by the page: the light fallback (Okabe-Ito orange for series 2).
		expect(resolveToken('--c-chart-2', lookup)).toBe('rgb(230, 159, 0)');
		// A colour this cannot parse is passed through as the page wrote it.
		expect(resolveToken('--c-muted/0.5', lookup)).toBe('oklch(70% 0.1 200)');
		expect(resolveToken('#abcdef', lookup)).toBe('#abcdef');
	});

	it('resolve a whole configuration without touching functions or the original', () => {
		const callback = (v: number) => `${v}`;
		const config = { data: { datasets: [{ borderColor: '--c-chart-1', backgroundColor: ['--c-chart-1/0.5', 'red'], label: 'Sales' }] }, options: { scales: { x: { ticks: { callback } } } } };
		const out = resolveColours(config, lookup);
		expect(out.data.datasets[0].borderColor).toBe('rgb(17, 34, 51)');
		expect(out.data.datasets[0].backgroundColor).toEqual(['rgba(17, 34, 51, 0.5)', 'red']);
		expect(out.data.datasets[0].label).toBe('Sales');
		expect(out.options.scales.x.ticks.callback).toBe(callback);
		expect(config.data.datasets[0].borderColor).toBe('--c-chart-1');
	});

	it('parse hex and rgb colours', () => {
		expect(parseColour('#fff')).toEqual([255, 255, 255, 1]);
		expect(parseColour('#00000080')).toEqual([0, 0, 0, 128 / 255]);
		expect(parseColour('rgba(1, 2, 3, 0.4)')).toEqual([1, 2, 3, 0.4]);
		expect(parseColour('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3, 0.5]);
		expect(parseColour('blue')).toBeNull();
	});
});

describe('axes for a phone', () => {
	it('writes short ticks and cuts long labels', () => {
		expect(compactNumber(950)).toBe('950');
		expect(compactNumber(12_345)).toBe('12.3K');
		expect(compactNumber(3_400_000)).toBe('3.4M');
		expect(compactNumber(0.123)).toBe('0.12');
		expect(percentTick(0.25)).toBe('25%');
		expect(fitLabel('Lapsed one-off buyers (higher spend)', 18)).toBe('Lapsed one-off bu…');
		expect(fitLabel('Insiders')).toBe('Insiders');
		expect(wrapLabel('Lapsed one-off buyers (higher spend)', 14)).toEqual(['Lapsed one-off', 'buyers (higher', 'spend)']);
		expect(wrapLabel('Insiders', 14)).toEqual(['Insiders']);
		expect(wrapLabel('Supercalifragilistic', 8)).toEqual(['Superca…']);
	});

	it('merges options deeply', () => {
		expect(mergeOptions({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: 3 }, d: [2] })).toEqual({ a: { b: 1, c: 3 }, d: [2] });
	});
});

describe('reliabilityAxisMax', () => {
	it('rounds the largest point up, and keeps 0-1 for probabilities that reach it', () => {
		expect(reliabilityAxisMax([{ x: 0.004, y: 0.031 }])).toBeCloseTo(0.04, 12);
		expect(reliabilityAxisMax([{ x: 0.42, y: 0.38 }])).toBeCloseTo(0.5, 12);
		expect(reliabilityAxisMax([{ x: 0.97, y: 1 }])).toBe(1);
		expect(reliabilityAxisMax([])).toBe(1);
	});
});
