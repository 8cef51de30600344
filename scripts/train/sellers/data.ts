/**
 * The seller finder's training data: the synthetic marketplace generated in memory, and the
 * candidates of every labelable month with their features and labels (src/lib/sellers/features.ts,
 * the transform the browser runs). The split is by time, never by random rows (see `planSplit`).
 */
import { monthEnd, monthLabel } from '../../../src/lib/sellers/calendar.ts';
import { featuresAt, indexLog, isLabelable, labelAt, type FeatureTable, type IndexedLog } from '../../../src/lib/sellers/features.ts';
import { generateMarket, type MarketParams, type MarketTruth, type UserTraits } from '../../../src/lib/sellers/generator.ts';
import { EventLogBuilder } from '../../../src/lib/sellers/log.ts';

export interface MonthData {
	month: number;
	table: FeatureTable;
	y: Uint8Array;
	/** Recent (90-day) collection adds of each candidate, the first baseline's score. */
	recentAdds: Float64Array;
}

export interface TrainingMarket {
	params: MarketParams;
	truth: MarketTruth;
	data: IndexedLog;
	/** Day after the last simulated day. */
	dataEnd: number;
	/** Every labelable month from the first with enough history, with its candidates. */
	months: Map<number, MonthData>;
	firstMonth: number;
	lastLabelable: number;
}

/** Months of history a first training month needs (the 6-month candidate window). */
const WARM_UP = 6;

/** `onUser` receives each user's hidden traits (analysis only; see generateMarket). */
export function buildMarket(params: MarketParams, onUser?: (user: number, traits: UserTraits) => void): TrainingMarket {
	const builder = new EventLogBuilder(1 << 20);
	const truth = generateMarket(params, builder, onUser);
	const data = indexLog(builder.finish());
	const dataEnd = monthEnd(params.startMonth + params.months - 1);
	const months = new Map<number, MonthData>();
	const firstMonth = params.startMonth + WARM_UP - 1;
	let lastLabelable = firstMonth - 1;
	for (let t = firstMonth; isLabelable(t, dataEnd); t++) {
		const table = featuresAt(data, t);
		const y = labelAt(data, table, dataEnd);
		const recentAdds = new Float64Array(table.users.length);
		for (let i = 0; i < recentAdds.length; i++) {
			for (let j = table.recentOffsets[i]; j < table.recentOffsets[i + 1]; j++) recentAdds[i] += table.recentCount[j];
		}
		months.set(t, { month: t, table, y, recentAdds });
		lastLabelable = t;
	}
	return { params, truth, data, dataEnd, months, firstMonth, lastLabelable };
}

/**
 * The time split. A month's labels need 3 months for the first listing and 183 days of sales after
 * it, about 9 months. Everything that shapes the model tested on month T must be known by the end
 * of T, so:
 *   test          T = the last labelable month;
 *   calibration   C = the last month whose labels are complete by the end of T;
 *   validation    months C-5..C-3 (the last one's listing window ends before C's begins);
 *   training      selection on months first..C-8 (3 months before the validation months); the
 *                 final model on months first..C-3;
 *   coverage      months C+3..T (none shares a listing window with calibration or training).
 * Months closer than 3 apart share users whose first listing falls in both windows, so a gap of 3
 * separates every set from the next.
 */
export interface SplitPlan {
	train: [number, number];
	selectionTrain: [number, number];
	validation: [number, number];
	calibration: number;
	test: number;
	coverage: [number, number];
}

export function planSplit(market: TrainingMarket): SplitPlan {
	const test = market.lastLabelable;
	let calibration = test;
	while (!isLabelable(calibration, monthEnd(test))) calibration--;
	const validation: [number, number] = [calibration - 5, calibration - 3];
	return {
		train: [market.firstMonth, validation[1]],
		selectionTrain: [market.firstMonth, validation[0] - 3],
		validation,
		calibration,
		test,
		coverage: [calibration + 3, test]
	};
}

export function describeSplit(plan: SplitPlan): string {
	const m = monthLabel;
	return (
		`By time, never by random rows. Each row is a candidate user as of the end of a month; the label needs about 9 more months of data. ` +
		`The features and the forest's shape were chosen on ${m(plan.validation[0])}..${m(plan.validation[1])} by models trained on ${m(plan.selectionTrain[0])}..${m(plan.selectionTrain[1])} (the rule is in the configurations table); ` +
		`the final model trained on ${m(plan.train[0])}..${m(plan.train[1])}, calibrated on ${m(plan.calibration)}, ` +
		`tested once on ${m(plan.test)} (the last month whose outcome the data shows); the interval's coverage measured on ${m(plan.coverage[0])}..${m(plan.coverage[1])}.`
	);
}

/** The months' rows stacked (row-major features of `columns`, labels, recent adds). */
export function stack(market: TrainingMarket, from: number, to: number, columns: readonly number[]) {
	const parts: MonthData[] = [];
	for (let t = from; t <= to; t++) {
		const m = market.months.get(t);
		if (!m) throw new Error(`no data for month ${monthLabel(t)}`);
		parts.push(m);
	}
	const n = parts.reduce((s, p) => s + p.y.length, 0);
	const width = columns.length;
	const X = new Float64Array(n * width);
	const y = new Uint8Array(n);
	const recentAdds = new Float64Array(n);
	let r = 0;
	for (const p of parts) {
		const w = p.table.names.length;
		for (let i = 0; i < p.y.length; i++, r++) {
			for (let j = 0; j < width; j++) X[r * width + j] = p.table.X[i * w + columns[j]];
			y[r] = p.y[i];
			recentAdds[r] = p.recentAdds[i];
		}
	}
	return { X, y, recentAdds, n, width };
}
