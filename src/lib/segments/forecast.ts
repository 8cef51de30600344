/**
 * The Insiders' revenue to expect, with the method chosen by rolling-origin backtests over the data's
 * own history: at cut dates every CUT_STEP_DAYS, each candidate forecasts the following horizon from
 * the days before the cut only, and is scored against what the same customers actually spent.
 * Candidates:
 *   run-rate   revenue of the year before the cut (or all the history, when shorter), scaled to the horizon;
 *   seasonal   revenue of the same window a year earlier, scaled by growth (the last `horizon` days
 *              against the same days a year before) where the history covers it, else unscaled;
 *   bg-nbd     BG/NBD + Gamma-Gamma fitted on every customer seen before the cut (clvForecast.ts).
 * The method with the lowest mean absolute error on the cuts every checkable method could forecast is
 * chosen. Its range comes from its own backtest errors (forecastInterval.ts): from the cuts of the same
 * season a year or more earlier when there are enough of them, else from all cuts (and it says so).
 * Files shorter than two horizons get a shorter horizon (half their length), and under four weeks none.
 * Pure, no DOM.
 */
import { NOMINAL_COVERAGE, leaveOneCutOut, logErrorQuantile, minimumCuts } from './forecastInterval';

const DAYS_PER_YEAR = 365;
/** Days between two cut dates. */
export const CUT_STEP_DAYS = 28;
/** History a run-rate needs before a cut. */
const MIN_HISTORY_DAYS = 90;
/** Below this many days of data, no forecast at all. */
export const MIN_FORECAST_DATA_DAYS = 28;
/** A cut is of the same season when its window starts within this many days of the forecast's, whole years earlier. */
export const SEASON_MATCH_DAYS = 31;
/** Fewest cuts a method needs to take part in the choice. */
export const MIN_CHOICE_CUTS = 3;

export type ForecastMethod = 'run-rate' | 'seasonal' | 'bg-nbd';
export const FORECAST_METHODS: readonly ForecastMethod[] = ['run-rate', 'seasonal', 'bg-nbd'];

export const FORECAST_METHOD_WORDS: Record<ForecastMethod, string> = {
	'run-rate': 'Run rate: the last year’s revenue (or all of it, when shorter), scaled to the window',
	seasonal: 'Seasonal: the same window a year earlier, scaled by the growth of the last months against a year before',
	'bg-nbd': 'BG/NBD + Gamma-Gamma: each customer’s expected purchases from their own history, times their expected spend per purchase'
};

/** Short names, for tables and charts. */
export const FORECAST_METHOD_NAMES: Record<ForecastMethod, string> = { 'run-rate': 'Run rate', seasonal: 'Seasonal', 'bg-nbd': 'BG/NBD + Gamma-Gamma' };

/** A method: the revenue of the `horizon` days from `cut` (the first day not seen) from earlier days only; null when it cannot. */
export type Forecaster = (cut: number, horizon: number) => number | null;

/** One cut of a backtest: what the method forecast from earlier data, what the customers spent, and the range made from the other cuts. */
export interface BacktestCut {
	/** The last day of data the forecast used (ISO). */
	cut: string;
	forecast: number;
	actual: number;
	/** This cut's range from the other cuts' errors (null: too few others). */
	low: number | null;
	high: number | null;
	/** Its window starts in the same season as the forecast's, whole years earlier. */
	seasonMatched: boolean;
}

