/**
 * The seeded synthetic dealer network (parameters and their documentation in `params.ts`). It
 * returns the dealer-months in the richer layout and the truth behind them: each dealer's step
 * effects, and the expected sales of every dealer-month with the dealer's own effects and with the
 * network's average ones, which is what the tool's estimates are checked against. Pure TS, no DOM;
 * the page regenerates the demo network from its seed instead of downloading it.
 */
import { binomial, logNormal, normal, poisson, seededRandom } from '../core/random';
import { NETWORK, REGION_EFFECTS, SEASONS, VENDOR_EFFECTS } from './params';
import { emptyDealerMonths, LEAD_SOURCES, REGIONS, type DealerMonths, type LeadSource } from './table';

/** Which step a dealer is clearly weak at (beyond its ordinary effects). */
export const WEAK_STEPS = ['none', 'visitorShare', 'conversion', 'close'] as const;
export type WeakStep = (typeof WEAK_STEPS)[number];

/** Per dealer, in BAC order: what the generator drew. */
export interface DealerTruth {
	count: number;
	bac: Int32Array;
	size: Float64Array;
	/** Step multipliers including the vendor's (visitor share, conversion) and the weak step. */
	visitorShare: Float64Array;
	conversion: Float64Array;
	/** The dealer's own closing effect (also applied to walk-ins). */
	close: Float64Array;
	/** Relative close rate from response speed: within30 + lateResponseClose x (1 - within30). */
	response: Float64Array;
	within30: Float64Array;
	/** Index into WEAK_STEPS. */
	weakStep: Uint8Array;
	serviceAppointment: Float64Array;
	serviceOrder: Float64Array;
}

export interface GeneratedNetwork {
	months: DealerMonths;
	truth: DealerTruth;
	/**
	 * Per dealer-month, the sales the generator expects given the month's realised leads and traffic:
	 * with the dealer's own closing and response (`expectedSales`), and with the network's average
	 * ones (`averageDealerSales`). Their ratio, summed over a dealer's months, is the dealer's true
	 * sales effectiveness, the quantity actual / expected estimates.
	 */
	expectedSales: Float64Array;
	averageDealerSales: Float64Array;
	/**
	 * Per dealer-month, expected sales had the dealer average effects at every step (visitor share,
	 * conversion and closing; vendor effects averaged too): its true sales opportunity is this minus
	 * `expectedSales`.
	 */
	averageFunnelSales: Float64Array;
}

const meanOne = (sigma: number) => -0.5 * sigma * sigma;

function pickIndex(random: () => number, shares: readonly number[]): number {
	let u = random();
	for (let i = 0; i < shares.length - 1; i++) {
		if (u < shares[i]) return i;
		u -= shares[i];
	}
	return shares.length - 1;
}

