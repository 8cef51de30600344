/**
 * Numbers written the way `Intl.NumberFormat('en' | 'en-IN')` writes them, without Intl: a page's
 * first `Intl.NumberFormat` loads the ICU locale data, a task of 20-140 ms on this project's test
 * machine (more on a slow phone), on the first view of every page. The digits are the shortest that
 * read back as the same number (what JavaScript prints, as ICU uses), rounded half away from zero
 * (Intl's default); a unit test holds every function here equal to Intl over many values. Pure.
 */

export interface DecimalOptions {
	/** Round to this many decimals (Intl's maximumFractionDigits). */
	maxFractionDigits?: number;
	/** Round to this many significant digits instead (Intl's maximumSignificantDigits). */
	maxSignificantDigits?: number;
	/** 'en': 1,234,567 (the default); 'en-IN': 12,34,567; 'none': 1234567. */
	grouping?: 'en' | 'en-IN' | 'none';
}

/** |n| as digits without leading or trailing zeros and the place of the decimal point: 0.0123 = 0.123 x 10^-1. */
function decimalDigits(a: number): { digits: string; point: number } {
	const [mantissa, exponent] = String(a).split('e');
	const [whole, fraction = ''] = mantissa.split('.');
	let digits = whole + fraction;
	let point = whole.length + (exponent ? Number(exponent) : 0);
	const leading = digits.length - digits.replace(/^0+/, '').length;
	digits = digits.slice(leading).replace(/0+$/, '');
	point -= leading;
	return digits ? { digits, point } : { digits: '', point: 0 };
}

/** Keep the first `keep` digits, half away from zero. */
function roundDigits(digits: string, point: number, keep: number): { digits: string; point: number } {
	if (keep >= digits.length) return { digits, point };
	if (keep < 0) return { digits: '', point: 0 };
	const up = digits.charCodeAt(keep) >= 53; // '5'
	let head = digits.slice(0, keep);
	if (up) {
		let i = head.length - 1;
		while (i >= 0 && head[i] === '9') i--;
		if (i < 0) return { digits: '1', point: point + 1 };
		head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1);
	}
	head = head.replace(/0+$/, '');
	return head ? { digits: head, point } : { digits: '', point: 0 };
}

function group(whole: string, grouping: DecimalOptions['grouping']): string {
	if (grouping === 'none' || whole.length <= 3) return whole;
	const last = whole.slice(-3);
	const rest = whole.slice(0, -3);
	const size = grouping === 'en-IN' ? 2 : 3;
	const parts: string[] = [];
	for (let end = rest.length; end > 0; end -= size) parts.unshift(rest.slice(Math.max(0, end - size), end));
	return `${parts.join(',')},${last}`;
}

/** A finite number as Intl.NumberFormat('en', { maximumFractionDigits: 3 by default }) writes it. */
export function formatDecimal(n: number, options: DecimalOptions = {}): string {
	if (n !== n) return 'NaN';
	if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
	const negative = n < 0 || Object.is(n, -0);
	const { digits: all, point: at } = decimalDigits(Math.abs(n));
	const keep = options.maxSignificantDigits !== undefined ? options.maxSignificantDigits : at + (options.maxFractionDigits ?? 3);
	const { digits, point } = all ? roundDigits(all, at, keep) : { digits: '', point: 0 };
	const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
	const fraction = point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(0, point));
	return `${negative ? '-' : ''}${group(whole, options.grouping ?? 'en')}${fraction ? `.${fraction}` : ''}`;
}

const COMPACT = [
	{ at: 1e12, suffix: 'T' },
	{ at: 1e9, suffix: 'B' },
	{ at: 1e6, suffix: 'M' },
	{ at: 1e3, suffix: 'K' }
];

/**
 * A money amount as Intl.NumberFormat('en', { style: 'currency', currencyDisplay: 'narrowSymbol' })
 * writes it: whole units ("-£1,350,990"), or compact with three significant digits ("£1.35M").
 */
export function formatMoneyText(amount: number, symbol: string, compact = false): string {
	const sign = amount < 0 || Object.is(amount, -0) ? '-' : '';
	const a = Math.abs(amount);
	if (!compact) return `${sign}${symbol}${formatDecimal(a, { maxFractionDigits: 0 })}`;
	// The magnitude after rounding: 999,999 is "1M", as Intl writes it.
	const rounded = Number(formatDecimal(a, { maxSignificantDigits: 3, grouping: 'none' }));
	const scale = COMPACT.find((c) => rounded >= c.at);
	if (!scale) return `${sign}${symbol}${formatDecimal(a, { maxSignificantDigits: 3 })}`;
	// Compact figures group only from five digits on ("€1000T", "€10,000T"), as Intl does.
	const scaled = a / scale.at;
	return `${sign}${symbol}${formatDecimal(scaled, { maxSignificantDigits: 3, grouping: rounded / scale.at < 1e4 ? 'none' : 'en' })}${scale.suffix}`;
}
