/**
 * One shopper's recommendations and a group's list, on the Groceries purchase log. The protocol is
 * the reference script's (see groceries.ts): its three recommenders are reproduced first, then the
 * blend's weights are chosen on validation (each member's second-to-last basket, from the baskets
 * before it, with popularity and embeddings learnt without each member's last two baskets), the
 * chance calibration and the default group aggregation are fitted there too, and finally the model
 * is refitted without each member's last basket and scored once on those last baskets.
 */
import { join } from 'node:path';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type NamedMetrics, type RankingMetrics, type RankingReport } from '../../../src/lib/core/artifact/types.ts';
import { bytesToBase64 } from '../../../src/lib/core/base64.ts';
import { calibrateMany, fitIsotonic, type IsotonicCalibration } from '../../../src/lib/core/calibration.ts';
import { brierScore, reliabilityTable } from '../../../src/lib/core/metrics/classification.ts';
import { pairedBootstrap, pick } from '../../../src/lib/core/metrics/bootstrap.ts';
import { rankingMetrics, rankingPerUser, type RankedList } from '../../../src/lib/core/metrics/ranking.ts';
import { aisleOf } from '../../../src/lib/group-buy/aisles.ts';
import { GROUP_BUY_TOOL, type GroupEvaluation, type GroupScore, type ReproducedFigure, type ShopperArtifact } from '../../../src/lib/group-buy/artifact.ts';
import { itemCounts } from '../../../src/lib/group-buy/baskets.ts';
import { AGGREGATIONS, groupList, type Aggregation } from '../../../src/lib/group-buy/group.ts';
import { popularityScores, shopperScores, topItems, type BlendWeights, type ShopperModel } from '../../../src/lib/group-buy/shopper.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import { hashFiles, printTable, round } from '../io.ts';
import { writeArtifact } from '../io.ts';
import { trainEmbeddings, type ItemEmbeddings } from './embeddings.ts';
import { holdOut, readGroceries, trainingBaskets, type GroceriesData, type HeldOut } from './groceries.ts';
import { basketCounts, cooccurrence, itemKnnList, personalThenPopularList, popularityOf, randomTieOrder, rankByScore, type TieOrder } from './references.ts';

const VERSION = '1.0.0';
const SEED = 20260112;
const K = 10;
const EMBEDDING = { dimsTried: [8, 16, 32], epochs: 300, learningRate: 0.05, l2: 1e-4 };
/** Blend weights tried on validation (with popularity 0, only the embedding weight 1: the scale does not change a ranking). */
const GRID = { popularity: [1, 0], embedding: [0, 0.25, 0.5, 1, 2, 4], rebuy: [0, 0.1, 0.2, 0.3] };
const GROUPS = { sizes: [3, 8, 15, 30], perSize: 200 };
const TIE_ORDERS = 8;
const BOOTSTRAP_RESAMPLES = 1000;
/** The reference script's figures as the lead measured them (recall@10, hit@10). */
const REFERENCE = {
	popularity: { recall: 0.3773, hit: 0.7123 },
	itemKnn: { recall: 0.2756, hit: 0.5683 },
	personal: { recall: 0.2578, hit: 0.5413 }
};

interface Fitted {
	model: ShopperModel;
	counts: Float64Array;
	baskets: number;
	embeddings: ItemEmbeddings;
	held: HeldOut[];
	memberCounts: Float64Array[];
}

