/**
 * The demo network, opened exactly as the worker opens it: regenerated from its seed, scored with
 * the shipped model, analysed with the default selection. Training stores its overview in the
 * artifact (`firstView`), so the page shows the answer from shipped data before the worker has
 * rebuilt the network; a unit test checks the stored overview equals a fresh one. Pure TS, no DOM.
 */
import { analyseNetwork, type NetworkAnalysis, type Selection } from './analysis';
import type { IntervalModel } from './effectiveness';
import { expectedSalesModel, type ExpectedSalesModel, type ExpectedSalesParameters } from './expected';
import type { DealerEncoders } from './features';
import { generateNetwork } from './generator';
import type { PeerReference } from './peers';
import { scoreNetwork, type ScoredNetwork } from './score';
import type { DealerMonths } from './table';
import { overview, type Overview } from './view';

/** The parts of the artifact that open the demo network (the artifact itself fits). */
export interface DemoInputs {
	model: ExpectedSalesParameters;
	encoders: DealerEncoders;
	peers: PeerReference;
	serviceRates: number[][];
	interval: IntervalModel;
	demo: { seed: number; dealers: number };
}

/** What the page shows before the worker is ready. */
export interface DemoFirstView {
	dealers: number;
	rows: number;
	regionNames: string[];
	vendorNames: string[];
	overview: Overview;
}

/** Generate the demo table (the slow part: a few seconds on a phone, so it runs in the worker). */
export function demoTable(a: DemoInputs): DealerMonths {
	return generateNetwork(a.demo.seed, a.demo.dealers).months;
}

/** Score and analyse a table as the worker does. */
export function scoreAndAnalyse(
	a: DemoInputs,
	table: DealerMonths,
	selection: Selection = {},
	opts: { model?: ExpectedSalesModel; onProgress?: (fraction: number) => void; onAnalysing?: () => void } = {}
): { scored: ScoredNetwork; analysis: NetworkAnalysis; scoreMs: number; analyseMs: number } {
	const model = opts.model ?? expectedSalesModel(a.model, a.encoders);
	const t0 = performance.now();
	const scored = scoreNetwork(table, model, { referencePeers: a.peers, serviceRates: a.serviceRates, onProgress: opts.onProgress });
	const t1 = performance.now();
	opts.onAnalysing?.();
	const analysis = analyseNetwork(scored, a.interval, selection);
	return { scored, analysis, scoreMs: t1 - t0, analyseMs: performance.now() - t1 };
}

/** The demo network's first view with the default selection. */
export function demoFirstView(a: DemoInputs): DemoFirstView {
	const table = demoTable(a);
	const { scored, analysis } = scoreAndAnalyse(a, table);
	return { dealers: scored.dealers.count, rows: table.n, regionNames: table.regionNames, vendorNames: table.vendorNames, overview: overview(scored, analysis) };
}
