/**
 * Customer segments: k-means (ml-kmeans, seeded k-means++ start of our own) on the Online Retail
 * customers' features. The space and k are chosen by measurement (silhouette on a seeded sample,
 * stability across seeds by adjusted Rand index), beside a plain RFM-quantile baseline.
 */
import { join } from 'node:path';
import { kmeans } from 'ml-kmeans';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Provenance } from '../../src/lib/core/artifact/types.ts';
import { clusteringMetrics, labelingStability, silhouetteScore } from '../../src/lib/core/metrics/clustering.ts';
import { seededRandom } from '../../src/lib/core/random.ts';
import { sha256Hex } from '../../src/lib/core/artifact/hash.ts';
import { median } from '../../src/lib/core/stats.ts';
import type { InputRange } from '../../src/lib/core/artifact/types.ts';
import { analyseSegments } from '../../src/lib/segments/analysis.ts';
import { assignTable } from '../../src/lib/segments/clusters.ts';
import { principalAxes } from '../../src/lib/segments/segmentMap.ts';
import { CUSTOMER_FEATURES, featureMatrix, type CustomerFeature, type CustomerTable } from '../../src/lib/segments/features.ts';
import { readInvoiceText } from '../../src/lib/segments/read.ts';
import {
	SEGMENTS_TOOL,
	SKEWED_FEATURES,
	assignCustomer,
	embedMatrix,
	fitSpace,
	nameClusters,
	nearestCentroid,
	squaredDistance,
	type ClusterProfile,
	type SegmentSpace
} from '../../src/lib/segments/model.ts';
import type { RfmBaseline, SegmentsArtifact, SelectionRow } from '../../src/lib/segments/artifact.ts';
import { hashFiles, printTable, readText, round, writeArtifact } from './io.ts';

const VERSION = '1.0.0';
const SEEDS = [20260101, 20260102, 20260103, 20260104, 20260105];
const KS = [4, 5, 6, 7, 8, 9, 10];
const SILHOUETTE_SAMPLE = 2000;
const MIN_ARI = 0.8;
const MAX_LARGEST_SHARE = 0.6;
const KMEANS = { maxIterations: 300, tolerance: 1e-8 };
const SOURCE = 'Chen, Sain and Guo (2012), Online Retail, UCI Machine Learning Repository, CC BY 4.0 (https://doi.org/10.24432/C5BW33)';

const SPACES: { name: string; log: readonly CustomerFeature[] }[] = [
	{ name: 'log1p + standardised, 8 features', log: SKEWED_FEATURES },
	{ name: 'standardised raw, 8 features', log: [] }
];

/** k-means++ seeding with our seeded generator (ml-kmeans' own seed is not relied on). */
function kmeansPlusPlus(points: number[][], k: number, seed: number): number[][] {
	const random = seededRandom(seed);
	const n = points.length;
	const centers: number[][] = [points[Math.floor(random() * n)].slice()];
	const nearest = new Float64Array(n).fill(Infinity);
	while (centers.length < k) {
		const last = centers[centers.length - 1];
		let total = 0;
		for (let i = 0; i < n; i++) {
			const d = squaredDistance(points[i], last);
			if (d < nearest[i]) nearest[i] = d;
			total += nearest[i];
		}
		let target = random() * total;
		let pick = n - 1;
		for (let i = 0; i < n; i++) {
			target -= nearest[i];
			if (target < 0) {
				pick = i;
				break;
			}
		}
		centers.push(points[pick].slice());
	}
	return centers;
}

interface Fit {
	labels: number[];
	centroids: number[][];
	inertia: number;
}

function fitKmeans(points: number[][], k: number, seed: number): Fit {
	const result = kmeans(points, k, { initialization: kmeansPlusPlus(points, k, seed), ...KMEANS });
	const centroids = result.centroids.map((c) => [...c]);
	// Labels as the browser computes them (nearest centroid, first on ties).
	const labels = points.map((p) => nearestCentroid(p, centroids));
	let inertia = 0;
	points.forEach((p, i) => (inertia += squaredDistance(p, centroids[labels[i]])));
	return { labels, centroids, inertia };
}

