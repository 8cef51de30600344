/**
 * Step 1 of the seller finder's training: every candidate (feature set x shape) trained on the
 * selection months and scored on the validation months, the one SELECTION_RULE picks, and whether
 * its leaf values may be rounded. The test month plays no part.
 */
import type { FlatForest } from '../../../src/lib/core/forest/flat.ts';
import { predictOutput } from '../../../src/lib/core/forest/predict.ts';
import { ALL_FEATURES } from '../../../src/lib/sellers/features.ts';
import type { SellersModelArtifact } from '../../../src/lib/sellers/model.ts';
import { printTable, round } from '../io.ts';
import { bootstrapScorers, monthRanges, type BootMetric, type PairedInterval, type Scorer } from './bootstrap.ts';
import { stack, type SplitPlan, type TrainingMarket } from './data.ts';
import { metricsOf } from './evaluate.ts';
import { roundLeaves, trainSellerForest, type ForestConfig } from './forest.ts';
import { columnsOf, FEATURE_SETS, GRID, K, LEAF_DIGITS, LEAF_TOLERANCE, RESAMPLES, SEED, TREES, type ForestShape } from './settings.ts';

export interface Candidate {
	set: string;
	shape: ForestShape;
	flat: FlatForest;
	/** Its scores on the validation months. */
	scores: Float64Array;
	rocAuc: number;
}

export interface CandidateChoice {
	/** Row ranges of each validation month within the stacked validation rows. */
	validationMonths: [number, number][];
	candidates: Candidate[];
	chosenIndex: number;
	selection: SellersModelArtifact['selection'];
	validationRules: ValidationRules;
	/** The chosen feature set and shape, with TREES trees. */
	chosen: { set: string; config: ForestConfig };
}

type ValidationRules = NonNullable<SellersModelArtifact['validationRules']>;
export type LeafRounding = NonNullable<SellersModelArtifact['leafRounding']>;

const nodes = (flat: FlatForest): number => flat.treeOffsets[flat.nTrees];

const candidateName = (set: string, shape: ForestShape) => `${set}, depth ${shape.maxDepth}, leaf ${shape.minNumSamples}, ${shape.perClass}+${shape.perClass}`;

/** The validation labels, and the two naive rules every candidate is compared with on them. */
function naiveRulesOnValidation(market: TrainingMarket, plan: SplitPlan): { y: Uint8Array; rules: Scorer[] } {
	const vaAll = stack(market, plan.validation[0], plan.validation[1], columnsOf(ALL_FEATURES));
	const vaOrders = stack(market, plan.validation[0], plan.validation[1], columnsOf(['orders_3m'])).X;
	const rules = [
		{ name: 'Collection adds, last 90 days', ranking: vaAll.recentAdds },
		{ name: 'Orders, last 3 months', ranking: vaOrders }
	];
	return { y: vaAll.y, rules };
}

