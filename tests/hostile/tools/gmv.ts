// The GMV page's CSV upload, for the hostile suite: the batch job exactly as its worker runs it,
// with the page's default model loaded from model-artifacts/ and the page's summary sentence.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatRupees } from '../../../src/lib/core/rupees';
import type { GmvContext, GmvForestArtifact, GmvNetworkArtifact } from '../../../src/lib/gmv/artifacts';
import { batchSummaryText, gmvBatchService, type BatchSummary } from '../../../src/lib/gmv/batch';
import { forestModel, networkModel } from '../../../src/lib/gmv/predict';
import { generateWeeklyRows } from '../../../src/lib/gmv/sample';
import { csvJobIntake, type ToolIntake } from '../intake';
import type { Table } from '../table';

const artifact = <T>(name: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../model-artifacts/gmv/${name}`, import.meta.url)), 'utf8')) as T;

/** 120 generated weeks (seeded) with a made-up actual GMV, in the weekly layout. */
function gmvTable(): Table {
	const rows = generateWeeklyRows(artifact<GmvContext>('context.json'), 120, 31);
	const header = [...Object.keys(rows[0]), 'gmv'];
	return { header, rows: rows.map((r, i) => [...Object.values(r).map(String), String(2_000_000 + 37_000 * i)]) };
}

export function gmvBatchIntake(): ToolIntake {
	const best = artifact<GmvContext>('context.json').modelRanking[0];
	const service = gmvBatchService(async () =>
		best === 'network' ? networkModel(artifact<GmvNetworkArtifact>('network.json')) : forestModel(artifact<GmvForestArtifact>('forest.json'))
	);
	return csvJobIntake('GMV batch', service, {
		table: gmvTable,
		columns: { number: 'product_mrp', secondNumber: 'gmv', text: 'product_analytic_sub_category', required: 'discount' },
		summaryText: (s) => batchSummaryText(s as BatchSummary),
		cellText: (key, value) => (key.endsWith('gmv') || key === 'error' ? formatRupees(value) : String(value))
	});
}
