/// <reference lib="webworker" />
/**
 * The GMV batch worker: parses a weekly CSV, validates it against the weekly schema, and scores
 * the good rows with the chosen model (rows far outside its training range are listed, not scored),
 * off the page's main thread.
 */
import { serveCsvJobs } from '../core/csv/workerHost';
import { loadArtifact } from '../core/artifact/load';
import type { GmvForestArtifact, GmvNetworkArtifact } from './artifacts';
import { GMV_TOOL } from './artifacts';
import { batchSummary, farOutsideIssues, scoreWeeklyRows } from './batch';
import { forestModel, networkModel, type GmvModel } from './predict';
import { weeklyRowSchema } from './schema';

serveCsvJobs<GmvModel>({
	schema: weeklyRowSchema,
	async prepare({ artifactUrls }) {
		if (artifactUrls.network)
			return networkModel(await loadArtifact<GmvNetworkArtifact>(artifactUrls.network, { tool: GMV_TOOL, modelId: 'network' }));
		return forestModel(await loadArtifact<GmvForestArtifact>(artifactUrls.forest, { tool: GMV_TOOL, modelId: 'forest' }));
	},
	// Rows with an input far outside the model's training range are not scored, but listed.
	reject: (row, model, rowNumber) => farOutsideIssues(row, model.artifact.inputRanges, rowNumber),
	rejectNote: (n) =>
		`${n.toLocaleString('en')} row${n === 1 ? ' was' : 's were'} not scored: an input lies far outside the range the model was trained on (listed with the problems).`,
	score: (rows, model, rowNumbers) => scoreWeeklyRows(rows, model, rowNumbers),
	summarize: (_input, output) => batchSummary(output)
});
