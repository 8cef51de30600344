/**
 * The Insiders analysis of one set of customers, as the marketing team asks for it: every customer
 * placed in the model's clusters, each cluster's profile against the rest, how many Insiders and
 * their revenue share, the revenue to expect from them, entry and exit rules a marketer can apply,
 * the evidence that Insiders differ from the rest, and what to do with each cluster. `npm run train`
 * runs it on the training customers (the page's first view, stored in the artifact) and the upload
 * worker on the customers of a dropped file, so both views are computed by the same code. Pure, no DOM.
 */
import { seededRandom } from '../core/random';
import { valuesAt } from '../core/valuesAt';
import { bootstrapInterval, mannWhitneyU, quantileSorted, type BootstrapInterval, type MannWhitneyResult } from '../core/stats';
import { MS_PER_DAY } from '../core/dates';
import { CUSTOMER_FEATURES, type CustomerFeature, type CustomerTable } from './features';
import { clvForecaster, type FitsAtCuts } from './clvForecast';
import { CUT_STEP_DAYS, FORECAST_METHOD_NAMES, FORECAST_METHOD_WORDS, backtestedForecast, forecastDays, type ForecastMethod, type MethodBacktest } from './forecast';
import { purchaseDays, type PurchaseDays } from './purchaseDays';
import { embed, squaredDistance, type SegmentAssigner } from './model';

/** Average days in a month (365.25 / 12), for "per month" and "next 3 months". */
export const DAYS_PER_MONTH = 30.4375;
/** Months ahead the revenue forecast covers. */
export const FORECAST_MONTHS = 3;
/** Points on the 2-D map at most (a seeded sample beyond that). */
export const MAP_POINTS = 1500;
const BOOTSTRAP = { resamples: 2000, level: 0.95, seed: 20260101 };

/** Every customer's place: cluster, next-nearest cluster and the distance margin between them. */
export interface SegmentAssignments {
	cluster: Int32Array;
	nextNearest: Int32Array;
	/** Distance to the next-nearest centroid minus distance to the own one, in the model's space. */
	margin: Float64Array;
	/** Each customer's point in the model's space, row-major (`count` x features). */
	points: Float64Array;
}

/** Place every customer of a table (nearest centroid, first on ties, exactly as `assignCustomer`). */
export function assignTable(model: SegmentAssigner, table: CustomerTable): SegmentAssignments {
	const n = table.count;
	const features = model.space.features;
	const m = features.length;
	const k = model.centroids.length;
	const cluster = new Int32Array(n);
	const nextNearest = new Int32Array(n).fill(-1);
	const margin = new Float64Array(n);
	const points = new Float64Array(n * m);
	const columns = features.map((f) => table.features[f]);
	const row = new Float64Array(m);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < m; j++) row[j] = columns[j][i];
		const point = embed(model.space, row);
		points.set(point, i * m);
		let best = -1;
		let bestD = Infinity;
		let second = -1;
		let secondD = Infinity;
		for (let c = 0; c < k; c++) {
			const d = squaredDistance(point, model.centroids[c]);
			if (d < bestD) {
				second = best;
				secondD = bestD;
				best = c;
				bestD = d;
			} else if (d < secondD) {
				second = c;
				secondD = d;
			}
		}
		cluster[i] = best;
		nextNearest[i] = second;
		margin[i] = second < 0 ? 0 : Math.sqrt(secondD) - Math.sqrt(bestD);
	}
	return { cluster, nextNearest, margin, points };
}

/** Spread of a feature: 10th, 25th, 50th, 75th and 90th percentiles (numpy's linear rule). */
export interface FeatureSpread {
	p10: number;
	p25: number;
	p50: number;
	p75: number;
	p90: number;
}

/** What a cluster is and does, for the data analysed. */
export interface ClusterSummary {
	cluster: number;
	name: string;
	description: string;
	/** Suggested marketing action. */
	action: string;
	size: number;
	customerShare: number;
	revenue: number;
	revenueShare: number;
	meanRevenue: number;
	spread: Record<CustomerFeature, FeatureSpread>;
}

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

