/**
 * A model's inputs against the ranges it was trained on (`inputRanges` in every artifact): inside;
 * a little outside (flagged: the model extrapolates, read the figure as a rough guide); or far
 * outside (refused: the model has never seen anything like it, so any figure would be nonsense).
 * "Far" means beyond the training range by more than half the range's width (FAR_OUTSIDE_SHARE):
 * NPS trained on 44.4-60 is predicted with a warning from 36.6 to 67.8 and refused beyond; a monthly
 * "Other" budget trained on 0-27.1 crore is refused from 40.7 crore on. Generic over any artifact, so
 * it survives a retrained or replaced model. Pure, no DOM.
 */
import type { InputRange } from './artifact/types';
import { plainNumber, roundedNumber } from './numberText';

/** How far beyond its training range (as a share of the range's width) an input is still predicted, with a warning. */
export const FAR_OUTSIDE_SHARE = 0.5;

export type RangeStatus = 'inside' | 'near' | 'far';

/** How a field is named and measured in messages. */
export interface RangeField {
	label: string;
	unit?: string;
}

/** One input outside its training range. */
export interface RangeFinding {
	key: string;
	label: string;
	unit?: string;
	value: number;
	range: InputRange;
	status: 'near' | 'far';
}

/** The lowest and highest value still predicted (with a warning). */
export function predictableRange(range: InputRange): [number, number] {
	const span = range.max - range.min;
	const margin = span > 0 ? span * FAR_OUTSIDE_SHARE : Math.abs(range.max) * FAR_OUTSIDE_SHARE;
	return [range.min - margin, range.max + margin];
}

export function rangeStatus(value: number, range: InputRange): RangeStatus {
	if (value >= range.min && value <= range.max) return 'inside';
	const [lo, hi] = predictableRange(range);
	return value >= lo && value <= hi ? 'near' : 'far';
}

/** The inputs of one case outside their training ranges: `near` ones are flagged, `far` ones refused. */
export function checkRanges(
	values: Readonly<Record<string, unknown>>,
	ranges: Readonly<Record<string, InputRange>>,
	fields: Readonly<Record<string, RangeField>>
): { near: RangeFinding[]; far: RangeFinding[] } {
	const near: RangeFinding[] = [];
	const far: RangeFinding[] = [];
	for (const [key, range] of Object.entries(ranges)) {
		const value = values[key];
		if (typeof value !== 'number' || !fields[key]) continue;
		const status = value === value ? rangeStatus(value, range) : 'far';
		if (status === 'inside') continue;
		const finding: RangeFinding = { key, label: fields[key].label, unit: fields[key].unit, value, range, status };
		(status === 'near' ? near : far).push(finding);
	}
	return { near, far };
}

/**
 * A quick test, made once per set of ranges, that a case lies inside every training range (the
 * common case), so `checkRanges` need only run on the others: true exactly when `checkRanges` with
 * the same ranges and fields finds nothing near or far.
 */
export function insideAllRanges(
	ranges: Readonly<Record<string, InputRange>>,
	fields: Readonly<Record<string, RangeField>>
): (values: Readonly<Record<string, unknown>>) => boolean {
	const checked = Object.entries(ranges).filter(([key]) => fields[key]);
	const keys = checked.map(([key]) => key);
	const min = checked.map(([, r]) => r.min);
	const max = checked.map(([, r]) => r.max);
	return (values) => {
		for (let j = 0; j < keys.length; j++) {
			const v = values[keys[j]];
			if (typeof v === 'number' && !(v >= min[j] && v <= max[j])) return false;
		}
		return true;
	};
}

function withUnit(n: string, unit?: string): string {
	if (!unit) return n;
	if (unit === '₹') return `₹${n}`;
	if (unit === '%') return `${n}%`;
	return `${n} ${unit}`;
}

/** Why a far-outside input is refused: its value and the training range (a problem's reason: no final full stop). */
export function farReason(f: RangeFinding): string {
	const [lo, hi] = predictableRange(f.range);
	const range = `${roundedNumber(f.range.min)} to ${withUnit(roundedNumber(f.range.max), f.unit)}`;
	const accepted = `${roundedNumber(Math.max(lo, f.range.min < 0 ? lo : 0))} to ${withUnit(roundedNumber(hi), f.unit)}`;
	return (
		`${withUnit(plainNumber(f.value), f.unit)} is far outside the range the model was trained on (${range}), so it gives no prediction: ` +
		`it has never seen anything like it. Values from ${accepted} are predicted, with a warning outside the training range`
	);
}

/** A far-outside input as a whole sentence naming the field: "Other: 5,000 crore/month is far outside …". */
export function farSentence(f: RangeFinding): string {
	return `${f.label}: ${farReason(f)}.`;
}
