/** Rupee amounts the way Indian readers count them: lakh (1e5) and crore (1e7). */

const grouping = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

function significant(x: number): string {
	const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
	return x.toFixed(digits);
}

/** ₹45,000 · ₹12.3 lakh · ₹2.35 crore. */
export function formatRupees(amount: number): string {
	if (!Number.isFinite(amount)) return '–';
	const sign = amount < 0 ? '−' : '';
	const a = Math.abs(amount);
	if (a >= 1e7) return `${sign}₹${significant(a / 1e7)} crore`;
	if (a >= 1e5) return `${sign}₹${significant(a / 1e5)} lakh`;
	return `${sign}₹${grouping.format(a)}`;
}

/** The same amount in lakh and in crore, e.g. "₹62.1 lakh (₹0.62 crore)". */
export function formatLakhAndCrore(amount: number): string {
	if (!Number.isFinite(amount)) return '–';
	return `₹${significant(amount / 1e5)} lakh (₹${significant(amount / 1e7)} crore)`;
}

/** Exact rupees with Indian digit grouping: ₹1,23,45,678. */
export function formatRupeesExact(amount: number): string {
	return Number.isFinite(amount) ? `₹${grouping.format(amount)}` : '–';
}