export interface RevenueForecast {
	/** The horizon in months (3, or less for a short file) and in days. */
	months: number;
	horizonDays: number;
	/** First and last day forecast (ISO). */
	window: [string, string];
	/** The months the window spans, in words ("December to March"). */
	season: string;
	expected: number;
	/** The range from the chosen method's backtest errors; always holds `expected` (null: too few backtests, `rangeNote` says why). */
	low: number | null;
	high: number | null;
	/** The coverage the range aims at, and the share of backtests it held, each left out in turn (null: too few to measure). */
	nominal: number;
	coverage: number | null;
	/** What the range is made of, or why there is none. */
	rangeNote: string;
	chosen: ForecastMethod;
	/** Cuts the choice was made on (0: nothing could be checked). */
	chosenOn: number;
	candidates: MethodBacktest[];
	/** Whether the history holds the same window a year earlier. */
	seasonSeen: boolean;
	/** Backtests of the chosen method whose window was in the same season, whole years earlier. */
	seasonMatchedCuts: number;
	/** The seasonal method's figure, for comparison (null: the history does not reach a year back). */
	seasonal: number | null;
	/** The BG/NBD and Gamma-Gamma parameters fitted on all the data (days), when they could be fitted. */
	fits?: ClvFitSummary;
	shortened?: string;
	/** How it is computed, in words. */
	method: string;
}

export interface ClvFitSummary {
	bgNbd: { r: number; alpha: number; a: number; b: number; customers: number };
	gammaGamma: { p: number; q: number; gamma: number; customers: number };
}

export interface InsidersEvidence {
	insidersMean: BootstrapInterval;
	restMean: BootstrapInterval;
	/** One-sided Mann-Whitney U test: are Insiders' revenues larger than the rest's? */
	test: MannWhitneyResult;
}

/** A sample of customers on the model's 2-D map (its first two principal axes). */
export interface MapSample {
	x: number[];
	y: number[];
	cluster: number[];
	/** Customers in the data (the sample holds min(total, MAP_POINTS)). */
	total: number;
}

