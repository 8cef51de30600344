/** The `dealers` section of `npm run bench`: 60,000 dealer-months scored, the first view, the artifact (../dealers.ts). */
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../lib/server.ts';
import { benchDealers } from '../dealers.ts';
import { projectRoot } from '../options.ts';
import { heading } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

export async function dealersSection({ options, printFigures }: SectionContext, browser: Browser, server: RunningServer): Promise<SectionData> {
	console.log(heading('Dealers: 60,000 dealer-months to scores, the first view, the artifact'));
	const { figures, data } = await benchDealers(browser, server.url, projectRoot, options.runs);
	printFigures('dealers', figures);
	return data;
}
