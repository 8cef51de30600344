/**
 * Numbers as words for messages and pages, never as "NaN", "Infinity" or exponent notation
 * ("1e+300"). Values too large to mean anything are written as "more than 1,000,000,000,000,000".
 * One fixed locale, so every device reads the same and tests can assert text. Pure, no DOM.
 */
import { formatDecimal } from './decimalText';

/** Magnitudes from here on are written as "more than 1,000,000,000,000,000" (a thousand trillion). */
export const LARGEST_WRITTEN = 1e15;
/** Non-zero magnitudes below this are written as "less than 0.000001". */
export const SMALLEST_WRITTEN = 1e-6;

// Written without Intl (see decimalText.ts: the first Intl formatter of a page costs a long task).
const grouped = (n: number) => formatDecimal(n, { maxFractionDigits: 0 });
const plain = (n: number) => formatDecimal(n, { maxFractionDigits: 6 });
const threeSignificant = (n: number) => formatDecimal(n, { maxSignificantDigits: 3 });

/** What a value that is no number at all (NaN) is shown as. */
export const NO_VALUE = '–';

/** "more than 1,000,000,000,000,000" / "less than −1,000,000,000,000,000" for huge or infinite values, else null. */
export function beyondWritten(n: number): string | null {
	if (n !== n) return NO_VALUE;
	if (n >= LARGEST_WRITTEN) return `more than ${grouped(LARGEST_WRITTEN)}`;
	if (n <= -LARGEST_WRITTEN) return `less than -${grouped(LARGEST_WRITTEN)}`;
	return null;
}

/** A count with thousands separators: 541,909. */
export function formatCountPlain(n: number): string {
	return beyondWritten(n) ?? grouped(n);
}

/**
 * A value as exactly as a message needs it: up to six decimals, thousands separators, no exponent,
 * an ASCII minus as people type it: 80,995 · -2.55 · 0.000123 · "more than 1,000,000,000,000,000" ·
 * "less than 0.000001".
 */
export function plainNumber(n: number): string {
	const beyond = beyondWritten(n);
	if (beyond !== null) return beyond;
	if (n !== 0 && Math.abs(n) < SMALLEST_WRITTEN) return n > 0 ? `less than ${plain(SMALLEST_WRITTEN)}` : `more than -${plain(SMALLEST_WRITTEN)}`;
	return plain(n);
}

/** A value rounded for reading (three significant figures below 1,000), typographic minus: 12,346 · −12.3 · 0.0123. */
export function roundedNumber(n: number): string {
	const beyond = beyondWritten(n);
	if (beyond !== null) return beyond;
	const a = Math.abs(n);
	if (a !== 0 && a < SMALLEST_WRITTEN) return n > 0 ? `less than ${plain(SMALLEST_WRITTEN)}` : `more than −${plain(SMALLEST_WRITTEN)}`;
	return (a >= 1000 ? grouped(n) : threeSignificant(n)).replace('-', '−');
}
