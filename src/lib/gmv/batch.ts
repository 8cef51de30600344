/**
 * Scoring many weekly rows (a CSV in the weekly data's layout): one prediction per good row, and,
 * where actual GMV is given, the error and the held-out style metrics over those rows.
 * Pure: runs in the batch worker and in Node tests alike.
 */
import { regressionMetrics } from '../core/metrics';
import type { ParsedRow } from '../core/schema';
import type { ScoredRows } from '../core/csv/types';
import { featureCount, scenarioFromRow, writeFeatures } from './features';
import type { GmvModel } from './predict';

export const BATCH_COLUMNS: ScoredRows['columns'] = [
	{ key: 'row', label: 'Row', kind: 'number' },
	{ key: 'week', label: 'Week', kind: 'number' },
	{ key: 'sub_category', label: 'Sub-category', kind: 'text' },
	{ key: 'predicted_gmv', label: 'Predicted GMV', unit: '₹', kind: 'number' },
	{ key: 'actual_gmv', label: 'Actual GMV', unit: '₹', kind: 'number' },
	{ key: 'error', label: 'Error (predicted − actual)', unit: '₹', kind: 'number' },
	{ key: 'abs_pct_error', label: 'Absolute error', unit: '%', kind: 'number' }
];

/** Score validated rows with one model. `rowNumbers` are the file's row numbers (header = 1). */
export function scoreWeeklyRows(rows: readonly ParsedRow[], model: GmvModel, rowNumbers?: ArrayLike<number>): ScoredRows {
	const enc = model.artifact.encoders;
	const width = featureCount(enc);
	const X = new Float64Array(rows.length * width);
	for (let i = 0; i < rows.length; i++) writeFeatures(scenarioFromRow(rows[i]), enc, X, i);
	const predicted = model.predictFeatures(X, rows.length);
	const out = new Array<Record<string, number | string | null>>(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		const actual = typeof r.gmv === 'number' ? r.gmv : null;
		const p = predicted[i];
		out[i] = {
			row: rowNumbers ? rowNumbers[i] : i + 2,
			week: typeof r.week === 'number' ? r.week : null,
			sub_category: String(r.product_analytic_sub_category),
			predicted_gmv: Math.round(p),
			actual_gmv: actual,
			error: actual === null ? null : Math.round(p - actual),
			abs_pct_error: actual === null || actual === 0 ? null : Math.round((Math.abs(p - actual) / actual) * 1000) / 10
		};
	}
	return { columns: BATCH_COLUMNS, rows: out };
}

/** Metrics over the rows that carry an actual GMV (null when none do). */
export function batchSummary(scored: readonly Record<string, number | string | null>[]) {
	const withActual = scored.filter((r) => typeof r.actual_gmv === 'number');
	if (!withActual.length) return undefined;
	return {
		rowsWithActual: withActual.length,
		metrics: regressionMetrics(
			withActual.map((r) => r.actual_gmv as number),
			withActual.map((r) => r.predicted_gmv as number)
		)
	};
}
