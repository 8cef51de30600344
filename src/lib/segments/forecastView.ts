/**
 * The revenue forecast as the page and the model card show it: the chosen method's backtests as chart
 * points (forecast, its range made from the other cuts, actual) followed by the window ahead, a
 * sentence for screen readers, and one row per candidate method. Pure, no DOM.
 */
import { SHORT_MONTHS } from '../core/dates';
import type { RangePoint } from '../charts/range';
import type { RevenueForecast } from './insidersForecast';
import { FORECAST_METHOD_NAMES, type ForecastMethod } from './forecast';

/** "9 Sep 11" from "2011-09-09" (the same in every browser, whatever its locale data). */
const dayLabel = (iso: string) => `${Number(iso.slice(8, 10))} ${SHORT_MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(2, 4)}`;

/** The chosen method's backtests, oldest first (labelled by the last day of data used), then the window ahead. */
export function backtestPoints(f: RevenueForecast): RangePoint[] {
	const chosen = f.candidates.find((c) => c.method === f.chosen);
	const cuts: RangePoint[] = (chosen?.cuts ?? []).map((c) => ({ label: dayLabel(c.cut), forecast: c.forecast, low: c.low, high: c.high, actual: c.actual }));
	return [...cuts, { label: 'ahead', forecast: f.expected, low: f.low, high: f.high, actual: null }];
}

/** What the chart shows, in words. */
export function backtestSummary(f: RevenueForecast, money: (n: number) => string): string {
	const chosen = f.candidates.find((c) => c.method === f.chosen);
	const cuts = chosen?.cuts ?? [];
	if (cuts.length === 0) return `No backtest could be made; the forecast ahead is ${money(f.expected)}.`;
	const inside = cuts.filter((c) => c.low !== null && c.high !== null && c.actual >= c.low && c.actual <= c.high).length;
	const ranged = cuts.filter((c) => c.low !== null).length;
	return (
		`${FORECAST_METHOD_NAMES[f.chosen]} at ${cuts.length} cut dates from ${cuts[0].cut} to ${cuts[cuts.length - 1].cut}: ` +
		cuts.map((c) => `${c.cut} forecast ${money(c.forecast)}, actual ${money(c.actual)}`).join('; ') +
		(ranged ? `. The actual fell inside the range made from the other cuts at ${inside} of ${ranged}.` : '.') +
		` Ahead: ${money(f.expected)}${f.low !== null && f.high !== null ? ` (${money(f.low)} to ${money(f.high)})` : ''}.`
	);
}

export interface MethodRow {
	method: ForecastMethod;
	name: string;
	chosen: boolean;
	/** Backtests it could make. */
	checks: number;
	meanAbsError: number | null;
	bias: number | null;
	/** Share of its backtests inside the range made from its other backtests. */
	coverage: number | null;
	/** Its forecast of the window ahead. */
	next: number | null;
	unavailable?: string;
}

export function methodRows(f: RevenueForecast): MethodRow[] {
	return f.candidates.map((c) => ({
		method: c.method,
		name: FORECAST_METHOD_NAMES[c.method],
		chosen: c.method === f.chosen,
		checks: c.cuts.length,
		meanAbsError: c.meanAbsError,
		bias: c.bias,
		coverage: c.coverage,
		next: c.next ?? null,
		...(c.unavailable ? { unavailable: c.unavailable } : {})
	}));
}
