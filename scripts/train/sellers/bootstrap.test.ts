import { describe, expect, it } from 'vitest';
import { averagePrecision, brierScore, precisionRecallAtK, rocAuc } from '../../../src/lib/core/metrics/classification.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import { bootstrapScorers, monthRanges } from './bootstrap.ts';

describe('bootstrapScorers', () => {
	const random = seededRandom(3);
	const n = 900;
	const y = Uint8Array.from({ length: n }, () => (random() < 0.1 ? 1 : 0));
	// Coarse scores: many ties, as a forest's and a count's.
	const a = Float64Array.from(y, (v) => Math.round(10 * (v * 0.3 + random())) / 10);
	const b = Float64Array.from(y, (v) => Math.floor(5 * (v * 0.1 + random())));
	const p = Float64Array.from(a, (v) => Math.min(1, v / 2));
	const months = monthRanges([300, 350, 250]);
	const boot = bootstrapScorers(y, months, [{ name: 'a', ranking: a, probability: p }, { name: 'b', ranking: b, probability: p.map((v) => v / 2) }], ['precisionAtK', 'prAuc', 'rocAuc', 'brier'], { k: 50, resamples: 200, seed: 9 });

	it('gives the core metrics on all rows (precision at k: the mean over months)', () => {
		expect(boot.value(0, 'prAuc')).toBe(averagePrecision(y, a));
		expect(boot.value(1, 'rocAuc')).toBeCloseTo(rocAuc(y, b)!, 12);
		expect(boot.value(0, 'brier')).toBeCloseTo(brierScore(y, p)!, 12);
		const perMonth = months.map(([from, to]) => precisionRecallAtK(y.subarray(from, to), a.subarray(from, to), 50).precision!);
		expect(boot.value(0, 'precisionAtK')).toBeCloseTo(perMonth.reduce((s, v) => s + v, 0) / 3, 12);
	});

	it('pairs the scorers on the same resamples, with an interval around the difference', () => {
		const d = boot.compare(0, 1, 'prAuc');
		expect(d.difference).toBeCloseTo(averagePrecision(y, a)! - averagePrecision(y, b)!, 12);
		expect(d.low).toBeLessThan(d.difference);
		expect(d.high).toBeGreaterThan(d.difference);
		const self = boot.compare(0, 0, 'precisionAtK');
		expect([self.low, self.high]).toEqual([0, 0]);
	});
});
