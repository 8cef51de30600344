/** Write feature tables for the scikit-learn reference script (outside the repository: they hold data rows). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function exportFeatures(dir: string, name: string, csv: { train: string; test: string }): void {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${name}_train.csv`), csv.train);
	writeFileSync(join(dir, `${name}_test.csv`), csv.test);
	console.log(`${name} features exported to ${dir}`);
}
