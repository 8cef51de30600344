/**
 * The segments page's bundled model (clusters, profiles and the training data's analysis), checked
 * by the one loader before the page renders: at build time, and again in the browser. A failed
 * check shows the error page with the loader's message.
 */
import { error } from '@sveltejs/kit';
import modelJson from '$artifacts/segments/model.json?raw';
import { nextTask } from '$lib/components/idle';
import { bundledArtifact } from '$lib/core/artifact/load';
import type { SegmentsArtifact } from '$lib/segments/artifact';
import { SEGMENTS_TOOL } from '$lib/segments/model';

export async function load() {
	const model = await bundledArtifact<SegmentsArtifact>(modelJson, { tool: SEGMENTS_TOOL, modelId: 'kmeans', requires: ['centroids', 'space', 'analysis'] }, 'The segments model file (model.json)');
	if (!model.ok) error(500, model.message);
	// The page hydrates in a task of its own, not in this one's parse and hash check.
	await nextTask();
	return { artifact: model.artifact };
}
