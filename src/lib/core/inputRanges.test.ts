import { describe, expect, it } from 'vitest';
import { checkRanges, farSentence, insideAllRanges, rangeStatus } from './inputRanges';

const other = { min: 0, max: 27.1, p01: 0, p99: 27.1 };
const nps = { min: 44.4, max: 60, p01: 44.4, p99: 60 };

describe('input ranges', () => {
	it('tells inside, a little outside and far outside apart', () => {
		expect(rangeStatus(10, other)).toBe('inside');
		expect(rangeStatus(35, other)).toBe('near');
		expect(rangeStatus(5000, other)).toBe('far');
		expect(rangeStatus(62, nps)).toBe('near');
		expect(rangeStatus(70, nps)).toBe('far');
		expect(rangeStatus(NaN, nps)).toBe('far');
	});

	it('refuses the form’s own maximum for the Other budget, naming field, value and range', () => {
		const check = checkRanges({ budget_Other: 5000, NPS: 50 }, { budget_Other: other, NPS: nps }, { budget_Other: { label: 'Other', unit: 'crore/month' }, NPS: { label: 'NPS' } });
		expect(check.near).toEqual([]);
		expect(check.far.map(farSentence)).toEqual([
			'Other: 5,000 crore/month is far outside the range the model was trained on (0 to 27.1 crore/month), so it gives no prediction: it has never seen anything like it. Values from 0 to 40.7 crore/month are predicted, with a warning outside the training range.'
		]);
	});
	it('has a quick inside-every-range test that agrees with checkRanges', () => {
		const ranges = { a: { min: 0, max: 10, p01: 0, p99: 10 }, b: { min: -5, max: 5, p01: -5, p99: 5 }, unnamed: { min: 0, max: 1, p01: 0, p99: 1 } };
		const fields = { a: { label: 'A' }, b: { label: 'B' } };
		const inside = insideAllRanges(ranges, fields);
		const values = [-20, -5.0001, -5, 0, 5, 5.0001, 10, 10.0001, 17, NaN, Infinity, -Infinity, '3', null, undefined];
		for (const a of values)
			for (const b of values)
				for (const unnamed of [0.5, 99]) {
					const found = checkRanges({ a, b, unnamed }, ranges, fields);
					expect(inside({ a, b, unnamed }), `${a} ${b} ${unnamed}`).toBe(found.near.length === 0 && found.far.length === 0);
				}
	});
});