/** The model's 2-D map: the first two principal axes of the training customers in its space. */
export interface SegmentMap {
	axes: [number[], number[]];
	/** Share of the variance along each axis. */
	explained: [number, number];
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

/** The cluster facts the model ships (names and descriptions come from training). */
export interface ClusterNaming {
	name: string;
	description: string;
}

/** What marketing can do with a cluster, by the start of its name (see `nameClusters`). */
export const CLUSTER_ACTIONS: readonly { name: string; action: string }[] = [
	{
		name: 'Insiders',
		action: 'Enrol them in the loyalty program: early access to new ranges, a named contact, free delivery. Call anyone whose days since last purchase passes the exit threshold.'
	},
	{
		name: 'Loyal regulars',
		action: 'Show them the Insiders’ benefits and the spend that earns them; suggest ranges they have not bought yet.'
	},
	{ name: 'Occasional buyers', action: 'Seasonal reminders before their usual buying months, and bundles that raise the order size.' },
	{ name: 'New or one-off', action: 'A welcome series and a second-order offer within 30 days: the second order is the one that makes a regular.' },
	{ name: 'Lapsed regulars', action: 'A win-back offer with a deadline, and one question on why they stopped.' },
	{ name: 'Lapsed one-off buyers', action: 'Email only, at low cost; do not spend paid media on them.' },
	{ name: 'Returners', action: 'Check the pages and sizing of the products they send back; avoid discounts that invite more returns.' }
];

export function clusterAction(name: string): string {
	return CLUSTER_ACTIONS.find((a) => name === a.name || name.startsWith(`${a.name} (`))?.action ?? 'Watch how this group develops before spending on it.';
}

function spreadOf(sorted: Float64Array): FeatureSpread {
	return {
		p10: quantileSorted(sorted, 0.1),
		p25: quantileSorted(sorted, 0.25),
		p50: quantileSorted(sorted, 0.5),
		p75: quantileSorted(sorted, 0.75),
		p90: quantileSorted(sorted, 0.9)
	};
}

function sortedValues(column: Float64Array, members: Int32Array | null): Float64Array {
	const out = members ? valuesAt(column, members) : column.slice();
	return out.sort();
}

/** A threshold a marketer can say aloud: two significant figures, rounded down (3,456 -> 3,400). */
export function niceFloor(x: number): number {
	if (!(x > 0)) return 0;
	const step = 10 ** (Math.floor(Math.log10(x)) - 1);
	return Math.floor(x / step + 1e-9) * step;
}

function isoDate(ms: number): string {
	return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
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

/** Seeded sample of up to `size` indexes of `n`, in ascending order. */
function sampleIndexes(n: number, size: number, seed: number): Int32Array {
	if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
	const random = seededRandom(seed);
	const idx = Int32Array.from({ length: n }, (_, i) => i);
	for (let i = 0; i < size; i++) {
		const j = i + Math.floor(random() * (n - i));
		const t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	return idx.slice(0, size).sort();
}

/** Project points (row-major, `m` wide) on the map's axes, for a seeded sample of at most MAP_POINTS. */
export function mapSample(map: SegmentMap, points: Float64Array, m: number, cluster: Int32Array): MapSample {
	const n = cluster.length;
	const pick = sampleIndexes(n, MAP_POINTS, 7);
	const round = (v: number) => Math.round(v * 1000) / 1000 || 0;
	const x: number[] = [];
	const y: number[] = [];
	const c: number[] = [];
	for (const i of pick) {
		let a = 0;
		let b = 0;
		for (let j = 0; j < m; j++) {
			a += points[i * m + j] * map.axes[0][j];
			b += points[i * m + j] * map.axes[1][j];
		}
		x.push(round(a));
		y.push(round(b));
		c.push(cluster[i]);
	}
	return { x, y, cluster: c, total: n };
}

/**
 * The first two principal axes of row-major points (`n` x `m`), by power iteration with deflation
 * from a fixed start: deterministic, and each axis is signed so its largest entry is positive.
 */
export function principalAxes(points: Float64Array, n: number, m: number): SegmentMap {
	const meanOf = new Float64Array(m);
	for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) meanOf[j] += points[i * m + j] / n;
	const cov = Array.from({ length: m }, () => new Float64Array(m));
	for (let i = 0; i < n; i++)
		for (let a = 0; a < m; a++) {
			const da = points[i * m + a] - meanOf[a];
			for (let b = 0; b < m; b++) cov[a][b] += (da * (points[i * m + b] - meanOf[b])) / n;
		}
	let total = 0;
	for (let j = 0; j < m; j++) total += cov[j][j];
	const axes: number[][] = [];
	const explained: number[] = [];
	for (let axis = 0; axis < 2; axis++) {
		let v: number[] = Array.from({ length: m }, (_, j) => 1 / Math.sqrt(m) + j * 1e-3);
		let lambda = 0;
		for (let iter = 0; iter < 1000; iter++) {
			const w = cov.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
			const norm = Math.hypot(...w) || 1;
			const next = w.map((x) => x / norm);
			const change = next.reduce((s, x, j) => s + Math.abs(x - v[j]), 0);
			v = next;
			lambda = norm;
			if (change < 1e-12) break;
		}
		const biggest = v.reduce((bi, x, j) => (Math.abs(x) > Math.abs(v[bi]) ? j : bi), 0);
		if (v[biggest] < 0) v = v.map((x) => -x);
		axes.push(v.map((x) => Math.round(x * 1e10) / 1e10));
		explained.push(total > 0 ? Math.round((lambda / total) * 1e4) / 1e4 : 0);
		for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cov[a][b] -= lambda * v[a] * v[b];
	}
	return { axes: [axes[0], axes[1]], explained: [explained[0], explained[1]] };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "December to March": the months a window of ISO days spans. */
export function seasonWords(window: [string, string]): string {
	const [from, to] = window.map((d) => MONTHS[Number(d.slice(5, 7)) - 1]);
	return from === to ? from : `${from} to ${to}`;
}

/** What the forecast needs of a customer table (small enough to send to another thread). */
export type ForecastTable = Pick<CustomerTable, 'count' | 'firstDate' | 'lastDate' | 'purchaseStart' | 'purchaseDay' | 'purchaseValue'>;

/** The Insiders' forecast, or why there is none. */
export interface InsidersForecast {
	forecast: RevenueForecast | null;
	refused?: string;
}

/** The forecast's inputs: the customers with an id (their purchases) and which of them are Insiders. */
export interface ForecastJob {
	table: ForecastTable;
	insiders: Int32Array;
}

/** Days the forecast covers: three months. */
const FORECAST_HORIZON_DAYS = Math.round(FORECAST_MONTHS * DAYS_PER_MONTH);

/**
 * What the Insiders' forecast needs before anyone is placed in a cluster: the purchase days of the
 * customers with an id (numbered as in `identifiedPurchases`), and the days the BG/NBD and
 * Gamma-Gamma models are fitted at (the fits do not depend on who the Insiders are, so they can start
 * at once; clvForecast.ts).
 */
export interface ForecastInputs {
	days: PurchaseDays;
	cuts: number[];
}

export function forecastInputs(allTable: CustomerTable): ForecastInputs {
	const days = purchaseDays(allTable, identifiedRows(allTable));
	if (!Number.isFinite(allTable.firstDate)) return { days, cuts: [] };
	const firstDay = Math.floor(allTable.firstDate / MS_PER_DAY);
	const span = Math.floor(allTable.lastDate / MS_PER_DAY) - firstDay + 1;
	return { days, cuts: forecastDays(firstDay, span, FORECAST_HORIZON_DAYS) };
}

/**
 * The Insiders' revenue forecast chosen by backtest (forecast.ts), from their purchases by day; BG/NBD
 * fitted on every customer. `prepared`: the table's purchase days and the models' fits at the cuts of
 * `forecastInputs`, when made beforehand (else they are made here; the same numbers).
 */
export function insidersForecast(table: ForecastTable, insiders: Int32Array, prepared?: { days: PurchaseDays; fits: FitsAtCuts }): InsidersForecast {
	if (insiders.length < 2 || !Number.isFinite(table.firstDate)) return { forecast: null };
	const firstDay = Math.floor(table.firstDate / MS_PER_DAY);
	const daily = new Float64Array(Math.floor(table.lastDate / MS_PER_DAY) - firstDay + 1);
	for (const i of insiders)
		for (let k = table.purchaseStart[i]; k < table.purchaseStart[i + 1]; k++) daily[table.purchaseDay[k] - firstDay] += table.purchaseValue[k];
	const clv = clvForecaster(prepared?.days ?? purchaseDays(table), insiders, prepared?.fits);
	const f = backtestedForecast(daily, firstDay, FORECAST_HORIZON_DAYS, (cut, horizon) => clv.forecast(cut, horizon));
	if ('refused' in f) return { forecast: null, refused: f.refused };
	const fits = f.candidates.some((c) => c.method === 'bg-nbd' && c.cuts.length) ? clv.lastFits() : null;
	const chosen = f.candidates.find((c) => c.method === f.method)!;
	const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
	const tested = f.candidates
		.map((c) =>
			c.meanAbsError === null
				? `${FORECAST_METHOD_NAMES[c.method]}: not checked, ${c.unavailable}`
				: `${FORECAST_METHOD_NAMES[c.method]}: off by ${pct(c.meanAbsError)} on average over ${c.cuts.length} checks (bias ${pct(c.bias)})`
		)
		.join('; ');
	const season = seasonWords(f.window);
	// The season and the range have sentences of their own on the page (ForecastBacktest); this says how the method was chosen.
	const method =
		`${FORECAST_METHOD_WORDS[f.method]}. ` +
		(f.chosenOn
			? `Chosen by rolling-origin backtests: at cut dates every ${CUT_STEP_DAYS} days, each method forecast the next ${f.horizonDays} days from earlier data only, and the one with the smallest average error on the ${f.chosenOn} cuts they could all forecast was kept (${tested}). `
			: `No method could be checked on this history (${tested}), so the run rate is used unchecked. `) +
		`The Insiders are those of the whole file, so the backtests already know who became one later; nobody is assumed to join or leave.`;
	return {
		forecast: {
			months: Math.round((f.horizonDays / DAYS_PER_MONTH) * 10) / 10,
			horizonDays: f.horizonDays,
			window: f.window,
			season,
			expected: f.expected,
			low: f.range.low,
			high: f.range.high,
			nominal: f.range.nominal,
			coverage: f.range.low === null ? null : f.range.measured,
			rangeNote: f.range.note,
			chosen: f.method,
			chosenOn: f.chosenOn,
			candidates: f.candidates,
			seasonSeen: f.seasonSeen,
			seasonMatchedCuts: chosen.cuts.filter((c) => c.seasonMatched).length,
			seasonal: f.seasonal,
			...(fits
				? {
						fits: {
							bgNbd: { r: fits.bgNbd.r, alpha: fits.bgNbd.alpha, a: fits.bgNbd.a, b: fits.bgNbd.b, customers: fits.bgNbd.customers },
							gammaGamma: { p: fits.gammaGamma.p, q: fits.gammaGamma.q, gamma: fits.gammaGamma.gamma, customers: fits.gammaGamma.customers }
						}
					}
				: {}),
			...(f.shortened ? { shortened: f.shortened } : {}),
			method
		}
	};
}

/** The rows of a table and of its assignments whose customers have an id (`keep` ascending). */
export function identifiedCustomers(table: CustomerTable, assignments: SegmentAssignments, m: number): { table: CustomerTable; assignments: SegmentAssignments } {
	const keep = identifiedRows(table);
	if (keep.length === table.count) return { table, assignments };
	const picked = (column: Float64Array) => valuesAt(column, keep);
	const features = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, picked(table.features[f])])) as Record<CustomerFeature, Float64Array>;
	const points = new Float64Array(keep.length * m);
	for (let r = 0; r < keep.length; r++) for (let j = 0; j < m; j++) points[r * m + j] = assignments.points[keep[r] * m + j];
	const { purchaseStart, purchaseDay, purchaseValue } = identifiedPurchases(table);
	return {
		table: {
			...table,
			count: keep.length,
			ids: keep.map((i) => table.ids[i]),
			guest: new Uint8Array(keep.length),
			features,
			firstPurchase: picked(table.firstPurchase),
			lastPurchase: picked(table.lastPurchase),
			recentRevenue: picked(table.recentRevenue),
			purchaseStart,
			purchaseDay,
			purchaseValue
		},
		assignments: {
			cluster: Int32Array.from(valuesAt(assignments.cluster, keep)),
			nextNearest: Int32Array.from(valuesAt(assignments.nextNearest, keep)),
			margin: picked(assignments.margin),
			points
		}
	};
}