function seededSample(n: number, size: number, seed: number): number[] {
	const random = seededRandom(seed);
	const idx = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[idx[i], idx[j]] = [idx[j], idx[i]];
	}
	return idx.slice(0, Math.min(size, n)).sort((a, b) => a - b);
}

/** Quintile scores 1..5 by rank (ties broken by customer order, like pandas qcut on rank(method='first')). */
function quintiles(values: Float64Array, higherIsBetter: boolean): Uint8Array {
	const n = values.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (higherIsBetter ? values[a] - values[b] : values[b] - values[a]) || a - b);
	const score = new Uint8Array(n);
	order.forEach((i, rank) => (score[i] = Math.min(5, Math.floor((rank * 5) / n) + 1)));
	return score;
}

function rfmBaseline(table: CustomerTable, insidersSize: number): RfmBaseline {
	const revenue = table.features.grossRevenue;
	const r = quintiles(table.features.recencyDays, false);
	const f = quintiles(table.features.invoices, true);
	const m = quintiles(revenue, true);
	let totalRevenue = 0;
	for (let i = 0; i < table.count; i++) totalRevenue += revenue[i];
	const group = (member: (i: number) => boolean) => {
		let size = 0;
		let rev = 0;
		for (let i = 0; i < table.count; i++)
			if (member(i)) {
				size++;
				rev += revenue[i];
			}
		return { size, customerShare: round(size / table.count, 4), revenueShare: round(rev / totalRevenue, 4) };
	};
	let minScore = 15;
	const total = (i: number) => r[i] + f[i] + m[i];
	while (minScore > 3 && group((i) => total(i) >= minScore).size < insidersSize) minScore--;
	return {
		description:
			'Recency, frequency (invoices) and monetary (gross revenue) quintiles, 5 = best, ties broken by customer order; "555" is the top cell.',
		top555: group((i) => r[i] === 5 && f[i] === 5 && m[i] === 5),
		topScore: { minScore, ...group((i) => total(i) >= minScore) }
	};
}

