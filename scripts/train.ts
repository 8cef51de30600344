/**
 * npm run train [-- --data ../shared/data --out model-artifacts --only gmv|gmv-planner|segments|group-buy|sellers|dealers --export-features DIR]
 *
 * Reads the public data sets, builds features with the same src/lib code the browser runs,
 * trains, evaluates on a held-out split that respects time, writes model-artifacts/, and prints a
 * metrics table. Seeded: a second run writes identical files.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { trainGmv } from './train/gmv.ts';
import { trainGmvPlanner } from './train/gmv-planner.ts';
import { trainSegments } from './train/segments.ts';
import { trainGroupBuy } from './train/group-buy.ts';
import { trainSellers } from './train/sellers.ts';
import { trainDealers } from './train/dealers.ts';

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: process.env.STORELENS_DATA ?? '../shared/data' },
		out: { type: 'string', default: 'model-artifacts' },
		only: { type: 'string' },
		'export-features': { type: 'string' }
	}
});

const dataDir = resolve(values.data!);
const outDir = resolve(values.out!);
const tools: Record<string, () => Promise<void>> = {
	gmv: () => trainGmv({ dataDir, outDir, exportFeaturesDir: values['export-features'] }),
	'gmv-planner': () => trainGmvPlanner({ dataDir, outDir }),
	segments: () => trainSegments({ dataDir, outDir }),
	'group-buy': () => trainGroupBuy({ dataDir, outDir, exportFeaturesDir: values['export-features'] }),
	sellers: () => trainSellers({ outDir, exportFeaturesDir: values['export-features'] }),
	dealers: () => trainDealers({ outDir, exportFeaturesDir: values['export-features'] })
};

const started = performance.now();
for (const [name, run] of Object.entries(tools)) {
	if (values.only && values.only !== name) continue;
	console.log(`\n== ${name} ==`);
	await run();
}
console.log(`\ntraining took ${((performance.now() - started) / 1000).toFixed(1)} s`);