/**
 * Analyse a customer table with the model's clusters (`assignments` from `assignTable`). Anonymous
 * invoices (no customer id) are counted apart: every figure below is of the customers with an id,
 * except revenue shares, which are of all revenue (so the clusters and the anonymous invoices add up to 100%).
 * `computedForecast`: the Insiders' forecast when it is computed elsewhere (`forecastJob`, then
 * `insidersForecast` on another thread); else it is computed here.
 */
export function analyseSegments(
	allTable: CustomerTable,
	allAssignments: SegmentAssignments,
	model: { names: readonly ClusterNaming[]; insiders: number; map: SegmentMap; features: readonly CustomerFeature[] },
	computedForecast?: InsidersForecast
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
	const { table, assignments } = identifiedCustomers(allTable, allAssignments, model.features.length);
	const n = table.count;
	const revenue = table.features.grossRevenue;
	const sizes = new Int32Array(k);
	for (let i = 0; i < n; i++) sizes[assignments.cluster[i]]++;
	const membersOf = Array.from({ length: k }, (_, c) => new Int32Array(sizes[c]));
	const fill = new Int32Array(k);
	for (let i = 0; i < n; i++) {
		const c = assignments.cluster[i];
		membersOf[c][fill[c]++] = i;
	}
	const clusters: ClusterSummary[] = model.names.map((naming, c) => {
		const members = membersOf[c];
		let rev = 0;
		for (const i of members) rev += revenue[i];
		const spread = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, spreadOf(sortedValues(table.features[f], members))])) as Record<
			CustomerFeature,
			FeatureSpread
		>;
		return {
			cluster: c,
			name: naming.name,
			description: naming.description,
			action: clusterAction(naming.name),
			size: members.length,
			customerShare: n ? members.length / n : 0,
			revenue: rev,
			revenueShare: totalRevenue > 0 ? rev / totalRevenue : 0,
			meanRevenue: members.length ? rev / members.length : 0,
			spread
		};
	});
	const overall = Object.fromEntries(CUSTOMER_FEATURES.map((f) => [f, spreadOf(sortedValues(table.features[f], null))])) as Record<
		CustomerFeature,
		FeatureSpread
	>;

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

