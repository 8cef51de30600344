/**
 * The ranked list the page shows: the candidates of an analysis scored for a set of categories, the
 * top N with their share, probability, score and drivers, the expected number of active sellers in
 * the list, the category choice as a URL parameter, and the list as a formula-safe CSV. Pure, no DOM.
 */
import { toCsv } from '../core/csv/export';
import type { MarketAnalysis } from './analysis';
import { lowestCategories } from './market';
import { DRIVERS_PER_USER } from './model';
import { expectedCount, score, shareIn, topByScore, type ExpectedCount } from './score';

/** How the categories were chosen: the 3 lowest inventory levels, all of them, or a set. */
export type CategoryChoice = { kind: 'lowest' } | { kind: 'all' } | { kind: 'custom'; names: string[] };

export const DEFAULT_LIST_SIZE = 100;
export const LIST_SIZES = [25, 50, 100, 250, 500] as const;

/** The URL value of a choice: absent for the default (the 3 lowest), 'all', or names joined by '|'. */
export function choiceToParam(choice: CategoryChoice): string | null {
	if (choice.kind === 'lowest') return null;
	if (choice.kind === 'all') return 'all';
	return choice.names.join('|');
}

/** A choice from the URL value; names the analysis does not know are dropped (an empty set falls back to the 3 lowest). */
export function choiceFromParam(param: string | null, categories: readonly string[]): CategoryChoice {
	if (param === null || param === '' || param === 'lowest') return { kind: 'lowest' };
	if (param === 'all') return { kind: 'all' };
	const known = new Set(categories);
	const names = [...new Set(param.split('|').filter((n) => known.has(n)))];
	return names.length ? { kind: 'custom', names } : { kind: 'lowest' };
}

/** Category indices of a choice. For a file without inventory levels, 'lowest' means all. */
export function selectedCategories(choice: CategoryChoice, analysis: Pick<MarketAnalysis, 'categories' | 'levels'>): number[] {
	if (choice.kind === 'all' || (choice.kind === 'lowest' && analysis.levels.length === 0)) return analysis.categories.map((_, i) => i);
	if (choice.kind === 'lowest') return lowestCategories(analysis.levels, 3);
	return choice.names.map((n) => analysis.categories.indexOf(n)).filter((i) => i >= 0);
}

export interface RankedDriver {
	feature: string;
	value: number;
	/** Push on the probability (probability units). */
	effect: number;
}

export interface RankedUser {
	rank: number;
	id: string;
	/** Share of recent (90-day) collection adds in the selected categories. */
	share: number;
	probability: number;
	score: number;
	drivers: RankedDriver[];
}

export interface RankedList {
	rows: RankedUser[];
	/** Candidates with a score above 0 (recent collection in the selected categories). */
	eligible: number;
	candidates: number;
	expected: ExpectedCount;
}

/** The top `size` candidates by score for the selected categories, with the expected count of active sellers among them. */
export function rankCandidates(analysis: MarketAnalysis, selected: readonly number[], size: number, level = 0.9): RankedList {
	const c = analysis.candidates;
	const n = c.ids.length;
	const set = new Set(selected);
	const scores = new Float64Array(n);
	let eligible = 0;
	for (let i = 0; i < n; i++) {
		const from = c.recentOffsets[i];
		const to = c.recentOffsets[i + 1];
		const share = shareIn({ categories: c.recentCategory.subarray(from, to), counts: c.recentCount.subarray(from, to) }, set);
		scores[i] = score(c.probability[i], share);
		if (scores[i] > 0) eligible++;
	}
	const top = topByScore(scores, c.forestScore, size);
	const width = c.features.length;
	const rows = top.map((i, k): RankedUser => {
		const drivers: RankedDriver[] = [];
		for (let s = 0; s < DRIVERS_PER_USER; s++) {
			const f = c.driverFeature[i * DRIVERS_PER_USER + s];
			if (f < 0) break;
			drivers.push({ feature: c.features[f], value: c.X[i * width + f], effect: c.driverEffect[i * DRIVERS_PER_USER + s] });
		}
		return { rank: k + 1, id: c.ids[i], share: c.probability[i] > 0 ? scores[i] / (100 * c.probability[i]) : 0, probability: c.probability[i], score: scores[i], drivers };
	});
	return { rows, eligible, candidates: n, expected: expectedCount(rows.map((r) => r.probability), level, analysis.countSpread) };
}

/** The ranked list as CSV (cells defused against spreadsheet formulas by core/csv/export). */
export function rankedCsv(list: RankedList, labels: Record<string, string>, categories: readonly string[]): string {
	const columns = [
		{ key: 'rank', label: 'Rank' },
		{ key: 'user', label: 'User' },
		{ key: 'share', label: 'Share of recent collection in the selected categories' },
		{ key: 'probability', label: 'Probability of becoming an active seller' },
		{ key: 'score', label: 'Score' },
		{ key: 'drivers', label: 'What drove it' },
		{ key: 'categories', label: 'Selected categories' }
	];
	const chosen = categories.join('; ');
	const rows = list.rows.map((r) => ({
		rank: r.rank,
		user: r.id,
		share: Math.round(r.share * 1e4) / 1e4,
		probability: Math.round(r.probability * 1e6) / 1e6,
		score: Math.round(r.score * 1e4) / 1e4,
		drivers: r.drivers.map((d) => `${labels[d.feature] ?? d.feature} ${d.effect >= 0 ? '+' : '−'}${Math.abs(d.effect * 100).toFixed(2)} pts`).join('; '),
		categories: chosen
	}));
	return toCsv(columns, rows, { header: 'label', bom: true });
}
