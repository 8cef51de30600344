/**
 * The dealer tool's words and number formats for the page: the eight KPI tiles, funnel steps,
 * verdicts, effectiveness with its interval. Pure TS, no DOM.
 */
import { formatDecimal } from '../core/decimalText';
import type { FunnelStep } from './analysis';
import type { Effectiveness } from './effectiveness';
import type { KpiValues } from './kpis';

const pct = (v: number, digits = 1) => `${(v * 100).toFixed(digits)}%`;
const num = (v: number, digits = 1) => formatDecimal(v, { maxFractionDigits: digits });

export interface TileSpec {
	key: keyof KpiValues;
	label: string;
	format: (v: number) => string;
	/** Lower is better (response time). */
	lowerIsBetter?: boolean;
	help: string;
}

/** The eight KPI tiles: generating (sales), managing (sales), service. */
export const TILES: readonly TileSpec[] = [
	{ key: 'salesPerMonth', label: 'Sales a month', format: (v) => num(v), help: 'Vehicles sold a month.' },
	{ key: 'effectiveness', label: 'Sales effectiveness', format: (v) => pct(v, 0), help: 'Actual sales over the sales the model expects from the traffic and leads (100% = as expected).' },
	{ key: 'leadsPerMonth', label: 'Leads a month', format: (v) => num(v, 0), help: 'Sales leads a month from every source (or the chosen source).' },
	{ key: 'closeRate', label: 'Close rate', format: (v) => pct(v), help: 'Sales from leads over leads (all sales over leads when walk-ins are not known).' },
	{ key: 'within30', label: 'Answered within 30 min', format: (v) => pct(v, 0), help: 'Share of leads answered within 30 minutes.' },
	{ key: 'avgResponseHours', label: 'Response time', format: (v) => `${num(v)} h`, lowerIsBetter: true, help: 'Mean hours to answer a lead.' },
	{ key: 'loyalty', label: 'Sales loyalty', format: (v) => `${num(v)}%`, help: 'Share of owners who bought the brand again.' },
	{ key: 'serviceCloseRate', label: 'Service close rate', format: (v) => pct(v, 0), help: 'Repair orders per service lead.' }
];

export const STEP_LABELS: Record<FunnelStep, string> = {
	visitorShare: 'Visitors per VDP view',
	conversion: 'Leads per visitor',
	closing: 'Sales ÷ expected'
};

export const STEP_SHORT: Record<FunnelStep, string> = { visitorShare: 'Visitors', conversion: 'Conversion', closing: 'Closing' };

export const VERDICT_WORDS: Record<Effectiveness['verdict'], string> = {
	below: 'Below expectation',
	above: 'Above expectation',
	'as expected': 'As expected',
	unknown: 'Not known'
};

/** "84% (72–97%)". */
export function effectivenessText(e: Effectiveness): string {
	if (e.ratio === null) return 'not known';
	const range = e.low !== null && e.high !== null ? ` (${pct(e.low, 0)}–${pct(e.high, 0)})` : '';
	return `${pct(e.ratio, 0)}${range}`;
}

/** A KPI value or a dash. */
export function tileValue(spec: TileSpec, v: number | null): string {
	return v === null || !Number.isFinite(v) ? '–' : spec.format(v);
}

/** "+12% vs region" style difference, relative. */
export function relativeText(v: number | null, ref: number | null): string | null {
	if (v === null || ref === null || !(ref > 0) || !Number.isFinite(v)) return null;
	const d = v / ref - 1;
	return `${d >= 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(0)}%`;
}

/** Whether a value is better than the reference, for colouring. */
export function isBetter(spec: TileSpec, v: number | null, ref: number | null): boolean | null {
	if (v === null || ref === null) return null;
	if (Math.abs(v / ref - 1) < 0.02) return null;
	return spec.lowerIsBetter ? v < ref : v > ref;
}

export function rateText(v: number | null, digits = 1): string {
	return v === null || !Number.isFinite(v) ? '–' : pct(v, digits);
}

export function salesText(v: number | null, digits = 1): string {
	return v === null || !Number.isFinite(v) ? '–' : num(v, digits);
}

export function indexText(v: number | null): string {
	return v === null || !Number.isFinite(v) ? '–' : v.toFixed(0);
}

/**
 * "1 row kept out" / "3 rows kept out": the file's data rows that are not among the dealer-months
 * used (a row with two bad values is one row, though it has two problems); '' when none.
 */
export function rowsKeptOutText(totalRows: number, usedRows: number): string {
	const n = Math.max(0, totalRows - usedRows);
	return n === 0 ? '' : `${formatDecimal(n)} ${n === 1 ? 'row' : 'rows'} kept out`;
}
