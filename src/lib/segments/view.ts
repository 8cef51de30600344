/**
 * What the segments page shows, as data: the customer list's rows and the sentences that answer the
 * marketing team's questions (its charts are in `charts.ts`). Pure (no DOM), so it is unit-tested
 * and the Svelte components stay thin.
 */
import { formatDecimal, formatMoneyText } from '../core/decimalText';
import type { SegmentsAnalysis } from './analysis';
import { CUSTOMER_FEATURES, CUSTOMER_FEATURE_INFO } from './features';
import type { SegmentedCustomers } from './job';

const pct = (x: number) => Math.round(x * 1000) / 10;

/** Columns of the customer list. */
export const CUSTOMER_LIST_COLUMNS: readonly { key: string; label: string; unit?: string; kind: 'number' | 'text' }[] = [
	{ key: 'customer', label: 'Customer', kind: 'text' },
	{ key: 'cluster', label: 'Cluster', kind: 'text' },
	...CUSTOMER_FEATURES.map((f) => ({
		key: f,
		label: CUSTOMER_FEATURE_INFO[f].label,
		unit: CUSTOMER_FEATURE_INFO[f].unit,
		kind: 'number' as const
	})),
	{ key: 'lastPurchase', label: 'Last purchase', kind: 'text' },
	{ key: 'margin', label: 'Margin to next cluster', kind: 'number' },
	{ key: 'nextCluster', label: 'Next-nearest cluster', kind: 'text' }
];

export type ListRow = Record<string, string | number | null>;

/** The customer list's choice for every customer with an id, and for the invoices without one. */
export const ALL_CUSTOMERS = -1;
export const ANONYMOUS_INVOICES = -3;

/**
 * Rows of the customer list: the customers with an id in `cluster` (or all of them, ALL_CUSTOMERS)
 * whose id contains `search` (case ignored); or, for ANONYMOUS_INVOICES, the invoices without a
 * customer id, shown as "no id (invoice 536365)" with the cluster the model would place them in.
 */
export function customerListRows(customers: SegmentedCustomers, names: readonly string[], cluster: number, search = ''): ListRow[] {
	const needle = search.trim().toLowerCase();
	const rows: ListRow[] = [];
	const n = customers.ids.length;
	for (let i = 0; i < n; i++) {
		if ((cluster === ANONYMOUS_INVOICES) !== (customers.guest[i] === 1)) continue;
		if (cluster >= 0 && customers.cluster[i] !== cluster) continue;
		const id = customers.ids[i];
		if (needle && !id.toLowerCase().includes(needle)) continue;
		const row: ListRow = {
			customer: customers.guest[i] ? `no id (invoice ${id.replace(/^guest-/, '')})` : id,
			cluster: names[customers.cluster[i]] ?? String(customers.cluster[i])
		};
		for (const f of CUSTOMER_FEATURES) row[f] = f === 'returnShare' ? pct(customers.features[f][i]) : customers.features[f][i];
		const last = customers.lastPurchase[i];
		row.lastPurchase = Number.isFinite(last) ? new Date(last).toISOString().slice(0, 10) : null;
		row.margin = Math.round(customers.margin[i] * 100) / 100;
		const next = customers.nextNearest[i];
		row.nextCluster = next >= 0 ? (names[next] ?? String(next)) : null;
		rows.push(row);
	}
	return rows;
}

/** "p < 0.0001" or "p = 0.012". */
export function formatPValue(p: number): string {
	if (!Number.isFinite(p)) return 'p not available';
	if (p < 0.0001) return 'p < 0.0001';
	return `p = ${p < 0.01 ? p.toFixed(4) : p.toFixed(3)}`;
}

