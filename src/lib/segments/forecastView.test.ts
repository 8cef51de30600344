import { describe, expect, it } from 'vitest';
import type { RevenueForecast } from './insidersForecast';
import { backtestPoints, backtestSummary, methodRows } from './forecastView';

const cut = (day: string, forecast: number, actual: number, low: number | null, high: number | null) => ({ cut: day, forecast, actual, low, high, seasonMatched: false });

const forecast = {
	months: 3,
	horizonDays: 91,
	window: ['2011-12-10', '2012-03-09'],
	season: 'December to March',
	expected: 100,
	low: 60,
	high: 160,
	nominal: 0.8,
	coverage: 0.5,
	rangeNote: '',
	chosen: 'run-rate',
	chosenOn: 2,
	candidates: [
		{ method: 'run-rate', cuts: [cut('2011-08-12', 90, 100, 80, 110), cut('2011-09-09', 90, 150, 70, 120)], meanAbsError: 0.25, bias: -0.25, coverage: 0.5, next: 100 },
		{ method: 'seasonal', cuts: [], meanAbsError: null, bias: null, coverage: null, next: 80, unavailable: 'the data is too short to check it' }
	],
	seasonSeen: true,
	seasonMatchedCuts: 0,
	seasonal: 80,
	method: ''
} satisfies RevenueForecast;

describe('the forecast as shown', () => {
	it('charts the chosen method’s backtests with the ranges made from the other cuts, then the window ahead', () => {
		expect(backtestPoints(forecast)).toEqual([
			{ label: '12 Aug 11', forecast: 90, low: 80, high: 110, actual: 100 },
			{ label: '9 Sep 11', forecast: 90, low: 70, high: 120, actual: 150 },
			{ label: 'ahead', forecast: 100, low: 60, high: 160, actual: null }
		]);
	});

	it('says in words how many actuals fell inside their range', () => {
		expect(backtestSummary(forecast, String)).toMatch(/inside the range made from the other cuts at 1 of 2\. Ahead: 100 \(60 to 160\)\.$/);
	});

	it('lists every method, the chosen one marked, an unchecked one with its reason', () => {
		const rows = methodRows(forecast);
		expect(rows.map((r) => [r.name, r.chosen, r.checks, r.next])).toEqual([
			['Run rate', true, 2, 100],
			['Seasonal', false, 0, 80]
		]);
		expect(rows[1].unavailable).toMatch(/too short/);
	});
});
