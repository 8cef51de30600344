/**
 * Short texts a group leader can paste into the group chat: one per recommended item, and one for
 * the whole list. Plain text, no links, nothing the leader did not see on the page.
 */
import type { GroupItem } from './group';

function names(list: string[]): string {
	if (list.length <= 1) return list.join('');
	return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "about 3 of us", or "maybe 1 of us" when fewer than one is expected. */
export function buyersPhrase(expected: number): string {
	return expected < 1 ? 'maybe 1 of us' : `about ${Math.round(expected)} of us`;
}

/** The text for one item: what it is, how many are likely to buy, who said they usually buy it, how to join. */
export function itemChatText(itemName: string, g: Pick<GroupItem, 'expectedBuyers'>, memberCount: number, tickedBy: string[], dealSize?: number): string {
	const parts = [`Group buy: ${itemName}.`, `Likely buyers: ${buyersPhrase(g.expectedBuyers)} (${memberCount} in the group).`];
	if (tickedBy.length) parts.push(`${names(tickedBy)} usually ${tickedBy.length === 1 ? 'buys' : 'buy'} it.`);
	parts.push(dealSize ? `The deal goes ahead with ${dealSize} people: reply "${itemName}" to join.` : `Reply "${itemName}" to join.`);
	return parts.join(' ');
}

/** The text for the whole list, numbered. */
export function listChatText(items: { name: string; expectedBuyers: number }[], memberCount: number): string {
	const lines = items.map((x, i) => `${i + 1}. ${x.name} (${buyersPhrase(x.expectedBuyers)})`);
	return [`This week's group buy for our ${memberCount} members:`, ...lines, 'Reply with the numbers you want.'].join('\n');
}
