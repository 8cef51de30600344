import { describe, expect, it } from 'vitest';
import { defaultFormValues, formFromLink, formFromParams, formToParams, gmvFormFields, monthInDataYear, recentValuesFor, scenarioFromForm, valuesForWeek, weekFacts } from './form';
import { testContext as ctx } from './testContext';

describe('GMV form', () => {
	it('starts from the context’s real week with that month’s NPS, sale days and budget', () => {
		const v = defaultFormValues(ctx);
		expect(v.date).toBe('2016-05-25');
		expect(v.sub_category).toBe('CameraAccessory');
		expect(v.NPS).toBe(47.3);
		expect(v.sale_week).toBe(true);
		expect(v.budget_TV).toBe(1);
		expect(v.budget_Other).toBe(9);
	});
	it('has a field for every value it produces', () => {
		const keys = new Set(gmvFormFields().columns.map((c) => c.key));
		for (const k of Object.keys(defaultFormValues(ctx))) expect(keys.has(k)).toBe(true);
	});
	it('changing the week loads that month’s values', () => {
		const v = valuesForWeek(ctx, '2016-04-13');
		expect(v.NPS).toBe(51.8);
		expect(v.sale_week).toBe(false);
		expect(v.budget_TV).toBe(2);
		// Outside the data year, the same calendar month of the data year is used.
		expect(monthInDataYear(ctx, '2017-07')).toBe('2015-07');
		expect(weekFacts(ctx, '2017-07-12').covered).toBe(false);
	});
	it('turns a monthly budget into weekly spend', () => {
		const s = scenarioFromForm(defaultFormValues(ctx));
		expect(s.weeklySpend.TV).toBeCloseTo(1 / 4.3, 12);
		expect(s.saleWeek).toBe(true);
	});
	it('round-trips through URL parameters exactly', () => {
		const v = { ...defaultFormValues(ctx), product_mrp: 1999.5, sale_week: false, budget_SEM: 12.25, sub_category: 'Speaker' };
		const params = formToParams(v);
		const back = formFromParams(new URLSearchParams(params.toString()), defaultFormValues(ctx));
		expect(back.rejected).toEqual([]);
		expect(back.values).toEqual(v);
	});
	it('keeps defaults for unusable parameters and names them', () => {
		const back = formFromParams(new URLSearchParams('week=2016-02-30&cat=Toaster&disc=150&mrp=abc&sla=4'), defaultFormValues(ctx));
		expect(back.rejected).toEqual(['Week of', 'Sub-category', 'Average MRP', 'Average discount']);
		expect(back.values.sla).toBe(4);
		expect(back.values.date).toBe('2016-05-25');
	});
	it('ignores unrelated parameters', () => {
		const back = formFromParams(new URLSearchParams('utm_source=x'), defaultFormValues(ctx));
		expect(back.values).toEqual(defaultFormValues(ctx));
	});
	it('gives a link with only a week that week’s month values', () => {
		const { values } = formFromLink(ctx, new URLSearchParams('week=2016-04-13&disc=30'));
		expect(values.NPS).toBe(51.8);
		expect(values.sale_week).toBe(false);
		expect(values.budget_TV).toBe(2);
		expect(values.discount).toBe(30);
		expect(values.sub_category).toBe('CameraAccessory');
	});

	it('starts with the start week’s recent GMV, and fills it from the data for a held-out week only', () => {
		expect(scenarioFromForm(defaultFormValues(ctx)).recentGmv).toEqual([6e6, 5.5e6, 6e6, 8.5e6]);
		expect(recentValuesFor(ctx, 'CameraAccessory', '2016-06-01')).toEqual({ recent_gmv_1: 9e6, recent_gmv_2: 6e6, recent_gmv_3: 5.5e6, recent_gmv_4: 6e6 });
		expect(recentValuesFor(ctx, 'Speaker', '2016-06-01')).toEqual({ recent_gmv_1: null, recent_gmv_2: null, recent_gmv_3: null, recent_gmv_4: null });
	});
	it('keeps a blank recent GMV blank through a link', () => {
		const v = { ...defaultFormValues(ctx), recent_gmv_2: null };
		const back = formFromLink(ctx, new URLSearchParams(formToParams(v).toString()));
		expect(back.rejected).toEqual([]);
		expect(back.values).toEqual(v);
		expect(scenarioFromForm(back.values).recentGmv).toEqual([6e6, null, 6e6, 8.5e6]);
	});
});
