/**
 * Reference implementations (scikit-learn) scored on exactly the features and split training
 * built: training writes the features as CSV text, `scripts/sklearn_reference.py` fits the
 * reference models on them and writes `scripts/train/reference/<tool>-sklearn.json` with the
 * SHA-256 of that text. Training attaches those figures to an artifact as comparisons only while
 * the hash matches, so a figure measured on other features or another split is never shown.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Comparison } from '../../src/lib/core/artifact/types.ts';

/** Features and target as CSV text (header, then one row per line), the text the reference script reads. */
export function featureCsv(names: readonly string[], target: string, X: Float64Array, y: readonly number[]): string {
	const lines = [[...names, target].join(',')];
	for (let i = 0; i < y.length; i++) lines.push([...X.subarray(i * names.length, (i + 1) * names.length), y[i]].join(','));
	return lines.join('\n') + '\n';
}

/** SHA-256 of the training CSV text followed by the test CSV text (as the Python script hashes the two files). */
export function featuresHash(csv: { train: string; test: string }): string {
	return createHash('sha256').update(csv.train).update(csv.test).digest('hex');
}

interface ReferenceFile<M> {
	tool: string;
	featuresHash: string;
	library: string;
	command: string;
	models: { name: string; description: string; metrics: M }[];
}

/**
 * The reference rows recorded for `tool`, as comparisons, when they were measured on these exact
 * features; none (with a warning) when the file is missing or stale.
 */
export function sklearnComparisons<M>(tool: string, csv: { train: string; test: string }, round: (m: M) => M = (m) => m): Comparison<M>[] {
	const path = new URL(`./reference/${tool}-sklearn.json`, import.meta.url);
	if (!existsSync(path)) {
		console.log(`no scikit-learn reference for ${tool} (see scripts/sklearn_reference.py)`);
		return [];
	}
	const file = JSON.parse(readFileSync(path, 'utf8')) as ReferenceFile<M>;
	const hash = featuresHash(csv);
	if (file.featuresHash !== hash) {
		console.warn(`WARNING: the scikit-learn reference for ${tool} was measured on other features (${file.featuresHash.slice(0, 12)}, now ${hash.slice(0, 12)}); it is left out. Rerun: ${file.command}`);
		return [];
	}
	return file.models.map((m) => ({ name: m.name, description: `${m.description} (${file.library})`, role: 'reference', metrics: round(m.metrics) }));
}
