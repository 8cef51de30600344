/**
 * The "place one customer" form of the segments page: its fields (one per customer feature), the
 * values it starts from (a typical customer), the training ranges in the form's units, the fields
 * that follow one another so the form always describes a possible customer, where the model places
 * the customer and which features decided it (the chart of those pulls is in `charts.ts`). Pure, no DOM.
 *
 * Units: every field is in the feature's own unit except `returnShare`, which the form holds as a
 * percentage (0..100) because people type "5%", not 0.05; `placeCustomer` divides it by 100.
 */
import type { InputRange } from '../core/artifact/types';
import type { CellValue, ColumnSpec } from '../core/schema';
import { CUSTOMER_FEATURE_INFO, type CustomerFeature } from './features';
import type { SegmentsArtifact } from './artifact';
import { assignCustomer, type ClusterProfile, type CustomerAssignment } from './model';

export type CustomerFormValues = Record<string, CellValue>;

/** Features the form holds as a percentage of the model's 0..1 value. */
const PERCENT_FEATURES: readonly CustomerFeature[] = ['returnShare'];

/** Hard bounds and input type per feature, in the form's units. */
const FIELD_RULES: Record<CustomerFeature, Pick<ColumnSpec, 'type' | 'min' | 'max' | 'step'>> = {
	grossRevenue: { type: 'number', min: 0, step: 10 },
	recencyDays: { type: 'integer', min: 0, step: 1 },
	// A customer in the model has bought at least once: one invoice, one item, one product.
	invoices: { type: 'integer', min: 1, step: 1 },
	itemsBought: { type: 'integer', min: 1, step: 1 },
	distinctProducts: { type: 'integer', min: 1, step: 1 },
	// Above 0 (the schema's bounds are inclusive): 0.001 is one invoice in almost three years.
	frequency: { type: 'number', min: 0.001, step: 0.01 },
	itemsReturned: { type: 'integer', min: 0, step: 1 },
	returnShare: { type: 'number', min: 0, max: 100, step: 1 }
};

const isPercent = (feature: CustomerFeature) => PERCENT_FEATURES.includes(feature);

/** From the model's unit to the form's. */
function toForm(feature: CustomerFeature, value: number): number {
	return isPercent(feature) ? value * 100 : value;
}

/** From the form's unit to the model's. */
function fromForm(feature: CustomerFeature, value: number): number {
	return isPercent(feature) ? value / 100 : value;
}

/** One required number field per customer feature, in the artifact's feature order; keys are the feature names. */
export function customerFormColumns(artifact: SegmentsArtifact): ColumnSpec[] {
	return artifact.features.map((feature): ColumnSpec => {
		const info = CUSTOMER_FEATURE_INFO[feature];
		return {
			key: feature,
			label: info.label,
			...(info.unit ? { unit: info.unit } : {}),
			help: info.help,
			required: true,
			...FIELD_RULES[feature]
		};
	});
}

const roundTo = (value: number, decimals: number) => Number(value.toFixed(decimals));

/** A value rounded the way a person would type it for this field. */
function roundForField(feature: CustomerFeature, formValue: number): number {
	const rule = FIELD_RULES[feature];
	if (rule.type === 'integer') return Math.max(rule.min ?? 0, Math.round(formValue));
	if (feature === 'grossRevenue') return Math.round(formValue);
	if (isPercent(feature)) return roundTo(formValue, 1);
	if (formValue === 0) return 0;
	return Math.max(rule.min ?? 0, Number(formValue.toPrecision(3)));
}

/** The expected share returned (in percent) for items returned and bought, as the features compute it. */
function returnSharePercent(itemsReturned: number, itemsBought: number): number {
	return itemsBought > 0 ? roundTo(Math.min(1, itemsReturned / itemsBought) * 100, 1) : 0;
}

/**
 * A typical customer to start from: the medians of all training customers, rounded (whole revenue
 * and counts, 3 significant digits of frequency, percent to one decimal), then made consistent.
 */
export function defaultCustomerValues(artifact: SegmentsArtifact): CustomerFormValues {
	const values: CustomerFormValues = {};
	for (const feature of artifact.features) values[feature] = roundForField(feature, toForm(feature, artifact.overallMedians[feature]));
	return followCustomerValues(followCustomerValues(values, 'invoices'), 'itemsReturned');
}

/** The training range of every field, in the form's units (percent for the share returned). */
export function customerFormRanges(artifact: SegmentsArtifact): Record<string, InputRange> {
	const out: Record<string, InputRange> = {};
	for (const feature of artifact.features) {
		const r = artifact.inputRanges[feature];
		if (!r) continue;
		out[feature] = { min: toForm(feature, r.min), max: toForm(feature, r.max), p01: toForm(feature, r.p01), p99: toForm(feature, r.p99) };
	}
	return out;
}

