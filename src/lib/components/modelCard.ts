/**
 * What the generic model card says, as data: the plain-words reading of any task's held-out
 * metrics (never a win it did not measure: a tie or a loss against the best naive baseline is said
 * plainly), the metrics table with baselines and comparisons as separate groups, and the meaning
 * of each measure. Pure TS (no DOM), unit-tested; `ModelCard.svelte` only lays it out.
 */
import type {
	ClassificationMetrics,
	ClusteringMetrics,
	MetricsReport,
	NamedMetrics,
	PairedDifference,
	RankingMetrics,
	RegressionMetrics,
	Task,
	TaskMetrics,
	TaskMetricsMap
} from '../core/artifact/types';
import { formatCount, formatNumber, formatPercent } from './format';

/** How the page words the card. */
export interface CardWording {
	/** What the model predicts, e.g. "a week's GMV" (regression: "typical error 28% of {target}"). */
	target?: string;
	/** Formats a value in the target's unit (regression MAE), e.g. rupees. */
	formatValue?: (n: number) => string;
}

interface Column<M> {
	key: string;
	label: string;
	title: string;
	/** true: lower is better; false: higher is better; null: neither (no "best" marked). */
	lowerIsBetter: boolean | null;
	value(m: M): number | null;
	reason(m: M): string | undefined;
	format(v: number): string;
}

const fixed = (digits: number) => (v: number) => v.toFixed(digits);
const pct = (v: number) => formatPercent(v);

function regressionColumns(w: CardWording): Column<RegressionMetrics>[] {
	const why = (k: 'wape' | 'mae' | 'mape' | 'r2') => (m: RegressionMetrics) => m.undefinedBecause?.[k];
	return [
		{ key: 'wape', label: 'WAPE', title: 'Weighted absolute percentage error: misses added up, as a share of the actual total (lower is better)', lowerIsBetter: true, value: (m) => m.wape, reason: why('wape'), format: pct },
		{ key: 'mae', label: 'MAE', title: 'Mean absolute error, in the target’s unit (lower is better)', lowerIsBetter: true, value: (m) => m.mae, reason: why('mae'), format: w.formatValue ?? formatNumber },
		{ key: 'mape', label: 'MAPE', title: 'Mean absolute percentage error (lower is better)', lowerIsBetter: true, value: (m) => m.mape, reason: why('mape'), format: pct },
		{ key: 'r2', label: 'R²', title: 'Share of the variation explained (higher is better)', lowerIsBetter: false, value: (m) => m.r2, reason: why('r2'), format: fixed(2) }
	];
}

function classificationColumns(report: MetricsReport<'classification'>): Column<ClassificationMetrics>[] {
	const why = (k: 'rocAuc' | 'prAuc' | 'atK' | 'brier' | 'logLoss') => (m: ClassificationMetrics) => m.undefinedBecause?.[k];
	const ks = report.model.atK.map((a) => a.k);
	const at = (m: ClassificationMetrics, k: number) => m.atK.find((a) => a.k === k);
	return [
		{ key: 'rocAuc', label: 'ROC AUC', title: 'Chance a random positive is ranked above a random negative (higher is better; 0.5 is a coin toss)', lowerIsBetter: false, value: (m) => m.rocAuc, reason: why('rocAuc'), format: fixed(3) },
		{ key: 'prAuc', label: 'PR AUC', title: 'Average precision over the ranking (higher is better; the share of positives is what a random ranking gets)', lowerIsBetter: false, value: (m) => m.prAuc, reason: why('prAuc'), format: fixed(3) },
		...ks.flatMap((k): Column<ClassificationMetrics>[] => [
			{ key: `precision@${k}`, label: `Precision@${k}`, title: `Share of positives among the ${k} highest-ranked (higher is better)`, lowerIsBetter: false, value: (m) => at(m, k)?.precision ?? null, reason: why('atK'), format: pct },
			{ key: `recall@${k}`, label: `Recall@${k}`, title: `Share of all positives found in the ${k} highest-ranked (higher is better)`, lowerIsBetter: false, value: (m) => at(m, k)?.recall ?? null, reason: why('atK'), format: pct }
		]),
		{ key: 'brier', label: 'Brier', title: 'Mean squared gap between probability and outcome (lower is better; probabilities only)', lowerIsBetter: true, value: (m) => m.brier, reason: why('brier'), format: fixed(3) }
	];
}

