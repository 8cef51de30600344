/**
 * The seller finder's first view comes with the page: the demo marketplace's precomputed analysis
 * and what it shows of the model (demo.json), checked by the one loader before the page renders (at
 * build time, and again in the browser). The model itself (model.json, the forests) is not in the
 * page's code: it is fetched and checked when the form, an upload or the model card needs it
 * (sellers/modelFile.ts). A failed check shows the error page.
 */
import { error } from '@sveltejs/kit';
import demoJson from '$artifacts/sellers/demo.json?raw';
import modelUrl from '$artifacts/sellers/model.json?url';
import { nextTask } from '$lib/components/idle';
import { bundledArtifact } from '$lib/core/artifact/load';
import type { SellersDemoArtifact } from '$lib/sellers/analysisJson';
import { SELLERS_TOOL } from '$lib/sellers/model';

export async function load() {
	const demo = await bundledArtifact<SellersDemoArtifact>(demoJson, { tool: SELLERS_TOOL, modelId: 'demo', requires: ['analysis', 'modelHash', 'firstView'] }, 'The demo marketplace file (demo.json)');
	if (!demo.ok) error(500, demo.message);
	// The page hydrates in a task of its own, not in this one's parse and hash check.
	await nextTask();
	return { demo: demo.artifact, modelUrl };
}
