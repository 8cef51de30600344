/**
 * The `lighthouse` section of `npm run bench`: Lighthouse 12.2.3, mobile form factor with its default
 * (simulated) throttling, on the home page and every ready tool: performance score (target 95 on
 * every page), total blocking time, LCP, CLS, with median and spread over the runs. The runs are in
 * ../lighthouse.ts.
 */
import type { RunningServer } from '../../lib/server.ts';
import { lighthouseAllPages, lighthousePages, type LighthouseRun } from '../lighthouse.ts';
import { atLeast, heading, info, ms, stats, type Figure } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

const TARGET_LIGHTHOUSE_PERFORMANCE = 95;

export async function lighthouseSection({ options, printFigures }: SectionContext, server: RunningServer): Promise<SectionData> {
	const { runs } = options;
	const pages = lighthousePages();
	console.log(heading('Lighthouse 12.2.3, mobile (default simulated throttling: slow 4G, 4x CPU), every page'));
	console.log(`${runs} runs of each page (${pages.map((p) => p.label).join(', ')}), interleaved, after one warm-up run; storage reset before each.`);
	const results = await lighthouseAllPages(server.url, pages, runs, (page, run, i) =>
		console.log(
			`  run ${i + 1} ${page.label}: performance ${run.performance}, TBT ${ms(run.totalBlockingTimeMs)}, LCP ${ms(run.largestContentfulPaintMs)}, ` +
				`CLS ${run.cumulativeLayoutShift.toFixed(3)}${run.runtimeError ? ` (ERROR ${run.runtimeError})` : ''}${run.retriedAfter ? ` (second try; the first failed: ${run.retriedAfter})` : ''}`
		)
	);
	const out: Record<string, unknown> = {};
	const spread = (s: ReturnType<typeof stats>, show: (v: number) => string) => `${show(s.median)} median (${show(s.min)} – ${show(s.max)}, ${s.runs} runs)`;
	const score = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : 'n/a');
	const cls = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');
	for (const [page, list] of results) {
		const of = (f: (r: LighthouseRun) => number) => stats(list.map(f));
		const performance = of((r) => r.performance);
		const figures: Figure[] = [
			atLeast(`${page.label} performance score`, performance.median, TARGET_LIGHTHOUSE_PERFORMANCE, score, spread(performance, score)),
			info('  total blocking time', spread(of((r) => r.totalBlockingTimeMs), ms)),
			info('  largest contentful paint', spread(of((r) => r.largestContentfulPaintMs), ms)),
			info('  cumulative layout shift', spread(of((r) => r.cumulativeLayoutShift), cls)),
			info('  first contentful paint', spread(of((r) => r.firstContentfulPaintMs), ms)),
			info('  speed index', spread(of((r) => r.speedIndexMs), ms)),
			info('  longest main-thread task (unthrottled trace)', spread(of((r) => r.longestTaskMs), ms)),
			info('  accessibility / best practices / SEO', `${score(of((r) => r.accessibility).median)} / ${score(of((r) => r.bestPractices).median)} / ${score(of((r) => r.seo).median)} (medians)`)
		];
		const missed = [...new Set(list.flatMap((r) => r.opportunities))];
		if (missed.length) figures.push(info('  performance audits below 90 in some run', missed.join('; ')));
		console.log(heading(`Lighthouse ${page.label}`));
		printFigures(`lighthouse ${page.label}`, figures);
		out[page.label] = { url: `${server.url}${page.path}`, runs: list, performance };
	}
	return out;
}
