import { describe, expect, it } from 'vitest';
import { dealerSizes, featureCount, featureMatrix, featureNames, oneHotMask, writeInputFeatures, type DealerEncoders } from './features';
import { generateNetwork } from './generator';
import { REGIONS, selectRows } from './table';

const enc: DealerEncoders = { regions: [...REGIONS], regionShares: [0.1, 0.2, 0.3, 0.2, 0.2] };
const t = generateNetwork(5, 30).months;

describe('the expected-sales features', () => {
	it('name traffic, leads, size, region and month, never the dealer', () => {
		const names = featureNames(enc);
		expect(names).toHaveLength(featureCount(enc));
		expect(names.slice(0, 6)).toEqual(['log_vdp_views', 'log_visitors', 'log_visitor_conversions', 'log_leads', 'log_other_leads', 'log_dealer_size']);
		expect(names.some((n) => /bac|dealer_id|sales/i.test(n))).toBe(false);
		expect(oneHotMask(enc).filter(Boolean)).toHaveLength(5 + 12);
	});

	it('are the same for a table and for the form, row by row', () => {
		const X = featureMatrix(t, enc);
		const sizes = dealerSizes(t);
		const w = featureCount(enc);
		const one = new Float64Array(w);
		for (const i of [0, 13, 200, t.n - 1]) {
			const f = t.funnel;
			writeInputFeatures({ vdpViews: f.vdpViews[i], visitors: f.visitors[i], conversions: f.conversions[i], leads: f.leads[i], size: sizes[i], region: REGIONS[t.region[i]], month: t.month[i] }, enc, one);
			expect(Array.from(one)).toEqual(Array.from(X.subarray(i * w, (i + 1) * w)));
		}
	});

	it("use the dealer's mean monthly VDP views as its size, and the average region for an unknown one", () => {
		const sizes = dealerSizes(t);
		const mean = Array.from({ length: 12 }, (_, m) => t.funnel.vdpViews[24 + m]).reduce((a, b) => a + b) / 12;
		expect(sizes[24 + 5]).toBeCloseTo(mean, 9);
		const renamed = { ...selectRows(t, [0]), regionNames: ['Atlantis'] };
		const X = featureMatrix(renamed, enc);
		expect(Array.from(X.subarray(6, 11))).toEqual(enc.regionShares);
		const form = new Float64Array(featureCount(enc));
		writeInputFeatures({ vdpViews: 100, visitors: 40, conversions: 2, leads: 5, region: 'Atlantis', month: 0 }, enc, form);
		expect(Array.from(form.subarray(6, 11))).toEqual(enc.regionShares);
		expect(form[5]).toBeCloseTo(Math.log1p(100), 12);
	});
});
