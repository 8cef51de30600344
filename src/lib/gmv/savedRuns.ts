/**
 * What the GMV page keeps on the device (core/history), and how it comes back:
 * - a scenario ("Save scenario"): the form as its link parameters (the same codec as the URL, so a
 *   restored scenario is validated exactly like a shared link) and the chosen model;
 * - a batch (saved when a CSV finishes): the result as it came from the worker, its rows packed
 *   column by column (runs saved before text columns were coded read back the same way).
 * Pure: no DOM.
 */
import type { CsvJobResult } from '../core/csv/types';
import { isPackedRows, type NewRun, type SavedRun } from '../core/history';
import { formatRupees } from '../core/rupees';
import { GMV_TOOL, type GmvContext } from './artifacts';
import { formFromLink, formToParams, type GmvFormValues } from './form';
import { subCategoryLabel } from './schema';
import { formatDecimal } from '../core/decimalText';

export const SCENARIO_KIND = 'scenario';
export const BATCH_KIND = 'batch';
export const SCENARIO_PAYLOAD_VERSION = 1;
/**
 * 2: text columns may be dictionary-coded (1 Dec 2026). Pages from before then check for 1 and say
 * they cannot show a version-2 run, instead of misreading its codes; this page reads both.
 */
export const BATCH_PAYLOAD_VERSION = 2;
const READABLE_BATCH_VERSIONS: readonly number[] = [1, 2];

export type GmvModelChoice = 'forest' | 'network';

export interface ScenarioPayload {
	/** The form as URL search parameters (formToParams). */
	link: string;
	model: GmvModelChoice;
}

export interface BatchPayload {
	/** The result as the worker gave it: its rows are packed column by column already. */
	result: CsvJobResult;
	modelLabel: string;
}

/** "Speaker, week of 2016-05-22" */
export function scenarioName(values: GmvFormValues): string {
	return `${subCategoryLabel(String(values.sub_category))}, week of ${String(values.date)}`;
}

const MODEL_WORDS: Record<GmvModelChoice, string> = { forest: 'random forest', network: 'neural network' };

export function scenarioRun(values: GmvFormValues, model: GmvModelChoice, predictedGmv: number | null): NewRun<ScenarioPayload> {
	return {
		tool: GMV_TOOL,
		kind: SCENARIO_KIND,
		name: scenarioName(values),
		summary: predictedGmv === null ? 'No prediction (a field needed fixing)' : `${formatRupees(predictedGmv)} predicted by the ${MODEL_WORDS[model]}`,
		payload: { link: formToParams(values).toString(), model },
		payloadVersion: SCENARIO_PAYLOAD_VERSION
	};
}

/** The form a saved scenario describes, with the fields that could not be used; null when it is not a scenario this page reads. */
export function scenarioFromRun(run: SavedRun, ctx: GmvContext): { values: GmvFormValues; rejected: string[]; model: GmvModelChoice } | null {
	if (run.kind !== SCENARIO_KIND || run.payloadVersion !== SCENARIO_PAYLOAD_VERSION) return null;
	const p = run.payload as Partial<ScenarioPayload> | null;
	if (typeof p?.link !== 'string' || (p.model !== 'forest' && p.model !== 'network')) return null;
	return { ...formFromLink(ctx, new URLSearchParams(p.link)), model: p.model };
}

export function batchRun(result: CsvJobResult, modelLabel: string): NewRun<BatchPayload> {
	const good = formatDecimal(result.goodRows);
	const total = formatDecimal(result.totalRows);
	return {
		tool: GMV_TOOL,
		kind: BATCH_KIND,
		name: result.fileName,
		summary: `${good} of ${total} rows scored with the ${modelLabel}`,
		payload: { result, modelLabel },
		payloadVersion: BATCH_PAYLOAD_VERSION
	};
}

/** A saved batch result as the batch panel shows it; null when it is not one this page reads. */
export function batchFromRun(run: SavedRun): { result: CsvJobResult; modelLabel: string } | null {
	if (run.kind !== BATCH_KIND || !READABLE_BATCH_VERSIONS.includes(run.payloadVersion)) return null;
	const p = run.payload as Partial<BatchPayload> | null;
	const r = p?.result;
	if (!r || typeof p.modelLabel !== 'string' || typeof r.fileName !== 'string' || !Array.isArray(r.issues) || !Array.isArray(r.scored?.columns) || !isPackedRows(r.scored.rows))
		return null;
	return { result: r, modelLabel: p.modelLabel };
}
