/**
 * The GMV page's bundled artifact (calendars, budgets, the start week), checked by the one loader
 * before the page renders: at build time, and again in the browser. A failed check shows the error
 * page with the loader's message; the models are fetched later and checked the same way.
 */
import { error } from '@sveltejs/kit';
import contextJson from '$artifacts/gmv/context.json?raw';
import { nextTask } from '$lib/components/idle';
import { bundledArtifact } from '$lib/core/artifact/load';
import { GMV_TOOL, type GmvContext } from '$lib/gmv/artifacts';

export async function load() {
	const context = await bundledArtifact<GmvContext>(contextJson, { tool: GMV_TOOL, modelId: 'context', requires: ['calendar', 'startWeek', 'modelRanking'] }, 'The GMV tool’s data file (context.json)');
	if (!context.ok) error(500, context.message);
	// The page hydrates in a task of its own, not in this one's parse and hash check.
	await nextTask();
	return { context: context.artifact };
}
