/**
 * Scoring a dealer network: expected sales of every dealer-month, and the two "what if it matched
 * its peers" versions the funnel breakdown needs (visitor share at the median of dealers of its
 * size; then also conversion at that median), plus expected service repair orders. Everything the
 * filters later need is per row, so a filter only sums. Pure TS, no DOM.
 */
import type { ExpectedSalesModel } from './expected';
import { dealerSizes, featureCount, featureMatrix } from './features';
import { bandOf, MIN_DEALERS_FOR_OWN_PEERS, peerReference, type PeerReference } from './peers';
import { rowsByDealer, UNKNOWN, type DealerMonths } from './table';

/** The dealers of a table: each one's rows (contiguous in `order`), attributes and size band. */
export interface DealerIndex {
	count: number;
	bac: Int32Array;
	region: Uint16Array;
	vendor: Uint16Array;
	/** Rows of dealer d are order[start[d]] .. order[start[d + 1] - 1]. */
	order: Int32Array;
	start: Int32Array;
	/** Mean monthly VDP views over all its rows. */
	size: Float64Array;
	band: Uint8Array;
	dealerOfRow: Int32Array;
}

export interface ScoredNetwork {
	table: DealerMonths;
	dealers: DealerIndex;
	/** Expected sales per row. */
	expected: Float64Array;
	/** Expected sales per row had the dealer its peers' median visitor share. */
	peerVisitors: Float64Array;
	/** ... and also its peers' median conversion rate. */
	peerFunnel: Float64Array;
	/** Expected service repair orders per row (null without service leads). */
	expectedOrders: Float64Array | null;
	peers: PeerReference;
	/** Whether the peers are this file's dealers or the training network's (a file with few dealers). */
	peerSource: 'file' | 'reference';
}

export interface ScoreOptions {
	/** The training network's peers, for files with fewer than MIN_DEALERS_FOR_OWN_PEERS dealers. */
	referencePeers: PeerReference;
	/** Repair orders per service lead, [region slot][month]. */
	serviceRates: number[][];
	/** Called with 0..1 as the three scoring passes progress. */
	onProgress?: (fraction: number) => void;
	/** Rows per model call (progress is reported between calls). */
	chunkRows?: number;
}

export function indexDealers(t: DealerMonths, sizes: Float64Array = dealerSizes(t)): Omit<DealerIndex, 'band'> {
	const groups = rowsByDealer(t);
	const count = groups.size;
	const out = {
		count,
		bac: new Int32Array(count),
		region: new Uint16Array(count),
		vendor: new Uint16Array(count),
		order: new Int32Array(t.n),
		start: new Int32Array(count + 1),
		size: new Float64Array(count),
		dealerOfRow: new Int32Array(t.n)
	};
	let d = 0;
	let at = 0;
	for (const [bac, rows] of groups) {
		out.bac[d] = bac;
		out.region[d] = t.region[rows[0]];
		out.vendor[d] = rows.map((r) => t.vendor[r]).find((v) => v !== UNKNOWN) ?? UNKNOWN;
		out.start[d] = at;
		out.size[d] = sizes[rows[0]];
		for (const r of rows) {
			out.order[at++] = r;
			out.dealerOfRow[r] = d;
		}
		d++;
	}
	out.start[count] = at;
	return out;
}

function predictInChunks(model: ExpectedSalesModel, X: Float64Array, n: number, chunk: number, progress: (done: number) => void): Float64Array {
	const width = featureCount(model.encoders);
	const out = new Float64Array(n);
	for (let at = 0; at < n; at += chunk) {
		const end = Math.min(n, at + chunk);
		out.set(model.predict(X.subarray(at * width, end * width), end - at), at);
		progress(end);
	}
	return out;
}

/** Per dealer, summed over its rows: sum of `a` over sum of `b` (NaN when b sums to 0). */
export function dealerRatio(dealers: Pick<DealerIndex, 'count' | 'start' | 'order'>, a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
	const out = new Float64Array(dealers.count);
	for (let d = 0; d < dealers.count; d++) {
		let sa = 0;
		let sb = 0;
		for (let k = dealers.start[d]; k < dealers.start[d + 1]; k++) {
			const r = dealers.order[k];
			sa += a[r];
			sb += b[r];
		}
		out[d] = sb > 0 ? sa / sb : NaN;
	}
	return out;
}

