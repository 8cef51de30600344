import { describe, expect, it } from 'vitest';
import { buyersPhrase, itemChatText, listChatText } from './chat';

describe('chat texts', () => {
	it('rounds the expected buyers, and says "maybe 1" below one', () => {
		expect(buyersPhrase(2.6)).toBe('about 3 of us');
		expect(buyersPhrase(0.4)).toBe('maybe 1 of us');
	});

	it('names who ticked the item and how to join', () => {
		expect(itemChatText('whole milk', { expectedBuyers: 2.2 }, 8, ['Asha', 'Ravi', 'Meena'], 5)).toBe(
			'Group buy: whole milk. Likely buyers: about 2 of us (8 in the group). Asha, Ravi and Meena usually buy it. The deal goes ahead with 5 people: reply "whole milk" to join.'
		);
		expect(itemChatText('soda', { expectedBuyers: 0.3 }, 3, ['Imran'])).toBe('Group buy: soda. Likely buyers: maybe 1 of us (3 in the group). Imran usually buys it. Reply "soda" to join.');
	});

	it('numbers the whole list', () => {
		expect(listChatText([{ name: 'whole milk', expectedBuyers: 2 }, { name: 'soda', expectedBuyers: 0.5 }], 8)).toBe(
			"This week's group buy for our 8 members:\n1. whole milk (about 2 of us)\n2. soda (maybe 1 of us)\nReply with the numbers you want."
		);
	});
});
