/**
 * The dealer page's bundled model (expected sales, the effectiveness interval, peers by size and
 * the demo network's first view), checked by the one loader before the page renders: at build time,
 * and again in the browser. A failed check shows the error page with the loader's message.
 */
import { error } from '@sveltejs/kit';
import modelJson from '$artifacts/dealers/model.json?raw';
import { nextTask } from '$lib/components/idle';
import { bundledArtifact } from '$lib/core/artifact/load';
import { DEALERS_TOOL, type DealerModelArtifact } from '$lib/dealers/artifacts';

export async function load() {
	const model = await bundledArtifact<DealerModelArtifact>(modelJson, { tool: DEALERS_TOOL, modelId: 'expected-sales', requires: ['model', 'encoders', 'interval', 'peers', 'serviceRates', 'firstView'] }, 'The dealer model file (model.json)');
	if (!model.ok) error(500, model.message);
	// The page hydrates in a task of its own, not in this one's parse and hash check.
	await nextTask();
	return { artifact: model.artifact };
}
