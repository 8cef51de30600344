/**
 * Choosing the space and k by measurement: every space x k x seed is fitted; silhouette on a seeded
 * sample, stability as the adjusted Rand index between every pair of seeds; then the rule picks.
 */
import { labelingStability, silhouetteScore } from '../../../src/lib/core/metrics/clustering.ts';
import type { SelectionRow } from '../../../src/lib/segments/artifact.ts';
import { embedMatrix, fitSpace, type SegmentSpace } from '../../../src/lib/segments/model.ts';
import { printTable, round } from '../io.ts';
import type { TrainingCustomers } from './data.ts';
import { fitKmeans, seededSample, type Fit } from './kmeans.ts';
import { KS, MAX_LARGEST_SHARE, MIN_ARI, SEEDS, SILHOUETTE_SAMPLE, SPACES } from './settings.ts';

/** A candidate's fits: the space, the customers in it, every seed's fit and the best (lowest inertia). */
export interface CandidateFits {
	space: SegmentSpace;
	points: number[][];
	best: Fit;
	runs: Fit[];
}

/** Every candidate's measures (a row each) and its fits, by "space|k". */
export interface Candidates {
	selection: SelectionRow[];
	fits: Map<string, CandidateFits>;
}

/** Fit and measure every space x k x seed (prints the selection table). */
export function compareCandidates({ n, features, matrix }: TrainingCustomers): Candidates {
	const sample = seededSample(n, SILHOUETTE_SAMPLE, SEEDS[0]);
	const selection: SelectionRow[] = [];
	const fits = new Map<string, CandidateFits>();
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
	return { selection, fits };
}

/** The rule in words, as the model card shows it. */
export function selectionRule(n: number): string {
	return `Among spaces and k in ${KS[0]}..${KS[KS.length - 1]} whose labelings agree across ${SEEDS.length} seeds (minimum pairwise adjusted Rand index >= ${MIN_ARI}) and whose largest cluster holds under ${MAX_LARGEST_SHARE * 100}% of customers, the highest silhouette (sample of ${Math.min(SILHOUETTE_SAMPLE, n)} customers) wins; the seed with the lowest within-cluster sum of squares is kept.`;
}

/** The chosen candidate: its row, its fits and its k. */
export interface Choice extends CandidateFits {
	chosen: SelectionRow;
	k: number;
}

/**
 * The rule: among stable (min ARI >= 0.8) and balanced (largest cluster < 60%) candidates, the
 * highest silhouette (among all when none qualifies). Logs the choice.
 */
export function chooseCandidate({ selection, fits }: Candidates): Choice {
	const eligible = selection.filter((s) => s.ariMin >= MIN_ARI && s.largestShare < MAX_LARGEST_SHARE);
	const pool = eligible.length ? eligible : selection;
	const chosen = pool.reduce((x, y) => (y.silhouette > x.silhouette ? y : x));
	const { space, points, best, runs } = fits.get(`${chosen.space}|${chosen.k}`)!;
	const k = chosen.k;
	console.log(`chosen: ${chosen.space}, k = ${k}${eligible.length ? '' : ' (no candidate met the stability rule)'}`);
	return { chosen, k, space, points, best, runs };
}
