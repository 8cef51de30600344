/** The `group-buy` section of `npm run bench`: the recommender in Node and /group-buy/'s first list (../group-buy.ts). */
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../lib/server.ts';
import { benchGroupBuy } from '../group-buy.ts';
import { projectRoot } from '../options.ts';
import { heading } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

export async function groupBuySection({ options, printFigures }: SectionContext, browser: Browser, server: RunningServer): Promise<SectionData> {
	console.log(heading('Group-buy recommender (scripts/bench/group-buy.ts)'));
	const { figures, result } = await benchGroupBuy({ browser, siteUrl: server.url, dataDir: options.dataDir, runs: options.runs, projectRoot });
	printFigures('group-buy', figures);
	return result;
}
