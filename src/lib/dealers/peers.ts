/**
 * Peers of a dealer's size: dealers are put in size bands (by mean monthly VDP views, equal-count
 * bands), and each band's median of every funnel step is what "a dealer of this size" does. A file
 * with too few dealers to form bands of its own borrows the training network's bands and medians
 * (and the page says so). Pure TS, no DOM.
 */
import { quantile } from '../core/stats';

/** Per band: the cut points of size between bands, and the median of each step. */
export interface PeerReference {
	/** Ascending size cut points: band b holds sizes in (cuts[b-1], cuts[b]]; one fewer than the bands. */
	cuts: number[];
	visitorShare: number[];
	conversion: number[];
	closing: number[];
	/** Dealers in each band. */
	dealers: number[];
}

/** A file needs this many dealers to be its own peer group; otherwise the training network's bands are used. */
export const MIN_DEALERS_FOR_OWN_PEERS = 100;
const DEALERS_PER_BAND = 50;
const MAX_BANDS = 10;

export function bandOf(cuts: readonly number[], size: number): number {
	let b = 0;
	while (b < cuts.length && size > cuts[b]) b++;
	return b;
}

/** Dealer-level rates from which peers are formed (one entry per dealer). */
export interface DealerRates {
	size: ArrayLike<number>;
	visitorShare: ArrayLike<number>;
	conversion: ArrayLike<number>;
	closing: ArrayLike<number>;
}

function medianOf(values: number[]): number {
	const finite = values.filter(Number.isFinite);
	return finite.length ? quantile(finite, 0.5) : NaN;
}

/** Equal-count size bands over these dealers and each band's median step rates. */
export function peerReference(rates: DealerRates): PeerReference {
	const n = rates.size.length;
	const bands = Math.max(1, Math.min(MAX_BANDS, Math.floor(n / DEALERS_PER_BAND)));
	const cuts: number[] = [];
	for (let b = 1; b < bands; b++) cuts.push(quantile(rates.size, b / bands));
	const members: number[][] = Array.from({ length: bands }, () => []);
	for (let d = 0; d < n; d++) members[bandOf(cuts, rates.size[d])].push(d);
	const median = (v: ArrayLike<number>) => members.map((m) => medianOf(m.map((d) => v[d])));
	return {
		cuts,
		visitorShare: median(rates.visitorShare),
		conversion: median(rates.conversion),
		closing: median(rates.closing),
		dealers: members.map((m) => m.length)
	};
}
