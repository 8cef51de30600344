import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionRecallAtK } from '../../../src/lib/core/metrics/classification.ts';
import { seededRandom } from '../../../src/lib/core/random.ts';
import type { SplitPlan } from './data.ts';
import { GAP, rankScale, rollingBootstrap, rollingOrigins, summarise, type ScoredMonth } from './rolling.ts';

function month(seed: number, n: number, signal: number): ScoredMonth {
	const random = seededRandom(seed);
	const y = Uint8Array.from({ length: n }, () => (random() < 0.05 ? 1 : 0));
	return { y, score: Float64Array.from(y, (v) => v * signal + random()) };
}

describe('rolling-origin validation', () => {
	it('ends at the last validation month and trains each origin GAP months before it', () => {
		const plan = { validation: [20, 22] } as unknown as SplitPlan;
		expect(rollingOrigins(plan, 3, 2)).toEqual([
			{ month: 18, trainTo: 18 - GAP },
			{ month: 20, trainTo: 20 - GAP },
			{ month: 22, trainTo: 22 - GAP }
		]);
	});

	it('averages PR AUC and precision at k over the months', () => {
		const months = [month(1, 500, 0.5), month(2, 800, 0.2)];
		const s = summarise(months, 50);
		expect(s.prAuc[1]).toBeCloseTo(averagePrecision(months[1].y, months[1].score)!, 12);
		expect(s.meanPrAuc).toBeCloseTo((s.prAuc[0] + s.prAuc[1]) / 2, 12);
		expect(s.meanPrecisionAtK).toBeCloseTo((precisionRecallAtK(months[0].y, months[0].score, 50).precision! + precisionRecallAtK(months[1].y, months[1].score, 50).precision!) / 2, 12);
	});

	it('gives the full-sample difference and an interval that excludes 0 only for a real gain', () => {
		const strong = [month(3, 3000, 0.6), month(4, 3000, 0.6)];
		const noise = strong.map((m, i) => ({ y: m.y, score: Float64Array.from(m.y, () => seededRandom(10 + i)()) }));
		const weak = strong.map((m, i) => ({ y: m.y, score: Float64Array.from(m.score, (v, j) => v + (seededRandom(j + 100 * i)() - 0.5) * 1e-9) }));
		const d = rollingBootstrap(strong, noise, 'prAuc', { seed: 1, resamples: 200 });
		expect(d.difference).toBeCloseTo(summarise(strong).meanPrAuc - summarise(noise).meanPrAuc, 12);
		expect(d.low).toBeGreaterThan(0);
		const same = rollingBootstrap(strong, weak, 'precisionAtK', { seed: 1, resamples: 200 });
		expect(same.low).toBeLessThanOrEqual(0);
		expect(same.high).toBeGreaterThanOrEqual(0);
		expect(rollingBootstrap(strong, noise, 'prAuc', { seed: 1, resamples: 200 })).toEqual(d);
	});

	it('turns scores into mid-ranks, ties sharing theirs', () => {
		expect(Array.from(rankScale([0.3, 0.1, 0.3, 0.9]))).toEqual([2.5 / 4, 1 / 4, 2.5 / 4, 1]);
	});
});