/** The purchases of a table's customers with an id, grouped as in the table (the table's own when all have one). */
export function identifiedPurchases(table: CustomerTable): ForecastTable {
	const { count, firstDate, lastDate } = table;
	const rows = identifiedRows(table);
	if (rows.length === count) return { count, firstDate, lastDate, purchaseStart: table.purchaseStart, purchaseDay: table.purchaseDay, purchaseValue: table.purchaseValue };
	const purchaseStart = new Int32Array(rows.length + 1);
	for (let r = 0; r < rows.length; r++) purchaseStart[r + 1] = purchaseStart[r] + table.purchaseStart[rows[r] + 1] - table.purchaseStart[rows[r]];
	const lines = purchaseStart[rows.length];
	const purchaseDay = new Int32Array(lines);
	const purchaseValue = new Float64Array(lines);
	for (let r = 0, at = 0; r < rows.length; r++) {
		for (let k = table.purchaseStart[rows[r]]; k < table.purchaseStart[rows[r] + 1]; k++, at++) {
			purchaseDay[at] = table.purchaseDay[k];
			purchaseValue[at] = table.purchaseValue[k];
		}
	}
	return { count: rows.length, firstDate, lastDate, purchaseStart, purchaseDay, purchaseValue };
}

/** Rows of the customers with an id, in table order (invoices without one, each a guest row, are left out). */
function identifiedRows(table: Pick<CustomerTable, 'count' | 'guest'>): number[] {
	const rows: number[] = [];
	for (let i = 0; i < table.count; i++) if (!table.guest[i]) rows.push(i);
	return rows;
}

/** The Insiders among a table's customers with an id, numbered as in `identifiedPurchases`. */
export function identifiedInsiders(table: CustomerTable, assignments: SegmentAssignments, insiders: number): Int32Array {
	const members: number[] = [];
	for (let i = 0, r = 0; i < table.count; i++) {
		if (table.guest[i]) continue;
		if (assignments.cluster[i] === insiders) members.push(r);
		r++;
	}
	return Int32Array.from(members);
}

/** The forecast's inputs for a table and its assignments, to compute it apart (the same answer `analyseSegments` computes). */
export function forecastJob(allTable: CustomerTable, allAssignments: SegmentAssignments, insiders: number): ForecastJob {
	return { table: identifiedPurchases(allTable), insiders: identifiedInsiders(allTable, allAssignments, insiders) };
}

/** An analysis made with a stand-in forecast, with the real one put in. */
export function withForecast(analysis: SegmentsAnalysis, computed: InsidersForecast): SegmentsAnalysis {
	const { forecastRefused: _dropped, ...rest } = analysis;
	void _dropped;
	return { ...rest, forecast: computed.forecast, ...(computed.refused ? { forecastRefused: computed.refused } : {}) };
}
