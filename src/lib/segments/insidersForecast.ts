/**
 * The revenue to expect from the Insiders in the months ahead (three, fewer for a short file), as the
 * page shows it: what the forecast needs (the purchases of the customers with an id and which of them
 * are Insiders, made ready before or apart from the rest of the analysis), the method chosen by
 * backtest (forecast.ts) and the words that say how. Pure, no DOM.
 */
import { MS_PER_DAY } from '../core/dates';
import type { CustomerTable } from './features';
import type { SegmentAssignments } from './clusters';
import { clvForecaster, type FitsAtCuts } from './clvForecast';
import { CUT_STEP_DAYS, FORECAST_METHOD_NAMES, FORECAST_METHOD_WORDS, backtestedForecast, forecastDays, type ForecastMethod, type MethodBacktest } from './forecast';
import { purchaseDays, type PurchaseDays } from './purchaseDays';
import { identifiedInsiders, identifiedPurchases, identifiedRows, type ForecastTable } from './identifiedCustomers';

/** Average days in a month (365.25 / 12), for "per month" and "next 3 months". */
export const DAYS_PER_MONTH = 30.4375;
/** Months ahead the revenue forecast covers. */
export const FORECAST_MONTHS = 3;
/** Days the forecast covers: three months. */
const FORECAST_HORIZON_DAYS = Math.round(FORECAST_MONTHS * DAYS_PER_MONTH);

export interface RevenueForecast {
	/** The horizon in months (3, or less for a short file) and in days. */
	months: number;
	horizonDays: number;
	/** First and last day forecast (ISO). */
	window: [string, string];
	/** The months the window spans, in words ("December to March"). */
	season: string;
	expected: number;
	/** The range from the chosen method's backtest errors; always holds `expected` (null: too few backtests, `rangeNote` says why). */
	low: number | null;
	high: number | null;
	/** The coverage the range aims at, and the share of backtests it held, each left out in turn (null: too few to measure). */
	nominal: number;
	coverage: number | null;
	/** What the range is made of, or why there is none. */
	rangeNote: string;
	chosen: ForecastMethod;
	/** Cuts the choice was made on (0: nothing could be checked). */
	chosenOn: number;
	candidates: MethodBacktest[];
	/** Whether the history holds the same window a year earlier. */
	seasonSeen: boolean;
	/** Backtests of the chosen method whose window was in the same season, whole years earlier. */
	seasonMatchedCuts: number;
	/** The seasonal method's figure, for comparison (null: the history does not reach a year back). */
	seasonal: number | null;
	/** The BG/NBD and Gamma-Gamma parameters fitted on all the data (days), when they could be fitted. */
	fits?: ClvFitSummary;
	shortened?: string;
	/** How it is computed, in words. */
	method: string;
}

export interface ClvFitSummary {
	bgNbd: { r: number; alpha: number; a: number; b: number; customers: number };
	gammaGamma: { p: number; q: number; gamma: number; customers: number };
}

/** The Insiders' forecast, or why there is none. */
export interface InsidersForecast {
	forecast: RevenueForecast | null;
	refused?: string;
}

/** The forecast's inputs: the customers with an id (their purchases) and which of them are Insiders. */
export interface ForecastJob {
	table: ForecastTable;
	insiders: Int32Array;
}

/**
 * What the Insiders' forecast needs before anyone is placed in a cluster: the purchase days of the
 * customers with an id (numbered as in `identifiedPurchases`), and the days the BG/NBD and
 * Gamma-Gamma models are fitted at (the fits do not depend on who the Insiders are, so they can start
 * at once; clvForecast.ts).
 */
export interface ForecastInputs {
	days: PurchaseDays;
	cuts: number[];
}

export function forecastInputs(allTable: CustomerTable): ForecastInputs {
	const days = purchaseDays(allTable, identifiedRows(allTable));
	if (!Number.isFinite(allTable.firstDate)) return { days, cuts: [] };
	const firstDay = Math.floor(allTable.firstDate / MS_PER_DAY);
	const span = Math.floor(allTable.lastDate / MS_PER_DAY) - firstDay + 1;
	return { days, cuts: forecastDays(firstDay, span, FORECAST_HORIZON_DAYS) };
}

