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
import { base64ToBytes } from '../core/base64';
import { decodeFlatForest } from '../core/forest/flat';
import { splitForestPredictor, type BatchPredictor } from '../core/forest/split';
import SplitWorker from '../core/forest/split.worker.ts?worker';
import type { GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { GMV_TOOL } from './artifacts';
import { gmvBatchService } from './batch';
import { forestModel, networkModel, type GmvModel } from './predict';

const threads = typeof Worker === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
const predictors = new WeakMap<GmvModel, BatchPredictor>();

serveCsvJobs(
	gmvBatchService(
		async ({ artifactUrls }) => {
			if (artifactUrls.network)
				return networkModel(await loadArtifact<GmvNetworkArtifact>(artifactUrls.network, { tool: GMV_TOOL, modelId: 'network' }));
			const artifact = await loadArtifact<GmvForestArtifact>(artifactUrls.forest, { tool: GMV_TOOL, modelId: 'forest' });
			const model = forestModel(artifact);
			if (threads > 1) predictors.set(model, splitForestPredictor(decodeFlatForest(base64ToBytes(artifact.forest)), () => new SplitWorker()));
			return model;
		},
		(model) => predictors.get(model)
	)
);
