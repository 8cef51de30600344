/**
 * The `page` section of `npm run bench`: bytes transferred before the first prediction shows on /gmv/
 * (raw, gzip -9, on the wire; by type), and the time to that prediction, unthrottled and with a 4x
 * CPU slowdown (CDP). The measuring is in ../page.ts.
 */
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../lib/server.ts';
import { FIRST_VIEW_TARGETS, SETTLE_MS } from '../firstView.ts';
import { measurePageLoad, resourceKinds, type LoadedResource, type PageLoadRun } from '../page.ts';
import { atMost, heading, info, kB, medianMin, ms, stats, table, type Figure } from '../report.ts';
import type { SectionContext, SectionData } from './context.ts';

const TARGET_GZIP_BYTES = 300_000;
const TARGET_PREDICTION_MS = 1000;
const CPU_SLOWDOWN = 4;

interface KindTotals {
	requests: number;
	raw: number;
	gzip: number;
	transferred: number;
}

function totalsByKind(resources: LoadedResource[]): Record<string, KindTotals> {
	const out: Record<string, KindTotals> = {};
	for (const kind of [...resourceKinds, 'total']) out[kind] = { requests: 0, raw: 0, gzip: 0, transferred: 0 };
	for (const r of resources) {
		for (const key of [r.kind, 'total']) {
			out[key].requests++;
			out[key].raw += r.raw ?? 0;
			out[key].gzip += r.gzip ?? 0;
			out[key].transferred += r.transferred;
		}
	}
	return out;
}

function resourceTable(resources: LoadedResource[]): string {
	return table(
		['requested', 'finished', 'type', 'raw', 'gzip -9', 'wire', 'enc', 'path'],
		resources.map((r) => [
			ms(r.startedAt),
			ms(r.finishedAt),
			r.kind,
			r.raw === undefined ? '?' : kB(r.raw),
			r.gzip === undefined ? '?' : kB(r.gzip),
			kB(r.transferred),
			r.failed ? `FAILED ${r.failed}` : r.encoding || '-',
			r.path
		])
	);
}

function kindTable(totals: Record<string, KindTotals>): string {
	return table(
		['type', 'requests', 'raw', 'gzip -9', 'wire (server br/gzip, incl. headers)'],
		Object.entries(totals)
			.filter(([kind, t]) => t.requests > 0 || kind === 'total')
			.map(([kind, t]) => [kind, String(t.requests), kB(t.raw), kB(t.gzip), kB(t.transferred)])
	);
}

interface PageVariant {
	label: string;
	/** Path below the site's home, e.g. 'gmv/' or 'gmv/?model=forest'. */
	path: string;
	/** Whether the targets apply (the default page), or the figures are for comparison only. */
	targeted: boolean;
	throttled: boolean;
}

