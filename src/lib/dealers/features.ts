/**
 * The one feature transform of the expected-sales model, used by `npm run train`, the scoring
 * worker and the one-dealer form. Expected sales must not know who the dealer is or how well it
 * sells (that is what the tool measures), so the features are only what arrives at the dealer:
 * traffic (VDP views, visitors), leads (from the website and from the other sources), the dealer's
 * size (its mean monthly VDP views over the rows given), region and month. Counts enter as
 * log(1 + x): the model works on ratios, as the funnel does. Pure TS, no DOM.
 */
import { rowsByDealer, MONTHS, type DealerMonths } from './table';

/**
 * What turns names into feature positions: the regions of the training data, in one-hot order, and
 * each region's share of the training rows. A region the model never saw is encoded as those
 * shares (the average region) rather than as a pattern of zeros it has never seen.
 */
export interface DealerEncoders {
	regions: string[];
	regionShares: number[];
}

export const COUNT_FEATURES = ['log_vdp_views', 'log_visitors', 'log_visitor_conversions', 'log_leads', 'log_other_leads', 'log_dealer_size'] as const;

export function featureNames(enc: DealerEncoders): string[] {
	return [...COUNT_FEATURES, ...enc.regions.map((r) => `region_${r}`), ...MONTHS.map((m) => `month_${m}`)];
}

export function featureCount(enc: DealerEncoders): number {
	return COUNT_FEATURES.length + enc.regions.length + MONTHS.length;
}

/** Which features are one-hot (the network's scaler passes them through). */
export function oneHotMask(enc: DealerEncoders): boolean[] {
	return featureNames(enc).map((_, j) => j >= COUNT_FEATURES.length);
}

/** Each row's dealer size: the dealer's mean monthly VDP views over all its rows in the table. */
export function dealerSizes(t: DealerMonths): Float64Array {
	const out = new Float64Array(t.n);
	for (const rows of rowsByDealer(t).values()) {
		let sum = 0;
		for (const i of rows) sum += t.funnel.vdpViews[i];
		const size = sum / rows.length;
		for (const i of rows) out[i] = size;
	}
	return out;
}

/** One dealer-month's funnel, as the form gives it. */
export interface DealerMonthInput {
	vdpViews: number;
	visitors: number;
	conversions: number;
	leads: number;
	/** Mean monthly VDP views of the dealer (defaults to this month's). */
	size?: number;
	/** Region name (one the model does not know is encoded as the average region). */
	region: string;
	/** 0 = Jan .. 11 = Dec. */
	month: number;
}

function writeRegion(enc: DealerEncoders, slot: number, X: Float64Array, at: number): void {
	if (slot >= 0) X[at + slot] = 1;
	else for (let k = 0; k < enc.regions.length; k++) X[at + k] = enc.regionShares[k];
}

/** Write one row's features at `X[row * width ..]`. */
export function writeInputFeatures(input: DealerMonthInput, enc: DealerEncoders, X: Float64Array, row = 0): void {
	const width = featureCount(enc);
	const o = row * width;
	X.fill(0, o, o + width);
	X[o] = Math.log1p(input.vdpViews);
	X[o + 1] = Math.log1p(input.visitors);
	X[o + 2] = Math.log1p(input.conversions);
	X[o + 3] = Math.log1p(input.leads);
	X[o + 4] = Math.log1p(Math.max(0, input.leads - input.conversions));
	X[o + 5] = Math.log1p(input.size ?? input.vdpViews);
	writeRegion(enc, enc.regions.indexOf(input.region), X, o + COUNT_FEATURES.length);
	X[o + COUNT_FEATURES.length + enc.regions.length + input.month] = 1;
}

/** The feature matrix of a whole table (row-major), sizes computed over the table unless given. */
export function featureMatrix(t: DealerMonths, enc: DealerEncoders, sizes: Float64Array = dealerSizes(t)): Float64Array {
	const width = featureCount(enc);
	const X = new Float64Array(t.n * width);
	// Region name -> one-hot position, once per table rather than once per row.
	const regionSlot = t.regionNames.map((name) => enc.regions.indexOf(name));
	const { vdpViews, visitors, conversions, leads } = t.funnel;
	const monthAt = COUNT_FEATURES.length + enc.regions.length;
	for (let i = 0, o = 0; i < t.n; i++, o += width) {
		X[o] = Math.log1p(vdpViews[i]);
		X[o + 1] = Math.log1p(visitors[i]);
		X[o + 2] = Math.log1p(conversions[i]);
		X[o + 3] = Math.log1p(leads[i]);
		X[o + 4] = Math.log1p(Math.max(0, leads[i] - conversions[i]));
		X[o + 5] = Math.log1p(sizes[i]);
		writeRegion(enc, regionSlot[t.region[i]], X, o + COUNT_FEATURES.length);
		X[o + monthAt + t.month[i]] = 1;
	}
	return X;
}
