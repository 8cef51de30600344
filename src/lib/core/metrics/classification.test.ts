import { describe, expect, it } from 'vitest';
import { averagePrecision, brierScore, classificationMetrics, logLoss, precisionRecallAtK, reliabilityByQuantile, reliabilityTable, rocAuc } from './classification';

// Tied scores, a 0 and a 1.0 (a confident miss, so log loss clips). Reference values from
// scikit-learn 1.2.1: roc_auc_score, average_precision_score, brier_score_loss, log_loss,
// calibration_curve(n_bins=5).
const y = [0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1];
const p = [0.1, 0.2, 0.2, 0.3, 0.35, 0.4, 0.4, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.8, 0.9, 0.95, 0.0, 1.0, 0.55, 0.3];
const SKLEARN = {
	rocAuc: 0.635,
	averagePrecision: 0.5975564713064714,
	brier: 0.2595,
	logLoss: 2.3857322981584757,
	calibrationTrue: [0.25, 0.5, 0.3333333333333333, 0.75, 0.6666666666666666],
	calibrationPredicted: [0.125, 0.3583333333333332, 0.55, 0.7375, 0.9500000000000001]
};

describe('classification metrics against scikit-learn', () => {
	it('ROC AUC with ties', () => expect(rocAuc(y, p)).toBeCloseTo(SKLEARN.rocAuc, 14));
	it('average precision with ties', () => expect(averagePrecision(y, p)).toBeCloseTo(SKLEARN.averagePrecision, 14));
	it('Brier score', () => expect(brierScore(y, p)).toBeCloseTo(SKLEARN.brier, 14));
	it('log loss, clipping a probability of 1 on a negative', () => expect(logLoss(y, p)).toBeCloseTo(SKLEARN.logLoss, 12));
	it('reliability bins', () => {
		const bins = reliabilityTable(y, p, 5);
		expect(bins.map((b) => b.n)).toEqual([4, 6, 3, 4, 3]);
		const filled = bins.filter((b) => b.n > 0);
		filled.forEach((b, i) => {
			expect(b.observedRate).toBeCloseTo(SKLEARN.calibrationTrue[i], 14);
			expect(b.meanPredicted).toBeCloseTo(SKLEARN.calibrationPredicted[i], 14);
		});
		// 0.2 and 0.4 sit on edges: they belong to the bin below, as in scikit-learn.
		expect(bins[0]).toMatchObject({ low: 0, high: 0.2 });
		expect(bins[4].high).toBe(1);
	});
});

describe('classification metrics by hand', () => {
	it('AUC is 1 for a perfect ranking, 0.5 for a constant score, 0 for a reversed one', () => {
		expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
		expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
		expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
	});

	it('average precision: (1/1 + 2/3) / 2 for hits at ranks 1 and 3', () => {
		expect(averagePrecision([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1])).toBeCloseTo((1 + 2 / 3) / 2, 15);
	});

	it('precision and recall at k share a tie at the cut evenly, whatever the row order', () => {
		// Top 3: 0.9 (positive), then 0.5 x 4 (two positives) for two slots: 1 + 2 x 2/4 = 2 hits.
		const labels = [1, 1, 0, 1, 0, 0];
		const scores = [0.9, 0.5, 0.5, 0.5, 0.5, 0.1];
		expect(precisionRecallAtK(labels, scores, 3)).toEqual({ k: 3, precision: 2 / 3, recall: 2 / 3 });
		expect(precisionRecallAtK([1, 0, 0, 1, 1, 0], [0.9, 0.5, 0.5, 0.5, 0.5, 0.1], 3).precision).toBe(2 / 3);
		// More k than rows: precision over the rows there are.
		expect(precisionRecallAtK([1, 0], [0.9, 0.1], 10)).toEqual({ k: 10, precision: 0.5, recall: 1 });
	});

	it('are null with a reason when the rows cannot define them, never NaN', () => {
		const none = classificationMetrics([0, 0, 0], [0.1, 0.2, 0.3], { ks: [2] });
		expect(none.rocAuc).toBeNull();
		expect(none.prAuc).toBeNull();
		expect(none.atK[0]).toEqual({ k: 2, precision: 0, recall: null });
		expect(none.undefinedBecause).toMatchObject({ rocAuc: 'no positive rows among those scored', prAuc: 'no positive rows among those scored' });
		expect(none.brier).toBeCloseTo((0.01 + 0.04 + 0.09) / 3, 15);
		const all = classificationMetrics([1, 1], [0.1, 0.2]);
		expect(all.undefinedBecause?.rocAuc).toBe('no negative rows among those scored');
		const empty = classificationMetrics([], []);
		expect(empty).toMatchObject({ n: 0, rocAuc: null, prAuc: null, brier: null, logLoss: null });
		expect(empty.undefinedBecause?.brier).toBe('no rows to score');
		expect(JSON.stringify(empty)).not.toMatch(/NaN|null,"reason"/);
	});

	it('leave probability metrics out for a score that only ranks', () => {
		const m = classificationMetrics([0, 1, 0, 1], [3, 10, 1, 7], { probabilities: false, ks: [2] });
		expect(m.rocAuc).toBe(1);
		expect(m.atK).toEqual([{ k: 2, precision: 1, recall: 1 }]);
		expect(m.brier).toBeNull();
		expect(m.reliability).toBeUndefined();
		expect(m.undefinedBecause?.brier).toMatch(/not a probability/);
		expect(() => classificationMetrics([0, 1], [3, 10])).toThrow(/not a probability/);
	});

	it('refuse bad labels and scores', () => {
		expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/0 or 1/);
		expect(() => rocAuc([0, 1], [0.1, NaN])).toThrow(/finite/);
		expect(() => rocAuc([0, 1], [0.1])).toThrow(/2 labels but 1/);
	});
});

describe('reliabilityByQuantile', () => {
	it('cuts at quantiles of the predictions, in rank order', () => {
		const p = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.05];
		const y = [1, 0, 0, 0, 1, 0, 1, 0, 1, 0];
		const bins = reliabilityByQuantile(y, p, [0.5, 0.8]);
		expect(bins.map((b) => b.n)).toEqual([5, 3, 2]);
		expect(bins[0]).toMatchObject({ low: 0.05, high: 0.4 });
		expect(bins[0].meanPredicted).toBeCloseTo((0.05 + 0.1 + 0.2 + 0.3 + 0.4) / 5, 12);
		expect(bins[0].observedRate).toBeCloseTo(1 / 5, 12);
		expect(bins[2]).toMatchObject({ low: 0.8, high: 0.9, observedRate: 1 });
	});
	it('skips empty bins and refuses cuts that do not rise', () => {
		expect(reliabilityByQuantile([0, 1], [0.2, 0.4], [0.1, 0.2]).map((b) => b.n)).toEqual([2]);
		expect(() => reliabilityByQuantile([0], [0.1], [0.5, 0.5])).toThrow(RangeError);
		expect(() => reliabilityByQuantile([0], [0.1], [1])).toThrow(RangeError);
	});
});