/** The forecast's inputs for a table and its assignments, to compute it apart (the same answer `analyseSegments` computes). */
export function forecastJob(allTable: CustomerTable, allAssignments: SegmentAssignments, insiders: number): ForecastJob {
	return { table: identifiedPurchases(allTable), insiders: identifiedInsiders(allTable, allAssignments, insiders) };
}

/**
 * The Insiders' revenue forecast chosen by backtest (forecast.ts), from their purchases by day; BG/NBD
 * fitted on every customer. `prepared`: the table's purchase days and the models' fits at the cuts of
 * `forecastInputs`, when made beforehand (else they are made here; the same numbers).
 */
export function insidersForecast(table: ForecastTable, insiders: Int32Array, prepared?: { days: PurchaseDays; fits: FitsAtCuts }): InsidersForecast {
	if (insiders.length < 2 || !Number.isFinite(table.firstDate)) return { forecast: null };
	const firstDay = Math.floor(table.firstDate / MS_PER_DAY);
	const daily = new Float64Array(Math.floor(table.lastDate / MS_PER_DAY) - firstDay + 1);
	for (const i of insiders)
		for (let k = table.purchaseStart[i]; k < table.purchaseStart[i + 1]; k++) daily[table.purchaseDay[k] - firstDay] += table.purchaseValue[k];
	const clv = clvForecaster(prepared?.days ?? purchaseDays(table), insiders, prepared?.fits);
	const f = backtestedForecast(daily, firstDay, FORECAST_HORIZON_DAYS, (cut, horizon) => clv.forecast(cut, horizon));
	if ('refused' in f) return { forecast: null, refused: f.refused };
	const fits = f.candidates.some((c) => c.method === 'bg-nbd' && c.cuts.length) ? clv.lastFits() : null;
	const chosen = f.candidates.find((c) => c.method === f.method)!;
	const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
	const tested = f.candidates
		.map((c) =>
			c.meanAbsError === null
				? `${FORECAST_METHOD_NAMES[c.method]}: not checked, ${c.unavailable}`
				: `${FORECAST_METHOD_NAMES[c.method]}: off by ${pct(c.meanAbsError)} on average over ${c.cuts.length} checks (bias ${pct(c.bias)})`
		)
		.join('; ');
	const season = seasonWords(f.window);
	// The season and the range have sentences of their own on the page (ForecastBacktest); this says how the method was chosen.
	const method =
		`${FORECAST_METHOD_WORDS[f.method]}. ` +
		(f.chosenOn
			? `Chosen by rolling-origin backtests: at cut dates every ${CUT_STEP_DAYS} days, each method forecast the next ${f.horizonDays} days from earlier data only, and the one with the smallest average error on the ${f.chosenOn} cuts they could all forecast was kept (${tested}). `
			: `No method could be checked on this history (${tested}), so the run rate is used unchecked. `) +
		`The Insiders are those of the whole file, so the backtests already know who became one later; nobody is assumed to join or leave.`;
	return {
		forecast: {
			months: Math.round((f.horizonDays / DAYS_PER_MONTH) * 10) / 10,
			horizonDays: f.horizonDays,
			window: f.window,
			season,
			expected: f.expected,
			low: f.range.low,
			high: f.range.high,
			nominal: f.range.nominal,
			coverage: f.range.low === null ? null : f.range.measured,
			rangeNote: f.range.note,
			chosen: f.method,
			chosenOn: f.chosenOn,
			candidates: f.candidates,
			seasonSeen: f.seasonSeen,
			seasonMatchedCuts: chosen.cuts.filter((c) => c.seasonMatched).length,
			seasonal: f.seasonal,
			...(fits
				? {
						fits: {
							bgNbd: { r: fits.bgNbd.r, alpha: fits.bgNbd.alpha, a: fits.bgNbd.a, b: fits.bgNbd.b, customers: fits.bgNbd.customers },
							gammaGamma: { p: fits.gammaGamma.p, q: fits.gammaGamma.q, gamma: fits.gammaGamma.gamma, customers: fits.gammaGamma.customers }
						}
					}
				: {}),
			...(f.shortened ? { shortened: f.shortened } : {}),
			method
		}
	};
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "December to March": the months a window of ISO days spans. */
export function seasonWords(window: [string, string]): string {
	const [from, to] = window.map((d) => MONTHS[Number(d.slice(5, 7)) - 1]);
	return from === to ? from : `${from} to ${to}`;
}
