/**
 * The Insiders' revenue to expect, with the method chosen by rolling-origin backtests over the data's
 * own history: at several cut dates, each candidate forecasts the following horizon from the days
 * before the cut only, and is scored against what the same customers actually spent. Candidates:
 *   run-rate   revenue of the year before the cut (or all the history, when shorter), scaled to the horizon;
 *   seasonal   revenue of the same window a year earlier, scaled by growth (the last `horizon` days
 *              against the same days a year before) where the history covers it, else unscaled.
 * The interval comes from the backtests: the smallest and largest ratio actual / forecast over the
 * cuts, applied to the forecast; its coverage is measured by leaving each cut out in turn. Files
 * shorter than two horizons get a shorter horizon (half their length), and under four weeks none.
 * The Insiders are those of the whole file, so the backtests know who became an Insider later (said
 * in the method). Pure, no DOM.
 */

const DAYS_PER_YEAR = 365;
/** Days between two cut dates. */
export const CUT_STEP_DAYS = 28;
/** History a run-rate needs before a cut. */
const MIN_HISTORY_DAYS = 90;
/** Below this many days of data, no forecast at all. */
export const MIN_FORECAST_DATA_DAYS = 28;

export type ForecastMethod = 'run-rate' | 'seasonal';

export const FORECAST_METHOD_WORDS: Record<ForecastMethod, string> = {
	'run-rate': 'Run rate: the last year’s revenue (or all of it, when shorter), scaled to the window',
	seasonal: 'Seasonal: the same window a year earlier, scaled by the growth of the last months against a year before'
};

/** One cut of a backtest: what the method forecast from earlier data, and what the customers spent. */
export interface BacktestCut {
	/** The last day of data the forecast used (ISO). */
	cut: string;
	forecast: number;
	actual: number;
}

export interface MethodBacktest {
	method: ForecastMethod;
	cuts: BacktestCut[];
	/** Mean of |forecast - actual| / actual over the cuts (null: no cut possible). */
	meanAbsError: number | null;
	/** Mean of (forecast - actual) / actual: negative when it forecasts too little. */
	bias: number | null;
	/** Share of cuts whose actual fell in the interval made from the other cuts (null: fewer than 3 cuts). */
	coverage: number | null;
	/** Why there is no backtest, when there is none. */
	unavailable?: string;
}

/** A sum of daily revenue over a window of days [from, to). */
export type WindowSum = (from: number, to: number) => number;

/** Sums of a daily series by prefix sums: the revenue of days [from, to), days outside the series count 0. */
export function windowSums(firstDay: number, daily: Float64Array): WindowSum {
	const prefix = new Float64Array(daily.length + 1);
	for (let i = 0; i < daily.length; i++) prefix[i + 1] = prefix[i] + daily[i];
	const at = (day: number) => prefix[Math.max(0, Math.min(daily.length, day - firstDay))];
	return (from, to) => at(to) - at(from);
}

/** The forecast of the `horizon` days after `cut` (cut = first day not seen), from days before it; null when the history does not allow it. */
export function forecastFrom(method: ForecastMethod, sum: WindowSum, firstDay: number, cut: number, horizon: number): number | null {
	const history = cut - firstDay;
	if (method === 'run-rate') {
		if (history < Math.min(MIN_HISTORY_DAYS, horizon)) return null;
		const window = Math.min(DAYS_PER_YEAR, history);
		return (sum(cut - window, cut) * horizon) / window;
	}
	// Seasonal: the same window a year earlier must be inside the history.
	if (cut - DAYS_PER_YEAR < firstDay) return null;
	const yearBefore = sum(cut - DAYS_PER_YEAR, cut - DAYS_PER_YEAR + horizon);
	const recent = sum(cut - horizon, cut);
	const recentYearBefore = cut - DAYS_PER_YEAR - horizon >= firstDay ? sum(cut - DAYS_PER_YEAR - horizon, cut - DAYS_PER_YEAR) : 0;
	const growth = recentYearBefore > 0 ? recent / recentYearBefore : 1;
	return yearBefore * growth;
}

