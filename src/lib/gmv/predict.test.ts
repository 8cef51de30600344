import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArtifact } from '../core/artifact/load';
import type { GmvContext, GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { featureNames } from './features';
import { defaultFormValues, scenarioFromForm } from './form';
import { forestModel, networkModel } from './predict';

const read = (name: string) => JSON.parse(readFileSync(`model-artifacts/gmv/${name}`, 'utf8'));

describe('the shipped GMV artifacts', async () => {
	const context = await checkArtifact<GmvContext>(read('context.json'), { tool: 'gmv', modelId: 'context' });
	const forestArtifact = await checkArtifact<GmvForestArtifact>(read('forest.json'), { tool: 'gmv', modelId: 'forest' });
	const forest = forestModel(forestArtifact);
	const network = networkModel(await checkArtifact<GmvNetworkArtifact>(read('network.json'), { tool: 'gmv', modelId: 'network' }));
	const scenario = scenarioFromForm(defaultFormValues(context));

	it('carry the feature schema this code builds', () => {
		for (const m of [forest, network]) expect(m.artifact.features).toEqual(featureNames(m.artifact.encoders));
	});
	it('carry held-out metrics beside a baseline, and provenance', () => {
		for (const m of [forest, network]) {
			expect(m.artifact.metrics.model.n).toBeGreaterThan(100);
			expect(m.artifact.metrics.baselines[0].name).toMatch(/Trailing/);
			expect(m.artifact.provenance.synthetic).toBe(false);
			expect(m.artifact.provenance.trainRows + m.artifact.provenance.testRows).toBe(m.artifact.provenance.rows);
		}
		expect(context.modelRanking).toHaveLength(2);
	});
	it('predict the start week with explanations that add up', () => {
		for (const m of [forest, network]) {
			const p = m.predictOne(scenario);
			expect(p.gmv).toBeGreaterThan(0);
			const e = p.explanation!;
			const sum = e.contributions.reduce((a, c) => a + c.rupees, e.average);
			expect(Math.abs(sum - p.gmv)).toBeLessThan(1e-6 * p.gmv);
			expect(m.predictMany([scenario])[0]).toBeCloseTo(p.gmv, 6);
		}
	});
	it('give a forest range that holds the forest prediction', () => {
		const p = forestModel(forestArtifact).predictOne(scenario);
		expect(p.range![0]).toBeLessThanOrEqual(p.range![1]);
	});
	it('never predict negative GMV, even for inputs far outside training (the network is held at zero)', () => {
		const values = defaultFormValues(context);
		for (const other of [0, 27.1, 40, 500, 5000]) {
			for (const discount of [0, 45, 95]) {
				const s = scenarioFromForm({ ...values, budget_Other: other, discount });
				for (const m of [forest, network]) expect(m.predictOne(s).gmv, `${m.id} other=${other} discount=${discount}`).toBeGreaterThanOrEqual(0);
			}
		}
	});
});
