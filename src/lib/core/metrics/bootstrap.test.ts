import { describe, expect, it } from 'vitest';
import { regressionMetrics } from '../metrics';
import { seededRandom } from '../random';
import { pairedBootstrap, pick } from './bootstrap';
import { rocAuc } from './classification';

describe('paired bootstrap of a metric difference', () => {
	const random = seededRandom(3);
	const n = 400;
	const actual = Array.from({ length: n }, () => 100 + random() * 50);
	// The model errs by about 5, the baseline by about 10: model WAPE is clearly lower.
	const model = actual.map((a) => a + (random() - 0.5) * 10);
	const baseline = actual.map((a) => a + (random() - 0.5) * 20);
	const wape = (pred: number[]) => (rows: Uint32Array) => regressionMetrics(pick(actual, rows), pick(pred, rows)).wape;

	it('is deterministic for a seed, and its interval holds the full-sample difference', () => {
		const opts = { seed: 7, metric: 'wape', baseline: 'noisy', resamples: 300 };
		const a = pairedBootstrap(n, wape(model), wape(baseline), opts)!;
		const b = pairedBootstrap(n, wape(model), wape(baseline), opts)!;
		expect(b).toEqual(a);
		expect(a.difference).toBeCloseTo(a.modelValue - a.baselineValue, 15);
		expect(a.low).toBeLessThan(a.difference);
		expect(a.high).toBeGreaterThan(a.difference);
		expect(a.high).toBeLessThan(0); // clearly better
		expect(a).toMatchObject({ level: 0.95, resamples: 300, seed: 7, dropped: 0, metric: 'wape', baseline: 'noisy' });
	});

	it('straddles zero for two equally good models', () => {
		const twin = actual.map((a) => a + (random() - 0.5) * 10);
		const r = pairedBootstrap(n, wape(model), wape(twin), { seed: 1, metric: 'wape', baseline: 'twin', resamples: 300 })!;
		expect(r.low).toBeLessThan(0);
		expect(r.high).toBeGreaterThan(0);
	});

	it('drops resamples where a metric is undefined, and is null when it is undefined on all rows', () => {
		// One positive in 30 rows: many resamples draw none, and AUC is undefined there.
		const labels = Array.from({ length: 30 }, (_, i) => (i === 0 ? 1 : 0));
		const s1 = labels.map((l, i) => (l ? 0.9 : i / 100));
		const s2 = labels.map((_, i) => i / 100);
		const auc = (s: number[]) => (rows: Uint32Array) => {
			const y = pick(labels, rows);
			return y.includes(1) && y.includes(0) ? rocAuc(y, pick(s, rows)) : null;
		};
		const r = pairedBootstrap(30, auc(s1), auc(s2), { seed: 2, metric: 'rocAuc', baseline: 'b', resamples: 200 })!;
		expect(r.dropped).toBeGreaterThan(0);
		expect(r.dropped).toBeLessThan(200);
		expect(pairedBootstrap(3, () => null, () => 1, { seed: 1, metric: 'm', baseline: 'b' })).toBeNull();
	});
});
