/**
 * Every parameter of the synthetic dealer network, in one place: the generator reads them, and
 * `GENERATOR_TABLE` turns them into the table printed in the README and the model card, so the
 * documentation cannot drift from the code. No public dealer-level data exists; these values are
 * chosen to match the original project's facts (close rate about 10%, 30-minute response about
 * 64%, sales loyalty about 88%) and public reference points (about 16% of leads end in a sale,
 * responses take hours), and are not estimates from real dealers.
 */
import { MONTHS, REGIONS, VENDORS } from './table';
import { formatDecimal } from '../core/decimalText';

export const NETWORK = {
	dealers: 5000,
	firstBac: 11111,
	/** Dealer size: lognormal multiplier of traffic (median 1). */
	sizeSigma: 0.6,
	/** Monthly VDP views of a median-size dealer in an average region and month. */
	vdpPerMonth: 6000,
	/** Month-to-month noise of traffic (lognormal sd). */
	trafficNoise: 0.1,
	/** Unique visitors as a share of VDP views, and conversions (website leads) as a share of visitors. */
	visitorShare: 0.38,
	conversionRate: 0.027,
	/** Leads per month from the other sources for a median dealer (Poisson), and each dealer's lognormal mix sd per source. */
	otherLeads: { brandWebsite: 22, thirdParty: 35, phoneChat: 18 },
	sourceMixSigma: 0.25,
	/** Share of leads that end in a sale, by source, when answered within 30 minutes. */
	closeRate: { dealerWebsite: 0.122, brandWebsite: 0.106, thirdParty: 0.069, phoneChat: 0.18 },
	/**
	 * Sales capacity: a dealer-month with many leads closes a smaller share of them, close rate x
	 * (leads / reference)^-elasticity (a busy showroom follows up less; a small one chases every lead).
	 */
	leadCapacity: { reference: 150, elasticity: 0.15 },
	/** A lead answered after 30 minutes closes at this fraction of the rate above. */
	lateResponseClose: 0.72,
	/** Share of leads answered within 30 minutes, per dealer: normal(mean, sd) clipped to [min, max]. */
	within30: { mean: 0.643, sd: 0.1, min: 0.15, max: 0.98 },
	/** Hours to answer the other leads, per dealer: lognormal median and sd; answers within 30 minutes take 10 minutes on average. */
	lateHours: { median: 10, sigma: 0.5 },
	fastHours: 1 / 6,
	/** Walk-in sales of a median dealer per month (Poisson), growing with size^walkInSizePower. */
	walkIns: 9,
	walkInSizePower: 0.6,
	/** Dealer-month shock to the chance of closing (lognormal sd): inventory, staffing, luck. */
	closeMonthNoise: 0.08,
	/** The dealer-specific step effects (lognormal, mean 1): what the tool must find. */
	dealerEffects: { visitorShare: 0.1, conversion: 0.22, close: 0.18 },
	/** Share of dealers with one clearly weak step (visitor share, conversion or closing, equally likely), and its factor. */
	weakStep: { share: 0.12, factor: 0.65 },
	/** Service: leads per month of a median dealer (Poisson, size^0.9), appointment and repair-order rates, dealer effects (lognormal sd). */
	service: { leads: 38, sizePower: 0.9, appointmentRate: 0.62, orderRate: 0.74, appointmentEffect: 0.1, orderEffect: 0.12 },
	/** Sales loyalty (% of owners who buy the brand again), per dealer normal(mean, sd), plus monthly noise; clipped to 60..100. */
	loyalty: { mean: 88.1, sd: 3, monthSd: 1.2 }
} as const;

/** Regional effects, in the order of REGIONS (dealers are assigned in rotation). */
export const REGION_EFFECTS = {
	/** Traffic (and other leads, service leads) multiplier. */
	demand: [1.0, 1.08, 0.86, 1.04, 1.12],
	/** Multiplier of every close rate. */
	close: [1.1, 0.92, 1.16, 0.86, 0.97],
	/** Multiplier of walk-in sales. */
	walkIns: [0.8, 1.1, 1.4, 1.0, 0.75]
} as const;

/** Website vendors: their share of dealers and their effect on visitor share and conversion. */
export const VENDOR_EFFECTS = {
	share: [0.35, 0.3, 0.2, 0.15],
	visitorShare: [1.04, 1.0, 0.97, 0.92],
	conversion: [1.1, 1.0, 0.94, 0.85]
} as const;

/** Monthly profiles, Jan..Dec: traffic has a spring peak and a winter dip; sales add quarter-end pushes. */
export const SEASONS = {
	traffic: [0.84, 0.88, 1.06, 1.12, 1.14, 1.04, 0.98, 1.02, 1.0, 0.96, 0.94, 0.98],
	/** Multiplier of close rates and walk-ins (quarter ends Mar, Jun, Sep, Dec; year end strongest). */
	sales: [0.78, 0.86, 1.2, 1.0, 1.06, 1.16, 0.96, 1.04, 1.14, 0.94, 1.0, 1.28],
	service: [1.1, 1.08, 1.0, 0.98, 0.98, 0.96, 0.94, 0.95, 1.0, 1.02, 1.04, 1.06]
} as const;

/** The seed of the network training reads, and of the (different) demo network the page shows. */
export const TRAINING_SEED = 20260112;
export const DEMO_SEED = 20260612;

