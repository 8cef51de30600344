/// <reference lib="webworker" />
/**
 * The GMV batch worker: parses a weekly CSV, validates it against the weekly schema, and scores
 * the good rows with the chosen model (rows far outside its training range are listed, not scored),
 * off the page's main thread. What the job does is `gmvBatchService` (batch.ts); this file loads
 * the model.
 */
import { serveCsvJobs } from '../core/csv/workerHost';
import { loadArtifact } from '../core/artifact/load';
import type { GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { GMV_TOOL } from './artifacts';
import { gmvBatchService } from './batch';
import { forestModel, networkModel } from './predict';

serveCsvJobs(
	gmvBatchService(async ({ artifactUrls }) => {
		if (artifactUrls.network)
			return networkModel(await loadArtifact<GmvNetworkArtifact>(artifactUrls.network, { tool: GMV_TOOL, modelId: 'network' }));
		return forestModel(await loadArtifact<GmvForestArtifact>(artifactUrls.forest, { tool: GMV_TOOL, modelId: 'forest' }));
	})
);
