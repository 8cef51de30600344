/**
 * The KPIs of a dealer, a region or the nation over chosen months, from summed counts; the four
 * KPI areas (generating and managing, for sales and for service) as indices where 100 is the
 * nation; and the overall index, by default the original project's 37% generating + 63% managing.
 * A KPI whose columns the file lacks is null and drops out of its area. Pure TS, no DOM.
 */
import { LEAD_SOURCES, SOURCE_FIELDS, type DealerMonths, type LeadSource, type RichField } from './table';

/** Counts summed over some dealer-months. */
export interface Sums {
	rows: number;
	vdpViews: number;
	visitors: number;
	conversions: number;
	leads: number;
	sales: number;
	expected: number;
	peerVisitors: number;
	peerFunnel: number;
	/** Sums of the richer columns over the rows that have them (NaN-free), with how many rows had each. */
	walkIn: number;
	walkInRows: number;
	sourceLeads: Record<LeadSource, number>;
	sourceSales: Record<LeadSource, number>;
	sourceRows: number;
	responded: number;
	respondedLeads: number;
	responseHourLeads: number;
	responseLeads: number;
	loyalty: number;
	loyaltyRows: number;
	serviceLeads: number;
	appointments: number;
	orders: number;
	expectedOrders: number;
	serviceRows: number;
}

export function emptySums(): Sums {
	const zero = () => Object.fromEntries(LEAD_SOURCES.map((s) => [s, 0])) as Record<LeadSource, number>;
	return {
		rows: 0, vdpViews: 0, visitors: 0, conversions: 0, leads: 0, sales: 0, expected: 0, peerVisitors: 0, peerFunnel: 0,
		walkIn: 0, walkInRows: 0, sourceLeads: zero(), sourceSales: zero(), sourceRows: 0, responded: 0, respondedLeads: 0,
		responseHourLeads: 0, responseLeads: 0, loyalty: 0, loyaltyRows: 0, serviceLeads: 0, appointments: 0, orders: 0, expectedOrders: 0, serviceRows: 0
	};
}

/** Per-row values that are not in the table: the model's. */
export interface RowScores {
	expected: ArrayLike<number>;
	peerVisitors: ArrayLike<number>;
	peerFunnel: ArrayLike<number>;
	expectedOrders: ArrayLike<number> | null;
}

