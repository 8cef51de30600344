/**
 * What the page shows for a group, computed from the members' ticked items: every member's chance
 * of buying each item, the list under each aggregation, and for each listed item who is likely to
 * buy it, whether enough members will to fill a deal of a given size, and the chat text. Pure TS,
 * no DOM: the page, the bench and the tests run it.
 */
import type { ShopperArtifact } from './artifact';
import { itemChatText } from './chat';
import { AGGREGATIONS, chanceAtLeast, groupList, type Aggregation } from './group';
import { buyingChances } from './model';
import type { ShopperModel } from './shopper';
import { itemCounts, type MemberBaskets } from './baskets';
import { MAX_NAME, type GroupMember } from './url';

export const LIST_LENGTH = 10;
/** How many of the likeliest buyers each listed item names. */
export const LIKELIEST = 3;

export interface ListedItem {
	item: number;
	name: string;
	aisle: string;
	expectedBuyers: number;
	/** The LIKELIEST members to buy it, highest chance first. */
	likeliest: { name: string; chance: number }[];
	/** Members who ticked the item. */
	tickedBy: string[];
	/** P(at least dealSize members buy it), members independent. */
	fillsDeal: number;
	chat: string;
}

export interface GroupView {
	method: Aggregation;
	items: ListedItem[];
	/** Item names of every aggregation's list, for the side-by-side comparison. */
	byMethod: Record<Aggregation, number[]>;
}

/** Counts of one member's ticked items (a tick counts as one purchase). */
export function tickCounts(member: GroupMember, nItems: number): Float64Array {
	const counts = new Float64Array(nItems);
	for (const i of member.items) if (i >= 0 && i < nItems) counts[i] = 1;
	return counts;
}

export function memberChances(model: ShopperModel, a: Pick<ShopperArtifact, 'chance'>, members: readonly GroupMember[]): Float64Array[] {
	return members.map((m) => buyingChances(model, a, tickCounts(m, model.nItems)));
}

export function groupView(
	a: Pick<ShopperArtifact, 'items' | 'aisles'>,
	members: readonly GroupMember[],
	chances: readonly Float64Array[],
	method: Aggregation,
	dealSize: number,
	k = LIST_LENGTH
): GroupView {
	const byMethod = Object.fromEntries(AGGREGATIONS.map((m) => [m, groupList(chances, m, k).map((g) => g.item)])) as Record<Aggregation, number[]>;
	const items = groupList(chances, method, k).map((g): ListedItem => {
		const tickedBy = members.filter((m) => m.items.includes(g.item)).map((m) => m.name);
		const name = a.items[g.item];
		return {
			item: g.item,
			name,
			aisle: a.aisles[g.item],
			expectedBuyers: g.expectedBuyers,
			likeliest: g.members.slice(0, LIKELIEST).map((x) => ({ name: members[x.member].name, chance: x.chance })),
			tickedBy,
			fillsDeal: chanceAtLeast(g.members.map((x) => x.chance), dealSize),
			chat: itemChatText(name, g, members.length, tickedBy, dealSize)
		};
	});
	return { method, items, byMethod };
}

/** The most ticks a member from a file gets. */
export const MAX_USUAL = 12;

/**
 * What a member from a purchase log would tick: the items in two or more of their baskets (the
 * demo generator's rule), or every item they bought when nothing repeats; most-bought first, at
 * most MAX_USUAL, returned ascending.
 */
export function usualItems(m: MemberBaskets, nItems: number): number[] {
	const counts = itemCounts(m.baskets, nItems);
	const bought = Array.from(counts.keys()).filter((i) => counts[i] > 0);
	const repeated = bought.filter((i) => counts[i] >= 2);
	const pool = repeated.length ? repeated : bought;
	return pool
		.sort((a, b) => counts[b] - counts[a] || a - b)
		.slice(0, MAX_USUAL)
		.sort((a, b) => a - b);
}

/** Members named in a group file, as the page's group: found in the log, or listed as missing. */
export function groupFromLog(names: readonly string[], log: readonly MemberBaskets[], nItems: number): { members: GroupMember[]; missing: string[] } {
	const byName = new Map(log.map((m) => [m.member, m]));
	const members: GroupMember[] = [];
	const missing: string[] = [];
	for (const name of names) {
		const m = byName.get(name);
		if (m) members.push({ name: name.slice(0, MAX_NAME), items: usualItems(m, nItems) });
		else missing.push(name);
	}
	return { members, missing };
}
