import { describe, expect, it } from 'vitest';
import { backtest, backtestedForecast, chooseMethod, cutDays, forecastFrom, sameSeason, windowSums, type Forecaster } from './forecast';

/** Daily revenue: `perDay` every day, times `season` on days whose index mod 365 is in [from, to), times (1 + growth) per year. */
function series(days: number, perDay: number, season?: { from: number; to: number; factor: number }, growth = 0): Float64Array {
	return Float64Array.from({ length: days }, (_, d) => (season && d % 365 >= season.from && d % 365 < season.to ? perDay * season.factor : perDay) * (1 + growth) ** (d / 365));
}

describe('forecasts chosen by rolling-origin backtest', () => {
	it('sums windows of days, days outside the series counting 0', () => {
		const sum = windowSums(100, Float64Array.from([1, 2, 3, 4]));
		expect(sum(100, 104)).toBe(10);
		expect(sum(101, 103)).toBe(5);
		expect(sum(90, 102)).toBe(3);
		expect(sum(103, 200)).toBe(4);
	});

	it('run rate: a flat series is forecast exactly, its backtests are off by 0 and every cut is inside its range', () => {
		const daily = series(400, 10);
		const sum = windowSums(0, daily);
		expect(forecastFrom('run-rate', sum, 0, 400, 91)).toBeCloseTo(910, 9);
		const b = backtest('run-rate', (cut, h) => forecastFrom('run-rate', sum, 0, cut, h), sum, cutDays(0, 400, 91), 91, 400);
		expect(b.cuts.length).toBeGreaterThan(3);
		expect(b.meanAbsError).toBeCloseTo(0, 12);
		expect(b.coverage).toBe(1);
	});

	it('knows a window of the same season whole years earlier', () => {
		expect(sameSeason(400 - 365, 400)).toBe(true);
		expect(sameSeason(400 - 365 - 20, 400)).toBe(true);
		expect(sameSeason(400 - 2 * 365 + 25, 400)).toBe(true);
		expect(sameSeason(400 - 180, 400)).toBe(false);
		expect(sameSeason(400 - 28, 400)).toBe(false);
	});

	it('seasonal beats the run rate on a file with a strong season seen a year before, and is chosen; its range holds the point', () => {
		// Two years and a bit; days 250-340 of each year sell four times as much.
		const daily = series(800, 10, { from: 250, to: 340, factor: 4 });
		const f = backtestedForecast(daily, 0, 91);
		if ('refused' in f) throw new Error(f.refused);
		const [runRate, seasonal] = f.candidates;
		expect(seasonal.meanAbsError!).toBeLessThan(runRate.meanAbsError!);
		expect(f.method).toBe('seasonal');
		expect(f.seasonSeen).toBe(true);
		expect(f.range.low).not.toBeNull();
		expect(f.range.low!).toBeLessThanOrEqual(f.expected);
		expect(f.expected).toBeLessThanOrEqual(f.range.high!);
	});

	it('a range holds its point even when every backtest erred the same way, and says none of them was in the season forecast', () => {
		// A year and a bit of steady growth: the run rate always forecasts too little.
		const f = backtestedForecast(series(374, 10, undefined, 0.6), 0, 91);
		if ('refused' in f) throw new Error(f.refused);
		expect(f.method).toBe('run-rate');
		expect(f.candidates[0].bias!).toBeLessThan(0);
		expect(f.range.low!).toBeLessThan(f.expected);
		expect(f.range.high!).toBeGreaterThan(f.expected);
		expect(f.range.nominal).toBe(0.8);
		expect(f.range.seasonMatched).toBe(false);
		expect(f.range.note).toMatch(/from all 7 backtests, none of them in the season forecast/);
		expect(f.range.measured).not.toBeNull();
		expect(f.candidates[1].unavailable).toMatch(/too short to check it \(it needs a year and 91 days\)/);
		expect(f.seasonal).not.toBeNull();
	});

	it('uses the backtests of the same season when there are enough of them', () => {
		// Five years: cuts of the same season in four earlier years (about 2-3 a year).
		const daily = series(5 * 365 + 20, 10, { from: 300, to: 360, factor: 3 }, 0.1);
		const f = backtestedForecast(daily, 0, 91);
		if ('refused' in f) throw new Error(f.refused);
		expect(f.seasonMatchedCuts).toBeGreaterThanOrEqual(4);
		expect(f.range.seasonMatched).toBe(true);
		expect(f.range.fromCuts).toBe(f.seasonMatchedCuts);
		expect(f.range.note).toMatch(/backtests of the same season in earlier years/);
	});

	it('gives no range when there are too few backtests, and says so', () => {
		const f = backtestedForecast(series(150, 10), 0, 91);
		if ('refused' in f) throw new Error(f.refused);
		expect(f.horizonDays).toBe(75);
		expect(f.range.low).toBeNull();
		expect(f.range.note).toMatch(/No 80% range: \d backtests? (is|are) too few to measure one \(it needs at least 4\)/);
	});

	it('chooses on the cuts every eligible method forecast, and a BG/NBD candidate that is best wins', () => {
		const daily = series(400, 10, undefined, 0.5);
		const sum = windowSums(0, daily);
		const perfect: Forecaster = (cut, h) => sum(cut, cut + h);
		const f = backtestedForecast(daily, 0, 91, perfect);
		if ('refused' in f) throw new Error(f.refused);
		expect(f.candidates.map((c) => c.method)).toEqual(['run-rate', 'seasonal', 'bg-nbd']);
		expect(f.method).toBe('bg-nbd');
		expect(f.chosenOn).toBe(f.candidates[0].cuts.length);
		const cut = (day: string, forecast: number) => ({ cut: day, forecast, actual: 100, low: null, high: null, seasonMatched: false });
		const a = { method: 'run-rate' as const, cuts: [cut('1', 150), cut('2', 110), cut('3', 110), cut('4', 110)], meanAbsError: 0, bias: 0, coverage: null, next: null };
		const b = { method: 'seasonal' as const, cuts: [cut('2', 120), cut('3', 120), cut('4', 120)], meanAbsError: 0, bias: 0, coverage: null, next: null };
		// On its own cuts run-rate errs 20% on average, seasonal 20%; on the common cuts 10% against 20%.
		expect(chooseMethod([a, b])).toEqual({ method: 'run-rate', cuts: 3 });
		expect(chooseMethod([{ ...a, cuts: a.cuts.slice(0, 2) }])).toBeNull();
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
