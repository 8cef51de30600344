/**
 * What the GMV page saves on the device ("Saved on this device"): scenarios on request, batch
 * results when they finish; the last batch comes back once the lower sections are built (the first
 * view never waits for the device's storage). Opening a saved scenario fills the form. Created while
 * the page initialises.
 */
import { SavedRuns } from '$lib/components/savedRuns.svelte';
import { whenIdle } from '$lib/components/idle';
import type { CsvJobResult } from '$lib/core/csv/types';
import type { RunSummary, SavedRun } from '$lib/core/history';
import { GMV_TOOL } from '$lib/gmv/artifacts';
import { BATCH_KIND, batchFromRun, batchRun, scenarioFromRun, scenarioRun } from '$lib/gmv/savedRuns';
import type { WeekForecast } from '$lib/gmv/weekForecast.svelte';

export class SavedOnDevice {
	readonly runs = new SavedRuns(GMV_TOOL);
	/** The batch result the CSV section shows: the last one scored, or one brought back. */
	batch = $state.raw<{ result: CsvJobResult; modelLabel: string; run: RunSummary | null; restored: boolean } | null>(null);
	/** What became of the last scenario saved or opened. */
	scenarioSaved = $state('');
	scenarioProblem = $state('');
	#batchRestoreTried = false;

	constructor(private readonly forecast: WeekForecast) {}

	/** Bring the last batch back (once). */
	restoreLastBatch() {
		if (this.#batchRestoreTried) return;
		this.#batchRestoreTried = true;
		void this.runs.lastOpened(BATCH_KIND).then((run) => {
			const restoredBatch = run && batchFromRun(run);
			if (restoredBatch && !this.batch) this.batch = { ...restoredBatch, run, restored: true };
		});
	}

	saveScenario = async () => {
		const { values, modelId, prediction } = this.forecast;
		const run = await this.runs.save(scenarioRun(values, modelId, prediction?.gmv ?? null));
		this.scenarioSaved = run ? `Saved as “${run.name}” under “Saved on this device”.` : '';
		this.scenarioProblem = run ? '' : (this.runs.problem ?? '');
	};

	onBatchResult = async (result: CsvJobResult) => {
		const modelLabel = this.forecast.modelLabel;
		this.batch = { result, modelLabel, run: null, restored: false };
		// Saved once the result is on screen and the page is idle: IndexedDB copies a large result on this
		// thread (tens of ms for 100,000 rows).
		await new Promise<void>((resolve) => requestAnimationFrame(() => whenIdle(resolve)));
		if (this.batch?.result !== result) return;
		const run = await this.runs.save(batchRun(result, this.forecast.modelLabel));
		if (run && this.batch?.result === result) this.batch = { ...this.batch, run };
	};

	openRun = (run: SavedRun) => {
		const scenario = scenarioFromRun(run, this.forecast.context);
		const restoredBatch = scenario ? null : batchFromRun(run);
		if (scenario) {
			this.forecast.open({ values: scenario.values, rejected: scenario.rejected });
			this.forecast.chooseModel(scenario.model);
			this.scenarioSaved = `Showing “${run.name}”.`;
		} else if (restoredBatch) this.batch = { ...restoredBatch, run, restored: true };
		else this.runs.problem = `“${run.name}” was saved by another version of this page and cannot be shown.`;
		document.getElementById(scenario ? 'form-title' : 'batch-title')?.scrollIntoView({ block: 'start' });
	};
}
