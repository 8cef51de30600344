/**
 * One form field's value: turn what a person typed into a usable typed value, or say why it is
 * not usable. Shared by the generated forms; pure (no DOM), so tests and Node scripts can use it.
 */
import type { CellValue, ColumnSpec } from './schema';
import type { InputRange } from './artifact/types';
import { formatDecimal } from './decimalText';

export type FieldParse = { ok: true; value: CellValue } | { ok: false; reason: string };

const plainNumber = (n: number) => formatDecimal(n, { maxFractionDigits: 6 });

/** A bound or limit as people write it: 1,000,000 or 0.05. */
export function formatLimit(n: number): string {
	return plainNumber(n);
}

/** A training-range end, rounded so it reads easily: 2.1, 9.8, 1,250, 0.0123. */
export function formatRangeEnd(n: number): string {
	if (!Number.isFinite(n)) return String(n);
	if (Math.abs(n) >= 100) return plainNumber(Math.round(n));
	return formatDecimal(n, { maxSignificantDigits: 3 });
}

/** What a number field asks for, e.g. "Enter a whole number between 0 and 100". */
export function numberRequest(spec: ColumnSpec): string {
	const what = spec.type === 'integer' ? 'a whole number' : 'a number';
	const { min, max } = spec;
	if (min !== undefined && max !== undefined) return `Enter ${what} between ${formatLimit(min)} and ${formatLimit(max)}`;
	if (min !== undefined) return `Enter ${what} that is ${formatLimit(min)} or more`;
	if (max !== undefined) return `Enter ${what} that is ${formatLimit(max)} or less`;
	return `Enter ${what}`;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
/** Digits grouped by commas, western (1,234,567) or Indian (12,34,567); groups end in three digits. */
const GROUPED = /^[+-]?\d{1,3}(,\d{2,3})*,\d{3}(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);

function normaliseCategory(s: string): string {
	return s.toLowerCase().replace(/\s+/g, '');
}

function stripUnit(text: string, unit: string | undefined): string {
	if (!unit) return text;
	if (text.startsWith(unit)) return text.slice(unit.length).trim();
	if (text.endsWith(unit)) return text.slice(0, -unit.length).trim();
	return text;
}

function parseNumber(spec: ColumnSpec, text: string): FieldParse {
	let t = stripUnit(text.replace(/\u2212/g, '-').replace(/\s+/g, ''), spec.unit?.replace(/\s+/g, ''));
	if (GROUPED.test(t)) t = t.replace(/,/g, '');
	if (!NUMBER.test(t)) {
		if (DECIMAL_COMMA.test(t)) return { ok: false, reason: `Use a dot for decimals, e.g. ${t.replace(',', '.')}` };
		return { ok: false, reason: numberRequest(spec) };
	}
	const n = Number(t);
	if (!Number.isFinite(n)) return { ok: false, reason: numberRequest(spec) };
	if (spec.type === 'integer' && !Number.isInteger(n)) return { ok: false, reason: numberRequest(spec) };
	if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
		return { ok: false, reason: numberRequest(spec) };
	}
	return { ok: true, value: n === 0 ? 0 : n };
}

function exampleDate(spec: ColumnSpec): string {
	return typeof spec.example === 'string' && ISO_DATE.test(spec.example) ? spec.example : '2024-01-31';
}

function parseDate(spec: ColumnSpec, text: string): FieldParse {
	const m = ISO_DATE.exec(text);
	if (m) {
		const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
		const date = new Date(Date.UTC(y, mo - 1, d));
		if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) {
			return { ok: true, value: text };
		}
		return { ok: false, reason: `There is no such date. Enter a real date, e.g. ${exampleDate(spec)}` };
	}
	return { ok: false, reason: `Enter a date as year-month-day, e.g. ${exampleDate(spec)}` };
}

function parseCategory(spec: ColumnSpec, text: string): FieldParse {
	const options = spec.categories ?? [];
	const wanted = normaliseCategory(text);
	const match = options.find((c) => normaliseCategory(c) === wanted);
	if (match !== undefined) return { ok: true, value: match };
	if (options.length === 0) return { ok: false, reason: 'No options are available' };
	if (options.length <= 8) return { ok: false, reason: `Choose one of: ${options.join(', ')}` };
	return { ok: false, reason: `Choose one of the ${options.length} listed options` };
}

/**
 * Parse what a person typed for one field. Empty text is `null` for an optional field and a
 * reason for a required one. Numbers accept grouping commas (1,234 or 1,23,456), a leading `+`,
 * a unicode minus, and the field's unit typed before or after; they are checked against min/max.
 */
export function parseFieldValue(spec: ColumnSpec, text: string): FieldParse {
	const t = text.trim();
	if (t === '') {
		if (!spec.required) return { ok: true, value: null };
		switch (spec.type) {
			case 'number':
			case 'integer':
				return { ok: false, reason: numberRequest(spec) };
			case 'category':
				return { ok: false, reason: 'Choose an option' };
			case 'boolean':
				return { ok: false, reason: 'Enter yes or no' };
			case 'date':
				return { ok: false, reason: `Enter a date as year-month-day, e.g. ${exampleDate(spec)}` };
			default:
				return { ok: false, reason: 'Enter a value' };
		}
	}
	switch (spec.type) {
		case 'number':
		case 'integer':
			return parseNumber(spec, t);
		case 'category':
			return parseCategory(spec, t);
		case 'boolean': {
			const w = t.toLowerCase();
			if (TRUE_WORDS.has(w)) return { ok: true, value: true };
			if (FALSE_WORDS.has(w)) return { ok: true, value: false };
			return { ok: false, reason: 'Enter yes or no' };
		}
		case 'date':
			return parseDate(spec, t);
		default:
			return { ok: true, value: t };
	}
}

/** The text a field shows for a value (the inverse of parseFieldValue for usable values). */
export function fieldText(spec: ColumnSpec, value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (spec.type === 'boolean') return value === true ? 'true' : 'false';
	return String(value);
}

/**
 * A gentle note when a usable number lies outside what the model saw in training, e.g.
 * "Outside the training range 2.1–9.8: the model is extrapolating". Null when inside or unknown.
 */
export function trainingRangeNote(value: CellValue | undefined, range: InputRange | undefined): string | null {
	if (typeof value !== 'number' || !range || !Number.isFinite(range.min) || !Number.isFinite(range.max)) return null;
	if (value >= range.min && value <= range.max) return null;
	return `Outside the training range ${formatRangeEnd(range.min)}–${formatRangeEnd(range.max)}: the model is extrapolating`;
}
