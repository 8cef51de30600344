/** The five Storelens tools, for navigation and the home page. */
export interface ToolEntry {
	path: string;
	name: string;
	summary: string;
	ready: boolean;
}

export const TOOLS: readonly ToolEntry[] = [
	{
		path: 'gmv',
		name: 'GMV forecast & budget planner',
		summary: 'Weekly GMV of a product sub-category from price, discount, SLAs, sale days and marketing spend; how to split a marketing budget.',
		ready: true
	},
	{
		path: 'sellers',
		name: 'Seller finder',
		summary: 'Which collectors are likely to become active sellers, weighted by how well their collection fills categories in shortage.',
		ready: false
	},
	{
		path: 'segments',
		name: 'Customer segments',
		summary: 'Customer clusters from raw invoice lines, and the "Insiders" loyalty group with answers for marketing.',
		ready: true
	},
	{
		path: 'group-buy',
		name: 'Group-buy recommender',
		summary: 'What a group of shoppers should buy together, and whether a group deal will fill.',
		ready: true
	},
	{
		path: 'dealers',
		name: 'Dealer traffic effectiveness',
		summary: 'Expected against actual sales of car dealerships from their web-traffic funnel, on four KPI areas.',
		ready: false
	}
];
