/**
 * The activity log as columns: one entry per event (user, day, kind, category, amount), user ids and
 * category names interned once. Built by the CSV reader (reader.ts) and by the generator alike, so
 * training and the browser compute features from the same structure. About 19 bytes an event.
 * Pure, no DOM.
 */
import { dayOf } from './calendar';
import { EVENT_KINDS } from './events';

/** The category of an event that has none. */
export const NO_CATEGORY = 0xffff;

/** Days outside [1990-01-01, 2100-01-01) are refused as typos. */
export const FIRST_DAY = dayOf(1990, 1, 1);
export const END_DAY = dayOf(2100, 1, 1);

export interface EventLog {
	/** Events held. */
	n: number;
	user: Uint32Array;
	day: Int32Array;
	kind: Uint8Array;
	/** Index into `categories`, or NO_CATEGORY. */
	category: Uint16Array;
	/** Money amount (orders, sales; 0 when none). */
	amount: Float64Array;
	/** User ids as written, by user index. */
	userIds: string[];
	/** Category names (the first spelling seen), by category index. */
	categories: string[];
	/** Earliest and latest day of any event (NaN when empty). */
	firstDay: number;
	lastDay: number;
}

function grow<T extends Uint32Array | Int32Array | Uint8Array | Uint16Array | Float64Array>(a: T, size: number): T {
	const next = new (a.constructor as new (n: number) => T)(size);
	next.set(a);
	return next;
}

/** A category name as compared: trimmed, lower case, runs of spaces as one. */
export function categoryKey(name: string): string {
	return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export class EventLogBuilder {
	private capacity: number;
	n = 0;
	private user: Uint32Array;
	private day: Int32Array;
	private kind: Uint8Array;
	private category: Uint16Array;
	private amount: Float64Array;
	private readonly userIndex = new Map<string, number>();
	readonly userIds: string[] = [];
	private readonly categoryIndex = new Map<string, number>();
	readonly categories: string[] = [];
	private firstDay = Infinity;
	private lastDay = -Infinity;

	/**
	 * @param expected events expected (sizes the columns once; they grow as needed)
	 * @param maxCategories distinct categories accepted; `internCategory` answers -1 past that
	 */
	constructor(
		expected = 1024,
		readonly maxCategories = 500
	) {
		this.capacity = Math.max(16, Math.ceil(expected));
		this.user = new Uint32Array(this.capacity);
		this.day = new Int32Array(this.capacity);
		this.kind = new Uint8Array(this.capacity);
		this.category = new Uint16Array(this.capacity);
		this.amount = new Float64Array(this.capacity);
	}

	/** The index of a user id (as written, trimmed by the caller), adding it when new. */
	internUser(id: string): number {
		let i = this.userIndex.get(id);
		if (i === undefined) {
			i = this.userIds.length;
			this.userIndex.set(id, i);
			this.userIds.push(id);
		}
		return i;
	}

	/** The index of a category (compared by `categoryKey`), adding it when new; -1 past `maxCategories`. */
	internCategory(name: string): number {
		let i = this.categoryIndex.get(name);
		if (i !== undefined) return i;
		const key = categoryKey(name);
		i = this.categoryIndex.get(key);
		if (i === undefined) {
			if (this.categories.length >= this.maxCategories) return -1;
			i = this.categories.length;
			this.categories.push(name.trim().replace(/\s+/g, ' '));
			this.categoryIndex.set(key, i);
		}
		// Remember this exact spelling too, so the next one is a single lookup.
		if (this.categoryIndex.size < 4 * this.maxCategories) this.categoryIndex.set(name, i);
		return i;
	}

	/** Append one event (indexes from `internUser` / `internCategory`; category NO_CATEGORY when none). */
	add(user: number, day: number, kind: number, category: number, amount: number): void {
		if (this.n === this.capacity) {
			this.capacity *= 2;
			this.user = grow(this.user, this.capacity);
			this.day = grow(this.day, this.capacity);
			this.kind = grow(this.kind, this.capacity);
			this.category = grow(this.category, this.capacity);
			this.amount = grow(this.amount, this.capacity);
		}
		const i = this.n++;
		this.user[i] = user;
		this.day[i] = day;
		this.kind[i] = kind;
		this.category[i] = category;
		this.amount[i] = amount;
		if (day < this.firstDay) this.firstDay = day;
		if (day > this.lastDay) this.lastDay = day;
	}

	/** The log so far (columns trimmed to length; the builder should not be used afterwards). */
	finish(): EventLog {
		const n = this.n;
		return {
			n,
			user: this.user.slice(0, n),
			day: this.day.slice(0, n),
			kind: this.kind.slice(0, n),
			category: this.category.slice(0, n),
			amount: this.amount.slice(0, n),
			userIds: this.userIds,
			categories: this.categories,
			firstDay: n ? this.firstDay : NaN,
			lastDay: n ? this.lastDay : NaN
		};
	}
}

/** Every user's events, by day: user u's events are `order[offsets[u] .. offsets[u + 1])`. */
export interface UserIndex {
	offsets: Uint32Array;
	order: Uint32Array;
}

/**
 * Group the events by user, each user's events in day order (ties keep file order): two stable
 * counting sorts, by day then by user. O(events + days spanned).
 */
export function indexByUser(log: EventLog): UserIndex {
	const { n, user, day } = log;
	const nUsers = log.userIds.length;
	const byDay = new Uint32Array(n);
	if (n > 0) {
		const span = log.lastDay - log.firstDay + 1;
		const counts = new Uint32Array(span + 1);
		for (let i = 0; i < n; i++) counts[day[i] - log.firstDay + 1]++;
		for (let d = 1; d <= span; d++) counts[d] += counts[d - 1];
		for (let i = 0; i < n; i++) byDay[counts[day[i] - log.firstDay]++] = i;
	}
	const offsets = new Uint32Array(nUsers + 1);
	for (let i = 0; i < n; i++) offsets[user[i] + 1]++;
	for (let u = 0; u < nUsers; u++) offsets[u + 1] += offsets[u];
	const next = offsets.slice(0, nUsers);
	const order = new Uint32Array(n);
	for (let j = 0; j < n; j++) {
		const i = byDay[j];
		order[next[user[i]]++] = i;
	}
	return { offsets, order };
}

/** Events of each kind in the log. */
export function countKinds(log: EventLog): number[] {
	const counts = new Array<number>(EVENT_KINDS).fill(0);
	for (let i = 0; i < log.n; i++) counts[log.kind[i]]++;
	return counts;
}
