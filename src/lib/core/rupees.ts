/**
 * Rupee amounts the way Indian readers count them: lakh (1e5) and crore (1e7). Never "NaN",
 * "Infinity" or exponent notation: a value that is not a number is "–", and amounts of a crore
 * crore (₹1,00,00,000 crore) or more are written as "more than ₹1,00,00,000 crore".
 */
import { formatDecimal } from './decimalText';
import { NO_VALUE } from './numberText';

/** Whole rupees with Indian digit grouping: 1,23,45,678. */
const grouping = (n: number) => formatDecimal(n, { maxFractionDigits: 0, grouping: 'en-IN' });

/** ₹1 crore crore: beyond it, amounts are written as "more than" this. */
const LARGEST = 1e14;
const LARGEST_TEXT = '₹1,00,00,000 crore';

function significant(x: number): string {
	const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
	return Math.abs(x) >= 100 ? grouping(x) : x.toFixed(digits);
}

/** "more than ₹1,00,00,000 crore" for huge amounts (signed), else null. */
function beyond(amount: number): string | null {
	if (amount !== amount) return NO_VALUE;
	if (amount >= LARGEST) return `more than ${LARGEST_TEXT}`;
	if (amount <= -LARGEST) return `less than −${LARGEST_TEXT}`;
	return null;
}

/** ₹45,000 · ₹12.3 lakh · ₹2.35 crore. */
export function formatRupees(amount: number): string {
	const huge = beyond(amount);
	if (huge !== null) return huge;
	const sign = amount < 0 ? '−' : '';
	const a = Math.abs(amount);
	if (a >= 1e7) return `${sign}₹${significant(a / 1e7)} crore`;
	if (a >= 1e5) return `${sign}₹${significant(a / 1e5)} lakh`;
	return `${sign}₹${grouping(a)}`;
}

/** The same amount in lakh and in crore, e.g. "₹62.1 lakh (₹0.62 crore)". */
export function formatLakhAndCrore(amount: number): string {
	const huge = beyond(amount);
	if (huge !== null) return huge;
	return `₹${significant(amount / 1e5)} lakh (₹${significant(amount / 1e7)} crore)`;
}

/** Exact rupees with Indian digit grouping: ₹1,23,45,678. */
export function formatRupeesExact(amount: number): string {
	return beyond(amount) ?? `₹${grouping(amount)}`;
}
