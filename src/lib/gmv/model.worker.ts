/// <reference lib="webworker" />
/**
 * The GMV model worker: loads the shipped models (fetch, hash check, decoding) and predicts one
 * scenario with its explanation (the forest's tree paths, the network's sampled Shapley values) off
 * the page's main thread. The page talks to it through core/modelWorker's client (predictions.svelte.ts).
 */
import { loadArtifact } from '../core/artifact/load';
import { serveModels } from '../core/modelWorker/host';
import { GMV_TOOL, type GmvForestArtifact, type GmvNetworkArtifact } from './artifacts';
import type { GmvScenario } from './features';
import { gmvModelInfo } from './modelInfo';
import { forestModel, networkModel, type GmvModel } from './predict';

serveModels<GmvModel, GmvScenario, ReturnType<GmvModel['predictOne']>, ReturnType<typeof gmvModelInfo>>(self, {
	async load(modelId, url) {
		const model =
			modelId === 'forest'
				? forestModel(await loadArtifact<GmvForestArtifact>(url, { tool: GMV_TOOL, modelId: 'forest' }))
				: networkModel(await loadArtifact<GmvNetworkArtifact>(url, { tool: GMV_TOOL, modelId: 'network' }));
		return { model, info: gmvModelInfo(model.artifact) };
	},
	predict: (model, scenario) => model.predictOne(scenario)
});