/** Add row `i` of the table to `s`. */
export function addRow(s: Sums, t: DealerMonths, scores: RowScores, i: number): void {
	const f = t.funnel;
	s.rows++;
	s.vdpViews += f.vdpViews[i];
	s.visitors += f.visitors[i];
	s.conversions += f.conversions[i];
	s.leads += f.leads[i];
	s.sales += f.sales[i];
	s.expected += scores.expected[i];
	s.peerVisitors += scores.peerVisitors[i];
	s.peerFunnel += scores.peerFunnel[i];
	const r = t.rich;
	if (!r) return;
	if (Number.isFinite(r.salesWalkIn[i])) {
		s.walkIn += r.salesWalkIn[i];
		s.walkInRows++;
	}
	let complete = true;
	for (const src of LEAD_SOURCES) {
		const { leads, sales } = SOURCE_FIELDS[src];
		const l = leads === 'conversions' ? f.conversions[i] : r[leads as RichField][i];
		if (!Number.isFinite(l) || !Number.isFinite(r[sales as RichField][i])) complete = false;
	}
	if (complete) {
		s.sourceRows++;
		for (const src of LEAD_SOURCES) {
			const { leads, sales } = SOURCE_FIELDS[src];
			s.sourceLeads[src] += leads === 'conversions' ? f.conversions[i] : r[leads as RichField][i];
			s.sourceSales[src] += r[sales as RichField][i];
		}
	}
	if (Number.isFinite(r.respondedWithin30[i])) {
		s.responded += r.respondedWithin30[i];
		s.respondedLeads += f.leads[i];
	}
	if (Number.isFinite(r.avgResponseHours[i])) {
		s.responseHourLeads += r.avgResponseHours[i] * f.leads[i];
		s.responseLeads += f.leads[i];
	}
	if (Number.isFinite(r.salesLoyalty[i])) {
		s.loyalty += r.salesLoyalty[i];
		s.loyaltyRows++;
	}
	if (Number.isFinite(r.serviceLeads[i]) && Number.isFinite(r.serviceAppointments[i]) && Number.isFinite(r.serviceOrders[i])) {
		s.serviceLeads += r.serviceLeads[i];
		s.appointments += r.serviceAppointments[i];
		s.orders += r.serviceOrders[i];
		s.expectedOrders += scores.expectedOrders?.[i] ?? 0;
		s.serviceRows++;
	}
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export interface KpiValues {
	salesPerMonth: number | null;
	expectedPerMonth: number | null;
	/** Sales over expected sales. */
	effectiveness: number | null;
	leadsPerMonth: number | null;
	vdpPerMonth: number | null;
	visitorShare: number | null;
	conversionRate: number | null;
	/**
	 * Sales from leads over leads when walk-ins are known (the close rate); otherwise all sales over
	 * leads ("sales per lead"); with a lead source chosen, that source's sales over its leads.
	 */
	closeRate: number | null;
	closeRateKind: 'close rate' | 'sales per lead' | 'source close rate';
	within30: number | null;
	avgResponseHours: number | null;
	loyalty: number | null;
	serviceCloseRate: number | null;
	appointmentRate: number | null;
	serviceEffectiveness: number | null;
}

/** KPI values of summed rows; `source` narrows the lead KPIs to one lead source. */
export function kpiValues(s: Sums, source: LeadSource | null = null): KpiValues {
	const perMonth = (v: number) => ratio(v, s.rows);
	let closeRate: number | null;
	let closeRateKind: KpiValues['closeRateKind'];
	if (source) {
		closeRate = s.sourceRows === s.rows ? ratio(s.sourceSales[source], s.sourceLeads[source]) : null;
		closeRateKind = 'source close rate';
	} else if (s.walkInRows === s.rows && s.rows > 0) {
		closeRate = ratio(s.sales - s.walkIn, s.leads);
		closeRateKind = 'close rate';
	} else {
		closeRate = ratio(s.sales, s.leads);
		closeRateKind = 'sales per lead';
	}
	const leads = source ? (s.sourceRows === s.rows ? s.sourceLeads[source] : NaN) : s.leads;
	return {
		salesPerMonth: perMonth(s.sales),
		expectedPerMonth: perMonth(s.expected),
		effectiveness: ratio(s.sales, s.expected),
		leadsPerMonth: Number.isFinite(leads) ? perMonth(leads) : null,
		vdpPerMonth: perMonth(s.vdpViews),
		visitorShare: ratio(s.visitors, s.vdpViews),
		conversionRate: ratio(s.conversions, s.visitors),
		closeRate,
		closeRateKind,
		within30: ratio(s.responded, s.respondedLeads),
		avgResponseHours: ratio(s.responseHourLeads, s.responseLeads),
		loyalty: ratio(s.loyalty, s.loyaltyRows),
		serviceCloseRate: ratio(s.orders, s.serviceLeads),
		appointmentRate: ratio(s.appointments, s.serviceLeads),
		serviceEffectiveness: ratio(s.orders, s.expectedOrders)
	};
}

/** How the overall index weighs the areas: generating against managing, sales against service. */
export interface IndexWeights {
	/** Share of the overall index given to generating (the original: 0.37). */
	generating: number;
	/** Share of each area given to sales rather than service. */
	sales: number;
}

export const ORIGINAL_WEIGHTS: IndexWeights = { generating: 0.37, sales: 0.75 };

/** The KPIs of each managing area (all higher-is-better), compared with the nation. */
export const MANAGING_KPIS = {
	sales: ['closeRate', 'within30', 'loyalty'],
	service: ['serviceCloseRate', 'appointmentRate']
} as const satisfies Record<string, readonly (keyof KpiValues)[]>;

export interface AreaIndices {
	salesGenerating: number | null;
	serviceGenerating: number | null;
	salesManaging: number | null;
	serviceManaging: number | null;
	generating: number | null;
	managing: number | null;
	overall: number | null;
}

function relative(value: number | null, nation: number | null): number | null {
	return value !== null && nation !== null && nation > 0 ? (100 * value) / nation : null;
}

function meanOf(values: (number | null)[]): number | null {
	const known = values.filter((v): v is number => v !== null);
	return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** Weighted mean of the known parts, weights renormalised over them. */
function blend(a: number | null, b: number | null, weightA: number): number | null {
	if (a === null) return b;
	if (b === null) return a;
	return weightA * a + (1 - weightA) * b;
}

/** The four areas and the overall index of `k` against the nation's `nation` (100 = the nation). */
export function areaIndices(k: KpiValues, nation: KpiValues, w: IndexWeights = ORIGINAL_WEIGHTS): AreaIndices {
	const salesGenerating = relative(k.effectiveness, nation.effectiveness);
	const serviceGenerating = relative(k.serviceEffectiveness, nation.serviceEffectiveness);
	const salesManaging = meanOf(MANAGING_KPIS.sales.map((key) => relative(k[key], nation[key])));
	const serviceManaging = meanOf(MANAGING_KPIS.service.map((key) => relative(k[key], nation[key])));
	const generating = blend(salesGenerating, serviceGenerating, w.sales);
	const managing = blend(salesManaging, serviceManaging, w.sales);
	return { salesGenerating, serviceGenerating, salesManaging, serviceManaging, generating, managing, overall: blend(generating, managing, w.generating) };
}
