// Dealer files for the browser tests, generated in the tests by the site's own seeded generator
// (src/lib/dealers/generator.ts), and what the page should show, computed with the same pure code
// its worker runs. Nothing is read from ../shared/data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseNetwork } from '../../src/lib/dealers/analysis';
import type { DealerModelArtifact } from '../../src/lib/dealers/artifacts';
import { originalLayoutCsv, richLayoutCsv, withDefects } from '../../src/lib/dealers/csv';
import { expectedSalesModel } from '../../src/lib/dealers/expected';
import { generateNetwork } from '../../src/lib/dealers/generator';
import { scoreNetwork } from '../../src/lib/dealers/score';
import type { DealerMonths } from '../../src/lib/dealers/table';
import { overview, type Overview } from '../../src/lib/dealers/view';

let cached: DealerModelArtifact | null = null;

/** The dealer model the site ships. */
export function dealersArtifact(): DealerModelArtifact {
	cached ??= JSON.parse(readFileSync(fileURLToPath(new URL('../../model-artifacts/dealers/model.json', import.meta.url)), 'utf8')) as DealerModelArtifact;
	return cached;
}

/** The overview the worker computes for a table with the default selection. */
export function expectedOverview(table: DealerMonths): Overview {
	const a = dealersArtifact();
	const scored = scoreNetwork(table, expectedSalesModel(a.model, a.encoders), { referencePeers: a.peers, serviceRates: a.serviceRates });
	return overview(scored, analyseNetwork(scored, a.interval, {}));
}

let demo: { table: DealerMonths; overview: Overview } | null = null;
/** The demo network the page opens first, and its overview. */
export function demoNetwork(): { table: DealerMonths; overview: Overview } {
	if (!demo) {
		const a = dealersArtifact();
		const table = generateNetwork(a.demo.seed, a.demo.dealers).months;
		demo = { table, overview: expectedOverview(table) };
	}
	return demo;
}

/** A small network in the original layout, with rows given negative counts and funnel-order breaks. */
export function originalFile(dealers: number, negatives: number, funnel: number, seed = 7) {
	const { table, defects } = withDefects(generateNetwork(seed, dealers).months, negatives, funnel, seed);
	return { text: originalLayoutCsv(table), defects, rows: table.n };
}

/** A small network in the generator's richer layout. */
export function richFile(dealers: number, seed = 8) {
	const table = generateNetwork(seed, dealers).months;
	return { text: richLayoutCsv(table), table };
}
