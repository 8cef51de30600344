/**
 * One planner question at a time, answered by the planner worker (core/workerJob: progress, cancel
 * by stopping the worker). A new question cancels the one running; a failure becomes a message and
 * never clears an earlier answer of the other kind.
 */
import { startWorkerJob, type WorkerJob } from '../core/workerJob';
import type { PlannerAnswer, PlannerJobInput, PlannerJobMessage, PlannerQuestion } from './plannerJob';

export class PlannerRun {
	answer = $state.raw<PlannerAnswer | null>(null);
	ms = $state(0);
	stage = $state<string | null>(null);
	error = $state<string | null>(null);
	private job: WorkerJob<PlannerJobInput, PlannerAnswer> | null = null;

	constructor(
		private readonly url: string,
		private readonly createWorker: () => Worker
	) {}

	get working(): boolean {
		return this.stage !== null;
	}

	async ask(question: PlannerQuestion): Promise<void> {
		this.job?.cancel();
		this.error = null;
		this.stage = 'Starting';
		let ms = 0;
		const job = startWorkerJob<PlannerJobInput, PlannerJobMessage, PlannerAnswer>(this.createWorker, { url: this.url, question }, (m, settle) => {
			if (m.type === 'progress') this.stage = m.stage;
			else if (m.type === 'done') {
				ms = m.ms;
				settle({ ok: true, result: m.answer });
			} else settle({ ok: false, failure: { kind: 'internal', message: m.message } });
		});
		this.job = job;
		const outcome = await job.promise;
		if (this.job !== job) return;
		this.job = null;
		this.stage = null;
		if (outcome.ok) {
			this.answer = outcome.result;
			this.ms = ms;
		} else if (!outcome.cancelled) this.error = outcome.failure.message;
	}

	/** Forget the answer (the question changed). */
	clear(): void {
		this.job?.cancel();
		this.job = null;
		this.stage = null;
		this.answer = null;
	}
}
