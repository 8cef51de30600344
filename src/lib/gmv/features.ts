/**
 * The one place where a GMV scenario (from the form, a CSV row, or the training data) becomes the
 * model's feature vector. `npm run train` and the browser both call these functions.
 */
import type { ParsedRow } from '../core/schema';
import { columnIndex, type RowColumns } from '../core/csv/columns';
import { CHANNELS, CHANNEL_LABELS, type Channel } from './schema';
import type { ChannelSpend } from './spend';

/** One sub-category in one week, in the user's terms. */
export interface GmvScenario {
	subCategory: string;
	/** Average MRP, rupees. */
	productMrp: number;
	/** Average discount, percent. */
	discount: number;
	/** Delivery SLA, days. */
	sla: number;
	/** Procurement SLA, days. */
	procurementSla: number;
	nps: number;
	/** The week holds at least one special-sale day. */
	saleWeek: boolean;
	/** The marketplace's spend that week by channel, crore (before allocation). */
	weeklySpend: ChannelSpend;
	/** Allocation share override for the budget planner; defaults to the trained GMV share. */
	spendShare?: number;
	/**
	 * GMV of the weeks just before, rupees, most recent first (last week, two weeks before, ...);
	 * optional: the forecast from recent sales uses it, the models without it ignore it.
	 */
	recentGmv?: (number | null)[];
}

/** What the features need beyond the scenario; shipped in the artifact. */
export interface GmvEncoders {
	/** Vocabulary of the one-hot sub-category features, in feature order. */
	subCategories: string[];
	/** Each sub-category's share of training GMV: its share of the marketplace's spend. */
	subCategoryShare: Record<string, number>;
}

const NUMERIC = [
	['product_mrp', 'Average MRP'],
	['discount', 'Average discount'],
	['sla', 'Delivery SLA'],
	['procurement_sla', 'Procurement SLA'],
	['NPS', 'NPS'],
	['sale_week', 'Sale week']
] as const;

/** Ordered feature names. */
export function featureNames(enc: GmvEncoders): string[] {
	return [
		...enc.subCategories.map((s) => `sub_category=${s}`),
		...NUMERIC.map(([k]) => k),
		...CHANNELS.map((c) => `allocated_${c}`),
		'allocated_total'
	];
}

/**
 * Features grouped as a user thinks of them, for explanations: the one-hot sub-category columns
 * form one group. Returns one group label per feature, in feature order.
 */
export function featureGroups(enc: GmvEncoders): string[] {
	return [
		...enc.subCategories.map(() => 'Sub-category'),
		...NUMERIC.map(([, label]) => label),
		...CHANNELS.map((c) => `${CHANNEL_LABELS[c]} spend`),
		'Total spend'
	];
}

export function featureCount(enc: GmvEncoders): number {
	return enc.subCategories.length + NUMERIC.length + CHANNELS.length + 1;
}

/** The share of the marketplace's spend this scenario's sub-category receives. */
export function allocationShare(s: GmvScenario, enc: GmvEncoders): number {
	return s.spendShare ?? enc.subCategoryShare[s.subCategory] ?? 0;
}

/**
 * Write one scenario's features into `out` at row `row` (row-major, featureCount columns).
 * Throws on a sub-category the model does not know; schema validation rejects those first.
 */
export function writeFeatures(s: GmvScenario, enc: GmvEncoders, out: Float64Array, row = 0): void {
	const width = featureCount(enc);
	let j = row * width;
	const cat = enc.subCategories.indexOf(s.subCategory);
	if (cat < 0) throw new Error(`unknown sub-category "${s.subCategory}"`);
	for (let k = 0; k < enc.subCategories.length; k++) out[j++] = k === cat ? 1 : 0;
	out[j++] = s.productMrp;
	out[j++] = s.discount;
	out[j++] = s.sla;
	out[j++] = s.procurementSla;
	out[j++] = s.nps;
	out[j++] = s.saleWeek ? 1 : 0;
	const share = allocationShare(s, enc);
	let total = 0;
	for (const c of CHANNELS) {
		const v = s.weeklySpend[c] * share;
		out[j++] = v;
		total += v;
	}
	out[j++] = total;
}

/** Features of many scenarios as one row-major matrix. */
export function featureMatrix(scenarios: readonly GmvScenario[], enc: GmvEncoders): Float64Array {
	const out = new Float64Array(scenarios.length * featureCount(enc));
	scenarios.forEach((s, i) => writeFeatures(s, enc, out, i));
	return out;
}

/** A validated row of the weekly layout (see `weeklyRowSchema`) -> a scenario. */
export function scenarioFromRow(row: ParsedRow): GmvScenario {
	const weeklySpend = {} as ChannelSpend;
	for (const c of CHANNELS) weeklySpend[c as Channel] = Number(row[c]);
	return {
		subCategory: String(row.product_analytic_sub_category),
		productMrp: Number(row.product_mrp),
		discount: Number(row.discount),
		sla: Number(row.sla),
		procurementSla: Number(row.procurement_sla),
		nps: Number(row.NPS),
		saleWeek: row['Holiday.Sale'] === true || row['Holiday.Sale'] === 1,
		weeklySpend
	};
}

/**
 * `featureMatrix` of the scenarios of rows held as columns (a weekly CSV read by the columnar
 * intake): the same numbers as `writeFeatures(scenarioFromRow(row))` for every row, without an
 * object per row. Throws on a sub-category the model does not know, as `writeFeatures` does.
 */
export function featureMatrixFromColumns(columns: RowColumns, enc: GmvEncoders): Float64Array {
	const n = columns.count;
	const width = featureCount(enc);
	const out = new Float64Array(n * width);
	const column = (key: string) => {
		const j = columnIndex(columns, key);
		if (j < 0) throw new Error(`the rows have no ${key} column`);
		return columns.values[j];
	};
	// scenarioFromRow reads each input with Number(): an empty cell (null) is 0.
	const num = (v: number) => (v !== v ? 0 : v);
	const subCategoryNames = columns.schema.columns[columnIndex(columns, 'product_analytic_sub_category')].categories ?? [];
	const sub = column('product_analytic_sub_category');
	const mrp = column('product_mrp');
	const discount = column('discount');
	const sla = column('sla');
	const procurement = column('procurement_sla');
	const nps = column('NPS');
	const sale = column('Holiday.Sale');
	const spend = CHANNELS.map((c) => column(c));
	const nCategories = enc.subCategories.length;
	// Per category of the column: its one-hot position and its share of the spend (as writeFeatures finds them).
	const position = subCategoryNames.map((name) => enc.subCategories.indexOf(name));
	const share = subCategoryNames.map((name) => enc.subCategoryShare[name] ?? 0);
	const nChannels = spend.length;
	for (let i = 0; i < n; i++) {
		const code = sub[i];
		const cat = code === code ? position[code] : -1;
		if (cat < 0) throw new Error(`unknown sub-category "${code === code ? subCategoryNames[code] : String(null)}"`);
		const row = i * width;
		// The one-hot columns: the array starts at zero, so only the row's own category is written.
		out[row + cat] = 1;
		let j = row + nCategories;
		out[j++] = num(mrp[i]);
		out[j++] = num(discount[i]);
		out[j++] = num(sla[i]);
		out[j++] = num(procurement[i]);
		out[j++] = num(nps[i]);
		out[j++] = sale[i] === 1 ? 1 : 0;
		const s = share[code];
		let total = 0;
		for (let c = 0; c < nChannels; c++) {
			const v = num(spend[c][i]) * s;
			out[j++] = v;
			total += v;
		}
		out[j] = total;
	}
	return out;
}