function drawDealers(random: () => number, count: number): DealerTruth & { region: Uint8Array; vendor: Uint8Array; lateHours: Float64Array; mix: Float64Array; loyalty: Float64Array } {
	const t = {
		count,
		bac: new Int32Array(count),
		region: new Uint8Array(count),
		vendor: new Uint8Array(count),
		size: new Float64Array(count),
		visitorShare: new Float64Array(count),
		conversion: new Float64Array(count),
		close: new Float64Array(count),
		response: new Float64Array(count),
		within30: new Float64Array(count),
		lateHours: new Float64Array(count),
		weakStep: new Uint8Array(count),
		serviceAppointment: new Float64Array(count),
		serviceOrder: new Float64Array(count),
		/** Source-mix multipliers of the three other sources, 3 per dealer. */
		mix: new Float64Array(count * 3),
		loyalty: new Float64Array(count)
	};
	const fx = NETWORK.dealerEffects;
	const w = NETWORK.within30;
	for (let d = 0; d < count; d++) {
		t.bac[d] = NETWORK.firstBac + d;
		t.region[d] = d % REGIONS.length;
		t.vendor[d] = pickIndex(random, VENDOR_EFFECTS.share);
		t.size[d] = logNormal(random, 0, NETWORK.sizeSigma);
		let visitor = logNormal(random, meanOne(fx.visitorShare), fx.visitorShare);
		let conversion = logNormal(random, meanOne(fx.conversion), fx.conversion);
		let close = logNormal(random, meanOne(fx.close), fx.close);
		if (random() < NETWORK.weakStep.share) {
			const step = 1 + Math.floor(random() * 3);
			t.weakStep[d] = step;
			if (step === 1) visitor *= NETWORK.weakStep.factor;
			else if (step === 2) conversion *= NETWORK.weakStep.factor;
			else close *= NETWORK.weakStep.factor;
		}
		t.visitorShare[d] = visitor * VENDOR_EFFECTS.visitorShare[t.vendor[d]];
		t.conversion[d] = conversion * VENDOR_EFFECTS.conversion[t.vendor[d]];
		t.close[d] = close;
		t.within30[d] = Math.min(w.max, Math.max(w.min, normal(random, w.mean, w.sd)));
		t.response[d] = t.within30[d] + NETWORK.lateResponseClose * (1 - t.within30[d]);
		t.lateHours[d] = logNormal(random, Math.log(NETWORK.lateHours.median), NETWORK.lateHours.sigma);
		for (let s = 0; s < 3; s++) t.mix[d * 3 + s] = logNormal(random, meanOne(NETWORK.sourceMixSigma), NETWORK.sourceMixSigma);
		const svc = NETWORK.service;
		t.serviceAppointment[d] = logNormal(random, meanOne(svc.appointmentEffect), svc.appointmentEffect);
		t.serviceOrder[d] = logNormal(random, meanOne(svc.orderEffect), svc.orderEffect);
		t.loyalty[d] = normal(random, NETWORK.loyalty.mean, NETWORK.loyalty.sd);
	}
	return t;
}

const OTHER_SOURCES = ['brandWebsite', 'thirdParty', 'phoneChat'] as const satisfies readonly LeadSource[];

function meanOf(values: ArrayLike<number>, f: (v: number, i: number) => number = (v) => v): number {
	let s = 0;
	for (let i = 0; i < values.length; i++) s += f(values[i], i);
	return s / values.length;
}

