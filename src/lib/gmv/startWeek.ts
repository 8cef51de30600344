/**
 * The page's first answer without a model: training predicts the start week (the form's defaults)
 * with every shipped model and keeps the answers in context.json, so the page's HTML carries the
 * answer and a phone sees it before any model is fetched. The page shows the kept answer of the
 * chosen model only while the form describes exactly that week; the model worker's own answer, the
 * same figures, replaces it once it is loaded. Pure, no DOM.
 */
import type { GmvContext, StartPrediction } from './artifacts';
import { defaultFormValues, scenarioFromForm, type GmvFormValues } from './form';
import type { GmvModel } from './predict';

/** Every model's answer for the start week, as training writes it into context.json. */
export function startPredictions(ctx: GmvContext, models: readonly GmvModel[]): Record<string, StartPrediction> {
	const scenario = scenarioFromForm(defaultFormValues(ctx));
	return Object.fromEntries(models.map((m) => [m.id, { label: m.artifact.label, prediction: m.predictOne(scenario) }]));
}

/** The start week's form values, worked out once per context (the page asks on every change of the form). */
const startValues = new WeakMap<GmvContext, Readonly<GmvFormValues>>();
function startWeekValues(ctx: GmvContext): Readonly<GmvFormValues> {
	let values = startValues.get(ctx);
	if (!values) startValues.set(ctx, (values = Object.freeze(defaultFormValues(ctx))));
	return values;
}

/** The kept answer of `modelId` when `values` are the start week's, field for field; otherwise null. */
export function startPrediction(ctx: GmvContext, modelId: string, values: GmvFormValues): StartPrediction | null {
	const kept = ctx.startPredictions?.[modelId];
	if (!kept) return null;
	const defaults = startWeekValues(ctx);
	for (const key of new Set([...Object.keys(defaults), ...Object.keys(values)])) if (defaults[key] !== values[key]) return null;
	return kept;
}
