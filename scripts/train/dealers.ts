/**
 * Dealer traffic effectiveness: expected sales of a dealer-month from its traffic, leads, size,
 * region and month, on the seeded synthetic network (no public dealer data exists).
 *
 * Protocol: whole dealers are split 70/15/15 (seeded). Models train on the training dealers' 12
 * months; the network's epochs and the choice between the network and the forest are made on the
 * validation dealers; the test dealers' last three months (Oct-Dec) are scored once. Baselines are
 * naive close rates from the training dealers: leads x the national rate, and leads x the rate of
 * the region in that month. The effectiveness interval's dispersion and model error are set on the
 * validation dealers; its coverage and the recovery of the planted effects are measured on the
 * test dealers and on the demo network (another seed) that the page shows.
 */
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type Comparison, type InputRange, type NamedMetrics, type Provenance, type RegressionMetrics, type RegressionReport } from '../../src/lib/core/artifact/types.ts';
import { sha256Hex } from '../../src/lib/core/artifact/hash.ts';
import { regressionMetrics } from '../../src/lib/core/metrics.ts';
import { pairedBootstrap } from '../../src/lib/core/metrics/bootstrap.ts';
import { seededRandom, shuffled } from '../../src/lib/core/random.ts';
import { normalCdf, quantile } from '../../src/lib/core/stats.ts';
import { DEALERS_TOOL, type CandidateResult, type DealerModelArtifact, type ExpectedSalesParameters, type TargetCheck } from '../../src/lib/dealers/artifacts.ts';
import { richLayoutCsv } from '../../src/lib/dealers/csv.ts';
import { monthlyDispersion, zForLevel, type IntervalModel } from '../../src/lib/dealers/effectiveness.ts';
import { expectedSalesModel } from '../../src/lib/dealers/expected.ts';
import { featureCount, featureMatrix, featureNames, oneHotMask, type DealerEncoders } from '../../src/lib/dealers/features.ts';
import { demoFirstView, type DemoInputs } from '../../src/lib/dealers/demo.ts';
import { generateNetwork, type GeneratedNetwork } from '../../src/lib/dealers/generator.ts';
import { DEMO_SEED, GENERATOR_TABLE, NETWORK, TRAINING_SEED } from '../../src/lib/dealers/params.ts';
import { COUNT_COLUMNS } from '../../src/lib/dealers/schema.ts';
import type { PeerReference } from '../../src/lib/dealers/peers.ts';
import { scoreNetwork, type ScoredNetwork } from '../../src/lib/dealers/score.ts';
import { countColumn, REGIONS, selectRows, type DealerMonths } from '../../src/lib/dealers/table.ts';
import { chooseModelError, coverageOf, recovery, trueEffectiveness } from './dealers-evaluate.ts';
import { takeRows, trainForest, trainNetwork, type ForestSpec, type NetworkSpec } from './dealers-models.ts';
import { printTable, round, writeArtifact } from './io.ts';
import { featureCsv, sklearnComparisons } from './reference.ts';

const VERSION = '1.0.0';
const SPLIT_SEED = 20260113;
const SPLIT = { train: 0.7, validation: 0.15 };
const TEST_MONTHS = [9, 10, 11];
const LEVEL = 0.9;
/** Network candidates: no hidden layer (a Poisson GLM with a log link) and a 32-16 network. */
const NETWORK_SPECS: NetworkSpec[] = [
	{ hidden: [], checkpoints: [10, 25], batchSize: 256, learningRate: 0.01, l2: 0, seed: 20260116 },
	{ hidden: [32, 16], checkpoints: [8, 16], batchSize: 256, learningRate: 0.003, l2: 1e-5, seed: 20260114 }
];
const FOREST_SPEC: ForestSpec = { trees: 40, samplesPerTree: 1500, maxDepth: 12, minNumSamples: 20, seed: 20260115 };
/** Within this validation WAPE of the best, the smaller artifact wins. */
const TOLERANCE = 0.002;

interface Split {
	train: number[];
	validation: number[];
	test: number[];
}

function splitDealers(count: number): Split {
	const order = shuffled(Array.from({ length: count }, (_, d) => d), seededRandom(SPLIT_SEED));
	const a = Math.round(count * SPLIT.train);
	const b = a + Math.round(count * SPLIT.validation);
	const sorted = (xs: number[]) => xs.sort((p, q) => p - q);
	return { train: sorted(order.slice(0, a)), validation: sorted(order.slice(a, b)), test: sorted(order.slice(b)) };
}

