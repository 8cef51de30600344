/**
 * Number formatting shared by the components. One fixed locale so pages read the same on every
 * device and end-to-end tests can assert text. Pure: no DOM.
 */
export const LOCALE = 'en';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const threeSignificant = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 3 });

/** A count: 100,000. */
export function formatCount(n: number): string {
	return integer.format(n);
}

/** A measured value, rounded for reading: 12,346 · 12.35 · 0.0123. */
export function formatNumber(n: number): string {
	if (!Number.isFinite(n)) return n > 0 ? '∞' : n < 0 ? '−∞' : '–';
	const a = Math.abs(n);
	if (a >= 1000) return integer.format(n);
	if (a >= 1 || a === 0) return twoDecimals.format(n);
	return threeSignificant.format(n);
}

/** A fraction as a percentage: 0.2412 -> "24.1%". */
export function formatPercent(fraction: number, digits = 1): string {
	if (!Number.isFinite(fraction)) return '–';
	return `${(fraction * 100).toFixed(digits)}%`;
}

/** A file size: 950 bytes, 12.4 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A duration: 850 ms, 2.4 s. */
export function formatDuration(ms: number): string {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A metric that may be undefined: its formatted value, or "not defined (reason)" in words, never
 * "NaN". `reasons` is a metrics object's `undefinedBecause`.
 */
export function formatMetric(value: number | null | undefined, format: (n: number) => string, reason?: string): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return reason ? `not defined (${reason})` : 'not defined';
	return format(value);
}