const numberOf = (values: CustomerFormValues, key: string): number | null => {
	const v = values[key];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * The values after `key` changed, with the fields that follow it updated so they stay possible:
 * one invoice means a frequency of 1 (a single day counts as 1) and more invoices cap it (at most all
 * of them on one day); the share returned follows items returned and bought, and items returned
 * follow a typed share. Returns `values` itself when nothing follows.
 */
export function followCustomerValues(values: CustomerFormValues, key: string): CustomerFormValues {
	const invoices = numberOf(values, 'invoices');
	const frequency = numberOf(values, 'frequency');
	const bought = numberOf(values, 'itemsBought');
	const returned = numberOf(values, 'itemsReturned');
	const share = numberOf(values, 'returnShare');
	if (key === 'invoices' && invoices !== null) {
		const want = invoices === 1 ? 1 : frequency !== null && frequency > invoices ? invoices : frequency;
		if (want !== frequency) return { ...values, frequency: want };
	}
	if ((key === 'itemsReturned' || key === 'itemsBought') && bought !== null && returned !== null) {
		const want = returnSharePercent(returned, bought);
		if (want !== share) return { ...values, returnShare: want };
	}
	if (key === 'returnShare' && share !== null && bought !== null) {
		// 100% also fits more returned than bought (returns of items bought before the data starts).
		if (share === 100 && returned !== null && returned >= bought) return values;
		const want = Math.round((share / 100) * bought);
		if (want !== returned) return { ...values, itemsReturned: want };
	}
	return values;
}

/**
 * Cross-field problems, by field key, for the form's `errors`: combinations no customer can have.
 * Empty when the values fit together (or a value they depend on is missing).
 */
export function customerFormErrors(values: CustomerFormValues): Record<string, string> {
	const errors: Record<string, string> = {};
	const invoices = numberOf(values, 'invoices');
	const frequency = numberOf(values, 'frequency');
	const bought = numberOf(values, 'itemsBought');
	const returned = numberOf(values, 'itemsReturned');
	const share = numberOf(values, 'returnShare');
	if (invoices !== null && frequency !== null) {
		if (invoices === 1 && frequency !== 1) errors.frequency = 'With one invoice the frequency is 1 (a single day counts as 1)';
		else if (frequency > invoices) errors.frequency = `At most ${invoices} invoices/day: all ${invoices} invoices on a single day`;
	}
	if (bought !== null && returned !== null && share !== null) {
		// Within half an item, plus the rounding of the percentage to one decimal.
		const fits = returned >= bought ? share === 100 : Math.abs((share / 100) * bought - returned) <= 0.5 + bought * 0.0005;
		if (!fits) errors.returnShare = `${returned} returned of ${bought} bought is ${returnSharePercent(returned, bought)}%`;
	}
	return errors;
}

/** How much one feature pulled toward the chosen cluster (negative: toward the next-nearest). */
export interface DecidingFeature {
	feature: CustomerFeature;
	label: string;
	pull: number;
}

/** Where one customer lands, and why. */
export interface CustomerPlacement {
	assignment: CustomerAssignment;
	cluster: ClusterProfile;
	/** The next-nearest cluster (null when the model has one cluster). */
	next: ClusterProfile | null;
	/** Distance to the next-nearest centroid minus distance to the chosen one, in the model's space. */
	margin: number;
	/** Every feature's pull, largest |pull| first; the pulls sum to d²(next) − d²(chosen). */
	deciding: DecidingFeature[];
	/** The placement in one or two plain sentences. */
	sentence: string;
}

/** "A", "A and B", "A, B and C". */
function listWords(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function profileOf(artifact: SegmentsArtifact, cluster: number): ClusterProfile {
	return artifact.profiles.find((p) => p.cluster === cluster) ?? artifact.profiles[cluster];
}

/** The features that decided a placement most: the (at most two) largest pulls toward the chosen cluster. */
export function decidingMost(deciding: readonly DecidingFeature[], count = 2): DecidingFeature[] {
	return deciding.filter((d) => d.pull > 0).slice(0, count);
}

/**
 * Place one customer typed into the form (values in the form's units). Null while any feature is
 * missing or not a number; cross-field consistency is `customerFormErrors`' job.
 */
export function placeCustomer(artifact: SegmentsArtifact, values: CustomerFormValues): CustomerPlacement | null {
	const row: number[] = [];
	for (const feature of artifact.space.features) {
		const v = numberOf(values, feature);
		if (v === null) return null;
		row.push(fromForm(feature, v));
	}
	const assignment = assignCustomer(artifact, row);
	const cluster = profileOf(artifact, assignment.cluster);
	const next = assignment.nextNearest < 0 ? null : profileOf(artifact, assignment.nextNearest);
	const deciding = artifact.space.features
		.map((feature) => ({ feature, label: CUSTOMER_FEATURE_INFO[feature].label, pull: assignment.contributions[feature] ?? 0 }))
		.sort((a, b) => Math.abs(b.pull) - Math.abs(a.pull));
	const most = decidingMost(deciding).map((d) => d.label);
	let sentence = `Closest to ${cluster.name}`;
	if (next) {
		sentence += `; the next-nearest cluster is ${next.name}, ${assignment.margin.toFixed(2)} units further away.`;
		if (most.length) sentence += ` ${listWords(most)} decided it most.`;
	} else sentence += '; the model has no other cluster.';
	return { assignment, cluster, next, margin: assignment.margin, deciding, sentence };
}

/** How clear a placement is, from its margin: "clearly" above 1, "borderline" below 0.25. */
export function marginWords(margin: number): 'clearly' | 'fairly clearly' | 'borderline' {
	if (margin > 1) return 'clearly';
	if (margin < 0.25) return 'borderline';
	return 'fairly clearly';
}
