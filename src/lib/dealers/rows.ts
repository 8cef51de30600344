/**
 * Validated CSV rows (either layout) into the dealer-month table, with the checks that need more
 * than one cell: the funnel must narrow (VDP views >= visitors >= visitor conversions, as the
 * original project's ETL required), the richer layout's parts must add up to their totals, a
 * dealer has one row per month and one region and vendor. A row failing a check is kept out and
 * reported by row, column and reason; the rest go on. Pure TS, no DOM.
 */
import type { ParsedRow, RowIssue } from '../core/schema';
import { COUNT_COLUMNS } from './schema';
import { emptyDealerMonths, LEAD_SOURCES, MONTHS, RICH_FIELDS, SOURCE_FIELDS, UNKNOWN, type CountField, type DealerMonths, type RichField } from './table';
import { formatDecimal } from '../core/decimalText';

export interface DealerRowsResult {
	table: DealerMonths;
	/** Spreadsheet row number (header = 1) of each table row. */
	rowNumbers: Int32Array;
	/** Rows kept out by these checks, in row order (each row once, its first failed check). */
	issues: RowIssue[];
}

const KEY_OF = Object.fromEntries(COUNT_COLUMNS.map((c) => [c.field, c.key])) as Record<CountField, string>;
const LABEL_OF = Object.fromEntries(COUNT_COLUMNS.map((c) => [c.field, c.label])) as Record<CountField, string>;
const MONTH_INDEX = new Map<string, number>(MONTHS.map((m, i) => [m, i]));

const fmt = (n: number) => formatDecimal(n);

function num(row: ParsedRow, field: CountField): number {
	const v = row[KEY_OF[field]];
	return typeof v === 'number' ? v : NaN;
}

/** The first cross-field problem of a row, or null. Exported for the one-dealer form. */
export function funnelProblem(get: (field: CountField) => number): { column: string; reason: string } | null {
	const vdp = get('vdpViews');
	const visitors = get('visitors');
	const conversions = get('conversions');
	if (visitors > vdp)
		return { column: LABEL_OF.visitors, reason: `${fmt(visitors)} visitors is more than the ${fmt(vdp)} VDP views: the funnel must narrow (VDP views ≥ visitors ≥ visitor conversions)` };
	if (conversions > visitors)
		return { column: LABEL_OF.conversions, reason: `${fmt(conversions)} visitor conversions is more than the ${fmt(visitors)} visitors: the funnel must narrow (VDP views ≥ visitors ≥ visitor conversions)` };
	const leads = get('leads');
	const others = ['leadsBrandWebsite', 'leadsThirdParty', 'leadsPhoneChat'] as const;
	if (others.every((f) => !Number.isNaN(get(f)))) {
		const sum = conversions + others.reduce((a, f) => a + get(f), 0);
		if (sum !== leads)
			return { column: LABEL_OF.leads, reason: `is ${fmt(leads)}, but visitor conversions and the other lead sources add up to ${fmt(sum)}` };
	}
	const salesParts = [...LEAD_SOURCES.map((s) => SOURCE_FIELDS[s].sales), 'salesWalkIn' as const];
	if (salesParts.every((f) => !Number.isNaN(get(f)))) {
		const sum = salesParts.reduce((a, f) => a + get(f), 0);
		const sales = get('sales');
		if (sum !== sales) return { column: LABEL_OF.sales, reason: `is ${fmt(sales)}, but the sales by source and walk-ins add up to ${fmt(sum)}` };
	}
	for (const s of LEAD_SOURCES) {
		const { leads: l, sales: f } = SOURCE_FIELDS[s];
		if (get(f) > get(l)) return { column: LABEL_OF[f], reason: `${fmt(get(f))} is more than the ${fmt(get(l))} leads of that source` };
	}
	if (get('respondedWithin30') > leads) return { column: LABEL_OF.respondedWithin30, reason: `${fmt(get('respondedWithin30'))} is more than the ${fmt(leads)} leads` };
	if (get('serviceAppointments') > get('serviceLeads'))
		return { column: LABEL_OF.serviceAppointments, reason: `${fmt(get('serviceAppointments'))} is more than the ${fmt(get('serviceLeads'))} service leads` };
	if (get('serviceOrders') > get('serviceAppointments'))
		return { column: LABEL_OF.serviceOrders, reason: `${fmt(get('serviceOrders'))} is more than the ${fmt(get('serviceAppointments'))} service appointments` };
	return null;
}

