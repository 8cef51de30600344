/**
 * The group-buy section of `npm run bench` (`--only group-buy`):
 * - Node: recommendations for every member of the Groceries log (read with the page's own file
 *   reader), and a group of 30 members' top 10 under all three aggregations, each timed over runs
 *   (median and min); the artifacts' sizes (raw, gzip -9).
 * - Chromium: /group-buy/ opened fresh, bytes before the first list (gzip -9 of the bodies), the
 *   time to the first list painted, unthrottled and at a 4x CPU slowdown, the longest task (firstView.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ShopperArtifact } from '../../src/lib/group-buy/artifact.ts';
import { recommendAll } from '../../src/lib/group-buy/batch.ts';
import { groupView, memberChances } from '../../src/lib/group-buy/groupView.ts';
import { shopperModel } from '../../src/lib/group-buy/model.ts';
import { sampleMembers } from '../../src/lib/group-buy/sample.ts';
import { readGroupFile } from '../../src/lib/group-buy/upload.ts';
import { benchFirstView } from './firstView.ts';
import { atMost, info, kB, medianMin, ms, stats, type Figure } from './report.ts';
import { fileSizes } from './segments-page.ts';

const TARGET_ALL_MEMBERS_MS = 1000;
const TARGET_GROUP_MS = 10;
/** The first item of the first list (GroupList marks it). */
const FIRST_ITEM = '[data-bench="first-answer"]';

function timeRuns(runs: number, work: () => void): ReturnType<typeof stats> {
	work(); // warm-up
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		work();
		out.push(performance.now() - t);
	}
	return stats(out);
}

export async function benchGroupBuy(opts: { browser: Browser | null; siteUrl: string | null; dataDir: string; runs: number; projectRoot: string }): Promise<{ figures: Figure[]; result: Record<string, unknown> }> {
	const figures: Figure[] = [];
	const result: Record<string, unknown> = {};
	const artifactDir = join(opts.projectRoot, 'model-artifacts', 'group-buy');
	const shopper = JSON.parse(readFileSync(join(artifactDir, 'shopper.json'), 'utf8')) as ShopperArtifact;
	const model = shopperModel(shopper);

	// Every member of the Groceries log.
	const logPath = resolve(opts.dataDir, 'groceries', 'groceries.csv');
	if (existsSync(logPath)) {
		const t = performance.now();
		const read = readGroupFile(readFileSync(logPath, 'utf8'), 'groceries.csv', shopper.items);
		const readMs = performance.now() - t;
		if (!read.ok) throw new Error(read.message);
		const members = read.read.members;
		const all = timeRuns(Math.max(3, opts.runs), () => void recommendAll(model, shopper, members));
		figures.push(info('Groceries log read and grouped into baskets (page reader, once)', `${ms(readMs)} (${read.read.goodLines.toLocaleString('en-US')} lines)`));
		figures.push(atMost(`top 10 for every member (${members.length.toLocaleString('en-US')})`, all.median, TARGET_ALL_MEMBERS_MS, ms, medianMin(all)));
		result.allMembers = { members: members.length, readMs, recommendMs: all };
	} else figures.push(info('every member of the Groceries log', `skipped: ${logPath} not found`));

	// A group of 30: chances, the three aggregations and the list with its who and chat texts.
	const group = sampleMembers(shopper.basketCounts, 30, 2026).map((m) => ({ name: m.name, items: m.usual }));
	const groupRuns = timeRuns(Math.max(20, opts.runs * 10), () => void groupView(shopper, group, memberChances(model, shopper, group), shopper.groups.default, 3));
	figures.push(atMost('a group of 30: top 10 (all three methods)', groupRuns.median, TARGET_GROUP_MS, ms, medianMin(groupRuns)));
	result.group30Ms = groupRuns;

	for (const name of ['shopper.json', 'deal.json']) {
		const s = fileSizes(join(artifactDir, name));
		figures.push(info(`artifact ${name}: raw / gzip -9`, `${kB(s.raw)} / ${kB(s.gzip)}`));
		result[name] = s;
	}

	if (opts.browser && opts.siteUrl) {
		const firstList = await benchFirstView({ browser: opts.browser, siteUrl: opts.siteUrl, path: 'group-buy/', answerSelector: FIRST_ITEM, answerName: 'first list', runs: opts.runs });
		figures.push(...firstList.figures);
		result.firstList = firstList.data;
	}
	return { figures, result };
}
