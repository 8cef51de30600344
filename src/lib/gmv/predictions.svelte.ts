/**
 * The GMV page's predictions, computed in the model worker (model.worker.ts): the page asks for a
 * model's info (label, ranges, metrics; no weights) and for predictions of the form's scenario;
 * loading and predicting never block the page. The planner still uses main-thread models
 * (GmvModels), loaded only when it is shown.
 */
import { ModelWorkerClient } from '../core/modelWorker/client';
import GmvModelWorker from './model.worker.ts?worker';
import type { GmvScenario } from './features';
import type { GmvModelInfo } from './modelInfo';
import type { GmvModelId } from './models.svelte';
import type { GmvPrediction } from './prediction';

export class GmvPredictor {
	info = $state.raw<Partial<Record<GmvModelId, GmvModelInfo>>>({});
	loading = $state<Partial<Record<GmvModelId, boolean>>>({});
	errors = $state<Partial<Record<GmvModelId, string>>>({});
	private client = new ModelWorkerClient<GmvScenario, GmvPrediction, GmvModelInfo>(() => new GmvModelWorker());

	constructor(readonly urls: Record<GmvModelId, string>) {}

	/** Load a model in the worker (once); its info shows on the page. */
	async load(id: GmvModelId): Promise<GmvModelInfo | undefined> {
		if (this.info[id]) return this.info[id];
		this.loading[id] = true;
		try {
			const info = await this.client.load(id, this.urls[id]);
			this.info = { ...this.info, [id]: info };
			delete this.errors[id];
			return info;
		} catch (error) {
			this.errors[id] = error instanceof Error ? error.message : String(error);
			return undefined;
		} finally {
			this.loading[id] = false;
		}
	}

	/** One scenario's prediction with its range and explanation (the scenario must be plain data). */
	predict(id: GmvModelId, scenario: GmvScenario): Promise<GmvPrediction> {
		return this.client.predict(id, scenario);
	}
}
