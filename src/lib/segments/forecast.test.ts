import { describe, expect, it } from 'vitest';
import { backtest, backtestedForecast, forecastFrom, windowSums } from './forecast';

/** Daily revenue: `perDay` every day, times `season` on days whose index mod 365 is in [from, to). */
function series(days: number, perDay: number, season?: { from: number; to: number; factor: number }): Float64Array {
	return Float64Array.from({ length: days }, (_, d) => (season && d % 365 >= season.from && d % 365 < season.to ? perDay * season.factor : perDay));
}

describe('forecasts chosen by rolling-origin backtest', () => {
	it('sums windows of days, days outside the series counting 0', () => {
		const sum = windowSums(100, Float64Array.from([1, 2, 3, 4]));
		expect(sum(100, 104)).toBe(10);
		expect(sum(101, 103)).toBe(5);
		expect(sum(90, 102)).toBe(3);
		expect(sum(103, 200)).toBe(4);
	});

	it('run rate: a flat series is forecast exactly, and its backtests are off by 0', () => {
		const daily = series(400, 10);
		const sum = windowSums(0, daily);
		expect(forecastFrom('run-rate', sum, 0, 400, 91)).toBeCloseTo(910, 9);
		const b = backtest('run-rate', sum, 0, 400, 91);
		expect(b.cuts.length).toBeGreaterThan(3);
		expect(b.meanAbsError).toBeCloseTo(0, 12);
		expect(b.coverage).toBe(1);
	});

	it('seasonal beats the run rate on a file with a strong season seen a year before, and is chosen', () => {
		// Two years and a bit; days 250-340 of each year sell four times as much.
		const daily = series(800, 10, { from: 250, to: 340, factor: 4 });
		const f = backtestedForecast(daily, 0, 91);
		if ('refused' in f) throw new Error(f.refused);
		const [runRate, seasonal] = f.candidates;
		expect(seasonal.meanAbsError!).toBeLessThan(runRate.meanAbsError!);
		expect(f.method).toBe('seasonal');
		expect(f.seasonSeen).toBe(true);
		expect(f.low).not.toBeNull();
		expect(f.low!).toBeLessThanOrEqual(f.expected);
		expect(f.expected).toBeLessThanOrEqual(f.high!);
	});

	it('cannot check the seasonal method on a year and a bit, and says why', () => {
		const f = backtestedForecast(series(374, 10), 0, 91);
		if ('refused' in f) throw new Error(f.refused);
		expect(f.method).toBe('run-rate');
		expect(f.candidates[1].unavailable).toMatch(/too short to check it \(it needs a year and 91 days\)/);
		expect(f.seasonal).not.toBeNull();
	});

	it('shortens the horizon for a short file and refuses a very short one', () => {
		const shortFile = backtestedForecast(series(60, 10), 0, 91);
		if ('refused' in shortFile) throw new Error(shortFile.refused);
		expect(shortFile.horizonDays).toBe(30);
		expect(shortFile.shortened).toMatch(/covers 60 days, less than twice the 91 days asked for, so the forecast covers the next 30 days only/);
		expect(backtestedForecast(series(14, 10), 0, 91)).toEqual({
			refused: 'The file covers 14 days: too short to forecast revenue (at least 28 days are needed).'
		});
	});
});
