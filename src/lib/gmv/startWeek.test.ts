import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkArtifact } from '../core/artifact/load';
import type { GmvContext, GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { defaultFormValues } from './form';
import { forestModel, networkModel } from './predict';
import { startPrediction, startPredictions } from './startWeek';

const read = (name: string) => JSON.parse(readFileSync(`model-artifacts/gmv/${name}`, 'utf8'));

describe('the start week’s answers kept in context.json', async () => {
	const context = await checkArtifact<GmvContext>(read('context.json'), { tool: 'gmv', modelId: 'context' });
	const forest = forestModel(await checkArtifact<GmvForestArtifact>(read('forest.json'), { tool: 'gmv', modelId: 'forest' }));
	const network = networkModel(await checkArtifact<GmvNetworkArtifact>(read('network.json'), { tool: 'gmv', modelId: 'network' }));

	it('are what the shipped models answer for the form’s defaults, for every model', () => {
		expect(Object.keys(context.startPredictions ?? {}).sort()).toEqual(['forest', 'network']);
		expect(context.startPredictions).toEqual(startPredictions(context, [forest, network]));
		expect(context.startPredictions?.forest.prediction.usedRecent).toBe(true);
		expect(context.startPredictions?.forest.label).toBe(forest.artifact.label);
	});

	it('are shown only while the form describes exactly the start week', () => {
		const defaults = defaultFormValues(context);
		expect(startPrediction(context, 'forest', { ...defaults })).toBe(context.startPredictions?.forest);
		expect(startPrediction(context, 'network', { ...defaults })?.label).toBe(network.artifact.label);
		for (const key of Object.keys(defaults)) {
			const changed = typeof defaults[key] === 'number' ? (defaults[key] as number) + 1 : `${String(defaults[key])}x`;
			expect(startPrediction(context, 'forest', { ...defaults, [key]: changed }), key).toBeNull();
		}
		expect(startPrediction(context, 'forest', { ...defaults, extra: 1 })).toBeNull();
		expect(startPrediction(context, 'planner', { ...defaults })).toBeNull();
	});
});