/** Whether the seasonal method could measure growth at this cut (else it is the year-earlier window unscaled). */
export function seasonalHasGrowth(firstDay: number, cut: number, horizon: number): boolean {
	return cut - DAYS_PER_YEAR - horizon >= firstDay;
}

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Rolling-origin backtest of one method: cuts every CUT_STEP_DAYS back from the last day a whole horizon can be checked. */
export function backtest(method: ForecastMethod, sum: WindowSum, firstDay: number, endDay: number, horizon: number): MethodBacktest {
	const cuts: BacktestCut[] = [];
	for (let cut = endDay - horizon; cut > firstDay; cut -= CUT_STEP_DAYS) {
		const forecast = forecastFrom(method, sum, firstDay, cut, horizon);
		if (forecast === null) continue;
		const actual = sum(cut, cut + horizon);
		if (actual > 0) cuts.push({ cut: isoDay(cut - 1), forecast, actual });
	}
	cuts.reverse();
	if (cuts.length === 0) {
		const need = method === 'seasonal' ? `a year and ${horizon} days` : `${Math.min(MIN_HISTORY_DAYS, horizon) + horizon} days`;
		return { method, cuts, meanAbsError: null, bias: null, coverage: null, unavailable: `the data is too short to check it (it needs ${need})` };
	}
	const errors = cuts.map((c) => (c.forecast - c.actual) / c.actual);
	const meanAbsError = errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length;
	const bias = errors.reduce((s, e) => s + e, 0) / errors.length;
	let coverage: number | null = null;
	if (cuts.length >= 3) {
		let held = 0;
		cuts.forEach((c, i) => {
			const others = cuts.filter((_, j) => j !== i).map((o) => o.actual / o.forecast);
			const ratio = c.actual / c.forecast;
			if (ratio >= Math.min(...others) && ratio <= Math.max(...others)) held++;
		});
		coverage = held / cuts.length;
	}
	return { method, cuts, meanAbsError, bias, coverage };
}

/** The chosen forecast, its interval from the backtests, and every candidate's backtest. */
export interface BacktestedForecast {
	/** Days ahead (3 months, or shorter for a short file). */
	horizonDays: number;
	/** The window forecast, ISO first and last day. */
	window: [string, string];
	method: ForecastMethod;
	expected: number;
	/** From the chosen method's backtest ratios (null: fewer than 3 cuts, so no interval can be measured). */
	low: number | null;
	high: number | null;
	candidates: MethodBacktest[];
	/** Whether the history holds the same window a year earlier (the season was seen). */
	seasonSeen: boolean;
	/** The seasonal figure, for comparison (null: the history does not reach a year back). */
	seasonal: number | null;
	/** Why the horizon is shorter than asked, when it is. */
	shortened?: string;
}

/**
 * The forecast of the `horizon` days after the data (daily revenue of the customers from `firstDay`),
 * or the reason there is none.
 */
export function backtestedForecast(daily: Float64Array, firstDay: number, horizonDays: number): BacktestedForecast | { refused: string } {
	const span = daily.length;
	if (span < MIN_FORECAST_DATA_DAYS) {
		return { refused: `The file covers ${span} day${span === 1 ? '' : 's'}: too short to forecast revenue (at least ${MIN_FORECAST_DATA_DAYS} days are needed).` };
	}
	let horizon = horizonDays;
	let shortened: string | undefined;
	if (span < 2 * horizonDays) {
		horizon = Math.floor(span / 2);
		shortened = `The file covers ${span} days, less than twice the ${horizonDays} days asked for, so the forecast covers the next ${horizon} days only.`;
	}
	const sum = windowSums(firstDay, daily);
	const endDay = firstDay + span;
	const candidates = (['run-rate', 'seasonal'] as const).map((m) => backtest(m, sum, firstDay, endDay, horizon));
	const scored = candidates.filter((c) => c.meanAbsError !== null);
	const best = scored.length ? scored.reduce((a, b) => (b.meanAbsError! < a.meanAbsError! ? b : a)) : candidates[0];
	const expected = forecastFrom(best.method, sum, firstDay, endDay, horizon) ?? forecastFrom('run-rate', sum, firstDay, endDay, horizon) ?? (sum(firstDay, endDay) * horizon) / span;
	const ratios = best.cuts.map((c) => c.actual / c.forecast);
	const seasonal = forecastFrom('seasonal', sum, firstDay, endDay, horizon);
	return {
		horizonDays: horizon,
		window: [isoDay(endDay), isoDay(endDay + horizon - 1)],
		method: best.method,
		expected,
		low: ratios.length >= 3 ? expected * Math.min(...ratios) : null,
		high: ratios.length >= 3 ? expected * Math.max(...ratios) : null,
		candidates,
		seasonSeen: endDay - DAYS_PER_YEAR >= firstDay,
		seasonal,
		...(shortened ? { shortened } : {})
	};
}
