/**
 * The Insiders' entry and exit rules: thresholds of revenue, invoices and days since the last
 * purchase that a marketer can apply without the model, chosen to match the Insiders cluster. Pure, no DOM.
 */
import { valuesAt } from '../core/valuesAt';
import { quantileSorted } from '../core/stats';
import type { CustomerTable } from './features';

/** "Join when all hold": revenue, invoices and recency over the period analysed. */
export interface EntryRule {
	revenueAtLeast: number;
	invoicesAtLeast: number;
	recencyAtMost: number;
	/** Customers who meet the rule. */
	qualifying: number;
	/** Share of those who meet the rule that are in the Insiders cluster. */
	precision: number;
	/** Share of the Insiders cluster that meets the rule. */
	recall: number;
}

/** "Leave when any holds": looser than the entry rule, so members do not flip in and out. */
export interface ExitRule {
	revenueBelow: number;
	invoicesBelow: number;
	recencyAbove: number;
	/** Current Insiders who already meet an exit condition. */
	currentInsidersMeeting: number;
}

/** A threshold a marketer can say aloud: two significant figures, rounded down (3,456 -> 3,400). */
export function niceFloor(x: number): number {
	if (!(x > 0)) return 0;
	const step = 10 ** (Math.floor(Math.log10(x)) - 1);
	return Math.floor(x / step + 1e-9) * step;
}

/**
 * The entry rule "revenue >= R and invoices >= I and days since last purchase <= D" that best matches
 * the Insiders cluster (highest F1), with R, I and D tried at the Insiders' own quantiles and rounded
 * to values a marketer can use. The exit rule is looser: below the Insiders' 5th percentile of revenue
 * or invoices, or above their 95th percentile of days since last purchase (never tighter than entry).
 */
export function insiderRules(table: CustomerTable, isInsider: Uint8Array): { entry: EntryRule; exit: ExitRule } | null {
	const n = table.count;
	const revenue = table.features.grossRevenue;
	const invoices = table.features.invoices;
	const recency = table.features.recencyDays;
	const members: number[] = [];
	for (let i = 0; i < n; i++) if (isInsider[i]) members.push(i);
	if (members.length === 0 || members.length === n) return null;
	const of = (column: Float64Array) => valuesAt(column, members).sort();
	const rev = of(revenue);
	const inv = of(invoices);
	const rec = of(recency);
	const unique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
	const low = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];
	const revenueCandidates = unique([0, ...low.map((q) => niceFloor(quantileSorted(rev, q)))]);
	const invoiceCandidates = unique([1, ...low.map((q) => Math.max(1, Math.floor(quantileSorted(inv, q))))]);
	let maxRecency = 0;
	for (let i = 0; i < n; i++) if (recency[i] > maxRecency) maxRecency = recency[i];
	const recencyCandidates = unique([Math.ceil(maxRecency), ...low.map((q) => Math.ceil(quantileSorted(rec, 1 - q)))]);
	// Set inside `consider` (a closure), so typed by assertion for the checks after the loops.
	let best = null as EntryRule | null;
	let bestF1 = -1;
	const consider = (r: number, v: number, d: number, meet: number, hit: number) => {
		const f1 = meet === 0 ? 0 : (2 * hit) / (meet + members.length);
		if (f1 > bestF1 + 1e-12) {
			bestF1 = f1;
			best = {
				revenueAtLeast: r,
				invoicesAtLeast: v,
				recencyAtMost: d,
				qualifying: meet,
				precision: meet === 0 ? 0 : hit / meet,
				recall: hit / members.length
			};
		}
	};
	// The recency candidates ascend, so a customer meets every one from the first at or above their
	// recency on: per revenue and invoice pair, each customer is counted once, at that first one, and
	// the counts are summed up (the same counts as testing every customer against every rule).
	const dCount = recencyCandidates.length;
	const ascending = recencyCandidates.every((d, k) => k === 0 || d > recencyCandidates[k - 1]);
	const firstD = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		let k = 0;
		while (k < dCount && !(recency[i] <= recencyCandidates[k])) k++;
		firstD[i] = k;
	}
	const meetFrom = new Int32Array(dCount + 1);
	const hitFrom = new Int32Array(dCount + 1);
	for (const r of revenueCandidates)
		for (const v of invoiceCandidates) {
			if (!ascending) {
				for (const d of recencyCandidates) {
					let hit = 0;
					let meet = 0;
					for (let i = 0; i < n; i++) {
						if (revenue[i] >= r && invoices[i] >= v && recency[i] <= d) {
							meet++;
							hit += isInsider[i];
						}
					}
					consider(r, v, d, meet, hit);
				}
				continue;
			}
			meetFrom.fill(0);
			hitFrom.fill(0);
			for (let i = 0; i < n; i++) {
				if (revenue[i] >= r && invoices[i] >= v) {
					meetFrom[firstD[i]]++;
					hitFrom[firstD[i]] += isInsider[i];
				}
			}
			let hit = 0;
			let meet = 0;
			for (let k = 0; k < dCount; k++) {
				meet += meetFrom[k];
				hit += hitFrom[k];
				consider(r, v, recencyCandidates[k], meet, hit);
			}
		}
	if (!best) return null;
	const revenueBelow = Math.min(best.revenueAtLeast, niceFloor(quantileSorted(rev, 0.05)));
	const invoicesBelow = Math.min(best.invoicesAtLeast, Math.max(1, Math.floor(quantileSorted(inv, 0.05))));
	const recencyAbove = Math.max(best.recencyAtMost, Math.ceil(quantileSorted(rec, 0.95)));
	let meeting = 0;
	for (const i of members) if (revenue[i] < revenueBelow || invoices[i] < invoicesBelow || recency[i] > recencyAbove) meeting++;
	return { entry: best, exit: { revenueBelow, invoicesBelow, recencyAbove, currentInsidersMeeting: meeting } };
}
