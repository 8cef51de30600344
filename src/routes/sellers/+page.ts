/**
 * The seller finder's bundled artifacts, checked by the one loader before the page renders (at
 * build time, and again in the browser): the model (forests, calibration, card) and the demo
 * marketplace's precomputed analysis (the first view). A failed check shows the error page.
 */
import { error } from '@sveltejs/kit';
import demoJson from '$artifacts/sellers/demo.json?raw';
import modelJson from '$artifacts/sellers/model.json?raw';
import { bundledArtifact } from '$lib/core/artifact/load';
import type { SellersDemoArtifact } from '$lib/sellers/analysisJson';
import { SELLERS_TOOL, type SellersModelArtifact } from '$lib/sellers/model';

export async function load() {
	const [model, demo] = await Promise.all([
		bundledArtifact<SellersModelArtifact>(modelJson, { tool: SELLERS_TOOL, modelId: 'model', requires: ['forest', 'calibration', 'perUser', 'coverage'] }, 'The seller model file (model.json)'),
		bundledArtifact<SellersDemoArtifact>(demoJson, { tool: SELLERS_TOOL, modelId: 'demo', requires: ['analysis', 'modelHash'] }, 'The demo marketplace file (demo.json)')
	]);
	if (!model.ok) error(500, model.message);
	if (!demo.ok) error(500, demo.message);
	if (demo.artifact.modelHash !== model.artifact.contentHash) error(500, 'The demo marketplace was ranked by another version of the model: run npm run train -- --only sellers.');
	return { artifact: model.artifact, demo: demo.artifact };
}
