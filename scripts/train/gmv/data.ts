/**
 * Steps 1-3 of the GMV forecast's training: the weekly rows (through the same schema and transform
 * as a browser upload), the calendars and monthly budgets, and the feature matrices encoded from the
 * training weeks only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvText } from '../../../src/lib/core/csv/intake.ts';
import { quantile } from '../../../src/lib/core/metrics.ts';
import type { TypicalInputs } from '../../../src/lib/gmv/artifacts.ts';
import { monthOfWeek, parseUsDate, weekDays, type GmvCalendar } from '../../../src/lib/gmv/calendar.ts';
import { featureCount, featureMatrix, featureNames, scenarioFromRow, type GmvEncoders } from '../../../src/lib/gmv/features.ts';
import { CHANNELS, SUB_CATEGORIES, weeklyRowSchema, type Channel } from '../../../src/lib/gmv/schema.ts';
import { gmvShares, WEEKS_PER_MONTH, type ChannelSpend } from '../../../src/lib/gmv/spend.ts';
import { withRecent } from '../gmv-recent.ts';
import { readSmallCsv, readText, round } from '../io.ts';
import { featureCsv } from '../reference.ts';
import { FIRST_TEST_WEEK, VALIDATION_START, type GmvRow, type WeekRow } from './settings.ts';

/** The ElecKart files, in the order their bytes are hashed. */
export interface GmvFiles {
	all: string[];
	weekly: string;
	media: string;
	sale: string;
	holiday: string;
	nps: string;
}

export interface WeeklyRows {
	rows: GmvRow[];
	train: GmvRow[];
	test: GmvRow[];
	lastWeek: number;
}

export interface GmvFeatures {
	encoders: GmvEncoders;
	names: string[];
	width: number;
	Xtrain: Float64Array;
	Xtest: Float64Array;
	ytrain: number[];
	ytest: number[];
	/** The feature matrices as CSV, for the scikit-learn reference. */
	csv: { train: string; test: string };
}

export function gmvFiles(dataDir: string): GmvFiles {
	const dir = join(dataDir, 'eleckart');
	const all = ['eleckart_weekly.csv', 'MediaInvestment.csv', 'SpecialSale.csv', 'HolidayList.csv', 'MonthlyNPSscore.csv'].map((f) => join(dir, f));
	const [weekly, media, sale, holiday, nps] = all;
	return { all, weekly, media, sale, holiday, nps };
}

/** Step 1: the weekly rows, each with its recent GMV, split at FIRST_TEST_WEEK (logs the sizes). */
export function readWeeklyRows(weeklyPath: string): WeeklyRows {
	const parsed = parseCsvText(readText(weeklyPath), weeklyRowSchema);
	if (!parsed.ok) throw new Error(`eleckart_weekly.csv: ${parsed.failure.message}`);
	if (parsed.issueCount > 0) throw new Error(`eleckart_weekly.csv: ${parsed.issueCount} bad rows, first: ${JSON.stringify(parsed.issues[0])}`);
	const parsedRows: WeekRow[] = parsed.rows.map((r) => ({ week: Number(r.week), gmv: Number(r.gmv), scenario: scenarioFromRow(r) }));
	parsedRows.sort((a, b) => a.week - b.week || a.scenario.subCategory.localeCompare(b.scenario.subCategory));
	// Each row's recent GMV: the same sub-category's actual GMV in the weeks before (the data's own rows).
	const rows = withRecent(parsedRows);
	const train = rows.filter((r) => r.week < FIRST_TEST_WEEK);
	const test = rows.filter((r) => r.week >= FIRST_TEST_WEEK);
	const lastWeek = Math.max(...rows.map((r) => r.week));
	console.log(`${rows.length} weekly rows; train weeks 1..${FIRST_TEST_WEEK - 1} (${train.length}), test weeks ${FIRST_TEST_WEEK}..${lastWeek} (${test.length})`);
	return { rows, train, test, lastWeek };
}

const MEDIA_COLUMN: Record<Channel, string> = {
	TV: 'TV', Digital: 'Digital', Sponsorship: 'Sponsorship', ContentMarketing: 'Content Marketing',
	OnlineMarketing: 'Online marketing', Affiliates: 'Affiliates', SEM: 'SEM', Radio: 'Radio', Other: 'Other'
};

