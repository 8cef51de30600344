/**
 * The GMV page's scenario and its forecast: the form's values and whether they can be read, the
 * check against the training ranges, the chosen model, and the two predictions the page shows (the
 * chosen model's and the other's, for comparison). Created while the page initialises (its effects
 * belong to the page).
 *
 * The first answer needs no model: while the form describes the start week, the answers kept by
 * training (startWeek.ts) are shown, so they are in the page's HTML. The models load in the worker
 * (predictions.svelte.ts) only once the kept answer no longer covers the form, or when the page has
 * loaded and is idle; their own answers then replace the kept ones.
 */
import type { CellValue, ColumnSpec } from '../core/schema';
import type { GmvContext } from './artifacts';
import { defaultFormValues, FIRST_KEYS, formFromLink, formRangeCheck, formToParams, gmvFormFields, gmvFormRanges, recentValuesFor, scenarioFromForm, valuesForWeek, weekFacts } from './form';
import type { GmvModelId } from './models.svelte';
import type { GmvPrediction } from './prediction';
import { GmvPredictor } from './predictions.svelte';
import { startPrediction } from './startWeek';

export class WeekForecast {
	readonly predictor: GmvPredictor;
	readonly columns: ColumnSpec[];
	/** The inputs that matter most, above the answer. */
	readonly firstColumns: ColumnSpec[];
	/** The folded inputs below the answer, one part per group. */
	readonly moreParts: { group: { title: string; keys: string[] }; columns: ColumnSpec[] }[];
	readonly defaults: Record<string, CellValue>;
	/** The model best on validation weeks: the page's default. */
	readonly bestModel: GmvModelId;

	values = $state<Record<string, CellValue>>({});
	firstValid = $state(true);
	/** One flag per folded part (`moreParts`). */
	moreValid = $state<boolean[]>([]);
	readonly valid = $derived(this.firstValid && this.moreValid.every(Boolean));
	modelId = $state<GmvModelId>('forest');
	/** The fields of a link or saved scenario that could not be used (they kept their defaults). */
	rejected = $state<string[]>([]);

	readonly otherId = $derived<GmvModelId>(this.modelId === 'forest' ? 'network' : 'forest');
	readonly info = $derived.by(() => this.predictor.info[this.modelId] ?? null);
	readonly otherInfo = $derived.by(() => this.predictor.info[this.otherId] ?? null);
	readonly ranges = $derived.by(() => this.info ? gmvFormRanges(this.context, this.info.inputRanges) : this.context.budgetRanges);
	readonly facts = $derived.by(() => typeof this.values.date === 'string' ? weekFacts(this.context, this.values.date) : null);
	/** Inputs a little outside the training ranges are flagged; far outside, the models give no prediction. */
	readonly rangeCheck = $derived(formRangeCheck(this.values, this.ranges));
	readonly scenario = $derived(this.valid && this.rangeCheck.refused.length === 0 ? scenarioFromForm(this.values) : null);

	prediction = $state.raw<GmvPrediction | null>(null);
	otherPrediction = $state.raw<GmvPrediction | null>(null);
	readonly otherLabel = $derived(this.otherInfo?.label ?? this.kept(this.otherId)?.label ?? null);
	readonly other = $derived(this.otherLabel && this.otherPrediction ? { label: this.otherLabel, prediction: this.otherPrediction } : null);
	/** The actual GMV is shown while the form still describes the start week (any day of it). */
	readonly isStartWeek = $derived.by(
		() => this.facts?.week === this.context.startWeek.week && this.columns.every((c) => c.key === 'date' || this.values[c.key] === this.defaults[c.key])
	);
	/** Busy while nothing can be shown: the model loads, or the first prediction of a usable scenario is on its way. */
	readonly loadingModel = $derived.by(() => !this.predictor.errors[this.modelId] && !this.prediction && (!!this.predictor.loading[this.modelId] || !this.info || !!this.scenario));
	/** Why the chosen model gives no answer (it failed to load or to predict), if it does not. */
	readonly error = $derived.by(() => this.predictor.errors[this.modelId] ?? null);
	readonly modelLabel = $derived(this.info?.label ?? this.kept(this.modelId)?.label ?? (this.modelId === 'forest' ? 'random forest' : 'network'));
	/** The chosen model's file, for the batch worker. */
	readonly artifactUrls = $derived.by(() => ({ [this.modelId]: this.predictor.urls[this.modelId] }));
	/** Test WAPE of the forecast from recent GMV (the forest's), once its info has loaded. */
	readonly recentWape = $derived.by(() => this.predictor.info.forest?.recent?.metrics.model.wape ?? null);

	/** The first inputs hydrate on their own (FirstInputs.svelte, no bind:): they reach the form through this. */
	readonly firstForm: { values: Record<string, CellValue>; valid: boolean };

