/**
 * Choosing the deal model on validation launches: whether the organiser's record of joining
 * others' deals adds anything, then the smallest forest within FOREST.tolerance AUC of the best.
 */
import { rocAuc } from '../../../../src/lib/core/metrics/classification.ts';
import type { DealSelectionRow } from '../../../../src/lib/group-buy/artifact.ts';
import type { DealFeature } from '../../../../src/lib/group-buy/deal.ts';
import { printTable, round } from '../../io.ts';
import type { DealLaunches } from './data.ts';
import { forestScores, rowsOf } from './rows.ts';
import { BASE_FEATURES, FEATURE_GAIN, FOREST } from './settings.ts';

/** Every candidate tried (a row each), the features and forest chosen, and the two feature sets the cap check reports. */
export interface DealChoice {
	selection: DealSelectionRow[];
	features: DealFeature[];
	chosen: DealSelectionRow;
	/** The item's record alone, to show how much the organiser's record adds. */
	itemOnly: DealSelectionRow;
	/** The item's and the organiser's record. */
	baseRow: DealSelectionRow;
}

/** Try the feature sets and forest sizes on validation launches and choose (prints the selection table). */
export function chooseDealModel({ base, fit, validation, known }: DealLaunches): DealChoice {
	const t0 = performance.now();
	const selection: DealSelectionRow[] = [];
	const tryForest = (features: DealFeature[], perClass: number, minNumSamples: number) => {
		const enc = { ...base, features };
		const { flat, scores } = forestScores(rowsOf(validation, known, enc), rowsOf(fit, known, enc), { trees: FOREST.selectionTrees, perClass, minNumSamples });
		const row: DealSelectionRow = { features: features.join(' + '), perClass, minNumSamples, trees: FOREST.selectionTrees, validationRocAuc: round(rocAuc(validation.map((l) => l.filled), scores)!, 4), nodes: flat.feature.length, chosen: false };
		selection.push(row);
		return row;
	};
	// 1. Features: does the organiser's record of joining others' deals add anything on validation?
	const first = { perClass: FOREST.perClass[0], minNumSamples: FOREST.minNumSamples[0] };
	// The item's record alone, to show how much the organiser's record adds (see the cap).
	const itemOnly = tryForest(['itemLaunches', 'itemFillRate'], first.perClass, first.minNumSamples);
	const baseRow = tryForest(BASE_FEATURES, first.perClass, first.minNumSamples);
	const withJoins = tryForest([...BASE_FEATURES, 'organiserJoins'], first.perClass, first.minNumSamples);
	const features = withJoins.validationRocAuc >= baseRow.validationRocAuc + FEATURE_GAIN ? [...BASE_FEATURES, 'organiserJoins' as const] : BASE_FEATURES;

	// 2. Forest size on validation: the smallest forest within FOREST.tolerance AUC of the best.
	for (const perClass of FOREST.perClass)
		for (const minNumSamples of FOREST.minNumSamples) {
			if (selection.some((r) => r.features === features.join(' + ') && r.perClass === perClass && r.minNumSamples === minNumSamples)) continue;
			tryForest(features, perClass, minNumSamples);
		}
	const candidates = selection.filter((r) => r.features === features.join(' + '));
	const best = Math.max(...candidates.map((r) => r.validationRocAuc));
	const chosen = candidates.filter((r) => r.validationRocAuc >= best - FOREST.tolerance).sort((a, b) => a.nodes - b.nodes)[0];
	chosen.chosen = true;
	console.log(`\ndeal model selection on ${validation.length.toLocaleString('en-US')} validation launches (${FOREST.selectionTrees} trees each, ${((performance.now() - t0) / 1000).toFixed(0)} s):`);
	printTable(selection.map((r) => ({ features: r.features, perClass: r.perClass, minSamples: r.minNumSamples, 'val AUC': r.validationRocAuc, nodes: r.nodes, chosen: r.chosen ? 'yes' : '' })));
	return { selection, features, chosen, itemOnly, baseRow };
}