/** Rows of the generated table of these dealers (rows are dealer-major, 12 per dealer). */
const rowsOf = (dealers: number[], months: readonly number[] = Array.from({ length: 12 }, (_, m) => m)) => dealers.flatMap((d) => months.map((m) => d * 12 + m));

/** A smaller run for tests: fewer dealers, a short network run, a small forest. */
export interface TrainingScale {
	dealers: number;
	networks: NetworkSpec[];
	forest: ForestSpec;
}

const FULL_SCALE: TrainingScale = { dealers: NETWORK.dealers, networks: NETWORK_SPECS, forest: FOREST_SPEC };

const networkName = (spec: NetworkSpec, epochs: number) => (spec.hidden.length ? `Network ${spec.hidden.join('-')}, ${epochs} epochs` : `Poisson GLM (TensorFlow.js, no hidden layer), ${epochs} epochs`);

export async function trainDealers(opts: { outDir: string; exportFeaturesDir?: string; scale?: TrainingScale }) {
	const scale = opts.scale ?? FULL_SCALE;
	let t0 = performance.now();
	const net = generateNetwork(TRAINING_SEED, scale.dealers);
	const table = net.months;
	const split = splitDealers(scale.dealers);
	console.log(`generated ${table.n} dealer-months (${scale.dealers} dealers) in ${((performance.now() - t0) / 1000).toFixed(1)} s; dealers: ${split.train.length} train, ${split.validation.length} validation, ${split.test.length} test`);

	const trainRows = rowsOf(split.train);
	const encoders: DealerEncoders = { regions: [...REGIONS], regionShares: REGIONS.map((_, k) => round(trainRows.filter((r) => table.region[r] === k).length / trainRows.length, 6)) };
	const width = featureCount(encoders);
	const names = featureNames(encoders);
	const X = featureMatrix(table, encoders);
	const sales = table.funnel.sales;
	// A fixed seeded order of the training rows, so minibatches mix dealers and months.
	const fitRows = shuffled(trainRows, seededRandom(SPLIT_SEED + 1));
	const Xfit = takeRows(X, width, fitRows);
	const yfit = fitRows.map((r) => sales[r]);

	const validation = subTable(table, split.validation);
	const test = subTable(table, split.test);
	const testPick = test.rows.map((r, k) => (TEST_MONTHS.includes(table.month[r]) ? k : -1)).filter((k) => k >= 0);
	const yTest = testPick.map((k) => sales[test.rows[k]]);

	// 1. Candidates, judged on the validation dealers.
	const candidates: (CandidateResult & { parameters: ExpectedSalesParameters; bytes: number })[] = [];
	const judge = (name: string, family: 'network' | 'forest', parameters: ExpectedSalesParameters, seconds: number) => {
		const scored = score(validation.table, parameters, encoders);
		const m = regressionMetrics(validation.table.funnel.sales, scored.expected);
		candidates.push({ name, family, validationWape: round(m.wape!, 4), validationR2: round(m.r2!, 4), chosen: false, parameters, bytes: JSON.stringify(parameters).length });
		console.log(`  ${name}: validation WAPE ${m.wape!.toFixed(4)}, R² ${m.r2!.toFixed(4)} (${seconds.toFixed(0)} s)`);
	};
	t0 = performance.now();
	const trained: { spec: NetworkSpec; epochs: number; name: string }[] = [];
	for (const spec of scale.networks) {
		for (const c of await trainNetwork(Xfit, yfit, width, oneHotMask(encoders), spec)) {
			const name = networkName(spec, c.epochs);
			trained.push({ spec, epochs: c.epochs, name });
			judge(name, 'network', c.parameters, c.seconds);
		}
	}
	const forest = trainForest(Xfit, yfit, width, scale.forest);
	judge(`Random forest, ${scale.forest.trees} trees of ${scale.forest.samplesPerTree} rows`, 'forest', forest.parameters, forest.seconds);
	console.log(`forest: ${forest.nodes} nodes`);
	const best = Math.min(...candidates.map((c) => c.validationWape));
	// Array.sort is stable: among equal sizes the earlier candidate (fewer epochs) wins.
	const chosen = candidates.filter((c) => c.validationWape <= best + TOLERANCE).sort((a, b) => a.bytes - b.bytes)[0];
	chosen.chosen = true;
	const otherFamily = candidates.filter((c) => c.family !== chosen.family).sort((a, b) => a.validationWape - b.validationWape)[0];
	console.log(`chosen: ${chosen.name}`);

	// Peers by size from the whole training network: the reference for files with few dealers.
	const whole = score(table, chosen.parameters, encoders);
	const peers: PeerReference = {
		cuts: whole.peers.cuts.map((v) => round(v, 6)),
		visitorShare: whole.peers.visitorShare.map((v) => round(v, 6)),
		conversion: whole.peers.conversion.map((v) => round(v, 6)),
		closing: whole.peers.closing.map((v) => round(v, 6)),
		dealers: whole.peers.dealers
	};

	// 2. The test dealers' last three months, once.
	const testScored = score(test.table, chosen.parameters, encoders, peers);
	const otherScored = score(test.table, otherFamily.parameters, encoders, peers);
	const pick = (v: Float64Array) => testPick.map((k) => v[k]);
	const modelPred = pick(testScored.expected);
	const otherPred = pick(otherScored.expected);
	const trainTable = { sales: trainRows.reduce((a, r) => a + sales[r], 0), leads: trainRows.reduce((a, r) => a + table.funnel.leads[r], 0) };
	const nationalRate = trainTable.sales / trainTable.leads;
	const regionMonthRate = rateByRegionMonth(table, trainRows, table.funnel.sales, table.funnel.leads);
	const testRows = testPick.map((k) => test.rows[k]);
	const nationalPred = testRows.map((r) => table.funnel.leads[r] * nationalRate);
	const regionPred = testRows.map((r) => table.funnel.leads[r] * regionMonthRate[table.region[r]][table.month[r]]);
	const metrics = {
		model: regressionMetrics(yTest, modelPred),
		other: regressionMetrics(yTest, otherPred),
		national: regressionMetrics(yTest, nationalPred),
		region: regressionMetrics(yTest, regionPred)
	};
	const baselines: NamedMetrics<RegressionMetrics>[] = [
		{ name: 'Leads x national close rate', description: `Each dealer-month's leads times the training dealers' sales per lead (${(nationalRate * 100).toFixed(2)}%).`, metrics: roundMetrics(metrics.national) },
		{ name: 'Leads x region-month close rate', description: "Each dealer-month's leads times the training dealers' sales per lead in the same region and month.", metrics: roundMetrics(metrics.region) }
	];
	const bestBaseline = baselines.reduce((a, b) => ((b.metrics.wape ?? Infinity) < (a.metrics.wape ?? Infinity) ? b : a));
	const bestBaselinePred = bestBaseline === baselines[0] ? nationalPred : regionPred;
	// Paired bootstrap over whole test dealers (a dealer's months are not independent).
	const dealerOfPick = testPick.map((k) => testScored.dealers.dealerOfRow[k]);
	const picksOfDealer: number[][] = Array.from({ length: testScored.dealers.count }, () => []);
	dealerOfPick.forEach((d, i) => picksOfDealer[d].push(i));
	const wapeOn = (pred: ArrayLike<number>) => (dealers: Uint32Array) => {
		let err = 0;
		let sum = 0;
		for (const d of dealers) for (const i of picksOfDealer[d]) {
			err += Math.abs(yTest[i] - pred[i]);
			sum += yTest[i];
		}
		return sum > 0 ? err / sum : null;
	};
	const vs = pairedBootstrap(testScored.dealers.count, wapeOn(modelPred), wapeOn(bestBaselinePred), { seed: SPLIT_SEED, metric: 'wape', baseline: bestBaseline.name, resamples: 2000 });
	if (!vs) throw new Error('WAPE is undefined on the test dealers');

	// The target: WAPE at least 20% below leads x the national close rate, with a bootstrap interval of the ratio.
	const logWape = (pred: ArrayLike<number>) => (dealers: Uint32Array) => {
		const w = wapeOn(pred)(dealers);
		return w === null || w <= 0 ? null : Math.log(w);
	};
	const improvements = baselines.map((b, k) => {
		const ratio = pairedBootstrap(testScored.dealers.count, logWape(modelPred), logWape(k === 0 ? nationalPred : regionPred), { seed: SPLIT_SEED, metric: 'log wape', baseline: b.name, resamples: 2000 })!;
		return { baseline: b.name, improvement: round(1 - Math.exp(ratio.difference), 4), low: round(1 - Math.exp(ratio.high), 4), high: round(1 - Math.exp(ratio.low), 4), level: ratio.level };
	});
	const target: TargetCheck = { statement: 'expected sales at least 20% better (WAPE) than leads x the national close rate on held-out dealer-months', required: 0.2, ...improvements[0], met: improvements[0].improvement >= 0.2, others: improvements.slice(1) };

	const csv = { train: featureCsv(names, 'sales', Xfit, yfit), test: featureCsv(names, 'sales', takeRows(X, width, testRows), yTest) };
	if (opts.exportFeaturesDir) exportFeatures(opts.exportFeaturesDir, csv, { model: modelPred, national: nationalPred, region: regionPred });
	const references = sklearnComparisons('dealers', csv, roundMetrics);
	const otherRow: Comparison<RegressionMetrics> = { name: otherFamily.name, description: 'The best candidate of the other family, chosen against on the validation dealers.', role: 'shipped-model', metrics: roundMetrics(metrics.other) };
	const report: RegressionReport = {
		task: 'regression',
		rowNoun: { one: 'dealer-month', many: 'dealer-months' },
		model: roundMetrics(metrics.model),
		baselines,
		comparisons: [otherRow, ...references],
		headline: { metric: 'wape', lowerIsBetter: true },
		vsBestBaseline: { metric: vs.metric, baseline: vs.baseline, difference: round(vs.difference, 4), low: round(vs.low, 4), high: round(vs.high, 4), level: vs.level, resamples: vs.resamples, seed: vs.seed }
	};
	console.log(`\nheld-out: ${split.test.length} test dealers x Oct-Dec = ${yTest.length} dealer-months`);
	printTable([
		{ model: chosen.name, ...cells(metrics.model) },
		{ model: otherFamily.name, ...cells(metrics.other) },
		...baselines.map((b) => ({ model: b.name, ...cells(b.metrics) })),
		...references.map((r) => ({ model: r.name, ...cells(r.metrics) }))
	]);
	const gain = (b: RegressionMetrics) => 1 - metrics.model.wape! / b.wape!;
	console.log(`WAPE ${(gain(metrics.national) * 100).toFixed(1)}% below leads x national rate, ${(gain(metrics.region) * 100).toFixed(1)}% below leads x region-month rate; model - best baseline ${vs.difference.toFixed(4)} [${vs.low.toFixed(4)}, ${vs.high.toFixed(4)}]`);
	for (const i of improvements) console.log(`  improvement over ${i.baseline}: ${(i.improvement * 100).toFixed(1)}% (${i.level * 100}% interval over dealers ${(i.low * 100).toFixed(1)}%..${(i.high * 100).toFixed(1)}%)`);

	// 3. The effectiveness interval: dispersion and model error on validation dealers, coverage elsewhere.
	const valScored = score(validation.table, chosen.parameters, encoders, peers);
	const dispersion = round(monthlyDispersion(valScored.dealers.dealerOfRow, validation.table.funnel.sales, valScored.expected), 4);
	const all = Array.from({ length: 12 }, (_, m) => m);
	const modelError = chooseModelError(valScored, trueEffectiveness(net, validation.rows, valScored, all), all, LEVEL, dispersion);
	const z = round(zForLevel(LEVEL, normalCdf), 6);
	const demo = generateNetwork(DEMO_SEED, scale.dealers);
	const demoScored = score(demo.months, chosen.parameters, encoders, peers);
	const demoRows: number[] = Array.from({ length: demo.months.n }, (_, r) => r);
	const coverage: IntervalModel['coverage'] = [];
	const measure = (on: string, scored: ScoredNetwork, g: GeneratedNetwork, rowOf: ArrayLike<number>, months: number[]) => {
		const c = coverageOf(scored, trueEffectiveness(g, rowOf, scored, months), months, { z, dispersion, modelError });
		coverage.push({ on, months: months.length, dealers: scored.dealers.count, coverage: round(c.coverage, 4), medianWidth: round(c.medianWidth, 4) });
	};
	measure('test dealers', testScored, net, test.rows, all);
	measure('test dealers, Oct-Dec', testScored, net, test.rows, TEST_MONTHS);
	measure('test dealers, Dec', testScored, net, test.rows, [11]);
	measure('demo network', demoScored, demo, demoRows, all);
	const interval: IntervalModel = { level: LEVEL, z, dispersion, modelError, coverage };
	console.log(`\ninterval: dispersion ${dispersion}, model error ${modelError} (chosen on validation dealers for ${LEVEL * 100}% coverage)`);
	printTable(coverage.map((c) => ({ on: c.on, months: c.months, dealers: c.dealers, coverage: c.coverage, 'median width': c.medianWidth })));

	// 4. What the tool recovers of the planted effects.
	const recoveries = [
		recovery(`the ${split.test.length} test dealers, 12 months`, net, testScored, split.test, test.rows, interval),
		recovery(`the demo network (seed ${DEMO_SEED}), ${scale.dealers.toLocaleString('en-US')} dealers, 12 months`, demo, demoScored, Array.from({ length: scale.dealers }, (_, d) => d), demoRows, interval)
	];
	console.log('\nrecovery of the planted effects:');
	printTable(
		recoveries.map((r) => ({
			on: r.on,
			'ρ visitor share': r.spearman.visitorShare,
			'ρ conversion': r.spearman.conversion,
			'ρ closing': r.spearman.closing,
			'ρ opportunity': r.spearman.opportunity,
			...Object.fromEntries(r.visitFirst.map((v) => [`precision@${v.k}`, v.precision])),
			flagged: r.flaggedBelow.count,
			'truly below': r.flaggedBelow.trulyBelow ?? NaN,
			'weak step found': r.weakStepFound.share ?? NaN
		}))
	);

	// 5. Reference data: service rates and the training network's peers.
	const serviceRates = rateByRegionMonth(table, trainRows, table.rich!.serviceOrders, table.rich!.serviceLeads).map((row) => row.map((v) => round(v, 6)));

	const provenance: Provenance = {
		source: `Synthetic dealer network from the seeded generator in src/lib/dealers/generator.ts (parameters in params.ts, seed ${TRAINING_SEED}): ${scale.dealers.toLocaleString('en-US')} dealers x 12 months. No public dealer-level data exists; every distribution is documented in the model card and README.`,
		licence: 'Generated by this project; no third-party data.',
		synthetic: true,
		rows: table.n,
		period: ['Jan', 'Dec'],
		split: `Whole dealers, seeded: ${split.train.length} train (12 months), ${split.validation.length} validation (model and interval choice), ${split.test.length} test; the test figures are the test dealers' Oct-Dec (${yTest.length} dealer-months).`,
		trainRows: trainRows.length,
		testRows: yTest.length,
		dataHash: await sha256Hex(richLayoutCsv(table))
	};
	// 6. The demo network's first view, exactly as the page's worker computes it.
	const demoInputs: DemoInputs = { model: chosen.parameters, encoders, peers, serviceRates, interval, demo: { seed: DEMO_SEED, dealers: scale.dealers } };
	const firstView = demoFirstView(demoInputs);

	const isNetwork = chosen.parameters.kind === 'network';
	const chosenNet = trained.find((t) => t.name === chosen.name);
	await writeArtifact<DealerModelArtifact>(join(opts.outDir, 'dealers', 'model.json'), {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: DEALERS_TOOL,
		modelId: 'expected-sales',
		version: VERSION,
		modelKind: isNetwork ? 'mlp-poisson-regression' : 'random-forest-regression',
		label: isNetwork ? (chosenNet!.spec.hidden.length ? `Neural network ${chosenNet!.spec.hidden.join('-')} with a log link, trained with TensorFlow.js` : 'Poisson regression (log link), trained with TensorFlow.js') : `Random forest, ${scale.forest.trees} trees`,
		features: names,
		inputRanges: inputRanges(table, trainRows),
		provenance,
		metrics: report,
		target,
		hyperparameters: isNetwork
			? { library: 'TensorFlow.js 4 (CPU backend)', layers: [...chosenNet!.spec.hidden, 1].join('-'), activation: chosenNet!.spec.hidden.length ? 'relu' : 'none', output: 'log of expected sales', loss: 'Poisson', epochs: chosenNet!.epochs, epochsChosenFrom: chosenNet!.spec.checkpoints.join(', '), batch: chosenNet!.spec.batchSize, optimizer: 'adam', learningRate: chosenNet!.spec.learningRate, l2: chosenNet!.spec.l2, seed: chosenNet!.spec.seed, chosenOn: `${split.validation.length} validation dealers, 12 months`, chosenFrom: candidates.map((c) => c.name).join('; ') }
			: { library: 'ml-random-forest 2.1.0, one tree per sample', trees: scale.forest.trees, samplesPerTree: scale.forest.samplesPerTree, maxDepth: scale.forest.maxDepth, minSamplesToSplit: scale.forest.minNumSamples, seed: scale.forest.seed, chosenOn: `${split.validation.length} validation dealers, 12 months`, chosenFrom: candidates.map((c) => c.name).join('; ') },
		encoders,
		model: chosen.parameters,
		interval,
		serviceRates,
		peers,
		candidates: candidates.map(({ parameters: _p, bytes: _b, ...c }) => c),
		recovery: recoveries,
		generator: GENERATOR_TABLE,
		demo: demoInputs.demo,
		firstView,
		contentHash: ''
	});
}

