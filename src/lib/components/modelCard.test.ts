import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClassificationReport, RankingReport, RegressionReport, TaskMetrics } from '../core/artifact/types';
import { classificationMetrics } from '../core/metrics/classification';
import { bestBaseline, cardReading, cardTable, judge, metricDefinitions } from './modelCard';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../model-artifacts/${path}`, import.meta.url), 'utf8')) as { metrics: TaskMetrics; label: string };

const regression = (model: number, baseline: number, interval?: [number, number]): RegressionReport => ({
	task: 'regression',
	rowNoun: { one: 'week', many: 'weeks' },
	model: { n: 100, wape: model, mae: 1000, mape: 0.3, r2: 0.8 },
	baselines: [{ name: 'Repeat the last 4 weeks', description: 'naive', metrics: { n: 100, wape: baseline, mae: 1100, mape: 0.35, r2: 0.7 } }],
	comparisons: [],
	headline: { metric: 'wape', lowerIsBetter: true },
	...(interval ? { vsBestBaseline: { metric: 'wape', baseline: 'Repeat the last 4 weeks', difference: model - baseline, low: interval[0], high: interval[1], level: 0.95, resamples: 1000, seed: 1 } } : {})
});

describe('the card’s reading never claims a win it did not measure', () => {
	it('says a tie against the naive forecast plainly (the shipped GMV network)', () => {
		const gmv = read('gmv/network.json');
		const lines = cardReading(gmv.metrics, { target: 'a week’s GMV' });
		expect(lines[0]).toMatch(/^Typical error 28\.0% of a week’s GMV on held-out weeks, against 23\.7% for “Trailing 4-week median”: no better than the naive baseline/);
		expect(lines[0]).toMatch(/includes no difference/);
		expect(lines.at(-1)).toMatch(/^For comparison on the same weeks: Forecast from recent GMV \(forest\) 23\.4%; Random forest without recent GMV \(100 trees\) 28\.5%; scikit-learn forest, 300 trees \(reference\) 29\.3%/);
	});

	it('calls a model better only when the whole interval says so, and worse likewise', () => {
		expect(judge(regression(0.2, 0.3, [-0.15, -0.05])).judgement).toBe('better');
		expect(cardReading(regression(0.2, 0.3, [-0.15, -0.05]))[0]).toMatch(/: better than the naive baseline: the difference, −10\.0 points, has a 95% interval of −15\.0 points to −5\.0 points/);
		expect(judge(regression(0.2, 0.3, [-0.15, 0.01])).judgement).toBe('tie');
		expect(judge(regression(0.35, 0.3, [0.01, 0.09])).judgement).toBe('worse');
		expect(cardReading(regression(0.35, 0.3, [0.01, 0.09]))[0]).toMatch(/worse than the naive baseline/);
	});

	it('without an interval, a gap under 2% is a tie and a larger one is reported as measured on these rows only', () => {
		expect(judge(regression(0.295, 0.3)).judgement).toBe('tie');
		expect(cardReading(regression(0.2, 0.3))[0]).toMatch(/better than the naive baseline on these rows \(no interval was measured\)/);
	});

	it('says why a metric is missing instead of printing NaN', () => {
		const r = regression(0.2, 0.3);
		r.model = { n: 1, wape: 0.2, mae: 5, mape: 0.2, r2: null, undefinedBecause: { r2: 'one row has no spread to explain' } };
		const lines = cardReading(r);
		expect(lines.join(' ')).toContain('R² is not defined (one row has no spread to explain)');
		const cell = cardTable(r, 'm').groups[0].rows[0].cells[3];
		expect(cell).toEqual({ text: '–', best: false, reason: 'one row has no spread to explain' });
		expect(JSON.stringify(cardTable(r, 'm'))).not.toMatch(/NaN/);
	});
});

describe('the metrics table', () => {
	it('groups this model, the naive baselines and the comparisons, and marks the best value per column', () => {
		const gmv = read('gmv/forest.json');
		const t = cardTable(gmv.metrics, gmv.label);
		expect(t.groups.map((g) => g.id)).toEqual(['model', 'baselines', 'comparisons']);
		expect(t.groups[1].rows.map((r) => r.name)).toEqual(['Trailing 4-week median', 'Last week', 'Trailing 4-week mean']);
		expect(t.groups[2].rows.map((r) => r.name)).toEqual([
			'Forecast from recent GMV (forest)',
			'Network 32-16 without recent GMV',
			'scikit-learn forest, 300 trees (reference)',
			'scikit-learn forest, 100 trees (reference)'
		]);
		expect(t.columns.map((c) => c.label)).toEqual(['WAPE', 'MAE', 'MAPE', 'R²']);
		expect(t.rowsLabel).toBe('Weeks');
		expect(t.caption).toBe('Accuracy on held-out weeks');
		expect(t.note).toMatch(/^Best value in each column in bold\. WAPE, MAE, MAPE: lower is better; R²: higher is better\.$/);
		// Best WAPE is the forecast from recent GMV's 23.4%; the forest's cells are not bold there.
		expect(t.groups[2].rows[0].cells[0]).toEqual({ text: '23.4%', best: true });
		expect(t.groups[0].rows[0].cells[0].best).toBe(false);
		// The best baseline is found among the naive baselines only (not the other shipped models).
		expect(bestBaseline(gmv.metrics)?.name).toBe('Trailing 4-week median');
	});

	it('reads a clustering report: no baseline, judged by separation and stability', () => {
		const seg = read('segments/model.json');
		const lines = cardReading(seg.metrics);
		expect(lines[0]).toBe('5 clusters of 5,696 customers; the largest holds 36.1%.');
		expect(lines[1]).toMatch(/^Silhouette 0\.324: clusters overlap moderately/);
		expect(lines[2]).toMatch(/the same clusters come back whatever the random start \(adjusted Rand index 0\.998 at worst over 5 random starts\)/);
		expect(lines[3]).toMatch(/No naive baseline/);
		const t = cardTable(seg.metrics, seg.label);
		expect(t.groups).toHaveLength(1);
		expect(t.caption).toBe('Quality of the clusters (all customers)');
		expect(t.note).toBe('Silhouette, ARI mean, ARI min: higher is better.');
	});
});

describe('classification and ranking reports', () => {
	const labels = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0];
	const model = classificationMetrics(labels, [0.9, 0.2, 0.8, 0.3, 0.1, 0.7, 0.2, 0.4, 0.1, 0.3], { ks: [3] });
	const byOrders = classificationMetrics(labels, [5, 1, 0, 4, 0, 3, 1, 2, 0, 0], { ks: [3], probabilities: false });
	const report: ClassificationReport = {
		task: 'classification',
		rowNoun: { one: 'user', many: 'users' },
		model,
		baselines: [{ name: 'Rank by orders', description: 'naive', metrics: byOrders }],
		comparisons: [],
		headline: { metric: 'prAuc', lowerIsBetter: false }
	};

	it('reads PR AUC against the baseline, the base rate, precision@k and the Brier score', () => {
		const lines = cardReading(report);
		expect(lines[0]).toBe('Held out: 10 users, 3 positive (30.0%, what a random list would hit).');
		expect(lines[1]).toMatch(/^PR AUC 1\.000, against 0\.\d{3} for “Rank by orders”: better than the naive baseline on these rows/);
		expect(lines.join(' ')).toContain('Of the 3 highest-ranked, 100.0% are positive; they hold 100.0% of all positives.');
		expect(lines.join(' ')).toMatch(/Brier score of 0\.\d{3}/);
	});

	it('shows a dash with the reason where a ranking has no probability', () => {
		const t = cardTable(report, 'Forest');
		expect(t.columns.map((c) => c.label)).toEqual(['ROC AUC', 'PR AUC', 'Precision@3', 'Recall@3', 'Brier']);
		expect(t.groups[1].rows[0].cells[4]).toEqual({ text: '–', best: false, reason: 'the score ranks rows; it is not a probability' });
		expect(metricDefinitions(report).map((d) => d.term)).toContain('Log loss');
	});

	it('reads a ranking report by its headline', () => {
		const r: RankingReport = {
			task: 'ranking',
			model: { users: 3549, k: 10, recall: 0.39, hit: 0.73, ndcg: 0.31 },
			baselines: [{ name: 'Most popular items', description: 'naive', metrics: { users: 3549, k: 10, recall: 0.377, hit: 0.712, ndcg: 0.3 } }],
			comparisons: [],
			headline: { metric: 'recall', lowerIsBetter: false }
		};
		expect(cardReading(r)[0]).toBe('Recall@10 39.0% over 3,549 users, against 37.7% for “Most popular items”: better than the naive baseline on these rows (no interval was measured).');
	});
});
