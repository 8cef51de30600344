/**
 * The per-user layout: one row per user with the original 12 monthly counts already made (as the
 * original project's notebook produced them), and optionally the user's recent collection adds by
 * category (`Funko Pop:5|Amiibo:2`). Ranked with the 12-feature model. Pure, no DOM.
 */
import { notANumberReason, parseNumber, quoted } from '../core/csv/validate';
import { categoryKey } from './log';
import { ORIGINAL_FEATURES } from './features';
import { userRowSchema } from './schema';

export interface UserRows {
	ids: string[];
	/** The 12 original features, row-major, in ORIGINAL_FEATURES order. */
	X: Float64Array;
	names: readonly string[];
	/** Whether the file had the recent-categories column. */
	hasRecent: boolean;
	categories: string[];
	recentOffsets: Uint32Array;
	recentCategory: Uint16Array;
	recentCount: Uint32Array;
}

const MAX_CATEGORIES = 500;

export function createUserRowsBuilder(mapping: readonly (string | null)[], recentColumn: number, decimalComma: boolean) {
	const width = ORIGINAL_FEATURES.length;
	const columnOf = ORIGINAL_FEATURES.map((key) => mapping.indexOf(key));
	const labels = ORIGINAL_FEATURES.map((key) => userRowSchema.columns.find((c) => c.key === key)!.label);
	const idColumn = mapping.indexOf('user_id');
	const seen = new Map<string, number>();
	const ids: string[] = [];
	const X: number[] = [];
	const categories: string[] = [];
	const categoryIndex = new Map<string, number>();
	const recentOffsets: number[] = [0];
	const recentCategory: number[] = [];
	const recentCount: number[] = [];
	const row = new Float64Array(width);

	/** Parse `Funko Pop:5|Amiibo:2` into (category, count) pairs, or a reason it cannot be. */
	function recentOf(text: string): [number, number][] | string {
		const pairs = new Map<number, number>();
		for (const piece of text.split('|')) {
			if (piece.trim() === '') continue;
			const colon = piece.lastIndexOf(':');
			const name = colon > 0 ? piece.slice(0, colon).trim() : '';
			const count = colon > 0 ? Number(piece.slice(colon + 1).trim()) : NaN;
			if (name === '' || !Number.isInteger(count) || count < 0) return `${quoted(piece.trim())} is not category:count`;
			const key = categoryKey(name);
			let c = categoryIndex.get(key);
			if (c === undefined) {
				if (categories.length >= MAX_CATEGORIES) return `more than ${MAX_CATEGORIES} different categories`;
				c = categories.length;
				categoryIndex.set(key, c);
				categories.push(name.replace(/\s+/g, ' '));
			}
			pairs.set(c, (pairs.get(c) ?? 0) + count);
		}
		return [...pairs].sort((a, b) => a[0] - b[0]);
	}

	return {
		/** Add one record; false (after reporting why) when it is skipped. */
		addRow(fields: readonly string[], rowNumber: number, issue: (column: string | null, reason: string) => void): boolean {
			const field = (i: number) => (i >= 0 && i < fields.length ? fields[i] : '');
			const id = field(idColumn).trim();
			if (id === '') return issue('User id', 'is empty'), false;
			const earlier = seen.get(id);
			if (earlier !== undefined) return issue('User id', `${quoted(id)} already appeared in row ${earlier}; a user takes one row`), false;
			for (let j = 0; j < width; j++) {
				const text = field(columnOf[j]).trim();
				const v = text === '' ? NaN : parseNumber(text, decimalComma);
				if (!Number.isFinite(v)) return issue(labels[j], text === '' ? 'is empty' : notANumberReason(text, decimalComma)), false;
				if (v < 0) return issue(labels[j], `${quoted(text)} is negative`), false;
				if (!ORIGINAL_FEATURES[j].startsWith('order_amount') && !Number.isInteger(v)) return issue(labels[j], `${quoted(text)} is not a whole number of events`), false;
				row[j] = v;
			}
			let recent: [number, number][] = [];
			if (recentColumn >= 0 && recentColumn < fields.length) {
				const parsed = recentOf(fields[recentColumn]);
				if (typeof parsed === 'string') return issue('Recent categories', parsed), false;
				recent = parsed;
			}
			seen.set(id, rowNumber);
			ids.push(id);
			for (let j = 0; j < width; j++) X.push(row[j]);
			for (const [c, n] of recent) {
				recentCategory.push(c);
				recentCount.push(n);
			}
			recentOffsets.push(recentCategory.length);
			return true;
		},
		finish(): UserRows {
			return {
				ids,
				X: Float64Array.from(X),
				names: ORIGINAL_FEATURES,
				hasRecent: recentColumn >= 0,
				categories,
				recentOffsets: Uint32Array.from(recentOffsets),
				recentCategory: Uint16Array.from(recentCategory),
				recentCount: Uint32Array.from(recentCount)
			};
		}
	};
}