function subTable(table: DealerMonths, dealers: number[]): { table: DealerMonths; rows: number[] } {
	const rows = rowsOf(dealers);
	return { table: selectRows(table, rows), rows };
}

/** Score with the shipped code; a table of fewer than 100 dealers borrows `referencePeers` (none yet: NaN). */
function score(table: DealerMonths, parameters: ExpectedSalesParameters, encoders: DealerEncoders, referencePeers?: PeerReference): ScoredNetwork {
	const none = { cuts: [], visitorShare: [NaN], conversion: [NaN], closing: [NaN], dealers: [0] };
	return scoreNetwork(table, expectedSalesModel(parameters, encoders), { referencePeers: referencePeers ?? none, serviceRates: REGIONS.map(() => new Array(12).fill(0)) });
}

/** Sum of `a` over sum of `b` by region and month over the given rows. */
function rateByRegionMonth(table: DealerMonths, rows: number[], a: Float64Array, b: Float64Array): number[][] {
	const num = REGIONS.map(() => new Array(12).fill(0));
	const den = REGIONS.map(() => new Array(12).fill(0));
	for (const r of rows) {
		num[table.region[r]][table.month[r]] += a[r];
		den[table.region[r]][table.month[r]] += b[r];
	}
	return num.map((row, g) => row.map((v, m) => v / den[g][m]));
}

