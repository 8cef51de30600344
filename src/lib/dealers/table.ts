/**
 * Dealer-months as columns: the one in-memory form of a dealer network, whether it came from the
 * generator, the original project's CSV layout, the generator's richer layout or the one-dealer
 * form. Every count is a Float64Array column; a column the input did not carry is null, and a cell
 * the input left empty is NaN. Pure TS, no DOM.
 */

export const REGIONS = ['Northeast', 'Southeast', 'Central', 'Southwest', 'West'] as const;
export type Region = (typeof REGIONS)[number];

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export type Month = (typeof MONTHS)[number];

/** The company running a dealer's website and its lead forms (a dealer attribute). */
export const VENDORS = ['Vendor A', 'Vendor B', 'Vendor C', 'Vendor D'] as const;
/** Vendor index of a row whose vendor is not given. */
export const UNKNOWN = 0xffff;

/**
 * Where a sales lead came from. Dealer-website leads are the site's visitor conversions; the other
 * three arrive without a visit to the dealer's site.
 */
export const LEAD_SOURCES = ['dealerWebsite', 'brandWebsite', 'thirdParty', 'phoneChat'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
	dealerWebsite: 'Dealer website',
	brandWebsite: 'Brand website',
	thirdParty: 'Third-party sites',
	phoneChat: 'Phone & chat'
};

/** The counts of the original project's layout, in its column order. */
export const FUNNEL_FIELDS = ['vdpViews', 'visitors', 'leads', 'conversions', 'sales'] as const;
/** The generator's richer layout adds these (all optional in a file). */
export const RICH_FIELDS = [
	'leadsBrandWebsite',
	'leadsThirdParty',
	'leadsPhoneChat',
	'salesDealerWebsite',
	'salesBrandWebsite',
	'salesThirdParty',
	'salesPhoneChat',
	'salesWalkIn',
	'respondedWithin30',
	'avgResponseHours',
	'salesLoyalty',
	'serviceLeads',
	'serviceAppointments',
	'serviceOrders'
] as const;
export type FunnelField = (typeof FUNNEL_FIELDS)[number];
export type RichField = (typeof RICH_FIELDS)[number];
export type CountField = FunnelField | RichField;

/** The lead count and the sales count of each source, as field names (dealer-website leads are the conversions). */
export const SOURCE_FIELDS: Record<LeadSource, { leads: CountField; sales: CountField }> = {
	dealerWebsite: { leads: 'conversions', sales: 'salesDealerWebsite' },
	brandWebsite: { leads: 'leadsBrandWebsite', sales: 'salesBrandWebsite' },
	thirdParty: { leads: 'leadsThirdParty', sales: 'salesThirdParty' },
	phoneChat: { leads: 'leadsPhoneChat', sales: 'salesPhoneChat' }
};

export interface DealerMonths {
	n: number;
	/** Dealer code (BAC). */
	bac: Int32Array;
	/** Index into `regionNames`. */
	region: Uint16Array;
	/** 0 = Jan .. 11 = Dec. */
	month: Uint8Array;
	/** Index into `vendorNames`, or UNKNOWN. */
	vendor: Uint16Array;
	/** Region and vendor names as the input spelled them (the generator's: REGIONS, VENDORS). */
	regionNames: string[];
	vendorNames: string[];
	funnel: Record<FunnelField, Float64Array>;
	/** The richer layout's columns; null when the input had none of them. */
	rich: Record<RichField, Float64Array> | null;
}

/** An empty table of `n` rows (counts NaN), with or without the richer columns. */
export function emptyDealerMonths(n: number, withRich: boolean, names: { regionNames?: string[]; vendorNames?: string[] } = {}): DealerMonths {
	const column = () => new Float64Array(n).fill(NaN);
	return {
		n,
		bac: new Int32Array(n),
		region: new Uint16Array(n),
		month: new Uint8Array(n),
		vendor: new Uint16Array(n).fill(UNKNOWN),
		regionNames: names.regionNames ?? [...REGIONS],
		vendorNames: names.vendorNames ?? [...VENDORS],
		funnel: Object.fromEntries(FUNNEL_FIELDS.map((f) => [f, column()])) as Record<FunnelField, Float64Array>,
		rich: withRich ? (Object.fromEntries(RICH_FIELDS.map((f) => [f, column()])) as Record<RichField, Float64Array>) : null
	};
}

/** A count column by name (null when the table lacks the richer columns). */
export function countColumn(t: DealerMonths, field: CountField): Float64Array | null {
	if ((FUNNEL_FIELDS as readonly string[]).includes(field)) return t.funnel[field as FunnelField];
	return t.rich ? t.rich[field as RichField] : null;
}

/** The rows at `indexes`, as a new table (the filter and split helper). */
export function selectRows(t: DealerMonths, indexes: ArrayLike<number>): DealerMonths {
	const n = indexes.length;
	const out = emptyDealerMonths(n, t.rich !== null, t);
	for (let i = 0; i < n; i++) {
		const r = indexes[i];
		out.bac[i] = t.bac[r];
		out.region[i] = t.region[r];
		out.month[i] = t.month[r];
		out.vendor[i] = t.vendor[r];
	}
	const copy = (from: Float64Array, to: Float64Array) => {
		for (let i = 0; i < n; i++) to[i] = from[indexes[i]];
	};
	for (const f of FUNNEL_FIELDS) copy(t.funnel[f], out.funnel[f]);
	if (t.rich && out.rich) for (const f of RICH_FIELDS) copy(t.rich[f], out.rich[f]);
	return out;
}

/** Row indexes grouped by dealer code, dealers in order of first appearance. */
export function rowsByDealer(t: Pick<DealerMonths, 'n' | 'bac'>): Map<number, number[]> {
	const groups = new Map<number, number[]>();
	for (let i = 0; i < t.n; i++) {
		const rows = groups.get(t.bac[i]);
		if (rows) rows.push(i);
		else groups.set(t.bac[i], [i]);
	}
	return groups;
}
