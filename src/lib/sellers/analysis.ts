/**
 * A marketplace's analysis for the page, from an activity log or the per-user layout: the candidates
 * ranked by the shipped model (calibrated probability and the inputs that drove it), their recent
 * collection by category (for the score), the categories' inventory levels, the monthly lines, and
 * how far the file's activity lies outside what the model was trained on. Plain data with typed
 * arrays: it crosses from the worker to the page, and training stores the demo's in an artifact.
 * Pure, no DOM.
 */
import type { InputRange } from '../core/artifact/types';
import { monthOfDay } from './calendar';
import { ALL_FEATURES, featuresAt, indexLog, lastFullMonth, ORIGINAL_FEATURES } from './features';
import { inventoryLevels, monthlyActivity, type CategoryLevel, type MonthActivity } from './market';
import { columnsOf, scoreRows, type SellerModel } from './model';
import type { EventLog } from './log';
import type { UserRows } from './userRows';

export interface Candidates {
	ids: string[];
	/** Features the model read, row-major (model feature order). */
	features: readonly string[];
	X: Float64Array;
	probability: Float64Array;
	/** The forest's raw score (vote share): breaks ties of the calibrated probability in the ranking. */
	forestScore: Float64Array;
	/** DRIVERS_PER_USER per candidate: feature position in `features` (-1 = none) and effect. */
	driverFeature: Int8Array;
	driverEffect: Float32Array;
	/** Recent (90-day) collection adds by category, sparse per candidate. */
	recentOffsets: Uint32Array;
	recentCategory: Uint16Array;
	recentCount: Uint32Array;
}

/** A feature whose values in the file often lie beyond what the model saw in training. */
export interface RangeWarning {
	feature: string;
	/** Share of candidates above the training maximum, and above the training 99th percentile. */
	aboveMax: number;
	aboveP99: number;
	fileMax: number;
	trainMax: number;
}

export interface MarketAnalysis {
	layout: 'events' | 'users';
	/** Month the features are as of (months since 1970-01); NaN for the per-user layout. */
	asOfMonth: number;
	/** Every month of the file from which an as-of month can be chosen. */
	months: number[];
	categories: string[];
	/** Lowest level first (empty for the per-user layout). */
	levels: CategoryLevel[];
	activity: MonthActivity[];
	candidates: Candidates;
	/** Average calibrated probability (the forest's mean score, calibrated). */
	baseline: number;
	/** The model's countSpread: widens "how many sellers to expect" for the calibration's uncertainty. */
	countSpread: number;
	rangeWarnings: RangeWarning[];
	/** Events in the log (0 for the per-user layout) and users seen. */
	events: number;
	users: number;
}

/** Share of candidates beyond the training max that triggers a warning. */
const WARN_SHARE = 0.01;

export function rangeWarnings(features: readonly string[], X: Float64Array, ranges: Record<string, InputRange>): RangeWarning[] {
	const width = features.length;
	const n = X.length / width;
	const out: RangeWarning[] = [];
	features.forEach((f, j) => {
		const r = ranges[f];
		if (!r || n === 0) return;
		let aboveMax = 0;
		let aboveP99 = 0;
		let fileMax = -Infinity;
		for (let i = 0; i < n; i++) {
			const v = X[i * width + j];
			if (v > r.max) aboveMax++;
			if (v > r.p99) aboveP99++;
			if (v > fileMax) fileMax = v;
		}
		if (aboveMax / n > WARN_SHARE) out.push({ feature: f, aboveMax: aboveMax / n, aboveP99: aboveP99 / n, fileMax, trainMax: r.max });
	});
	return out.sort((a, b) => b.aboveMax - a.aboveMax);
}

/** Analyse an activity log as of a month (default: its last full month). */
export function analyseLog(log: EventLog, model: SellerModel, ranges: Record<string, InputRange>, asOfMonth = lastFullMonth(log)): MarketAnalysis {
	const data = indexLog(log);
	const table = featuresAt(data, asOfMonth);
	const columns = columnsOf(model.features, ALL_FEATURES);
	const width = columns.length;
	const n = table.users.length;
	const X = new Float64Array(n * width);
	const all = table.names.length;
	for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) X[i * width + j] = table.X[i * all + columns[j]];
	const scored = scoreRows(model, X, n);
	// As-of months with at least 3 months of history, at most the last 36.
	const last = lastFullMonth(log);
	const months: number[] = [];
	for (let m = Math.max(monthOfDay(log.firstDay) + 2, last - 35); m <= last; m++) months.push(m);
	return {
		layout: 'events',
		asOfMonth,
		months,
		categories: log.categories,
		levels: inventoryLevels(log, asOfMonth),
		activity: monthlyActivity(log, data.index, asOfMonth),
		candidates: {
			ids: Array.from(table.users, (u) => log.userIds[u]),
			features: model.features,
			X,
			probability: scored.probability,
			forestScore: scored.forestScore,
			driverFeature: scored.driverFeature,
			driverEffect: scored.driverEffect,
			recentOffsets: table.recentOffsets,
			recentCategory: table.recentCategory,
			recentCount: table.recentCount
		},
		baseline: scored.baseline,
		countSpread: model.countSpread,
		rangeWarnings: rangeWarnings(model.features, X, ranges),
		events: log.n,
		users: log.userIds.length
	};
}

/** Analyse the per-user layout with the 12-feature model. */
export function analyseUserRows(rows: UserRows, model: SellerModel, ranges: Record<string, InputRange>): MarketAnalysis {
	const columns = columnsOf(model.features, ORIGINAL_FEATURES);
	const n = rows.ids.length;
	const width = columns.length;
	const X = new Float64Array(n * width);
	for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) X[i * width + j] = rows.X[i * 12 + columns[j]];
	const scored = scoreRows(model, X, n);
	return {
		layout: 'users',
		asOfMonth: NaN,
		months: [],
		categories: rows.categories,
		levels: [],
		activity: [],
		candidates: {
			ids: rows.ids,
			features: model.features,
			X,
			probability: scored.probability,
			forestScore: scored.forestScore,
			driverFeature: scored.driverFeature,
			driverEffect: scored.driverEffect,
			recentOffsets: rows.recentOffsets,
			recentCategory: rows.recentCategory,
			recentCount: rows.recentCount
		},
		baseline: scored.baseline,
		countSpread: model.countSpread,
		rangeWarnings: rangeWarnings(model.features, X, ranges),
		events: 0,
		users: n
	};
}
