/**
 * Number formatting shared by the components. One fixed locale so pages read the same on every
 * device and end-to-end tests can assert text. No formatter here ever prints "NaN", "Infinity" or
 * exponent notation: a value that is not a number shows as "–", one too large to mean anything as
 * "more than 1,000,000,000,000,000" (see core/numberText). Pure: no DOM.
 */
import { formatDecimal } from '$lib/core/decimalText';
import { beyondWritten, formatCountPlain, NO_VALUE, roundedNumber } from '$lib/core/numberText';

export const LOCALE = 'en';

/** A count: 100,000. */
export function formatCount(n: number): string {
	return formatCountPlain(n);
}

/** A count with its noun: "1 member", "8 members", "1,234 customers". */
export function countOf(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** A measured value, rounded for reading: 12,346 · 12.35 · 0.0123. */
export function formatNumber(n: number): string {
	const beyond = beyondWritten(n);
	if (beyond !== null) return beyond;
	const a = Math.abs(n);
	if (a >= 1000) return formatCountPlain(n);
	if (a >= 1 || a === 0) return formatDecimal(n, { maxFractionDigits: 2 });
	return roundedNumber(n);
}

/** A fraction as a percentage: 0.2412 -> "24.1%". */
export function formatPercent(fraction: number, digits = 1): string {
	if (!Number.isFinite(fraction)) return NO_VALUE;
	const percent = fraction * 100;
	const beyond = beyondWritten(percent);
	if (beyond !== null) return `${beyond}%`;
	return `${percent.toFixed(digits)}%`;
}

/**
 * The change from `base` to `value` as a signed percentage, "+12%" / "−8%", or null when it has no
 * meaning (a base of zero or less, a value that is not a number, or a change beyond ±1,000,000%).
 */
export function formatChange(value: number, base: number, digits = 0): string | null {
	if (!Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return null;
	const change = ((value - base) / base) * 100;
	if (!Number.isFinite(change) || Math.abs(change) >= 1e6) return null;
	return `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(digits)}%`;
}

/** A file size: 950 bytes, 12.4 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) return NO_VALUE;
	if (bytes < 1024) return Math.round(bytes) === 1 ? '1 byte' : `${Math.round(bytes)} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** A duration: 850 ms, 2.4 s. */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) return NO_VALUE;
	return ms < 1000 ? `${Math.round(ms)} ms` : `${formatNumber(Math.round(ms / 100) / 10)} s`;
}

/**
 * A metric that may be undefined: its formatted value, or "not defined (reason)" in words, never
 * "NaN". `reasons` is a metrics object's `undefinedBecause`.
 */
export function formatMetric(value: number | null | undefined, format: (n: number) => string, reason?: string): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return reason ? `not defined (${reason})` : 'not defined';
	return format(value);
}
