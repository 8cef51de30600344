import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArtifact } from '../../src/lib/core/artifact/load.ts';
import { DEALERS_TOOL, type DealerModelArtifact } from '../../src/lib/dealers/artifacts.ts';
import { expectedSalesModel } from '../../src/lib/dealers/expected.ts';
import { featureMatrix } from '../../src/lib/dealers/features.ts';
import { generateNetwork } from '../../src/lib/dealers/generator.ts';
import { trainDealers, type TrainingScale } from './dealers.ts';

/** A small run: 240 dealers, a GLM and a tiny network for a couple of epochs, a 3-tree forest. */
const SMALL: TrainingScale = {
	dealers: 240,
	networks: [
		{ hidden: [], checkpoints: [2], batchSize: 256, learningRate: 0.02, l2: 0, seed: 3 },
		{ hidden: [8], checkpoints: [1, 2], batchSize: 256, learningRate: 0.01, l2: 1e-5, seed: 1 }
	],
	forest: { trees: 3, samplesPerTree: 150, maxDepth: 5, minNumSamples: 20, seed: 2 }
};

const dirs: string[] = [];
async function trainInto(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'dealers-train-'));
	dirs.push(dir);
	await trainDealers({ outDir: dir, scale: SMALL });
	return readFileSync(join(dir, 'dealers', 'model.json'), 'utf8');
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('training the dealer model', () => {
	it('writes the same bytes twice, an artifact that passes the loader and predicts', { timeout: 600_000 }, async () => {
		const first = await trainInto();
		const second = await trainInto();
		expect(second).toBe(first);
		const artifact = await checkArtifact<DealerModelArtifact>(JSON.parse(first), { tool: DEALERS_TOOL, modelId: 'expected-sales' });
		expect(artifact.provenance.synthetic).toBe(true);
		expect(artifact.candidates.filter((c) => c.chosen)).toHaveLength(1);
		expect(artifact.metrics.baselines.map((b) => b.name)).toEqual(['Leads x national close rate', 'Leads x region-month close rate']);
		expect(artifact.interval.coverage.map((c) => c.on)).toEqual(['test dealers', 'test dealers, Oct-Dec', 'test dealers, Dec', 'demo network']);
		const t = generateNetwork(1, 5).months;
		const model = expectedSalesModel(artifact.model, artifact.encoders);
		const expected = model.predict(featureMatrix(t, artifact.encoders), t.n);
		for (const v of expected) expect(v).toBeGreaterThan(0);
	});
});