function inputRanges(table: DealerMonths, rows: number[]): Record<string, InputRange> {
	const out: Record<string, InputRange> = {};
	for (const c of COUNT_COLUMNS) {
		const column = countColumn(table, c.field);
		if (!column) continue;
		const v = rows.map((r) => column[r]).filter(Number.isFinite);
		out[c.key] = { min: round(Math.min(...v)), max: round(Math.max(...v)), p01: round(quantile(v, 0.01)), p99: round(quantile(v, 0.99)) };
	}
	return out;
}

function exportFeatures(dir: string, csv: { train: string; test: string }, predictions: Record<string, number[]>) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'dealers_train.csv'), csv.train);
	writeFileSync(join(dir, 'dealers_test.csv'), csv.test);
	const keys = Object.keys(predictions);
	const lines = [keys.join(','), ...predictions[keys[0]].map((_, i) => keys.map((k) => predictions[k][i]).join(','))];
	writeFileSync(join(dir, 'dealers_test_predictions.csv'), lines.join('\n') + '\n');
	console.log(`features and test predictions exported to ${dir}`);
}

function roundMetrics(m: RegressionMetrics): RegressionMetrics {
	const r = (v: number | null, digits: number) => (v === null ? null : round(v, digits));
	const out: RegressionMetrics = { n: m.n, wape: r(m.wape, 4), mae: r(m.mae, 4), mape: r(m.mape, 4), r2: r(m.r2, 4) };
	if (m.undefinedBecause) out.undefinedBecause = m.undefinedBecause;
	return out;
}

function cells(m: RegressionMetrics) {
	return { WAPE: m.wape ?? NaN, 'MAE (sales)': m.mae ?? NaN, MAPE: m.mape ?? NaN, 'R²': m.r2 ?? NaN };
}
