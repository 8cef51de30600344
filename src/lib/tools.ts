/** The five Storelens tools, for the header menu and the home page. */
export interface ToolEntry {
	/** Folder of the tool's page below the site's home, without slashes: 'gmv'. */
	path: string;
	name: string;
	/** A few words for the header menu. */
	shortName: string;
	summary: string;
	ready: boolean;
}

export const TOOLS: readonly ToolEntry[] = [
	{
		path: 'gmv',
		shortName: 'GMV planner',
		name: 'GMV forecast & budget planner',
		summary: 'Weekly GMV of a product sub-category from price, discount, SLAs, sale days and marketing spend; how to split a marketing budget.',
		ready: true
	},
	{
		path: 'sellers',
		shortName: 'Seller finder',
		name: 'Seller finder',
		summary: 'Which collectors are likely to become active sellers, weighted by how well their collection fills categories in shortage.',
		ready: true
	},
	{
		path: 'segments',
		shortName: 'Customer segments',
		name: 'Customer segments',
		summary: 'Customer clusters from raw invoice lines, and the "Insiders" loyalty group with answers for marketing.',
		ready: true
	},
	{
		path: 'group-buy',
		shortName: 'Group buy',
		name: 'Group-buy recommender',
		summary: 'What a group of shoppers should buy together, and whether a group deal will fill.',
		ready: true
	},
	{
		path: 'dealers',
		shortName: 'Dealer traffic',
		name: 'Dealer traffic effectiveness',
		summary: 'Expected against actual sales of car dealerships from their web-traffic funnel, on four KPI areas.',
		ready: true
	}
];

/**
 * The link to a tool's page relative to the home page's href, with its trailing slash ('gmv/'):
 * pages are folders, and a link without the slash costs a redirect.
 */
export function toolHref(home: string, tool: Pick<ToolEntry, 'path'>): string {
	return `${home}${tool.path}/`;
}

/** Ready tools first (in the listed order), then the planned ones. */
export function toolsByReadiness(tools: readonly ToolEntry[] = TOOLS): { ready: ToolEntry[]; planned: ToolEntry[] } {
	return { ready: tools.filter((t) => t.ready), planned: tools.filter((t) => !t.ready) };
}
