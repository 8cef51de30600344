/**
 * Checks that the browser places the training customers where training did, and the analysis of
 * the training customers the page shows first (with the 2-D map).
 */
import { sha256Hex } from '../../../src/lib/core/artifact/hash.ts';
import type { InputRange } from '../../../src/lib/core/artifact/types.ts';
import { analyseSegments } from '../../../src/lib/segments/analysis.ts';
import { assignTable } from '../../../src/lib/segments/clusters.ts';
import type { CustomerFeature } from '../../../src/lib/segments/features.ts';
import { assignCustomer } from '../../../src/lib/segments/model.ts';
import { principalAxes } from '../../../src/lib/segments/segmentMap.ts';
import { round } from '../io.ts';
import type { TrainingCustomers } from './data.ts';
import type { ShippedClusters } from './profiles.ts';

/**
 * The share of training customers the browser-side assignment (assignCustomer) puts in their
 * training cluster; throws unless it is all of them. Logs it.
 */
export function checkBrowserAssignment({ n, features, matrix }: TrainingCustomers, { model, labels }: ShippedClusters): number {
	let agree = 0;
	const row = new Array<number>(features.length);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < features.length; j++) row[j] = matrix[i * features.length + j];
		if (assignCustomer(model, row).cluster === labels[i]) agree++;
	}
	const agreement = agree / n;
	console.log(`browser-side assignment agrees with the training labels for ${agree} of ${n} customers (${(agreement * 100).toFixed(2)}%)`);
	if (agree !== n) throw new Error('assignCustomer does not reproduce the training labels');
	return agreement;
}

function rangeOf(column: Float64Array): InputRange {
	const s = column.slice().sort();
	const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))];
	return { min: round(s[0], 6), max: round(s[s.length - 1], 6), p01: round(at(0.01), 6), p99: round(at(0.99), 6) };
}

/** Numbers rounded to 6 significant digits all through a JSON-like value (the artifact stays small and diff-friendly). */
function roundDeep<T>(value: T): T {
	if (typeof value === 'number') return (Number.isInteger(value) ? value : Number(value.toPrecision(6))) as T;
	if (Array.isArray(value)) return value.map((v) => roundDeep(v)) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
	return value;
}

/** The page's first view: the training customers' analysis and map, the hash of their labels, and each feature's range. */
export async function analyseTrainingCustomers({ table, n, features }: TrainingCustomers, { model, labels, profiles, insiders }: ShippedClusters) {
	const assignments = assignTable(model, table);
	if (assignments.cluster.some((c, i) => c !== labels[i])) throw new Error('assignTable does not reproduce the training labels');
	const map = principalAxes(assignments.points, n, features.length);
	const analysis = roundDeep(analyseSegments(table, assignments, { names: profiles, insiders, map, features }));
	const trainingLabelsHash = await sha256Hex(Array.from(assignments.cluster).join(''));
	const inputRanges = Object.fromEntries(features.map((f) => [f, rangeOf(table.features[f])])) as Record<CustomerFeature, InputRange>;
	return { map, analysis, trainingLabelsHash, inputRanges };
}

/** What analyseTrainingCustomers gives. */
export type TrainingAnalysis = Awaited<ReturnType<typeof analyseTrainingCustomers>>;
