import { describe, expect, it } from 'vitest';
import { parseCsvTextColumns } from '../core/csv/columnIntake';
import { rowsOf } from '../core/csv/columns';
import { featureCount, featureGroups, featureMatrix, featureMatrixFromColumns, featureNames, scenarioFromRow, writeFeatures, type GmvEncoders, type GmvScenario } from './features';
import { generateWeeklyRows, weeklyRowsCsv } from './sample';
import { CHANNELS, SUB_CATEGORIES, weeklyRowSchema } from './schema';
import { testContext } from './testContext';
import { gmvShares, monthlyFromWeekly, scaleSpend, totalSpend, weeklyFromMonthly, zeroSpend } from './spend';

const enc: GmvEncoders = { subCategories: ['Camera', 'Speaker'], subCategoryShare: { Camera: 0.75, Speaker: 0.25 } };
const spend = { ...zeroSpend(), TV: 2, SEM: 4 };
const scenario: GmvScenario = { subCategory: 'Speaker', productMrp: 3000, discount: 40, sla: 5, procurementSla: 2, nps: 50, saleWeek: true, weeklySpend: spend };

describe('spend allocation', () => {
	it('turns a month into 4.3 weeks and back', () => {
		const weekly = weeklyFromMonthly({ ...zeroSpend(), TV: 4.3 });
		expect(weekly.TV).toBeCloseTo(1, 12);
		expect(monthlyFromWeekly(weekly).TV).toBeCloseTo(4.3, 12);
	});
	it('allocates spend in proportion to GMV share', () => {
		const shares = gmvShares(
			[
				{ subCategory: 'Camera', gmv: 300 },
				{ subCategory: 'Speaker', gmv: 100 },
				{ subCategory: 'Camera', gmv: 0 }
			],
			['Camera', 'Speaker', 'Game']
		);
		expect(shares).toEqual({ Camera: 0.75, Speaker: 0.25, Game: 0 });
	});
	it('scales a mix to a new total keeping proportions', () => {
		const scaled = scaleSpend(spend, 12);
		expect(scaled.TV).toBeCloseTo(4, 12);
		expect(scaled.SEM).toBeCloseTo(8, 12);
		expect(totalSpend(scaled)).toBeCloseTo(12, 12);
	});
});

describe('features', () => {
	it('writes one-hot sub-category, inputs and allocated spend in name order', () => {
		const names = featureNames(enc);
		expect(names).toHaveLength(featureCount(enc));
		expect(featureGroups(enc)).toHaveLength(names.length);
		const row = new Float64Array(names.length);
		writeFeatures(scenario, enc, row);
		const at = (name: string) => row[names.indexOf(name)];
		expect(at('sub_category=Camera')).toBe(0);
		expect(at('sub_category=Speaker')).toBe(1);
		expect(at('product_mrp')).toBe(3000);
		expect(at('sale_week')).toBe(1);
		expect(at('allocated_TV')).toBeCloseTo(0.5, 12);
		expect(at('allocated_SEM')).toBeCloseTo(1, 12);
		expect(at('allocated_total')).toBeCloseTo(1.5, 12);
	});
	it('uses a planner share over the trained one', () => {
		const X = featureMatrix([scenario, { ...scenario, spendShare: 1 }], enc);
		const w = featureCount(enc);
		const names = featureNames(enc);
		expect(X[names.indexOf('allocated_TV')]).toBeCloseTo(0.5, 12);
		expect(X[w + names.indexOf('allocated_TV')]).toBeCloseTo(2, 12);
	});
	it('refuses an unknown sub-category', () => {
		expect(() => featureMatrix([{ ...scenario, subCategory: 'Toaster' }], enc)).toThrow(/unknown sub-category "Toaster"/);
	});
	it('reads a validated weekly row', () => {
		const row = Object.fromEntries([
			['product_analytic_sub_category', 'Camera'],
			['product_mrp', 10000],
			['discount', 20],
			['sla', 4],
			['procurement_sla', 3],
			['NPS', 47],
			['Holiday.Sale', true],
			...CHANNELS.map((c, i) => [c, i])
		]);
		const s = scenarioFromRow(row);
		expect(s.subCategory).toBe('Camera');
		expect(s.saleWeek).toBe(true);
		expect(s.weeklySpend.Other).toBe(8);
	});
});

describe('features of rows held as columns', () => {
	it('are featureMatrix of each row as scenarioFromRow reads it, an unknown sub-category refused', () => {
		const text = weeklyRowsCsv(generateWeeklyRows(testContext, 500, 5));
		const parsed = parseCsvTextColumns(text, weeklyRowSchema);
		if (!parsed?.ok) throw new Error('expected good rows');
		const shipped: GmvEncoders = { subCategories: [...SUB_CATEGORIES], subCategoryShare: Object.fromEntries(SUB_CATEGORIES.map((s, i) => [s, (i + 1) / 100])) };
		const want = featureMatrix(rowsOf(parsed.columns).map(scenarioFromRow), shipped);
		expect(featureMatrixFromColumns(parsed.columns, shipped)).toEqual(want);
		const fewer: GmvEncoders = { ...shipped, subCategories: SUB_CATEGORIES.slice(1) };
		expect(() => featureMatrixFromColumns(parsed.columns, fewer)).toThrow(/unknown sub-category "CameraAccessory"/);
	});
});
