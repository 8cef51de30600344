/**
 * The planner's worker job: messages between the page and planner.worker.ts, and what the worker
 * does with a request (pure, so a unit test runs it without a worker).
 */
import type { PlannerArtifact } from './mix/artifact';
import { planBudget, planTarget, type GroupLimits, type PlanRequest, type PlanResult } from './planner';

export type PlannerQuestion =
	| { kind: 'plan'; request: PlanRequest }
	| { kind: 'target'; target: number; saleWeeks: number; limits: GroupLimits };

/** Page to worker: the artifact's URL and the question. */
export interface PlannerJobInput {
	url: string;
	question: PlannerQuestion;
}

export type PlannerAnswer =
	| { kind: 'plan'; best: PlanResult; historical: PlanResult; betterIn: { refits: number; of: number } }
	| { kind: 'target'; target: number; reachable: boolean; budget: number; plan: PlanResult };

/** Worker to page. */
export type PlannerJobMessage =
	| { type: 'progress'; stage: string; done: number; total: number }
	| { type: 'done'; answer: PlannerAnswer; ms: number }
	| { type: 'failed'; message: string };

export function answer(artifact: PlannerArtifact, q: PlannerQuestion): PlannerAnswer {
	if (q.kind === 'plan') return { kind: 'plan', ...planBudget(artifact, q.request) };
	return { kind: 'target', target: q.target, ...planTarget(artifact, q.target, q.saleWeeks, q.limits) };
}
