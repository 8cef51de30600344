/**
 * The Insiders analysis of one set of customers, as the marketing team asks for it: every customer
 * placed in the model's clusters, each cluster's profile against the rest, how many Insiders and
 * their revenue share, the revenue to expect from them, entry and exit rules a marketer can apply,
 * the evidence that Insiders differ from the rest, and what to do with each cluster. `npm run train`
 * runs it on the training customers (the page's first view, stored in the artifact) and the upload
 * worker on the customers of a dropped file, so both views are computed by the same code. The parts
 * have modules of their own (clusters.ts, identifiedCustomers.ts, insiderRules.ts, insidersForecast.ts,
 * segmentMap.ts); this one puts them together, with the evidence and the anonymous invoices. Pure, no DOM.
 */
import { valuesAt } from '../core/valuesAt';
import { bootstrapInterval, mannWhitneyU, type BootstrapInterval, type MannWhitneyResult } from '../core/stats';
import type { CustomerFeature, CustomerTable } from './features';
import { clusterMembers, clusterSummaries, overallSpread, type ClusterNaming, type ClusterSummary, type FeatureSpread, type SegmentAssignments } from './clusters';
import { identifiedCustomers, type ForecastTable } from './identifiedCustomers';
import { insiderRules, type EntryRule, type ExitRule } from './insiderRules';
import { insidersForecast, type InsidersForecast, type RevenueForecast } from './insidersForecast';
import { mapSample, type MapSample, type SegmentMap } from './segmentMap';

const BOOTSTRAP = { resamples: 2000, level: 0.95, seed: 20260101 };

export interface InsidersEvidence {
	insidersMean: BootstrapInterval;
	restMean: BootstrapInterval;
	/** One-sided Mann-Whitney U test: are Insiders' revenues larger than the rest's? */
	test: MannWhitneyResult;
}

/**
 * Invoices with no customer id. The original analysis made each one a customer of its own (1,366 of
 * its 5,696 "customers"); here they are placed by the model like everyone, but counted apart and
 * kept out of the clusters' figures, the Insiders, the rules, the evidence and the forecast.
 */
export interface AnonymousInvoices {
	/** Invoices with no customer id and at least one purchase. */
	invoices: number;
	/** Their gross revenue, and its share of all gross revenue. */
	revenue: number;
	revenueShare: number;
	/** Where the model would place them, per cluster (what the original counted as customers of each). */
	byCluster: number[];
}

export interface SegmentsAnalysis {
	/** Customers with a customer id (anonymous invoices are counted apart, in `anonymous`). */
	customers: number;
	/** Invoices with no customer id (the original's "guest customers", one per invoice). */
	guestCustomers: number;
	anonymous: AnonymousInvoices;
	/** All gross revenue, anonymous invoices included: the denominator of every revenue share. */
	totalRevenue: number;
	/** First and last date of the data, ISO (YYYY-MM-DD). */
	period: [string, string];
	/** The longest time since a last purchase, in days: a recency threshold at or above it excludes nobody. */
	maxRecencyDays: number;
	insiders: number;
	clusters: ClusterSummary[];
	/** Spread of every feature over all customers. */
	overall: Record<CustomerFeature, FeatureSpread>;
	evidence: InsidersEvidence | null;
	forecast: RevenueForecast | null;
	/** Why there is no forecast, when there is none and there are Insiders. */
	forecastRefused?: string;
	entry: EntryRule | null;
	exit: ExitRule | null;
	map: MapSample;
}

function isoDate(ms: number): string {
	return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

/**
 * Analyse a customer table with the model's clusters (`assignments` from `assignTable`). Anonymous
 * invoices (no customer id) are counted apart: every figure below is of the customers with an id,
 * except revenue shares, which are of all revenue (so the clusters and the anonymous invoices add up to 100%).
 * `computedForecast`: the Insiders' forecast when it is computed apart (outcome.ts: `forecastJob`,
 * then `insidersForecast` with model fits made on another thread); else it is computed here.
 * `purchases`: the identified customers' purchases when the caller has them (`forecastJob`'s table).
 */
export function analyseSegments(
	allTable: CustomerTable,
	allAssignments: SegmentAssignments,
	model: { names: readonly ClusterNaming[]; insiders: number; map: SegmentMap; features: readonly CustomerFeature[] },
	computedForecast?: InsidersForecast,
	purchases?: ForecastTable
): SegmentsAnalysis {
	const k = model.names.length;
	let totalRevenue = 0;
	let guestCustomers = 0;
	let anonymousRevenue = 0;
	const anonymousByCluster = new Array<number>(k).fill(0);
	for (let i = 0; i < allTable.count; i++) {
		const r = allTable.features.grossRevenue[i];
		totalRevenue += r;
		if (allTable.guest[i]) {
			guestCustomers++;
			anonymousRevenue += r;
			anonymousByCluster[allAssignments.cluster[i]]++;
		}
	}
	const anonymous: AnonymousInvoices = {
		invoices: guestCustomers,
		revenue: anonymousRevenue,
		revenueShare: totalRevenue > 0 ? anonymousRevenue / totalRevenue : 0,
		byCluster: anonymousByCluster
	};
	const { table, assignments } = identifiedCustomers(allTable, allAssignments, model.features.length, purchases);
	const n = table.count;
	const revenue = table.features.grossRevenue;
	const membersOf = clusterMembers(assignments.cluster, k);
	const clusters = clusterSummaries(table, membersOf, model.names, totalRevenue);
	const overall = overallSpread(table);

	const insiders = membersOf[model.insiders];
	const isInsider = new Uint8Array(n);
	for (const i of insiders) isInsider[i] = 1;
	const rest = new Float64Array(n - insiders.length);
	const insiderRevenue = valuesAt(revenue, insiders);
	for (let i = 0, r = 0; i < n; i++) if (!isInsider[i]) rest[r++] = revenue[i];

	let evidence: InsidersEvidence | null = null;
	if (insiders.length >= 2 && rest.length >= 2) {
		evidence = {
			insidersMean: bootstrapInterval(insiderRevenue, BOOTSTRAP),
			restMean: bootstrapInterval(rest, BOOTSTRAP),
			test: mannWhitneyU(insiderRevenue, rest, 'greater')
		};
	}

	const { forecast, refused: forecastRefused } = computedForecast ?? insidersForecast(table, insiders);

	const rules = insiderRules(table, isInsider);
	const m = model.features.length;
	let maxRecencyDays = 0;
	for (let i = 0; i < n; i++) if (table.features.recencyDays[i] > maxRecencyDays) maxRecencyDays = table.features.recencyDays[i];
	return {
		customers: n,
		guestCustomers,
		anonymous,
		totalRevenue,
		period: [isoDate(table.firstDate), isoDate(table.lastDate)],
		maxRecencyDays,
		insiders: model.insiders,
		clusters,
		overall,
		evidence,
		forecast,
		...(forecastRefused ? { forecastRefused } : {}),
		entry: rules?.entry ?? null,
		exit: rules?.exit ?? null,
		map: mapSample(model.map, assignments.points, m, assignments.cluster)
	};
}

/** An analysis made with a stand-in forecast, with the real one put in. */
export function withForecast(analysis: SegmentsAnalysis, computed: InsidersForecast): SegmentsAnalysis {
	const { forecastRefused: _dropped, ...rest } = analysis;
	void _dropped;
	return { ...rest, forecast: computed.forecast, ...(computed.refused ? { forecastRefused: computed.refused } : {}) };
}
