/**
 * The seller model file (model.json, the forests), fetched when a part of the page needs it (the
 * collector form, an upload, the model card) rather than carried in the page's code: the first view
 * needs only the demo artifact. Fetched once per page, checked by the one loader (format, fields,
 * content hash), and it must be the model that ranked the demo, or the page would show two models'
 * answers side by side. A failed fetch is tried again on the next call (back online).
 */
import { ArtifactError, loadArtifact } from '../core/artifact/load';
import type { SellersJobModel } from './job';
import { SELLERS_TOOL, type ForestPart, type SellersModelArtifact } from './model';

export type SellersModelLoader = () => Promise<SellersModelArtifact>;

export function sellersModelLoader(url: string, demoModelHash: string, fetcher: typeof fetch = (...args) => fetch(...args)): SellersModelLoader {
	let pending: Promise<SellersModelArtifact> | null = null;
	const load = async () => {
		const model = await loadArtifact<SellersModelArtifact>(url, { tool: SELLERS_TOOL, modelId: 'model', requires: ['forest', 'calibration', 'perUser', 'coverage'] }, fetcher);
		if (model.contentHash !== demoModelHash)
			throw new ArtifactError('The seller model file is another version than the one that ranked the demo marketplace: reload the page (or run npm run train -- --only sellers).');
		return model;
	};
	return () => {
		pending ??= load().catch((error: unknown) => {
			pending = null;
			throw error;
		});
		return pending;
	};
}

/** What the scoring worker needs of the model: both forests and the training ranges. */
export function jobModelOf(model: SellersModelArtifact): SellersJobModel {
	const part = (p: ForestPart) => ({ features: p.features, forest: p.forest, calibration: p.calibration, countSpread: p.countSpread });
	return { main: part(model), perUser: part(model.perUser), inputRanges: model.inputRanges };
}