export function scoreNetwork(t: DealerMonths, model: ExpectedSalesModel, opts: ScoreOptions): ScoredNetwork {
	const sizes = dealerSizes(t);
	const index = indexDealers(t, sizes);
	const chunk = opts.chunkRows ?? 5000;
	const report = (pass: number) => (rows: number) => opts.onProgress?.((pass * t.n + rows) / (3 * t.n));

	// 1. Expected sales as the dealer is.
	const enc = model.encoders;
	const expected = predictInChunks(model, featureMatrix(t, enc, sizes), t.n, chunk, report(0));

	// 2. Peers: this file's dealers when there are enough of them, else the training network's.
	const { funnel } = t;
	const rates = {
		size: index.size,
		visitorShare: dealerRatio(index, funnel.visitors, funnel.vdpViews),
		conversion: dealerRatio(index, funnel.conversions, funnel.visitors),
		closing: dealerRatio(index, funnel.sales, expected)
	};
	const own = index.count >= MIN_DEALERS_FOR_OWN_PEERS;
	const peers = own ? peerReference(rates) : opts.referencePeers;
	const band = Uint8Array.from(index.size, (s) => bandOf(peers.cuts, s));
	const dealers: DealerIndex = { ...index, band };

	// 3. The same rows with the peers' visitor share, then also their conversion rate.
	const withVisitors = { ...t, funnel: { ...funnel, visitors: new Float64Array(t.n), conversions: new Float64Array(t.n), leads: new Float64Array(t.n) } };
	const withFunnel = { ...t, funnel: { ...funnel, visitors: new Float64Array(t.n), conversions: new Float64Array(t.n), leads: new Float64Array(t.n) } };
	for (let i = 0; i < t.n; i++) {
		const b = band[index.dealerOfRow[i]];
		const visitors = funnel.vdpViews[i] * peers.visitorShare[b];
		const ownConversion = funnel.visitors[i] > 0 ? funnel.conversions[i] / funnel.visitors[i] : peers.conversion[b];
		const conversions1 = visitors * ownConversion;
		const conversions2 = visitors * peers.conversion[b];
		withVisitors.funnel.visitors[i] = visitors;
		withVisitors.funnel.conversions[i] = conversions1;
		withVisitors.funnel.leads[i] = Math.max(conversions1, funnel.leads[i] + conversions1 - funnel.conversions[i]);
		withFunnel.funnel.visitors[i] = visitors;
		withFunnel.funnel.conversions[i] = conversions2;
		withFunnel.funnel.leads[i] = Math.max(conversions2, funnel.leads[i] + conversions2 - funnel.conversions[i]);
	}
	const peerVisitors = predictInChunks(model, featureMatrix(withVisitors, enc, sizes), t.n, chunk, report(1));
	const peerFunnel = predictInChunks(model, featureMatrix(withFunnel, enc, sizes), t.n, chunk, report(2));

	// 4. Service: expected repair orders from service leads at the region's rate for the month.
	let expectedOrders: Float64Array | null = null;
	const serviceLeads = t.rich?.serviceLeads;
	if (serviceLeads && serviceLeads.some(Number.isFinite)) {
		const slot = t.regionNames.map((name) => enc.regions.indexOf(name));
		const average = Array.from({ length: 12 }, (_, m) => opts.serviceRates.reduce((s, r) => s + r[m], 0) / opts.serviceRates.length);
		expectedOrders = new Float64Array(t.n);
		for (let i = 0; i < t.n; i++) {
			const s = slot[t.region[i]];
			expectedOrders[i] = serviceLeads[i] * (s >= 0 ? opts.serviceRates[s][t.month[i]] : average[t.month[i]]);
		}
	}
	return { table: t, dealers, expected, peerVisitors, peerFunnel, expectedOrders, peers, peerSource: own ? 'file' : 'reference' };
}