/** Every feature set x GRID shape trained on the selection months and scored on the validation months (logs one line each). */
function trainCandidates(market: TrainingMarket, plan: SplitPlan): Candidate[] {
	const candidates: Candidate[] = [];
	for (const [set, names] of Object.entries(FEATURE_SETS)) {
		const cols = columnsOf(names);
		const tr = stack(market, plan.selectionTrain[0], plan.selectionTrain[1], cols);
		const va = stack(market, plan.validation[0], plan.validation[1], cols);
		for (const shape of GRID) {
			const t0 = performance.now();
			const flat = trainSellerForest(tr.X, tr.y, tr.width, { ...shape, trees: TREES }, SEED);
			const scores = predictOutput(flat, va.X, va.n);
			const m = metricsOf(va.y, scores, false);
			candidates.push({ set, shape, flat, scores, rocAuc: m.rocAuc! });
			console.log(`  ${candidateName(set, shape)} rows/tree: validation PR AUC ${m.prAuc}, ROC AUC ${m.rocAuc}, ${nodes(flat)} nodes (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
		}
	}
	return candidates;
}

/** The candidate with the highest validation precision at K, ties to the higher PR AUC. */
function chosenIndexOf(selection: SellersModelArtifact['selection']): number {
	let chosenIndex = 0;
	selection.forEach((row, i) => {
		const best = selection[chosenIndex];
		if (row.precisionAtK! > best.precisionAtK! || (row.precisionAtK === best.precisionAtK && row.prAuc > best.prAuc)) chosenIndex = i;
	});
	return chosenIndex;
}

function printSelection(validationRules: ValidationRules, selection: SellersModelArtifact['selection']): void {
	printTable([
		...validationRules.map((r) => ({ candidate: r.name, [`P@${K}`]: r.precisionAtK, 'PR AUC': r.prAuc, [`P@${K} vs best rule`]: '', 'PR AUC vs best rule': '' })),
		...selection.map((r) => ({
			candidate: `${r.features}, d${r.maxDepth}, leaf ${r.minNumSamples}, ${r.perClass}${r.chosen ? ' (chosen)' : ''}`,
			[`P@${K}`]: r.precisionAtK!,
			'PR AUC': r.prAuc,
			[`P@${K} vs best rule`]: `${r.precisionVsBestRule!.difference} [${r.precisionVsBestRule!.low}, ${r.precisionVsBestRule!.high}]`,
			'PR AUC vs best rule': `${r.prAucVsBestRule!.difference} [${r.prAucVsBestRule!.low}, ${r.prAucVsBestRule!.high}]`
		}))
	]);
}

/** Trains every candidate, bootstraps them against the naive rules on validation and picks one by SELECTION_RULE. */
export function compareCandidates(market: TrainingMarket, plan: SplitPlan): CandidateChoice {
	const validationMonths = monthRanges(Array.from({ length: plan.validation[1] - plan.validation[0] + 1 }, (_, i) => market.months.get(plan.validation[0] + i)!.y.length));
	const validation = naiveRulesOnValidation(market, plan);
	const candidates = trainCandidates(market, plan);
	const scorers: Scorer[] = [...validation.rules, ...candidates.map((c) => ({ name: candidateName(c.set, c.shape), ranking: c.scores }))];
	const t1 = performance.now();
	const vBoot = bootstrapScorers(validation.y, validationMonths, scorers, ['precisionAtK', 'prAuc'], { k: K, resamples: RESAMPLES, seed: SEED });
	console.log(`validation bootstrap: ${((performance.now() - t1) / 1000).toFixed(0)} s`);
	const bestRule = (metric: BootMetric) => (vBoot.value(0, metric)! >= vBoot.value(1, metric)! ? 0 : 1);
	const interval = (d: PairedInterval) => ({ baseline: d.baseline, difference: round(d.difference, 4), low: round(d.low, 4), high: round(d.high, 4) });
	const selection: SellersModelArtifact['selection'] = candidates.map((c, i) => {
		const at = vBoot.compare(i + 2, bestRule('precisionAtK'), 'precisionAtK');
		const pr = vBoot.compare(i + 2, bestRule('prAuc'), 'prAuc');
		return { features: c.set, trees: TREES, maxDepth: c.shape.maxDepth, minNumSamples: c.shape.minNumSamples, perClass: c.shape.perClass, prAuc: round(pr.modelValue, 4), rocAuc: c.rocAuc, precisionAtK: round(at.modelValue, 4), precisionVsBestRule: interval(at), prAucVsBestRule: interval(pr), chosen: false };
	});
	const chosenIndex = chosenIndexOf(selection);
	selection[chosenIndex].chosen = true;
	const rules = [0, 1].map((b) => ({ name: scorers[b].name, precisionAtK: round(vBoot.value(b, 'precisionAtK')!, 4), prAuc: round(vBoot.value(b, 'prAuc')!, 4) }));
	printSelection(rules, selection);
	const chosen = { set: candidates[chosenIndex].set, config: { ...candidates[chosenIndex].shape, trees: TREES } as ForestConfig };
	return { validationMonths, candidates, chosenIndex, selection, validationRules: rules, chosen };
}

/**
 * Leaf rounding, judged on the chosen candidate's validation scores; when applied, sets
 * `leafDigits` on the chosen config (logs one line).
 */
export function chooseLeafRounding(market: TrainingMarket, plan: SplitPlan, choice: CandidateChoice): LeafRounding {
	const chosenCandidate = choice.candidates[choice.chosenIndex];
	const vaChosen = stack(market, plan.validation[0], plan.validation[1], columnsOf(FEATURE_SETS[choice.chosen.set]));
	const rounded = predictOutput(roundLeaves(chosenCandidate.flat, LEAF_DIGITS), vaChosen.X, vaChosen.n);
	const roundBoot = bootstrapScorers(vaChosen.y, choice.validationMonths, [{ name: 'exact', ranking: chosenCandidate.scores }, { name: 'rounded', ranking: rounded }], ['precisionAtK', 'prAuc'], { k: K, resamples: 1, seed: SEED });
	const leafRounding = {
		digits: LEAF_DIGITS,
		validationPrecisionAtK: [round(roundBoot.value(0, 'precisionAtK')!, 4), round(roundBoot.value(1, 'precisionAtK')!, 4)] as [number, number],
		validationPrAuc: [round(roundBoot.value(0, 'prAuc')!, 5), round(roundBoot.value(1, 'prAuc')!, 5)] as [number, number],
		applied: false,
		rule: `Leaf values rounded to ${LEAF_DIGITS} significant digits when, on the chosen candidate's validation scores, precision at ${K} is unchanged and PR AUC moves by less than ${LEAF_TOLERANCE}.`
	};
	leafRounding.applied = roundBoot.value(0, 'precisionAtK') === roundBoot.value(1, 'precisionAtK') && Math.abs(roundBoot.value(0, 'prAuc')! - roundBoot.value(1, 'prAuc')!) < LEAF_TOLERANCE;
	console.log(`leaf rounding to ${LEAF_DIGITS} digits on validation: P@${K} ${leafRounding.validationPrecisionAtK.join(' -> ')}, PR AUC ${leafRounding.validationPrAuc.join(' -> ')}: ${leafRounding.applied ? 'applied' : 'not applied'}`);
	if (leafRounding.applied) choice.chosen.config.leafDigits = LEAF_DIGITS;
	return leafRounding;
}