export interface GeneratorRow {
	what: string;
	distribution: string;
	parameters: string;
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const list = (values: readonly number[], names: readonly string[]) => names.map((n, i) => `${n} ${values[i]}`).join(', ');
const months = (values: readonly number[]) => list(values, MONTHS);

/** The generator as a table: one row per quantity, its distribution and parameters. */
export const GENERATOR_TABLE: readonly GeneratorRow[] = [
	{ what: 'Dealers', distribution: 'fixed', parameters: `${formatDecimal(NETWORK.dealers)} dealers, BAC ${NETWORK.firstBac}-${NETWORK.firstBac + NETWORK.dealers - 1}, 12 months (Jan-Dec)` },
	{ what: 'Region', distribution: 'in rotation (dealer i gets region i mod 5)', parameters: REGIONS.join(', ') },
	{ what: 'Dealer size', distribution: 'lognormal', parameters: `median 1, sigma ${NETWORK.sizeSigma}` },
	{ what: 'Website vendor', distribution: 'categorical', parameters: list(VENDOR_EFFECTS.share, VENDORS) },
	{ what: 'VDP views per month', distribution: 'size x regional demand x traffic season x lognormal noise', parameters: `${formatDecimal(NETWORK.vdpPerMonth)} for a median dealer; noise sigma ${NETWORK.trafficNoise}` },
	{ what: 'Regional demand', distribution: 'multiplier of traffic, other leads and service leads', parameters: list(REGION_EFFECTS.demand, REGIONS) },
	{ what: 'Traffic season', distribution: 'multiplier by month', parameters: months(SEASONS.traffic) },
	{ what: 'Visitors', distribution: 'binomial(VDP views, share)', parameters: `share ${pct(NETWORK.visitorShare)} x vendor (${VENDOR_EFFECTS.visitorShare.join(', ')}) x dealer effect` },
	{ what: 'Visitor conversions (dealer-website leads)', distribution: 'binomial(visitors, rate)', parameters: `rate ${pct(NETWORK.conversionRate)} x vendor (${VENDOR_EFFECTS.conversion.join(', ')}) x dealer effect` },
	{ what: 'Other leads by source', distribution: 'Poisson', parameters: `per month for a median dealer: brand website ${NETWORK.otherLeads.brandWebsite}, third-party ${NETWORK.otherLeads.thirdParty}, phone & chat ${NETWORK.otherLeads.phoneChat}; x size x demand x traffic season x the dealer's source mix (lognormal, sigma ${NETWORK.sourceMixSigma}, per source)` },
	{ what: 'Lead response', distribution: 'per dealer: share within 30 min normal, clipped; later answers lognormal hours', parameters: `within 30 min: mean ${pct(NETWORK.within30.mean)}, sd ${pct(NETWORK.within30.sd)}, clipped ${pct(NETWORK.within30.min, 0)}-${pct(NETWORK.within30.max, 0)}; later: median ${NETWORK.lateHours.median} h, sigma ${NETWORK.lateHours.sigma}; fast answers take ${Math.round(NETWORK.fastHours * 60)} min. Monthly count answered within 30 min: binomial(leads, share)` },
	{ what: 'Sales from leads', distribution: 'binomial(leads of a source, close rate), per source', parameters: `close rate when answered within 30 min: dealer website ${pct(NETWORK.closeRate.dealerWebsite)}, brand website ${pct(NETWORK.closeRate.brandWebsite)}, third-party ${pct(NETWORK.closeRate.thirdParty)}, phone & chat ${pct(NETWORK.closeRate.phoneChat)}; later answers close at x${NETWORK.lateResponseClose}; x (leads that month / ${NETWORK.leadCapacity.reference})^-${NETWORK.leadCapacity.elasticity} (sales capacity); x region (${REGION_EFFECTS.close.join(', ')}) x sales season x dealer close effect x dealer-month shock (lognormal sigma ${NETWORK.closeMonthNoise})` },
	{ what: 'Walk-in sales', distribution: 'Poisson', parameters: `${NETWORK.walkIns} per month x size^${NETWORK.walkInSizePower} x region (${REGION_EFFECTS.walkIns.join(', ')}) x sales season x dealer close effect` },
	{ what: 'Sales season', distribution: 'multiplier of close rates and walk-ins by month', parameters: months(SEASONS.sales) },
	{ what: 'Dealer step effects (the truth the tool must find)', distribution: 'lognormal, mean 1, per dealer and step', parameters: `sigma: visitor share ${NETWORK.dealerEffects.visitorShare}, conversion ${NETWORK.dealerEffects.conversion}, closing ${NETWORK.dealerEffects.close}; ${pct(NETWORK.weakStep.share, 0)} of dealers have one step (equally likely) further x${NETWORK.weakStep.factor}` },
	{ what: 'Service', distribution: 'Poisson leads; binomial appointments and repair orders', parameters: `${NETWORK.service.leads} service leads per month x size^${NETWORK.service.sizePower} x demand x service season (${SEASONS.service.join(', ')}); appointments ${pct(NETWORK.service.appointmentRate, 0)} of leads, repair orders ${pct(NETWORK.service.orderRate, 0)} of appointments, each x a dealer effect (lognormal sigma ${NETWORK.service.appointmentEffect}, ${NETWORK.service.orderEffect})` },
	{ what: 'Sales loyalty', distribution: 'normal per dealer + normal per month, clipped 60-100', parameters: `mean ${NETWORK.loyalty.mean}%, dealer sd ${NETWORK.loyalty.sd}, month sd ${NETWORK.loyalty.monthSd}` },
	{ what: 'Seeds', distribution: 'mulberry32', parameters: `training network ${TRAINING_SEED}; demo network on the page ${DEMO_SEED} (other dealers, same parameters)` }
];