export async function trainSegments(opts: { dataDir: string; outDir: string }) {
	const started = performance.now();
	const path = join(opts.dataDir, 'online-retail', 'online-retail.csv');
	const read = readInvoiceText(readText(path));
	if (!read.ok) throw new Error(`online-retail.csv: ${read.failure.message}`);
	const table = read.aggregator.finish();
	const n = table.count;
	const features = [...CUSTOMER_FEATURES];
	const matrix = featureMatrix(table, features);
	console.log(`${table.report.linesRead} lines, ${table.report.keptLines} kept, ${n} customers (date order ${table.report.dateOrder}), read in ${((performance.now() - started) / 1000).toFixed(1)} s`);

	// 1. Every space x k x seed; silhouette on a seeded sample, ARI between every pair of seeds.
	const sample = seededSample(n, SILHOUETTE_SAMPLE, SEEDS[0]);
	const selection: SelectionRow[] = [];
	const fits = new Map<string, { space: SegmentSpace; points: number[][]; best: Fit; runs: Fit[] }>();
	for (const spec of SPACES) {
		const space = fitSpace(matrix, n, features, spec.log);
		const points = embedMatrix(space, matrix, n);
		for (const k of KS) {
			const runs = SEEDS.map((seed) => fitKmeans(points, k, seed));
			const { ariMean, ariMin } = labelingStability(runs.map((r) => r.labels));
			const best = runs.reduce((x, y) => (y.inertia < x.inertia ? y : x));
			const sizes = new Array<number>(k).fill(0);
			best.labels.forEach((l) => sizes[l]++);
			selection.push({
				space: spec.name,
				k,
				silhouette: round(silhouetteScore(points, best.labels, sample) ?? NaN, 4),
				ariMean: round(ariMean!, 4),
				ariMin: round(ariMin!, 4),
				largestShare: round(Math.max(...sizes) / n, 4)
			});
			fits.set(`${spec.name}|${k}`, { space, points, best, runs });
		}
	}
	printTable(selection.map((s) => ({ ...s, k: String(s.k) })));

	// 2. The rule: stable (min ARI >= 0.8) and balanced (largest cluster < 60%) candidates, highest silhouette.
	const selectionRule = `Among spaces and k in ${KS[0]}..${KS[KS.length - 1]} whose labelings agree across ${SEEDS.length} seeds (minimum pairwise adjusted Rand index >= ${MIN_ARI}) and whose largest cluster holds under ${MAX_LARGEST_SHARE * 100}% of customers, the highest silhouette (sample of ${Math.min(SILHOUETTE_SAMPLE, n)} customers) wins; the seed with the lowest within-cluster sum of squares is kept.`;
	const eligible = selection.filter((s) => s.ariMin >= MIN_ARI && s.largestShare < MAX_LARGEST_SHARE);
	const pool = eligible.length ? eligible : selection;
	const chosen = pool.reduce((x, y) => (y.silhouette > x.silhouette ? y : x));
	const { space, points, best, runs } = fits.get(`${chosen.space}|${chosen.k}`)!;
	const k = chosen.k;
	console.log(`chosen: ${chosen.space}, k = ${k}${eligible.length ? '' : ' (no candidate met the stability rule)'}`);

	// 3. Clusters ordered by mean revenue, highest first; profiles and names.
	const revenue = table.features.grossRevenue;
	const meanRevenue = best.centroids.map((_, c) => {
		let s = 0;
		let cnt = 0;
		best.labels.forEach((l, i) => {
			if (l === c) {
				s += revenue[i];
				cnt++;
			}
		});
		return cnt ? s / cnt : 0;
	});
	const order = meanRevenue.map((_, c) => c).sort((a, b) => meanRevenue[b] - meanRevenue[a] || a - b);
	const centroids = order.map((c) => best.centroids[c].map((x) => round(x, 10)));
	const model = { space: roundSpace(space), centroids };
	// Labels of the shipped (rounded) model, as the browser computes them.
	const labels = points.map((p) => nearestCentroid(p, centroids));
	let totalRevenue = 0;
	for (let i = 0; i < n; i++) totalRevenue += revenue[i];
	const mediansOf = (members: number[]) =>
		Object.fromEntries(features.map((f) => [f, round(median(members.map((i) => table.features[f][i])), 6)])) as Record<CustomerFeature, number>;
	const all = Array.from({ length: n }, (_, i) => i);
	const overallMedians = mediansOf(all);
	const facts = centroids.map((_, c) => {
		const members = all.filter((i) => labels[i] === c);
		const rev = members.reduce((s, i) => s + revenue[i], 0);
		return {
			cluster: c,
			size: members.length,
			customerShare: round(members.length / n, 4),
			revenueShare: round(rev / totalRevenue, 4),
			meanRevenue: round(members.length ? rev / members.length : 0, 6),
			medians: mediansOf(members)
		};
	});
	const names = nameClusters(facts, overallMedians);
	const profiles: ClusterProfile[] = facts.map((f, c) => ({ ...f, ...names[c] }));
	const insiders = profiles.findIndex((p) => p.name === 'Insiders');

	// 4. The browser-side assignment reproduces the training labels of the shipped model.
	let agree = 0;
	const row = new Array<number>(features.length);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < features.length; j++) row[j] = matrix[i * features.length + j];
		if (assignCustomer(model, row).cluster === labels[i]) agree++;
	}
	const agreement = agree / n;
	console.log(`browser-side assignment agrees with the training labels for ${agree} of ${n} customers (${(agreement * 100).toFixed(2)}%)`);
	if (agree !== n) throw new Error('assignCustomer does not reproduce the training labels');

	// 5. The analysis of the training customers (the page's first view), with the 2-D map.
	const assignments = assignTable(model, table);
	if (assignments.cluster.some((c, i) => c !== labels[i])) throw new Error('assignTable does not reproduce the training labels');
	const map = principalAxes(assignments.points, n, features.length);
	const analysis = roundDeep(analyseSegments(table, assignments, { names: profiles, insiders, map, features }));
	const trainingLabelsHash = await sha256Hex(Array.from(assignments.cluster).join(''));
	const inputRanges = Object.fromEntries(features.map((f) => [f, rangeOf(table.features[f])])) as Record<CustomerFeature, InputRange>;

	// 6. Baseline.
	const baseline = rfmBaseline(table, profiles[insiders].size);
	printTable(profiles.map((p) => ({
		cluster: String(p.cluster),
		name: p.name,
		customers: String(p.size),
		'share of customers': p.customerShare,
		'share of revenue': p.revenueShare,
		'mean revenue': p.meanRevenue,
		'median recency': String(p.medians.recencyDays),
		'median invoices': String(p.medians.invoices)
	})));
	printTable([
		{ segment: `Insiders (k-means cluster ${insiders})`, customers: String(profiles[insiders].size), 'share of customers': profiles[insiders].customerShare, 'share of revenue': profiles[insiders].revenueShare },
		{ segment: 'RFM "555"', customers: String(baseline.top555.size), 'share of customers': baseline.top555.customerShare, 'share of revenue': baseline.top555.revenueShare },
		{ segment: `RFM score >= ${baseline.topScore.minScore}`, customers: String(baseline.topScore.size), 'share of customers': baseline.topScore.customerShare, 'share of revenue': baseline.topScore.revenueShare }
	]);

	const dates = [table.firstDate, table.lastDate].map((ms) => new Date(ms).toISOString().slice(0, 10)) as [string, string];
	const provenance: Provenance = {
		source: SOURCE,
		licence: 'CC BY 4.0',
		synthetic: false,
		rows: table.report.linesRead,
		period: dates,
		split: 'None: clustering is unsupervised and uses every customer; stability is measured across seeds.',
		trainRows: n,
		testRows: 0,
		dataHash: hashFiles([path])
	};
	// The card's summary: the shipped labels' sizes; separation and stability as measured in the selection.
	const summary = clusteringMetrics({ labels, k, silhouette: chosen.silhouette, silhouetteSample: Math.min(SILHOUETTE_SAMPLE, n), starts: runs.map((r) => r.labels) });
	const clusterSummary = { ...summary, ariMean: round(summary.ariMean!, 4), ariMin: round(summary.ariMin!, 4), largestShare: round(summary.largestShare, 4) };
	const artifact: SegmentsArtifact = {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: SEGMENTS_TOOL,
		modelId: 'kmeans',
		version: VERSION,
		contentHash: '',
		modelKind: 'kmeans',
		label: `k-means, ${k} clusters (${chosen.space})`,
		features,
		space: model.space,
		k,
		centroids,
		insiders,
		profiles,
		overallMedians,
		inputRanges,
		map,
		analysis,
		trainingLabelsHash,
		metrics: {
			task: 'clustering',
			rowNoun: { one: 'customer', many: 'customers' },
			model: clusterSummary,
			baselines: [],
			comparisons: [],
			headline: { metric: 'silhouette', lowerIsBetter: false }
		},
		selection: { rows: selection, rule: selectionRule, seeds: SEEDS },
		rfmBaseline: baseline,
		assignmentAgreement: agreement,
		cleaning: table.report,
		provenance,
		hyperparameters: {
			algorithm: 'k-means (ml-kmeans), k-means++ start from a seeded generator',
			k,
			maxIterations: KMEANS.maxIterations,
			tolerance: KMEANS.tolerance,
			seeds: SEEDS.length,
			space: chosen.space
		}
	};
	await writeArtifact(join(opts.outDir, 'segments', 'model.json'), artifact);
	console.log(`segments trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function rangeOf(column: Float64Array): InputRange {
	const s = column.slice().sort();
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
	return { min: round(s[0], 6), max: round(s[s.length - 1], 6), p01: round(at(0.01), 6), p99: round(at(0.99), 6) };
}

/** Numbers rounded to 6 significant digits all through a JSON-like value (the artifact stays small and diff-friendly). */
function roundDeep<T>(value: T): T {
	if (typeof value === 'number') return (Number.isInteger(value) ? value : Number(value.toPrecision(6))) as T;
	if (Array.isArray(value)) return value.map((v) => roundDeep(v)) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
	return value;
}

function roundSpace(space: SegmentSpace): SegmentSpace {
	return { ...space, mean: space.mean.map((x) => round(x, 10)), sd: space.sd.map((x) => round(x, 10)) };
}
