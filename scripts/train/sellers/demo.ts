/**
 * The demo marketplace: the seeded sample the page offers for download (static/samples/), and its
 * analysis by the model just trained, stored as an artifact so the first view needs no upload and
 * no parsing. `npm run samples` writes the same CSV from the same parameters.
 */
import { join } from 'node:path';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION } from '../../../src/lib/core/artifact/types.ts';
import { analyseLog } from '../../../src/lib/sellers/analysis.ts';
import { analysisToJson, type SellersDemoArtifact } from '../../../src/lib/sellers/analysisJson.ts';
import { DEMO_MARKET, DEMO_SAMPLE_PATH, demoLog } from '../../../src/lib/sellers/demo.ts';
import { readForestPart, SELLERS_TOOL, type SellersModelArtifact } from '../../../src/lib/sellers/model.ts';
import { writeArtifact } from '../io.ts';

export async function writeDemo(outDir: string, model: SellersModelArtifact): Promise<void> {
	const { log, truth } = demoLog();
	const analysis = analyseLog(log, readForestPart(model), model.inputRanges);
	const artifact: SellersDemoArtifact = {
		format: ARTIFACT_FORMAT,
		formatVersion: ARTIFACT_FORMAT_VERSION,
		tool: SELLERS_TOOL,
		modelId: 'demo',
		version: model.version,
		contentHash: '',
		modelHash: model.contentHash,
		sample: { path: DEMO_SAMPLE_PATH, seed: DEMO_MARKET.seed, months: DEMO_MARKET.months, users: truth.users, events: log.n },
		analysis: analysisToJson(analysis),
		firstView: { featureLabels: model.featureLabels, coverage: model.coverage }
	};
	await writeArtifact(join(outDir, SELLERS_TOOL, 'demo.json'), artifact);
	console.log(`demo marketplace: ${truth.users} users, ${log.n} events, ${analysis.candidates.ids.length} candidates as of the last full month`);
}
