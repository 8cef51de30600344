import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ALL_FEATURES } from './features';
import { collectorColumns, collectorErrors, collectorRow, DEFAULT_COLLECTOR, scoreCollector, SHARE_FIELD } from './form';
import { readForestPart, type SellersModelArtifact } from './model';

const artifact = JSON.parse(readFileSync(new URL('../../../model-artifacts/sellers/model.json', import.meta.url), 'utf8')) as SellersModelArtifact;
const model = readForestPart(artifact);

describe('the one-collector form', () => {
	it('asks for every feature but the 3-month sums, plus the category mix', () => {
		const keys = collectorColumns(ALL_FEATURES).map((c) => c.key);
		expect(keys).not.toContain('orders_3m');
		expect(keys).toContain('orders_1');
		expect(keys[keys.length - 1]).toBe(SHARE_FIELD);
		for (const k of keys) expect(DEFAULT_COLLECTOR[k], k).toBeTypeOf('number');
	});

	it('adds up the sums and turns percentages into shares', () => {
		const row = collectorRow({ features: ['collection_adds_3m', 'top_category_share', 'orders_1'] }, DEFAULT_COLLECTOR);
		expect(Array.from(row)).toEqual([15, 0.7, 2]);
	});

	it('scores with the shipped model: probability, score and drivers that add up', () => {
		const r = scoreCollector(model, DEFAULT_COLLECTOR);
		expect(r.probability).toBeGreaterThan(0);
		expect(r.probability).toBeLessThan(1);
		expect(r.score).toBeCloseTo(r.probability * 0.6 * 100, 12);
		expect(r.drivers.length).toBeGreaterThan(0);
		const none = scoreCollector(model, { ...DEFAULT_COLLECTOR, [SHARE_FIELD]: 0 });
		expect(none.score).toBe(0);
		expect(none.probability).toBe(r.probability);
	});

	it('gives collectors a different probability when the forest scores them differently (no flat isotonic steps)', () => {
		const cal = artifact.calibration;
		expect(cal.method).toBe('isotonic');
		if (cal.method !== 'isotonic') return;
		for (let i = 1; i < cal.y.length; i++) expect(cal.y[i]).toBeGreaterThan(cal.y[i - 1]);
		const probabilities = [1, 2, 4, 8, 16, 32].map((adds) => scoreCollector(model, { ...DEFAULT_COLLECTOR, collection_adds_1: adds }));
		expect(new Set(probabilities.map((r) => r.probability)).size).toBeGreaterThan(3);
	});

	it('says which fields contradict each other', () => {
		expect(collectorErrors(DEFAULT_COLLECTOR)).toEqual({});
		const e = collectorErrors({ ...DEFAULT_COLLECTOR, collection_size: 3, orders_1: 0, days_since_active: 90 });
		expect(Object.keys(e).sort()).toEqual(['collection_size', 'days_since_active', 'order_amount_1']);
	});
});