/** Turn validated rows into the table, keeping out (and reporting) rows that fail a cross-field check. */
export function dealerRowsToTable(rows: readonly ParsedRow[], rowNumbers: ArrayLike<number>): DealerRowsResult {
	const richPresent = RICH_FIELDS.filter((f) => rows.some((r) => typeof r[KEY_OF[f]] === 'number'));
	const table = emptyDealerMonths(rows.length, richPresent.length > 0, { regionNames: [], vendorNames: [] });
	const regionIndex = new Map<string, number>();
	const vendorIndex = new Map<string, number>();
	const firstOf = new Map<number, { row: number; region: string; vendor: string | null }>();
	const seenMonth = new Map<string, number>();
	const keptNumbers: number[] = [];
	const issues: RowIssue[] = [];
	let n = 0;
	const indexOf = (map: Map<string, number>, names: string[], name: string) => {
		let i = map.get(name);
		if (i === undefined) {
			i = names.length;
			names.push(name);
			map.set(name, i);
		}
		return i;
	};

	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		const at = rowNumbers[r];
		const bac = row.BAC as number;
		const region = String(row.Region).trim();
		const vendor = typeof row.Vendor === 'string' && row.Vendor.trim() !== '' ? row.Vendor.trim() : null;
		const month = row.Month as string;
		const problem = funnelProblem((f) => num(row, f));
		if (problem) {
			issues.push({ row: at, ...problem });
			continue;
		}
		const first = firstOf.get(bac);
		if (first && first.region !== region) {
			issues.push({ row: at, column: 'Region', reason: `dealer ${bac} is in ${first.region} in row ${first.row}; a dealer has one region` });
			continue;
		}
		if (first && vendor !== null && first.vendor !== null && first.vendor !== vendor) {
			issues.push({ row: at, column: 'Website vendor', reason: `dealer ${bac} has ${first.vendor} in row ${first.row}; a dealer has one website vendor` });
			continue;
		}
		const monthKey = `${bac}|${month}`;
		const earlier = seenMonth.get(monthKey);
		if (earlier !== undefined) {
			issues.push({ row: at, column: 'Month', reason: `dealer ${bac} already has a ${month} row (row ${earlier}); this one is left out` });
			continue;
		}
		seenMonth.set(monthKey, at);
		if (!first) firstOf.set(bac, { row: at, region, vendor });
		else if (first.vendor === null && vendor !== null) first.vendor = vendor;

		table.bac[n] = bac;
		table.region[n] = indexOf(regionIndex, table.regionNames, region);
		table.month[n] = MONTH_INDEX.get(month) ?? 0;
		table.vendor[n] = vendor === null ? UNKNOWN : indexOf(vendorIndex, table.vendorNames, vendor);
		for (const f of ['vdpViews', 'visitors', 'leads', 'conversions', 'sales'] as const) table.funnel[f][n] = num(row, f);
		if (table.rich) for (const f of RICH_FIELDS) table.rich[f as RichField][n] = num(row, f);
		keptNumbers.push(at);
		n++;
	}
	// A vendor given on some of a dealer's rows only is the dealer's vendor on all of them.
	const vendorOf = new Map<number, number>();
	for (let i = 0; i < n; i++) if (table.vendor[i] !== UNKNOWN) vendorOf.set(table.bac[i], table.vendor[i]);
	for (let i = 0; i < n; i++) if (table.vendor[i] === UNKNOWN) table.vendor[i] = vendorOf.get(table.bac[i]) ?? UNKNOWN;
	return { table: shrink(table, n), rowNumbers: Int32Array.from(keptNumbers), issues };
}

function shrink(t: DealerMonths, n: number): DealerMonths {
	if (n === t.n) return t;
	const cut = <A extends Float64Array | Int32Array | Uint16Array | Uint8Array>(a: A) => a.slice(0, n) as A;
	return {
		...t,
		n,
		bac: cut(t.bac),
		region: cut(t.region),
		month: cut(t.month),
		vendor: cut(t.vendor),
		funnel: Object.fromEntries(Object.entries(t.funnel).map(([k, v]) => [k, cut(v)])) as DealerMonths['funnel'],
		rich: t.rich ? (Object.fromEntries(Object.entries(t.rich).map(([k, v]) => [k, cut(v)])) as NonNullable<DealerMonths['rich']>) : null
	};
}