	#modelsStarted = false;

	constructor(
		readonly context: GmvContext,
		urls: Record<GmvModelId, string>
	) {
		// The form's predictions come from the model worker; nothing decodes a model on this thread.
		this.predictor = new GmvPredictor(urls);
		const { columns, groups } = gmvFormFields();
		this.columns = columns;
		this.firstColumns = columns.filter((c) => FIRST_KEYS.includes(c.key));
		const restColumns = columns.filter((c) => !FIRST_KEYS.includes(c.key));
		const restGroups = groups.filter((g) => !g.keys.every((k) => FIRST_KEYS.includes(k)));
		this.moreParts = restGroups.map((g) => ({ group: g, columns: restColumns.filter((c) => g.keys.includes(c.key)) }));
		this.moreValid = this.moreParts.map(() => true);
		this.defaults = defaultFormValues(context);
		this.bestModel = context.modelRanking[0] as GmvModelId;
		this.values = { ...this.defaults };
		this.modelId = this.bestModel;
		this.prediction = this.kept(this.bestModel)?.prediction ?? null;
		this.otherPrediction = this.kept(context.modelRanking[1] as GmvModelId)?.prediction ?? null;
		// eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below are the form's own
		const form = this;
		this.firstForm = {
			get values() {
				return form.values;
			},
			set values(v) {
				form.values = v;
			},
			get valid() {
				return form.firstValid;
			},
			set valid(v) {
				form.firstValid = v;
			}
		};

		$effect(() => this.#follow(this.modelId, !!this.info, (p) => (this.prediction = p)));
		$effect(() => this.#follow(this.otherId, !!this.otherInfo, (p) => (this.otherPrediction = p)));
		$effect(() => {
			if (!this.kept(this.modelId)) this.loadModels();
		});
	}

	/** The answer training kept for `id` while the form is the start week's; otherwise null. */
	kept(id: GmvModelId) {
		return startPrediction(this.context, id, this.values);
	}

	/**
	 * Ask the worker for the latest scenario's prediction; an answer to an older scenario is dropped.
	 * While a field needs fixing, the last answer stays (the panel says it is for the last inputs that
	 * could be read).
	 */
	#follow(id: GmvModelId, ready: boolean, set: (p: GmvPrediction | null) => void): () => void {
		let current = true;
		if (!this.valid) return () => (current = false);
		if (!ready || !this.scenario) set(this.scenario ? (this.kept(id)?.prediction ?? null) : null);
		else
			this.predictor.predict(id, $state.snapshot(this.scenario)).then(
				(p) => current && set(p),
				(error: unknown) => current && (this.predictor.errors[id] = error instanceof Error ? error.message : String(error))
			);
		return () => (current = false);
	}

	/** A new week loads its month's values; a new week or sub-category loads its recent GMV from the data, or blanks it. */
	onFieldChange = (key: string, value: CellValue) => {
		if (key === 'date' && typeof value === 'string') this.values = { ...this.values, ...valuesForWeek(this.context, value) };
		if ((key === 'date' || key === 'sub_category') && typeof this.values.date === 'string')
			this.values = { ...this.values, ...recentValuesFor(this.context, String(this.values.sub_category), this.values.date) };
	};

	chooseModel(id: GmvModelId) {
		this.modelId = id;
		this.prediction = null;
		void this.predictor.load(id);
		this.loadModels();
	}

	/** Back to the sample week. */
	reset() {
		this.values = { ...this.defaults };
	}

	/** The scenario a link (or a saved scenario) describes: its values, the fields it could not use, its model. */
	open(scenario: { values: Record<string, CellValue>; rejected: string[]; model?: string | null }) {
		this.values = scenario.values;
		this.rejected = scenario.rejected;
		if (scenario.model === 'forest' || scenario.model === 'network') this.modelId = scenario.model;
	}

	/** The page's link parameters. */
	openLink(params: URLSearchParams) {
		this.open({ ...formFromLink(this.context, params), model: params.get('model') });
	}

	/** The form and model as link parameters, so a copied link reproduces the scenario exactly. */
	get linkParams(): URLSearchParams {
		const params = formToParams(this.values);
		if (this.modelId !== this.bestModel) params.set('model', this.modelId);
		return params;
	}

	/**
	 * Load the models (the first call; later ones do nothing): as soon as the page's kept answer no
	 * longer covers the form (another week, a changed input, a link's scenario, the other model), or
	 * else when the page calls it once loaded and idle. The start week's answer needs no model, so the
	 * first view neither waits for the model files nor shares the network and the processor with them.
	 */
	loadModels() {
		if (this.#modelsStarted) return;
		this.#modelsStarted = true;
		// The chosen model first; the other follows for the comparison and the trees' range.
		void this.predictor.load(this.modelId).then(() => this.predictor.load(this.otherId));
	}
}
