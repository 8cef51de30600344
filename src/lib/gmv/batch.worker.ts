/// <reference lib="webworker" />
/**
 * The GMV batch worker: parses a weekly CSV, validates it against the weekly schema, and scores
 * the good rows with the chosen model (rows far outside its training range are listed, not scored),
 * off the page's main thread. What the job does is `gmvBatchService` (batch.ts); this file loads
 * the model, and for the forest on a device with more than one core starts a helper thread that
 * ranks the forest while the file is read and walks half of a large file's rows (core/forest/split:
 * the same predictions).
 */
import { serveCsvJobs } from '../core/csv/workerHost';
import { loadArtifact } from '../core/artifact/load';
import { splitForestPredictor, type BatchPredictor } from '../core/forest/split';
import SplitWorker from '../core/forest/split.worker.ts?worker';
import type { GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { GMV_TOOL } from './artifacts';
import { gmvBatchService } from './batch';
import { forestModel, networkModel, type GmvModel } from './predict';

const threads = typeof Worker === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
const predictors = new WeakMap<GmvModel, BatchPredictor>();

function startHelper(): Worker | null {
	try {
		return new SplitWorker();
	} catch {
		return null;
	}
}

serveCsvJobs(
	gmvBatchService(
		async ({ artifactUrls }) => {
			if (artifactUrls.network)
				return networkModel(await loadArtifact<GmvNetworkArtifact>(artifactUrls.network, { tool: GMV_TOOL, modelId: 'network' }));
			// The helper starts now, so it is up by the time the forest is fetched and decoded.
			const helper = threads > 1 ? startHelper() : null;
			try {
				const model = forestModel(await loadArtifact<GmvForestArtifact>(artifactUrls.forest, { tool: GMV_TOOL, modelId: 'forest' }));
				if (helper && model.forest) predictors.set(model, splitForestPredictor(model.forest, () => helper));
				return model;
			} catch (error) {
				helper?.terminate();
				throw error;
			}
		},
		(model) => predictors.get(model)
	)
);
