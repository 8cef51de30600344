/**
 * Step 1 of the dealer model's training: the seeded synthetic network, whole dealers split
 * 70/15/15, the features encoded from the training dealers, and the test dealers' scored months.
 */
import { quantile } from '../../../src/lib/core/stats.ts';
import type { InputRange } from '../../../src/lib/core/artifact/types.ts';
import { seededRandom, shuffled } from '../../../src/lib/core/random.ts';
import { featureCount, featureMatrix, featureNames, type DealerEncoders } from '../../../src/lib/dealers/features.ts';
import { generateNetwork, type GeneratedNetwork } from '../../../src/lib/dealers/generator.ts';
import { TRAINING_SEED } from '../../../src/lib/dealers/params.ts';
import { COUNT_COLUMNS } from '../../../src/lib/dealers/schema.ts';
import { countColumn, REGIONS, selectRows, type DealerMonths } from '../../../src/lib/dealers/table.ts';
import { takeRows } from '../dealers-models.ts';
import { round } from '../io.ts';
import { SPLIT, SPLIT_SEED, TEST_MONTHS } from './settings.ts';

export interface Split {
	train: number[];
	validation: number[];
	test: number[];
}

/** Some dealers' own table and their rows in the generated table. */
export interface SubTable {
	table: DealerMonths;
	rows: number[];
}

export interface DealerData {
	net: GeneratedNetwork;
	table: DealerMonths;
	split: Split;
	trainRows: number[];
	encoders: DealerEncoders;
	width: number;
	names: string[];
	/** Features of every generated row. */
	X: Float64Array;
	/** The training rows in a fixed seeded order, with their features and sales. */
	fitRows: number[];
	Xfit: Float64Array;
	yfit: number[];
	validation: SubTable;
	test: SubTable;
	/** Indices into `test.rows` of the test months, and their sales. */
	testPick: number[];
	yTest: number[];
}

function splitDealers(count: number): Split {
	const order = shuffled(Array.from({ length: count }, (_, d) => d), seededRandom(SPLIT_SEED));
	const a = Math.round(count * SPLIT.train);
	const b = a + Math.round(count * SPLIT.validation);
	const sorted = (xs: number[]) => xs.sort((p, q) => p - q);
	return { train: sorted(order.slice(0, a)), validation: sorted(order.slice(a, b)), test: sorted(order.slice(b)) };
}

/** Rows of the generated table of these dealers (rows are dealer-major, 12 per dealer). */
const rowsOf = (dealers: number[], months: readonly number[] = Array.from({ length: 12 }, (_, m) => m)) => dealers.flatMap((d) => months.map((m) => d * 12 + m));

function subTable(table: DealerMonths, dealers: number[]): SubTable {
	const rows = rowsOf(dealers);
	return { table: selectRows(table, rows), rows };
}

/** Step 1: generates `dealers` dealers, splits them and encodes the features (logs the sizes). */
export function prepareDealerData(dealers: number): DealerData {
	const t0 = performance.now();
	const net = generateNetwork(TRAINING_SEED, dealers);
	const table = net.months;
	const split = splitDealers(dealers);
	console.log(`generated ${table.n} dealer-months (${dealers} dealers) in ${((performance.now() - t0) / 1000).toFixed(1)} s; dealers: ${split.train.length} train, ${split.validation.length} validation, ${split.test.length} test`);

	const trainRows = rowsOf(split.train);
	const encoders: DealerEncoders = { regions: [...REGIONS], regionShares: REGIONS.map((_, k) => round(trainRows.filter((r) => table.region[r] === k).length / trainRows.length, 6)) };
	const width = featureCount(encoders);
	const names = featureNames(encoders);
	const X = featureMatrix(table, encoders);
	const sales = table.funnel.sales;
	// A fixed seeded order of the training rows, so minibatches mix dealers and months.
	const fitRows = shuffled(trainRows, seededRandom(SPLIT_SEED + 1));
	const Xfit = takeRows(X, width, fitRows);
	const yfit = fitRows.map((r) => sales[r]);

	const validation = subTable(table, split.validation);
	const test = subTable(table, split.test);
	const testPick = test.rows.map((r, k) => (TEST_MONTHS.includes(table.month[r]) ? k : -1)).filter((k) => k >= 0);
	const yTest = testPick.map((k) => sales[test.rows[k]]);
	return { net, table, split, trainRows, encoders, width, names, X, fitRows, Xfit, yfit, validation, test, testPick, yTest };
}

/** Sum of `a` over sum of `b` by region and month over the given rows. */
export function rateByRegionMonth(table: DealerMonths, rows: number[], a: Float64Array, b: Float64Array): number[][] {
	const num = REGIONS.map(() => new Array(12).fill(0));
	const den = REGIONS.map(() => new Array(12).fill(0));
	for (const r of rows) {
		num[table.region[r]][table.month[r]] += a[r];
		den[table.region[r]][table.month[r]] += b[r];
	}
	return num.map((row, g) => row.map((v, m) => v / den[g][m]));
}

export function inputRanges(table: DealerMonths, rows: number[]): Record<string, InputRange> {
	const out: Record<string, InputRange> = {};
	for (const c of COUNT_COLUMNS) {
		const column = countColumn(table, c.field);
		if (!column) continue;
		const v = rows.map((r) => column[r]).filter(Number.isFinite);
		out[c.key] = { min: round(Math.min(...v)), max: round(Math.max(...v)), p01: round(quantile(v, 0.01)), p99: round(quantile(v, 0.99)) };
	}
	return out;
}