/** Generate a whole network: every dealer for 12 months, rows ordered by dealer then month. */
export function generateNetwork(seed: number, dealers: number = NETWORK.dealers): GeneratedNetwork {
	const random = seededRandom(seed);
	const d = drawDealers(random, dealers);
	const n = dealers * 12;
	const t = emptyDealerMonths(n, true);
	const rich = t.rich!;
	const f = t.funnel;
	const expectedSales = new Float64Array(n);
	const averageDealerSales = new Float64Array(n);
	const averageFunnelSales = new Float64Array(n);
	// The network's average dealer: mean closing x response (lead sales), mean closing (walk-ins), mean step effects.
	const avgLeadClose = meanOf(d.close, (c, i) => c * d.response[i]);
	const avgClose = meanOf(d.close);
	const avgVisitor = meanOf(d.visitorShare);
	const avgConversion = meanOf(d.conversion);
	// Parameters read once into locals: the loop below runs 12 times per dealer.
	const { vdpPerMonth, trafficNoise, visitorShare, conversionRate, closeMonthNoise, fastHours, walkIns, walkInSizePower, leadCapacity, loyalty, service: svc } = NETWORK;
	const closeRates = LEAD_SOURCES.map((s) => NETWORK.closeRate[s]);
	const otherLeads = OTHER_SOURCES.map((s) => NETWORK.otherLeads[s]);
	const salesColumns = [rich.salesDealerWebsite, rich.salesBrandWebsite, rich.salesThirdParty, rich.salesPhoneChat];
	const leadColumns = [f.conversions, rich.leadsBrandWebsite, rich.leadsThirdParty, rich.leadsPhoneChat];
	const leads = new Float64Array(4);
	const shockMu = meanOne(closeMonthNoise);

	for (let dealer = 0, row = 0; dealer < dealers; dealer++) {
		const region = d.region[dealer];
		const size = d.size[dealer];
		const demand = REGION_EFFECTS.demand[region] * size;
		const walkInBase = walkIns * Math.pow(size, walkInSizePower) * REGION_EFFECTS.walkIns[region];
		const serviceBase = svc.leads * Math.pow(size, svc.sizePower) * REGION_EFFECTS.demand[region];
		const dealerClose = d.close[dealer] * d.response[dealer];
		const visitorP = Math.min(0.95, visitorShare * d.visitorShare[dealer]);
		const conversionP = Math.min(0.5, conversionRate * d.conversion[dealer]);
		const appointmentP = Math.min(0.98, svc.appointmentRate * d.serviceAppointment[dealer]);
		const orderP = Math.min(0.98, svc.orderRate * d.serviceOrder[dealer]);
		for (let m = 0; m < 12; m++, row++) {
			t.bac[row] = d.bac[dealer];
			t.region[row] = region;
			t.month[row] = m;
			t.vendor[row] = d.vendor[dealer];
			const traffic = demand * SEASONS.traffic[m];
			const vdp = Math.max(1, Math.round(vdpPerMonth * traffic * logNormal(random, 0, trafficNoise)));
			const visitors = binomial(random, vdp, visitorP);
			leads[0] = binomial(random, visitors, conversionP);
			for (let k = 0; k < 3; k++) leads[k + 1] = poisson(random, otherLeads[k] * traffic * d.mix[dealer * 3 + k]);
			const totalLeads = leads[0] + leads[1] + leads[2] + leads[3];

			// Sales: per source, binomial with the dealer-month's close rate; walk-ins Poisson.
			const capacity = totalLeads > 0 ? Math.pow(totalLeads / leadCapacity.reference, -leadCapacity.elasticity) : 1;
			const season = SEASONS.sales[m] * REGION_EFFECTS.close[region];
			const leadSeason = season * capacity;
			const shock = logNormal(random, shockMu, closeMonthNoise);
			let sales = 0;
			let rateSum = 0;
			for (let s = 0; s < 4; s++) {
				const rate = closeRates[s] * leadSeason;
				rateSum += leads[s] * rate;
				const sold = binomial(random, leads[s], Math.min(0.95, rate * dealerClose * shock));
				sales += sold;
				salesColumns[s][row] = sold;
				leadColumns[s][row] = leads[s];
			}
			const walkInMean = walkInBase * SEASONS.sales[m];
			const walkInSales = poisson(random, walkInMean * d.close[dealer] * shock);
			rich.salesWalkIn[row] = walkInSales;
			expectedSales[row] = rateSum * dealerClose + walkInMean * d.close[dealer];
			averageDealerSales[row] = rateSum * avgLeadClose + walkInMean * avgClose;
			// With average visitor share and conversion, the site's leads would be these instead:
			const avgSiteLeads = vdp * Math.min(0.95, visitorShare * avgVisitor) * Math.min(0.5, conversionRate * avgConversion);
			averageFunnelSales[row] = averageDealerSales[row] + (avgSiteLeads - leads[0]) * closeRates[0] * leadSeason * avgLeadClose;

			f.vdpViews[row] = vdp;
			f.visitors[row] = visitors;
			f.leads[row] = totalLeads;
			f.sales[row] = sales + walkInSales;

			const fast = binomial(random, totalLeads, d.within30[dealer]);
			rich.respondedWithin30[row] = fast;
			rich.avgResponseHours[row] =
				totalLeads > 0 ? Math.round(((fast * fastHours + (totalLeads - fast) * d.lateHours[dealer] * logNormal(random, 0, 0.15)) / totalLeads) * 10) / 10 : NaN;
			const loyaltyNow = d.loyalty[dealer] + normal(random, 0, loyalty.monthSd);
			rich.salesLoyalty[row] = Math.round(Math.min(100, Math.max(60, loyaltyNow)) * 10) / 10;

			const serviceLeads = poisson(random, serviceBase * SEASONS.service[m]);
			const appointments = binomial(random, serviceLeads, appointmentP);
			rich.serviceLeads[row] = serviceLeads;
			rich.serviceAppointments[row] = appointments;
			rich.serviceOrders[row] = binomial(random, appointments, orderP);
		}
	}
	const truth: DealerTruth = {
		count: d.count,
		bac: d.bac,
		size: d.size,
		visitorShare: d.visitorShare,
		conversion: d.conversion,
		close: d.close,
		response: d.response,
		within30: d.within30,
		weakStep: d.weakStep,
		serviceAppointment: d.serviceAppointment,
		serviceOrder: d.serviceOrder
	};
	return { months: t, truth, expectedSales, averageDealerSales, averageFunnelSales };
}