/** Step 2: calendars and monthly budgets, checked against the weekly rows (logs both checks). */
export function readCalendarAndBudgets(files: GmvFiles, rows: WeekRow[]): { calendar: GmvCalendar; monthlyBudget: Record<string, ChannelSpend> } {
	const calendar: GmvCalendar = {
		saleDays: readSmallCsv(files.sale).map((r) => ({ date: parseUsDate(r.Date), name: r['Sales Name'].trim() })),
		holidays: readSmallCsv(files.holiday).map((r) => ({ date: parseUsDate(r.Date), name: r.Holiday.trim() })),
		monthlyNps: Object.fromEntries(readSmallCsv(files.nps).map((r) => [parseUsDate(r.Date).slice(0, 7), Number(r.NPS)])),
		period: ['2015-07-01', '2016-06-30']
	};
	const monthlyBudget: Record<string, ChannelSpend> = {};
	for (const r of readSmallCsv(files.media)) {
		const month = `${r.Year}-${String(r.Month).padStart(2, '0')}`;
		monthlyBudget[month] = Object.fromEntries(CHANNELS.map((c) => [c, Number(r[MEDIA_COLUMN[c]] || 0)])) as ChannelSpend;
	}
	checkSpendConvention(rows, monthlyBudget);
	checkSaleFlags(rows, calendar);
	return { calendar, monthlyBudget };
}

/** The data spreads each month's investment over 4.3 weeks: check that on weeks inside one month. */
function checkSpendConvention(rows: WeekRow[], monthly: Record<string, ChannelSpend>) {
	let worst = 0;
	let checked = 0;
	for (const r of rows) {
		const months = new Set(weekDays(r.week).map((d) => d.slice(0, 7)));
		if (months.size !== 1) continue;
		const budget = monthly[monthOfWeek(r.week)];
		if (!budget) continue;
		for (const c of CHANNELS) worst = Math.max(worst, Math.abs(r.scenario.weeklySpend[c] - budget[c] / WEEKS_PER_MONTH));
		checked++;
	}
	console.log(`spend convention: ${checked} rows inside one month; largest |weekly - monthly/${WEEKS_PER_MONTH}| = ${worst.toExponential(2)} crore`);
	if (worst > 1e-6) throw new Error('weekly spend does not equal monthly investment / 4.3: the form would not match training');
}

/** The data's sale flag should be "the week holds a special-sale day". */
function checkSaleFlags(rows: WeekRow[], calendar: GmvCalendar) {
	const saleDates = new Set(calendar.saleDays.map((d) => d.date));
	const mismatched = rows.filter((r) => weekDays(r.week).some((d) => saleDates.has(d)) !== r.scenario.saleWeek);
	console.log(`sale-week flags: ${rows.length - mismatched.length} of ${rows.length} rows agree with the sale calendar`);
}

/** Step 3: encoders from the training weeks only, and the feature matrices of both splits. */
export function encodeFeatures(data: WeeklyRows, exportFeaturesDir: string | undefined): GmvFeatures {
	const { train, test } = data;
	const encoders: GmvEncoders = {
		subCategories: [...SUB_CATEGORIES],
		subCategoryShare: mapValues(gmvShares(train.map((r) => ({ subCategory: r.scenario.subCategory, gmv: r.gmv })), SUB_CATEGORIES), (v) => round(v, 8))
	};
	const names = featureNames(encoders);
	const width = featureCount(encoders);
	const Xtrain = featureMatrix(train.map((r) => r.scenario), encoders);
	const Xtest = featureMatrix(test.map((r) => r.scenario), encoders);
	const ytrain = train.map((r) => r.gmv);
	const ytest = test.map((r) => r.gmv);
	const csv = { train: featureCsv(names, 'gmv', Xtrain, ytrain), test: featureCsv(names, 'gmv', Xtest, ytest) };
	if (exportFeaturesDir) exportFeatures(exportFeaturesDir, csv);
	return { encoders, names, width, Xtrain, Xtest, ytrain, ytest, csv };
}

function exportFeatures(dir: string, csv: { train: string; test: string }) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'gmv_train.csv'), csv.train);
	writeFileSync(join(dir, 'gmv_test.csv'), csv.test);
	console.log(`features exported to ${dir} (outside the repository: they hold data rows)`);
}

export function splitValidation<T extends { week: number }>(train: T[]): { fit: T[]; check: T[] } {
	return { fit: train.filter((r) => r.week < VALIDATION_START), check: train.filter((r) => r.week >= VALIDATION_START) };
}

/** Each sub-category's median price, discount and SLAs over the training weeks. */
export function typicalInputs(train: WeekRow[]): Record<string, TypicalInputs> {
	const out: Record<string, TypicalInputs> = {};
	for (const s of SUB_CATEGORIES) {
		const rs = train.filter((r) => r.scenario.subCategory === s).map((r) => r.scenario);
		out[s] = {
			productMrp: round(quantile(rs.map((r) => r.productMrp), 0.5)),
			discount: round(quantile(rs.map((r) => r.discount), 0.5)),
			sla: round(quantile(rs.map((r) => r.sla), 0.5)),
			procurementSla: round(quantile(rs.map((r) => r.procurementSla), 0.5))
		};
	}
	return out;
}

export function toRows(X: Float64Array, width: number): number[][] {
	return Array.from({ length: X.length / width }, (_, i) => Array.from(X.subarray(i * width, (i + 1) * width)));
}

export function mapValues<V, W>(o: Record<string, V>, f: (v: V) => W): Record<string, W> {
	return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}