function clusteringColumns(): Column<ClusteringMetrics>[] {
	const why = (k: 'silhouette' | 'ariMean' | 'ariMin') => (m: ClusteringMetrics) => m.undefinedBecause?.[k];
	return [
		{ key: 'k', label: 'Clusters', title: 'Number of clusters', lowerIsBetter: null, value: (m) => m.k, reason: () => undefined, format: formatCount },
		{ key: 'silhouette', label: 'Silhouette', title: 'How much closer items are to their own cluster than to the next (−1 to 1, higher is better)', lowerIsBetter: false, value: (m) => m.silhouette, reason: why('silhouette'), format: fixed(3) },
		{ key: 'ariMean', label: 'ARI mean', title: 'Agreement of the clusters found from different random starts (1 = identical)', lowerIsBetter: false, value: (m) => m.ariMean, reason: why('ariMean'), format: fixed(3) },
		{ key: 'ariMin', label: 'ARI min', title: 'Agreement of the two least alike random starts (1 = identical)', lowerIsBetter: false, value: (m) => m.ariMin, reason: why('ariMin'), format: fixed(3) },
		{ key: 'largestShare', label: 'Largest cluster', title: 'Share of items in the largest cluster', lowerIsBetter: null, value: (m) => m.largestShare, reason: () => undefined, format: pct }
	];
}

function rankingColumns(report: MetricsReport<'ranking'>): Column<RankingMetrics>[] {
	const why = (k: 'recall' | 'hit' | 'ndcg') => (m: RankingMetrics) => m.undefinedBecause?.[k];
	const k = report.model.k;
	return [
		{ key: 'recall', label: `Recall@${k}`, title: `Share of a user’s relevant items found in the top ${k}, averaged over users (higher is better)`, lowerIsBetter: false, value: (m) => m.recall, reason: why('recall'), format: pct },
		{ key: 'hit', label: `Hit@${k}`, title: `Share of users with at least one relevant item in the top ${k} (higher is better)`, lowerIsBetter: false, value: (m) => m.hit, reason: why('hit'), format: pct },
		{ key: 'ndcg', label: `NDCG@${k}`, title: 'Like recall, but a hit near the top counts more (0 to 1, higher is better)', lowerIsBetter: false, value: (m) => m.ndcg, reason: why('ndcg'), format: fixed(3) }
	];
}

/** The columns of the metrics table for a report's task. */
function columnsOf(report: TaskMetrics, w: CardWording): Column<TaskMetricsMap[Task]>[] {
	switch (report.task) {
		case 'regression':
			return regressionColumns(w) as Column<TaskMetricsMap[Task]>[];
		case 'classification':
			return classificationColumns(report) as Column<TaskMetricsMap[Task]>[];
		case 'clustering':
			return clusteringColumns() as Column<TaskMetricsMap[Task]>[];
		case 'ranking':
			return rankingColumns(report) as Column<TaskMetricsMap[Task]>[];
	}
}

/** Rows evaluated by a metrics object, whatever its task. */
function rowsOf(m: TaskMetricsMap[Task]): number {
	return 'users' in m ? m.users : m.n;
}

export interface CardCell {
	text: string;
	best: boolean;
	/** Why the value is missing, when it is. */
	reason?: string;
}

export interface CardRow {
	name: string;
	description: string;
	isModel: boolean;
	cells: CardCell[];
	rows: string;
}

export interface CardTableGroup {
	id: 'model' | 'baselines' | 'comparisons';
	label: string;
	rows: CardRow[];
}