export async function pageSection({ options, printFigures }: SectionContext, browser: Browser, server: RunningServer): Promise<SectionData> {
	const { runs, runsFor } = options;
	const variants: PageVariant[] = [
		{ label: '/gmv/ (default model)', path: 'gmv/', targeted: true, throttled: true },
		{ label: '/gmv/?model=forest', path: 'gmv/?model=forest', targeted: false, throttled: false }
	];
	const out: Record<string, unknown> = {};
	for (const variant of variants) {
		const url = `${server.url}${variant.path}`;
		console.log(heading(`First prediction: ${variant.label}`));
		// The detailed run doubles as a warm-up (not counted in the timings).
		const detailed = await measurePageLoad(browser, url, { detailed: true, site: server.url });
		const timed: Record<string, PageLoadRun[]> = { unthrottled: [] };
		for (let i = 0; i < runsFor(variant.targeted); i++) timed.unthrottled.push(await measurePageLoad(browser, url, { site: server.url }));
		if (variant.throttled) {
			timed[`cpu${CPU_SLOWDOWN}x`] = [];
			for (let i = 0; i < runs; i++) {
				timed[`cpu${CPU_SLOWDOWN}x`].push(await measurePageLoad(browser, url, { site: server.url, cpuThrottle: CPU_SLOWDOWN, settleMs: SETTLE_MS }));
			}
		}

		const before = totalsByKind(detailed.before);
		console.log(
			`Prediction shown: ${detailed.predictionText} (this warm-up run: in the DOM at ${ms(detailed.predictionMs)}, ` +
				`painted ${ms(detailed.predictionPaintedMs)}, first contentful paint ${ms(detailed.firstContentfulPaintMs ?? NaN)}; not counted below)`
		);
		console.log(`\nLoaded before the first prediction (${detailed.before.length} requests; kB = 1,000 bytes):`);
		console.log(kindTable(before));
		console.log('');
		console.log(resourceTable(detailed.before));
		if (detailed.after.length) {
			console.log(`\nLoaded after the first prediction (scrolling through the page):`);
			console.log(resourceTable(detailed.after));
		} else {
			console.log('\nNothing else loaded after the first prediction (scrolled through the whole page).');
		}
		const errors = [...detailed.consoleErrors, ...Object.values(timed).flat().flatMap((r) => r.consoleErrors)];
		if (errors.length) console.log(`\nConsole errors on the page: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);

		const figures: Figure[] = [];
		const budget = (name: string, value: number) =>
			variant.targeted ? atMost(name, value, TARGET_GZIP_BYTES, kB) : info(name, kB(value));
		figures.push(budget('before prediction, gzip -9 (all types)', before.total.gzip));
		figures.push(budget('before prediction, on the wire', before.total.transferred));
		figures.push(info('before prediction, raw', kB(before.total.raw)));
		for (const kind of resourceKinds) {
			if (before[kind].requests) figures.push(info(`  ${kind}: raw / gzip -9 / wire`, `${kB(before[kind].raw)} / ${kB(before[kind].gzip)} / ${kB(before[kind].transferred)}`));
		}
		const after = totalsByKind(detailed.after);
		figures.push(info('after prediction (on scroll), raw / gzip -9', `${kB(after.total.raw)} / ${kB(after.total.gzip)} (${after.total.requests} requests)`));
		const timings: Record<string, unknown> = {};
		for (const [condition, list] of Object.entries(timed)) {
			const shown = stats(list.map((r) => r.predictionPaintedMs));
			const inDom = stats(list.map((r) => r.predictionMs));
			const fcp = stats(list.map((r) => r.firstContentfulPaintMs ?? NaN));
			const name = `first prediction shown, ${condition === 'unthrottled' ? 'unthrottled' : `${CPU_SLOWDOWN}x CPU slowdown`}`;
			figures.push(
				variant.targeted ? atMost(name, shown.median, TARGET_PREDICTION_MS, ms, medianMin(shown)) : info(name, medianMin(shown))
			);
			figures.push(info(`  in the DOM (before paint)`, medianMin(inDom)));
			if (condition !== 'unthrottled') {
				const settled = stats(list.map((r) => r.longestTaskSettledMs ?? NaN));
				figures.push(atMost(`  longest main-thread task until ${SETTLE_MS / 1000} s after it (hydration included)`, settled.median, FIRST_VIEW_TARGETS.longestTaskMs, ms, medianMin(settled)));
			}
			figures.push(info(`  first contentful paint`, medianMin(fcp)));
			const wire = stats(list.map((r) => r.before.reduce((n, x) => n + x.transferred, 0)));
			timings[condition] = {
				predictionShownMs: shown,
				predictionInDomMs: inDom,
				firstContentfulPaintMs: fcp,
				wireBytesBefore: wire,
				requestsBefore: stats(list.map((r) => r.before.length))
			};
		}
		printFigures(`page ${variant.label}`, figures);
		out[variant.path] = {
			url,
			prediction: detailed.predictionText,
			before: { byType: before, resources: detailed.before },
			after: { byType: after, resources: detailed.after },
			timings,
			consoleErrors: [...new Set(errors)]
		};
	}
	return out;
}