async function fitAtCut(g: GroceriesData, cut: number, dims: number, weights: BlendWeights): Promise<Fitted> {
	const n = g.items.length;
	const baskets = trainingBaskets(g.members, cut);
	const counts = basketCounts(baskets.flat(), n);
	const t0 = performance.now();
	const embeddings = await trainEmbeddings(baskets, n, { dims, epochs: EMBEDDING.epochs, learningRate: EMBEDDING.learningRate, l2: EMBEDDING.l2, seed: SEED });
	console.log(`${dims}-dimensional embeddings without each member's last ${cut} basket(s): ${embeddings.examples.toLocaleString('en-US')} next baskets, cross-entropy ${embeddings.loss.toFixed(4)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
	const model: ShopperModel = { nItems: n, dims, popularity: popularityScores(counts), itemVectors: embeddings.itemVectors, contextVectors: embeddings.contextVectors, bias: embeddings.bias, weights };
	const held = holdOut(g.members, cut);
	return { model, counts, baskets: baskets.reduce((a, b) => a + b.length, 0), embeddings, held, memberCounts: held.map((h) => itemCounts(h.history, n)) };
}

function blendLists(f: Fitted, weights: BlendWeights): RankedList<number>[] {
	return f.held.map((h, i) => ({ recommended: topItems(shopperScores(f.model, f.memberCounts[i], weights), K), relevant: h.target }));
}

function roundRanking(m: RankingMetrics): RankingMetrics {
	const r = (v: number | null) => (v === null ? null : round(v, 4));
	return { ...m, recall: r(m.recall), hit: r(m.hit), ndcg: r(m.ndcg) };
}

const cells = (m: RankingMetrics) => ({ 'recall@10': m.recall ?? NaN, 'hit@10': m.hit ?? NaN, 'NDCG@10': m.ndcg ?? NaN });

/** The reference script's three recommenders at the test cut, with the spread over tie orders. */
function reproduce(g: GroceriesData, held: HeldOut[]): { figures: ReproducedFigure[]; baselines: { name: string; description: string; lists: RankedList<number>[] }[] } {
	const n = g.items.length;
	const pop = popularityOf(held, n);
	const co = cooccurrence(held, n);
	const orders: TieOrder[] = [null, ...Array.from({ length: TIE_ORDERS }, (_, s) => randomTieOrder(n, SEED + s))];
	const spread = (make: (ties: TieOrder) => RankedList<number>[]) => {
		const ms = orders.map((t) => rankingMetrics(make(t), K));
		const range = (f: (m: RankingMetrics) => number | null): [number, number] => [round(Math.min(...ms.map((m) => f(m)!)), 4), round(Math.max(...ms.map((m) => f(m)!)), 4)];
		return { recall: range((m) => m.recall), hit: range((m) => m.hit) };
	};
	const popular = (t: TieOrder) => rankByScore(pop, t);
	const popLists = (t: TieOrder) => held.map((h) => ({ recommended: popular(t), relevant: h.target }));
	const knnLists = (t: TieOrder) => held.map((h) => ({ recommended: itemKnnList(h, pop, co, popular(t), t), relevant: h.target }));
	const personalLists = (asReference: boolean) => (t: TieOrder) => held.map((h) => ({ recommended: personalThenPopularList(h, n, popular(t), t, asReference), relevant: h.target }));
	const tieNote = `ties broken by catalogue index and ${TIE_ORDERS} seeded random orders`;
	const figures: ReproducedFigure[] = [
		{ name: 'Most popular items', ...spread(popLists), reference: REFERENCE.popularity, note: tieNote },
		{ name: 'Item co-occurrence (item-kNN)', ...spread(knnLists), reference: REFERENCE.itemKnn, note: tieNote },
		{ name: "Member's own most-bought items, then popular (as the reference: the first 10 entries, repeats included)", ...spread(personalLists(true)), reference: REFERENCE.personal, note: `${tieNote}; Python breaks ties among a member's items by first purchase, then by its random set order, so the reference's own figure moves between runs` },
		{ name: "Member's own most-bought items, then popular (repeats skipped, always 10 items)", ...spread(personalLists(false)), reference: { recall: NaN, hit: NaN }, note: 'our fairer variant; not in the reference script' }
	];
	console.log(`\nreference recommenders reproduced on ${held.length.toLocaleString('en-US')} members (range over ${orders.length} tie orders):`);
	printTable(figures.map((f) => ({ recommender: f.name.slice(0, 60), 'recall@10': `${f.recall[0].toFixed(4)}-${f.recall[1].toFixed(4)}`, 'hit@10': `${f.hit[0].toFixed(4)}-${f.hit[1].toFixed(4)}`, reference: Number.isNaN(f.reference.recall) ? '-' : `${f.reference.recall} / ${f.reference.hit}` })));
	return {
		figures: figures.map((f) => (Number.isNaN(f.reference.recall) ? { ...f, reference: { recall: 0, hit: 0 }, note: f.note } : f)),
		baselines: [
			{ name: 'Most popular items', description: 'The 10 items most baskets held, the same for everyone (the reference script\'s popularity).', lists: popLists(null) },
			{ name: 'Item co-occurrence (item-kNN)', description: "Items bought with the member's items, plus re-buys (the reference script's item-kNN), then popular.", lists: knnLists(null) },
			{ name: "Member's own items, then popular", description: "The member's most-bought items, then the most popular ones (repeats skipped, always 10 items).", lists: personalLists(false)(null) }
		]
	};
}

/** Draw `perSize` groups of each size from `members` members (seeded, no member twice in a group). */
function drawGroups(members: number, seed: number): { size: number; members: number[] }[] {
	const random = seededRandom(seed);
	const groups: { size: number; members: number[] }[] = [];
	const pool = Array.from({ length: members }, (_, i) => i);
	for (const size of GROUPS.sizes)
		for (let g = 0; g < GROUPS.perSize; g++) {
			for (let i = 0; i < size; i++) {
				const j = i + Math.floor(random() * (members - i));
				[pool[i], pool[j]] = [pool[j], pool[i]];
			}
			groups.push({ size, members: pool.slice(0, size) });
		}
	return groups;
}

function scoreGroups(f: Fitted, chance: IsotonicCalibration, weights: BlendWeights, seed: number): GroupScore[] {
	const chances = f.memberCounts.map((c) => calibrateMany(chance, shopperScores(f.model, c, weights)));
	const targets = f.held.map((h) => new Set(h.target));
	const groups = drawGroups(f.held.length, seed);
	const out: GroupScore[] = [];
	for (const method of AGGREGATIONS)
		for (const size of GROUPS.sizes) {
			let unionHit = 0;
			let coverage = 0;
			let expected = 0;
			let actual = 0;
			const these = groups.filter((g) => g.size === size);
			for (const g of these) {
				const list = groupList(
					g.members.map((m) => chances[m]),
					method,
					K
				);
				const union = new Set(g.members.flatMap((m) => [...targets[m]]));
				unionHit += list.filter((x) => union.has(x.item)).length / K / these.length;
				coverage += g.members.filter((m) => list.some((x) => targets[m].has(x.item))).length / size / these.length;
				expected += list.reduce((s, x) => s + x.expectedBuyers, 0) / K / these.length;
				actual += list.reduce((s, x) => s + g.members.filter((m) => targets[m].has(x.item)).length, 0) / K / these.length;
			}
			out.push({ method, size, groups: these.length, unionHit: round(unionHit, 4), memberCoverage: round(coverage, 4), expectedBuyers: round(expected, 4), actualBuyers: round(actual, 4) });
		}
	return out;
}

function printGroups(title: string, rows: GroupScore[]) {
	console.log(title);
	printTable(rows.map((r) => ({ method: r.method, size: r.size, 'listed items bought': r.unionHit, 'members covered': r.memberCoverage, 'expected buyers': r.expectedBuyers, 'actual buyers': r.actualBuyers })));
}

function meanCoverage(rows: GroupScore[], method: Aggregation): number {
	const mine = rows.filter((r) => r.method === method);
	return mine.reduce((s, r) => s + r.memberCoverage, 0) / mine.length;
}

export async function trainShopper(opts: { dataDir: string; outDir: string }): Promise<ShopperArtifact> {
	const g = readGroceries(opts.dataDir);
	const n = g.items.length;
	const totalBaskets = g.members.reduce((a, m) => a + m.baskets.length, 0);
	console.log(`Groceries: ${g.lines.toLocaleString('en-US')} lines, ${g.members.length.toLocaleString('en-US')} members, ${n} items, ${totalBaskets.toLocaleString('en-US')} baskets (${g.period.join(' to ')})`);

	// 1. Validation: embedding size, blend weights, chance calibration and the group default, without each member's last two baskets.
	const start: BlendWeights = { popularity: 1, embedding: 0, rebuy: 0 };
	const selection: ShopperArtifact['selection'] = [];
	const fits = new Map<number, Fitted>();
	for (const dims of EMBEDDING.dimsTried) {
		const fitted = await fitAtCut(g, 2, dims, start);
		fits.set(dims, fitted);
		for (const popularity of GRID.popularity)
			for (const embedding of popularity === 0 ? [1] : GRID.embedding)
				for (const rebuy of GRID.rebuy) {
					// Blends without the embeddings do not depend on their size: tried once.
					if (embedding === 0 && dims !== EMBEDDING.dimsTried[0]) continue;
					const weights = { popularity, embedding, rebuy };
					selection.push({ dims, weights, validation: roundRanking(rankingMetrics(blendLists(fitted, weights), K)), chosen: false });
				}
	}
	// Highest validation recall@10; on a tie, the earlier (simpler) candidate.
	const best = selection.reduce((a, b) => (b.validation.recall! > a.validation.recall! ? b : a));
	best.chosen = true;
	const { weights, dims } = best;
	const val = fits.get(dims)!;
	const popularityAlone = selection.find((s) => s.weights.popularity === 1 && s.weights.embedding === 0 && s.weights.rebuy === 0)!;
	console.log(`\nchosen on ${val.held.length.toLocaleString('en-US')} validation members: ${dims} dimensions, popularity ${weights.popularity}, embedding ${weights.embedding}, re-buy ${weights.rebuy} (recall@10 ${best.validation.recall}; popularity alone ${popularityAlone.validation.recall})`);
	printTable(
		[...selection]
			.sort((a, b) => b.validation.recall! - a.validation.recall!)
			.slice(0, 8)
			.map((s) => ({ dims: s.dims, popularity: s.weights.popularity, embedding: s.weights.embedding, rebuy: s.weights.rebuy, ...cells(s.validation) }))
	);
	const valScores: number[] = [];
	const valLabels: number[] = [];
	val.held.forEach((h, i) => {
		const s = shopperScores(val.model, val.memberCounts[i], weights);
		const target = new Set(h.target);
		for (let j = 0; j < n; j++) {
			valScores.push(s[j]);
			valLabels.push(target.has(j) ? 1 : 0);
		}
	});
	const chance = fitIsotonic(valScores, valLabels);
	const groupsValidation = scoreGroups(val, chance, weights, SEED);
	const defaultMethod = AGGREGATIONS.reduce((a, b) => (meanCoverage(groupsValidation, b) > meanCoverage(groupsValidation, a) ? b : a));
	printGroups(`\ngroup lists on validation groups (${GROUPS.perSize} per size); default by mean member coverage: ${defaultMethod}`, groupsValidation);

	// 2. Test, once: refit without each member's last basket.
	const test = await fitAtCut(g, 1, dims, weights);
	const { figures, baselines } = reproduce(g, test.held);
	const lists = blendLists(test, weights);
	const model = rankingMetrics(lists, K);
	const baselineRows = baselines.map((b) => ({ ...b, metrics: rankingMetrics(b.lists, K) }));
	const tfAlone: BlendWeights = { popularity: 0, embedding: 1, rebuy: 0 };
	const isTfAlone = weights.popularity === 0 && weights.rebuy === 0;
	const tfMetrics = rankingMetrics(blendLists(test, tfAlone), K);
	const bestBaseline = baselineRows.reduce((a, b) => (b.metrics.recall! > a.metrics.recall! ? b : a));
	const per = rankingPerUser(lists, K).recall;
	const perBase = rankingPerUser(bestBaseline.lists, K).recall;
	const meanOf = (v: Float64Array) => (rows: Uint32Array) => pick(v, rows).reduce((a, b) => a + b, 0) / rows.length;
	const d = pairedBootstrap(per.length, meanOf(per), meanOf(perBase), { seed: SEED, metric: 'recall', baseline: bestBaseline.name, resamples: BOOTSTRAP_RESAMPLES })!;
	console.log(`\none shopper's top 10 on ${test.held.length.toLocaleString('en-US')} test members (last baskets):`);
	printTable([
		{ model: `Blend (pop ${weights.popularity}, emb ${weights.embedding}, re-buy ${weights.rebuy})`, ...cells(model) },
		...(isTfAlone ? [] : [{ model: 'TF.js next-basket model alone', ...cells(tfMetrics) }]),
		...baselineRows.map((b) => ({ model: b.name, ...cells(b.metrics) }))
	]);
	console.log(`blend minus ${bestBaseline.name}, recall@10: ${d.difference.toFixed(4)} (95% paired bootstrap ${d.low.toFixed(4)} to ${d.high.toFixed(4)})`);

	// 3. Chances and groups on the test members; does a re-bought item beat its popularity?
	const testScores: number[] = [];
	const testLabels: number[] = [];
	const targetShare = new Float64Array(n);
	test.held.forEach((h) => h.target.forEach((j) => (targetShare[j] += 1 / test.held.length)));
	let ownPairs = 0;
	let ownHits = 0;
	let ownExpected = 0;
	test.held.forEach((h, i) => {
		const s = calibrateMany(chance, shopperScores(test.model, test.memberCounts[i], weights));
		const target = new Set(h.target);
		for (let j = 0; j < n; j++) {
			testScores.push(s[j]);
			testLabels.push(target.has(j) ? 1 : 0);
			if (test.memberCounts[i][j] > 0) {
				ownPairs++;
				ownHits += target.has(j) ? 1 : 0;
				ownExpected += targetShare[j];
			}
		}
	});
	const chanceCheck = { pairs: testScores.length, brier: round(brierScore(testLabels, testScores)!, 5), reliability: reliabilityTable(testLabels, testScores, 10).map((b) => ({ ...b, low: round(b.low, 4), high: round(b.high, 4), meanPredicted: b.meanPredicted === null ? null : round(b.meanPredicted, 4), observedRate: b.observedRate === null ? null : round(b.observedRate, 4) })) };
	const rebuy = { pairs: ownPairs, ownRate: round(ownHits / ownPairs, 4), expectedRate: round(ownExpected / ownPairs, 4), lift: round(ownHits / ownExpected, 3) };
	console.log(`\nchance of buying, on ${chanceCheck.pairs.toLocaleString('en-US')} test member x item pairs: Brier ${chanceCheck.brier}`);
	console.log(`items the member bought before: ${(rebuy.ownRate * 100).toFixed(1)}% are in the held-out basket, against ${(rebuy.expectedRate * 100).toFixed(1)}% for the same items over all members (lift ${rebuy.lift})`);
	const groupsTest = scoreGroups(test, chance, weights, SEED + 1);
	printGroups(`\ngroup lists on test groups`, groupsTest);
	const groups: GroupEvaluation = { listLength: K, sizes: GROUPS.sizes, groupsPerSize: GROUPS.perSize, default: defaultMethod, validation: groupsValidation, test: groupsTest };

	const report: RankingReport = {
		task: 'ranking',
		rowNoun: { one: 'member', many: 'members' },
		model: roundRanking(model),
		baselines: baselineRows.map((b): NamedMetrics<RankingMetrics> => ({ name: b.name, description: b.description, metrics: roundRanking(b.metrics) })),
		comparisons: isTfAlone ? [] : [{ name: 'Item embeddings alone (TensorFlow.js next-basket model)', description: "The learnt model's own prediction, softmax(u C^T + b), without the blend.", role: 'shipped-model', metrics: roundRanking(tfMetrics) }],
		headline: { metric: 'recall', lowerIsBetter: false },
		vsBestBaseline: { metric: 'recall', baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4), level: d.level, resamples: d.resamples, seed: d.seed }
	};
	const f32 = (a: Float32Array) => bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
	return writeArtifact<ShopperArtifact>(join(opts.outDir, GROUP_BUY_TOOL, 'shopper.json'), {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: GROUP_BUY_TOOL,
		modelId: 'shopper',
		version: VERSION,
		contentHash: '',
		modelKind: 'embedding-popularity-blend',
		label: 'Popularity, item embeddings and re-buys, blended',
		features: ["item's popularity", "closeness to the shopper's items (embeddings)", 'times the shopper bought it'],
		inputRanges: {},
		provenance: {
			source: '"Groceries dataset" (Kaggle): grocery purchases as member, date, item; a basket is one member on one date.',
			licence: 'GPL-2 as stated on Kaggle: used for training and evaluation only. The site ships derived model parameters, aggregate item counts and item names, never a row.',
			synthetic: false,
			rows: g.lines,
			period: g.period,
			split: `Every member with at least 2 baskets (${test.held.length.toLocaleString('en-US')}) has the last basket held out and recommended from the earlier ones (re-buys count), as ../shared/bench/groupbuy_baselines.py. Blend weights, chances and the group default were chosen on each member's second-to-last basket (${val.held.length.toLocaleString('en-US')} members with at least 3), learning from nothing after it; the model was then refitted without each member's last basket and tested once.`,
			trainRows: test.baskets,
			testRows: test.held.length,
			dataHash: hashFiles([g.file])
		},
		metrics: report,
		hyperparameters: { library: 'TensorFlow.js 4 (CPU backend)', dims, dimsTried: EMBEDDING.dimsTried.join(', '), epochs: EMBEDDING.epochs, batch: 'full', optimizer: 'adam', learningRate: EMBEDDING.learningRate, l2: EMBEDDING.l2, seed: SEED, blend: `popularity ${weights.popularity}, embedding ${weights.embedding}, re-buy ${weights.rebuy}`, chosenOn: `${val.held.length} validation members (second-to-last baskets)` },
		items: g.items,
		aisles: g.items.map(aisleOf),
		basketCounts: Array.from(test.counts),
		trainingBaskets: test.baskets,
		dims,
		itemVectors: f32(test.embeddings.itemVectors),
		contextVectors: f32(test.embeddings.contextVectors),
		bias: f32(test.embeddings.bias),
		weights,
		chance: { ...chance, x: chance.x.map((v) => round(v, 10)), y: chance.y.map((v) => round(v, 10)) },
		chanceCheck,
		selection,
		groups,
		reproduced: figures,
		rebuy
	});
}