export interface CardTable {
	/** The table's caption, e.g. "Accuracy on held-out weeks". */
	caption: string;
	columns: { key: string; label: string; title: string }[];
	/** Header of the row-count column, e.g. "Weeks". */
	rowsLabel: string;
	groups: CardTableGroup[];
	/** Which direction is better, in words, for the note under the table. */
	note: string;
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function nounOf(report: TaskMetrics): { one: string; many: string } {
	return report.rowNoun ?? (report.task === 'ranking' ? { one: 'user', many: 'users' } : { one: 'row', many: 'rows' });
}

/** The metrics table: this model, the naive baselines, then the comparisons, each a group; best values marked. */
export function cardTable(report: TaskMetrics, modelLabel: string, w: CardWording = {}): CardTable {
	const columns = columnsOf(report, w);
	type M = TaskMetricsMap[Task];
	const model = report.model as M;
	const baselines = report.baselines as NamedMetrics<M>[];
	const comparisons = report.comparisons as (NamedMetrics<M> & { role: string })[];
	const all = [model, ...baselines.map((b) => b.metrics), ...comparisons.map((c) => c.metrics)];
	const best = columns.map((c) => {
		if (c.lowerIsBetter === null) return null;
		const values = all.map((m) => c.value(m)).filter((v): v is number => v !== null && Number.isFinite(v));
		if (values.length < 2) return null;
		return c.lowerIsBetter ? Math.min(...values) : Math.max(...values);
	});
	const row = (name: string, description: string, m: M, isModel: boolean): CardRow => ({
		name,
		description,
		isModel,
		rows: formatCount(rowsOf(m)),
		cells: columns.map((c, j) => {
			const v = c.value(m);
			if (v === null || !Number.isFinite(v)) return { text: '–', best: false, reason: c.reason(m) ?? 'not measured' };
			return { text: c.format(v), best: best[j] !== null && v === best[j] };
		})
	});
	const groups: CardTableGroup[] = [{ id: 'model', label: 'This model', rows: [row(modelLabel, '', model, true)] }];
	if (baselines.length) groups.push({ id: 'baselines', label: 'Baselines to beat (rules that need no model)', rows: baselines.map((b) => row(b.name, b.description, b.metrics, false)) });
	if (comparisons.length) {
		groups.push({
			id: 'comparisons',
			label: 'For comparison: other models and references',
			rows: comparisons.map((c) => row(c.name, `${c.description}${c.role === 'shipped-model' ? ' Another model this tool ships.' : ''}`.trim(), c.metrics, false))
		});
	}
	const lower = columns.filter((c) => c.lowerIsBetter === true).map((c) => c.label);
	const higher = columns.filter((c) => c.lowerIsBetter === false).map((c) => c.label);
	const parts = [lower.length ? `${lower.join(', ')}: lower is better` : '', higher.length ? `${higher.join(', ')}: higher is better` : ''].filter(Boolean);
	const many = nounOf(report).many;
	const rowCount = groups.reduce((n, g) => n + g.rows.length, 0);
	return {
		caption: report.task === 'clustering' ? `Quality of the clusters (all ${many})` : `Accuracy on held-out ${many}`,
		columns: columns.map(({ key, label, title }) => ({ key, label, title })),
		rowsLabel: capitalise(nounOf(report).many),
		groups,
		note: `${rowCount > 1 ? 'Best value in each column in bold. ' : ''}${parts.join('; ')}.`
	};
}

/** The best naive baseline on the headline metric (null when there is none with a value). */
export function bestBaseline(report: TaskMetrics): { name: string; value: number } | null {
	const { metric, lowerIsBetter } = report.headline;
	let best: { name: string; value: number } | null = null;
	for (const b of report.baselines as NamedMetrics<TaskMetricsMap[Task]>[]) {
		const v = headlineValue(b.metrics, metric);
		if (v === null) continue;
		if (!best || (lowerIsBetter ? v < best.value : v > best.value)) best = { name: b.name, value: v };
	}
	return best;
}

/** The value of a headline metric by field name (`precision@100` and `recall@100` reach into `atK`). */
export function headlineValue(m: TaskMetricsMap[Task], metric: string): number | null {
	const at = /^(precision|recall)@(\d+)$/.exec(metric);
	if (at && 'atK' in m) {
		const a = m.atK.find((x) => x.k === Number(at[2]));
		return a ? a[at[1] as 'precision' | 'recall'] : null;
	}
	const v = (m as unknown as Record<string, unknown>)[metric];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Better, worse, or not distinguishable from the best baseline on the headline metric. */
export type Judgement = 'better' | 'worse' | 'tie' | 'none';

/**
 * The judgement against the best naive baseline. With a paired bootstrap interval: better or worse
 * only when the whole interval says so, else a tie. Without one: a gap under 2% of the baseline's
 * value is a tie; a larger one is reported as measured on these rows, with no claim beyond them.
 */
export function judge(report: TaskMetrics): { judgement: Judgement; interval?: PairedDifference } {
	const base = bestBaseline(report);
	const model = headlineValue(report.model as TaskMetricsMap[Task], report.headline.metric);
	if (!base || model === null) return { judgement: 'none' };
	const lower = report.headline.lowerIsBetter;
	const d = report.vsBestBaseline;
	if (d && d.metric === report.headline.metric && d.baseline === base.name) {
		const better = lower ? d.high < 0 : d.low > 0;
		const worse = lower ? d.low > 0 : d.high < 0;
		return { judgement: better ? 'better' : worse ? 'worse' : 'tie', interval: d };
	}
	const gap = (model - base.value) / Math.max(Math.abs(base.value), 1e-12);
	if (Math.abs(gap) < 0.02) return { judgement: 'tie' };
	return { judgement: (lower ? gap < 0 : gap > 0) ? 'better' : 'worse' };
}

/** A headline value in the metric's own format (percentages for shares, 3 decimals for scores). */
function formatHeadline(report: TaskMetrics, v: number, w: CardWording): string {
	const columns = columnsOf(report, w);
	const c = columns.find((col) => col.key === report.headline.metric);
	return c ? c.format(v) : formatNumber(v);
}

function differenceText(report: TaskMetrics, d: PairedDifference): string {
	const isShare = ['wape', 'mape', 'recall', 'hit'].includes(d.metric) || /^(precision|recall)@/.test(d.metric);
	const f = (v: number) => (isShare ? `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} points` : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`);
	return `the difference, ${f(d.difference)}, has a ${Math.round(d.level * 100)}% interval of ${f(d.low)} to ${f(d.high)} (paired bootstrap over the same ${nounOf(report).many})`;
}

function verdictWords(report: TaskMetrics, j: ReturnType<typeof judge>): string {
	const interval = j.interval ? `: ${differenceText(report, j.interval)}` : ' on these rows (no interval was measured)';
	switch (j.judgement) {
		case 'better':
			return `better than the naive baseline${interval}`;
		case 'worse':
			return `worse than the naive baseline${interval}`;
		case 'tie':
			return `no better than the naive baseline${j.interval ? `: ${differenceText(report, j.interval)}, which includes no difference` : ''}`;
		default:
			return '';
	}
}

function missing(value: number | null, reason: string | undefined, format: (v: number) => string): string {
	return value === null ? `not defined (${reason ?? 'not measured'})` : format(value);
}

/** Silhouette in words (Kaufman and Rousseeuw's usual bands). */
export function separationWords(s: number | null): string {
	if (s === null) return 'separation was not measured';
	if (s >= 0.7) return 'clusters are clearly separated: items sit close to their own cluster and far from the others';
	if (s >= 0.5) return 'clusters are reasonably separated, with some items near the borders';
	if (s >= 0.25) return 'clusters overlap moderately; they are useful groupings, not sharply separated types';
	return 'clusters overlap heavily; read them as rough bands along a continuum, not distinct types';
}

/** Stability in words, from the lowest agreement between two random starts. */
export function stabilityWords(ariMin: number | null): string {
	if (ariMin === null) return 'stability across random starts was not measured';
	if (ariMin >= 0.95) return 'the same clusters come back whatever the random start';
	if (ariMin >= 0.8) return 'nearly the same clusters come back from every random start; some items near the borders switch';
	return 'the clusters change noticeably with the random start, so read them with care';
}

/** The plain-words reading of the metrics, first thing on the card: one sentence per line. */
export function cardReading(report: TaskMetrics, w: CardWording = {}): string[] {
	const noun = nounOf(report);
	const base = bestBaseline(report);
	const j = judge(report);
	const vs = base ? `, against ${formatHeadline(report, base.value, w)} for “${base.name}”: ${verdictWords(report, j)}` : '';
	const lines: string[] = [];
	switch (report.task) {
		case 'regression': {
			const m = report.model;
			const target = w.target ?? 'the actual values';
			if (report.headline.metric === 'wape') {
				lines.push(`Typical error ${missing(m.wape, m.undefinedBecause?.wape, pct)} of ${target} on held-out ${noun.many}${m.wape === null ? '' : vs}.`);
			} else {
				const v = headlineValue(m, report.headline.metric);
				lines.push(`${report.headline.metric} ${v === null ? 'not defined' : formatHeadline(report, v, w)} on held-out ${noun.many}${v === null ? '' : vs}.`);
			}
			if (m.mae !== null) lines.push(`On a typical held-out ${noun.one} the forecast misses by ${(w.formatValue ?? formatNumber)(m.mae)} (mean absolute error).`);
			if (m.r2 !== null) {
				lines.push(m.r2 >= 0 ? `It accounts for about ${formatPercent(m.r2, 0)} of the ups and downs across held-out ${noun.many} (R² ${m.r2.toFixed(2)}).` : `R² is below zero: on held-out ${noun.many} it does worse than always predicting the average.`);
			} else lines.push(`R² is not defined (${m.undefinedBecause?.r2 ?? 'not measured'}).`);
			break;
		}
		case 'classification': {
			const m = report.model;
			const why = m.undefinedBecause ?? {};
			lines.push(`Held out: ${formatCount(m.n)} ${noun.many}, ${formatCount(m.positives)} positive (${m.n ? formatPercent(m.positives / m.n) : '–'}, what a random list would hit).`);
			const v = headlineValue(m, report.headline.metric);
			const label = columnsOf(report, w).find((c) => c.key === report.headline.metric)?.label ?? report.headline.metric;
			lines.push(`${label} ${v === null ? `not defined (${why.prAuc ?? why.atK ?? 'not measured'})` : formatHeadline(report, v, w)}${v === null ? '' : vs}.`);
			if (m.rocAuc !== null) lines.push(`It ranks a random positive above a random negative ${formatPercent(m.rocAuc, 0)} of the time (ROC AUC ${m.rocAuc.toFixed(3)}; 50% is a coin toss).`);
			else lines.push(`ROC AUC is not defined (${why.rocAuc ?? 'not measured'}).`);
			for (const a of m.atK) {
				lines.push(`Of the ${formatCount(a.k)} highest-ranked, ${missing(a.precision, why.atK, pct)} are positive; they hold ${missing(a.recall, why.atK, pct)} of all positives.`);
			}
			if (m.brier !== null) lines.push(`Its probabilities score a Brier score of ${m.brier.toFixed(3)} (0 is perfect; the reliability chart shows whether “30%” means 30%).`);
			break;
		}
		case 'clustering': {
			const m = report.model;
			lines.push(`${formatCount(m.k)} clusters of ${formatCount(m.n)} ${noun.many}; the largest holds ${formatPercent(m.largestShare)}.`);
			lines.push(`Silhouette ${missing(m.silhouette, m.undefinedBecause?.silhouette, fixed(3))}: ${separationWords(m.silhouette)}.`);
			lines.push(`Stability: ${stabilityWords(m.ariMin)}${m.ariMin === null ? '' : ` (adjusted Rand index ${m.ariMin.toFixed(3)} at worst over ${formatCount(m.starts)} random starts)`}.`);
			if (!report.baselines.length) lines.push('No naive baseline is scored for the clustering itself: it is judged by separation and stability.');
			else if (base) lines.push(`Headline ${report.headline.metric}${vs}.`);
			break;
		}
		case 'ranking': {
			const m = report.model;
			const why = m.undefinedBecause ?? {};
			const headline = report.headline.metric;
			const v = headlineValue(m, headline);
			const label = columnsOf(report, w).find((c) => c.key === headline)?.label ?? headline;
			lines.push(`${label} ${v === null ? `not defined (${why.hit ?? why.recall ?? 'not measured'})` : formatHeadline(report, v, w)} over ${formatCount(m.users)} ${noun.many}${v === null ? '' : vs}.`);
			if (m.hit !== null) lines.push(`For ${formatPercent(m.hit)} of ${noun.many}, at least one item they went on to choose is in the top ${m.k}.`);
			if (m.recall !== null) lines.push(`On average the top ${m.k} holds ${formatPercent(m.recall)} of a ${noun.one}’s next items.`);
			break;
		}
	}
	const refs = (report.comparisons as NamedMetrics<TaskMetricsMap[Task]>[])
		.map((c) => ({ name: c.name, v: headlineValue(c.metrics, report.headline.metric) }))
		.filter((c): c is { name: string; v: number } => c.v !== null);
	if (refs.length) lines.push(`For comparison on the same ${noun.many}: ${refs.map((c) => `${c.name} ${formatHeadline(report, c.v, w)}`).join('; ')}.`);
	return lines;
}

/** The measures of a task, in plain words, for the card's "what these mean" details. */
export function metricDefinitions(report: TaskMetrics, w: CardWording = {}): { term: string; meaning: string }[] {
	const defs = columnsOf(report, w).map((c) => ({ term: c.label, meaning: c.title }));
	if (report.task === 'classification') defs.push({ term: 'Log loss', meaning: 'Mean negative log-likelihood of the outcomes under the probabilities (lower is better; a confident miss costs a lot).' });
	if (report.task === 'regression') defs.push({ term: 'Note on MAPE', meaning: 'It swings wildly when actual values are close to zero: shown for reference.' });
	defs.push({ term: 'Naive baseline', meaning: 'A rule anyone could apply without a model. The model earns its place only by beating the best of them clearly on held-out data.' });
	defs.push({ term: 'Comparison', meaning: 'Another model shipped with this tool, or a reference implementation on the same split: context, not a target.' });
	return defs;
}
