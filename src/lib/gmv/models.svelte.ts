/** The GMV page's models, fetched on demand and checked against their content hashes. */
import { loadArtifact } from '../core/artifact/load';
import { GMV_TOOL, type GmvForestArtifact, type GmvNetworkArtifact } from './artifacts';
import { forestModel, networkModel, type GmvModel } from './predict';

export type GmvModelId = 'forest' | 'network';

export class GmvModels {
	loaded = $state.raw<Partial<Record<GmvModelId, GmvModel>>>({});
	loading = $state<Partial<Record<GmvModelId, boolean>>>({});
	errors = $state<Partial<Record<GmvModelId, string>>>({});
	private pending: Partial<Record<GmvModelId, Promise<GmvModel | undefined>>> = {};

	constructor(readonly urls: Record<GmvModelId, string>) {}

	/** Load a model once; later calls share the same promise. */
	load(id: GmvModelId): Promise<GmvModel | undefined> {
		this.pending[id] ??= this.fetchModel(id);
		return this.pending[id];
	}

	private async fetchModel(id: GmvModelId): Promise<GmvModel | undefined> {
		this.loading[id] = true;
		try {
			const model =
				id === 'forest'
					? forestModel(await loadArtifact<GmvForestArtifact>(this.urls.forest, { tool: GMV_TOOL, modelId: 'forest' }))
					: networkModel(await loadArtifact<GmvNetworkArtifact>(this.urls.network, { tool: GMV_TOOL, modelId: 'network' }));
			this.loaded = { ...this.loaded, [id]: model };
			return model;
		} catch (error) {
			this.errors[id] = error instanceof Error ? error.message : String(error);
			delete this.pending[id];
			return undefined;
		} finally {
			this.loading[id] = false;
		}
	}
}