/** The test result in words. */
export function evidenceSentence(analysis: SegmentsAnalysis): string {
	const e = analysis.evidence;
	if (!e) return 'There are too few Insiders or other customers to compare.';
	const superiority = Math.round(e.test.probabilityOfSuperiority * 100);
	const separate = e.insidersMean.low > e.restMean.high;
	const significant = e.test.pValue < 0.05;
	return (
		`Pick an Insider and another customer at random: the Insider has the higher revenue ${superiority} times in 100. ` +
		(significant
			? `A difference this large would almost never appear by chance (one-sided Mann-Whitney U test, ${formatPValue(e.test.pValue)}).`
			: `That could be chance (one-sided Mann-Whitney U test, ${formatPValue(e.test.pValue)}): treat the Insiders as a label, not a proven group.`) +
		(separate ? ' The 95% intervals of mean revenue do not overlap.' : ' The 95% intervals of mean revenue overlap.')
	);
}

/** A condition of the entry or exit rule, split so the number can be set in bold. */
export interface RuleCondition {
	before: string;
	value: string;
	after: string;
}

/**
 * The entry ("all of") and exit ("any of") conditions worth saying: a threshold that excludes nobody
 * (revenue of at least 0, at least 1 invoice, a recency no shorter than the longest in the data) is left out.
 */
export function ruleConditions(analysis: SegmentsAnalysis, currency: CurrencyCode = ''): { entry: RuleCondition[]; exit: RuleCondition[] } {
	const entry: RuleCondition[] = [];
	const exit: RuleCondition[] = [];
	const money = (n: number) => formatMoney(n, currency);
	const days = (n: number) => `${formatDecimal(n)} day${n === 1 ? '' : 's'}`;
	const e = analysis.entry;
	if (e) {
		if (e.revenueAtLeast > 0) entry.push({ before: 'gross revenue of at least ', value: money(e.revenueAtLeast), after: ' over the period analysed' });
		if (e.invoicesAtLeast > 1) entry.push({ before: 'at least ', value: formatDecimal(e.invoicesAtLeast), after: ' invoices' });
		if (e.recencyAtMost < analysis.maxRecencyDays) entry.push({ before: 'last purchase at most ', value: days(e.recencyAtMost), after: ' ago' });
	}
	const x = analysis.exit;
	if (x) {
		if (x.revenueBelow > 0) exit.push({ before: 'gross revenue below ', value: money(x.revenueBelow), after: '' });
		if (x.invoicesBelow > 1) exit.push({ before: 'fewer than ', value: formatDecimal(x.invoicesBelow), after: ' invoices' });
		if (x.recencyAbove < analysis.maxRecencyDays) exit.push({ before: 'no purchase for more than ', value: days(x.recencyAbove), after: '' });
	}
	return { entry, exit };
}

/** Currencies a file's amounts can be shown in ('' shows plain numbers), each with its narrow symbol as Intl writes it. The training data is in pounds sterling. */
export const CURRENCIES = [
	{ code: '', label: 'No currency symbol', symbol: '' },
	{ code: 'GBP', label: 'Pounds sterling (£)', symbol: '£' },
	{ code: 'EUR', label: 'Euros (€)', symbol: '€' },
	{ code: 'USD', label: 'US dollars ($)', symbol: '$' }
] as const;
export type CurrencyCode = (typeof CURRENCIES)[number]['code'];
/** The Online Retail export's currency. */
export const TRAINING_CURRENCY: CurrencyCode = 'GBP';

/** An amount of money, rounded to whole units ("£1,350,990"), or compact ("£1.35M") for headline figures. */
export function formatMoney(amount: number, currency: CurrencyCode, compact = false): string {
	if (!Number.isFinite(amount)) return '–';
	return formatMoneyText(compact ? amount : Math.round(amount), CURRENCIES.find((c) => c.code === currency)?.symbol ?? '', compact);
}

/** What marketing can do with invoices that carry no customer id. */
export const ANONYMOUS_ACTION =
	'Not reachable as customers: offer an account or an email receipt at checkout, so the next order has an id. Their revenue is real, but no loyalty figure rests on it.';
