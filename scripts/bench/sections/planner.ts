/** The `planner` section of `npm run bench`: the GMV budget planner in Node and on a phone at 4x CPU (../gmv-planner.ts). */
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../lib/server.ts';
import { benchGmvPlanner } from '../gmv-planner.ts';
import { projectRoot } from '../options.ts';
import { heading } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

export async function plannerSection({ options, printFigures }: SectionContext, browser: Browser, server: RunningServer): Promise<SectionData> {
	console.log(heading('GMV budget planner: the split and the budget for a target, in Node and on a phone at 4x CPU'));
	const { figures, data } = await benchGmvPlanner(browser, server.url, projectRoot, options.runs);
	printFigures('planner', figures);
	return data;
}
