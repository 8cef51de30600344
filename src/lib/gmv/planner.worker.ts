/// <reference lib="webworker" />
/**
 * The budget planner's worker: loads the response model (fetch, hash check) and answers one
 * question (the best split of a budget, or the budget for a target GMV) off the page's main thread,
 * with progress. The page runs it through core/workerJob (plannerJob.svelte.ts).
 */
import { loadArtifact } from '../core/artifact/load';
import { GMV_TOOL } from './artifacts';
import { PLANNER_MODEL_ID, type PlannerArtifact } from './mix/artifact';
import { answer, type PlannerJobInput, type PlannerJobMessage } from './plannerJob';

const send = (m: PlannerJobMessage) => self.postMessage(m);

self.onmessage = async (event: MessageEvent<PlannerJobInput>) => {
	const { url, question } = event.data;
	const started = performance.now();
	try {
		send({ type: 'progress', stage: 'Loading the response model', done: 0, total: 2 });
		const artifact = await loadArtifact<PlannerArtifact>(url, { tool: GMV_TOOL, modelId: PLANNER_MODEL_ID, requires: ['groups', 'params', 'bootstrap'] });
		send({ type: 'progress', stage: question.kind === 'plan' ? 'Searching the splits' : 'Searching the budgets', done: 1, total: 2 });
		send({ type: 'done', answer: answer(artifact, question), ms: performance.now() - started });
	} catch (error) {
		send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