export interface MethodBacktest {
	method: ForecastMethod;
	cuts: BacktestCut[];
	/** Mean of |forecast - actual| / actual over the cuts (null: no cut possible). */
	meanAbsError: number | null;
	/** Mean of (forecast - actual) / actual: negative when it forecasts too little. */
	bias: number | null;
	/** Share of cuts inside the range made from the other cuts (null: too few cuts to measure it). */
	coverage: number | null;
	/** Its forecast of the window ahead (null: it cannot make one on this history). */
	next: number | null;
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

/** The run-rate and seasonal forecasts from a daily series (`cut` = first day not seen); null when the history does not allow it. */
export function forecastFrom(method: 'run-rate' | 'seasonal', sum: WindowSum, firstDay: number, cut: number, horizon: number): number | null {
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

export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Whether a window starting at `start` is in the same season as one starting at `target`, whole years earlier. */
export function sameSeason(start: number, target: number): boolean {
	const behind = target - start;
	if (behind < DAYS_PER_YEAR - SEASON_MATCH_DAYS) return false;
	const off = behind % DAYS_PER_YEAR;
	return Math.min(off, DAYS_PER_YEAR - off) <= SEASON_MATCH_DAYS;
}

/**
 * The cut days of the backtests, oldest first: every CUT_STEP_DAYS back from the last day a whole
 * horizon can be checked, each with at least MIN_HISTORY_DAYS (or a horizon, when shorter) before it.
 */
export function cutDays(firstDay: number, endDay: number, horizon: number): number[] {
	const cuts: number[] = [];
	for (let cut = endDay - horizon; cut - firstDay >= Math.min(MIN_HISTORY_DAYS, horizon); cut -= CUT_STEP_DAYS) cuts.push(cut);
	return cuts.reverse();
}

function unavailableReason(method: ForecastMethod, horizon: number): string {
	if (method === 'seasonal') return `the data is too short to check it (it needs a year and ${horizon} days)`;
	if (method === 'run-rate') return `the data is too short to check it (it needs ${Math.min(MIN_HISTORY_DAYS, horizon) + horizon} days)`;
	return 'too few customers had bought more than once before any cut to fit the models';
}

/**
 * Rolling-origin backtest of one method over the given cut days (oldest first, so fits can start from
 * the last), then its forecast of the window from `targetStart`, the first day after the data.
 */
export function backtest(method: ForecastMethod, forecaster: Forecaster, sum: WindowSum, cuts: readonly number[], horizon: number, targetStart: number): MethodBacktest {
	const scored: Omit<BacktestCut, 'low' | 'high'>[] = [];
	for (const cut of cuts) {
		const forecast = forecaster(cut, horizon);
		if (forecast === null || !(forecast > 0)) continue;
		const actual = sum(cut, cut + horizon);
		if (actual > 0) scored.push({ cut: isoDay(cut - 1), forecast, actual, seasonMatched: sameSeason(cut, targetStart) });
	}
	const ahead = forecaster(targetStart, horizon);
	const next = ahead !== null && ahead >= 0 && Number.isFinite(ahead) ? ahead : null;
	if (scored.length === 0) return { method, cuts: [], meanAbsError: null, bias: null, coverage: null, next, unavailable: unavailableReason(method, horizon) };
	const errors = scored.map((c) => (c.forecast - c.actual) / c.actual);
	const loo = leaveOneCutOut(scored, NOMINAL_COVERAGE);
	return {
		method,
		cuts: scored.map((c, i) => ({ ...c, low: loo.cuts[i].low, high: loo.cuts[i].high })),
		meanAbsError: errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length,
		bias: errors.reduce((s, e) => s + e, 0) / errors.length,
		coverage: loo.coverage,
		next
	};
}

/** The method with the lowest mean absolute error on the cuts all eligible methods forecast (ties: the first, the simplest). */
export function chooseMethod(candidates: readonly MethodBacktest[]): { method: ForecastMethod; cuts: number } | null {
	const eligible = candidates.filter((c) => c.cuts.length >= MIN_CHOICE_CUTS);
	if (eligible.length === 0) return null;
	const common = eligible.map((c) => new Set(c.cuts.map((k) => k.cut))).reduce((a, b) => new Set([...a].filter((d) => b.has(d))));
	const useAll = common.size < MIN_CHOICE_CUTS;
	const errorOn = (c: MethodBacktest) => {
		const on = useAll ? c.cuts : c.cuts.filter((k) => common.has(k.cut));
		return on.reduce((s, k) => s + Math.abs(k.forecast - k.actual) / k.actual, 0) / on.length;
	};
	let best = eligible[0];
	for (const c of eligible.slice(1)) if (errorOn(c) < errorOn(best) - 1e-12) best = c;
	return { method: best.method, cuts: useAll ? best.cuts.length : common.size };
}

/** The range of the forecast, what it is made from, and what it held in the backtests. */
export interface ForecastRange {
	/** The coverage it aims at (e.g. 0.8). */
	nominal: number;
	/** Null: too few backtests for the nominal coverage (`note` says so). */
	low: number | null;
	high: number | null;
	/** Backtests it was made from, and whether they are the season-matched ones. */
	fromCuts: number;
	seasonMatched: boolean;
	/** Share of those backtests inside the range made from the others (null: too few to measure). */
	measured: number | null;
	/** What the reader must know: why there is none, or what the range is made of. */
	note: string;
}

/** The chosen forecast, its range from the backtests, and every candidate's backtest. */
export interface BacktestedForecast {
	/** Days ahead (3 months, or shorter for a short file). */
	horizonDays: number;
	/** The window forecast, ISO first and last day. */
	window: [string, string];
	method: ForecastMethod;
	/** How many cuts the choice was made on (0: no method could be checked, the run rate is used unchecked). */
	chosenOn: number;
	expected: number;
	range: ForecastRange;
	candidates: MethodBacktest[];
	/** Whether the history holds the same window a year earlier (the season was seen). */
	seasonSeen: boolean;
	/** Backtests of the chosen method in the same season as the forecast (whole years earlier). */
	seasonMatchedCuts: number;
	/** The seasonal figure, for comparison (null: the history does not reach a year back). */
	seasonal: number | null;
	/** Why the horizon is shorter than asked, when it is. */
	shortened?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The range from the chosen method's backtests: season-matched cuts when there are enough, else all. */
export function forecastRange(chosen: MethodBacktest, expected: number): ForecastRange {
	const need = minimumCuts(NOMINAL_COVERAGE);
	const matched = chosen.cuts.filter((c) => c.seasonMatched);
	const seasonMatched = matched.length >= need;
	const cuts = seasonMatched ? matched : chosen.cuts;
	const q = logErrorQuantile(
		cuts.map((c) => Math.log(c.actual / c.forecast)),
		NOMINAL_COVERAGE
	);
	const base = { nominal: NOMINAL_COVERAGE, fromCuts: cuts.length, seasonMatched };
	if (q === null) {
		return {
			...base,
			low: null,
			high: null,
			measured: null,
			note: `No ${pct(NOMINAL_COVERAGE)} range: ${cuts.length} backtest${cuts.length === 1 ? ' is' : 's are'} too few to measure one (it needs at least ${need}).`
		};
	}
	const measured = seasonMatched ? leaveOneCutOut(cuts, NOMINAL_COVERAGE).coverage : chosen.coverage;
	const held = measured === null ? `too few backtests to measure how often it holds (leaving one out needs ${need + 1})` : `left out in turn, each backtest fell inside the range made from the others ${pct(measured)} of the time`;
	const season = seasonMatched
		? `from the ${cuts.length} backtests of the same season in earlier years`
		: matched.length
			? `from all ${cuts.length} backtests (only ${matched.length} of the same season, too few on their own)`
			: `from all ${cuts.length} backtests, none of them in the season forecast`;
	return {
		...base,
		low: expected * Math.exp(-q),
		high: expected * Math.exp(q),
		measured,
		note: `Aimed at ${pct(NOMINAL_COVERAGE)}: the forecast times the backtests’ largest multiplicative errors, both ways (${season}); ${held}. The backtests overlap (a ${CUT_STEP_DAYS}-day step, longer windows), so they are fewer independent checks than they look.`
	};
}

/** The horizon a history of `span` days allows: the one asked for, or half the span (and why) when the span is shorter than two of them. */
export function forecastHorizon(span: number, horizonDays: number): { horizon: number; shortened?: string } {
	if (span >= 2 * horizonDays) return { horizon: horizonDays };
	const horizon = Math.floor(span / 2);
	return { horizon, shortened: `The file covers ${span} days, less than twice the ${horizonDays} days asked for, so the forecast covers the next ${horizon} days only.` };
}

/**
 * The days `backtestedForecast` asks a forecaster about, in the order it asks: each cut of the
 * backtests, then the first day after the data (none when the history is too short to forecast). So
 * a costly forecaster can do its work for them beforehand.
 */
export function forecastDays(firstDay: number, span: number, horizonDays: number): number[] {
	if (span < MIN_FORECAST_DATA_DAYS) return [];
	const endDay = firstDay + span;
	return [...cutDays(firstDay, endDay, forecastHorizon(span, horizonDays).horizon), endDay];
}

/**
 * The forecast of the `horizonDays` days after the data (daily revenue of the customers from
 * `firstDay`), or the reason there is none. `bgNbd`, when given, is the BG/NBD + Gamma-Gamma candidate.
 */
export function backtestedForecast(daily: Float64Array, firstDay: number, horizonDays: number, bgNbd?: Forecaster): BacktestedForecast | { refused: string } {
	const span = daily.length;
	if (span < MIN_FORECAST_DATA_DAYS) {
		return { refused: `The file covers ${span} day${span === 1 ? '' : 's'}: too short to forecast revenue (at least ${MIN_FORECAST_DATA_DAYS} days are needed).` };
	}
	const { horizon, shortened } = forecastHorizon(span, horizonDays);
	const sum = windowSums(firstDay, daily);
	const endDay = firstDay + span;
	const cuts = cutDays(firstDay, endDay, horizon);
	const forecasters: Partial<Record<ForecastMethod, Forecaster>> = {
		'run-rate': (cut, h) => forecastFrom('run-rate', sum, firstDay, cut, h),
		seasonal: (cut, h) => forecastFrom('seasonal', sum, firstDay, cut, h),
		...(bgNbd ? { 'bg-nbd': bgNbd } : {})
	};
	const candidates = FORECAST_METHODS.filter((m) => forecasters[m]).map((m) => backtest(m, forecasters[m]!, sum, cuts, horizon, endDay));
	const choice = chooseMethod(candidates);
	// The chosen method, unless it cannot forecast the window itself (then the run rate, unchecked if need be).
	const method = choice && candidates.find((c) => c.method === choice.method)!.next !== null ? choice.method : 'run-rate';
	const chosen = candidates.find((c) => c.method === method)!;
	const expected = chosen.next ?? (sum(firstDay, endDay) * horizon) / span;
	return {
		horizonDays: horizon,
		window: [isoDay(endDay), isoDay(endDay + horizon - 1)],
		method,
		chosenOn: choice?.method === method ? choice.cuts : 0,
		expected,
		range: forecastRange(chosen, expected),
		candidates,
		seasonSeen: endDay - DAYS_PER_YEAR >= firstDay,
		seasonMatchedCuts: chosen.cuts.filter((c) => c.seasonMatched).length,
		seasonal: forecastFrom('seasonal', sum, firstDay, endDay, horizon),
		...(shortened ? { shortened } : {})
	};
}
