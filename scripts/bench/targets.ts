/**
 * What `npm run bench` measured: each section's figures and errors, gathered as the sections print
 * them; at the end the Targets table, the figures written to bench-results/bench.json, and a summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './options.ts';
import { figureTable, heading, table, type Figure } from './report.ts';

const resultsDir = join(projectRoot, 'bench-results');

/** Everything measured, written to bench-results/bench.json. */
export type BenchReport = Record<string, unknown> & { targets: (Figure & { section: string })[]; errors: Record<string, string> };

export function newReport(): BenchReport {
	return { startedAt: new Date().toISOString(), targets: [], errors: {} };
}

/** Print a section's figure table and keep its targets in the report. */
export function figurePrinter(report: BenchReport): (section: string, figures: Figure[]) => void {
	return (section, figures) => {
		console.log(figureTable(figures));
		for (const f of figures) if (f.target) report.targets.push({ section, ...f });
	};
}

/** The Targets table, bench.json and the summary lines; exit code 1 when a section could not be measured. */
export function finishReport(report: BenchReport): void {
	console.log(heading('Targets'));
	console.log(
		table(
			['section', 'figure', 'value', 'target', 'met'],
			report.targets.map((t) => [t.section, t.name.trim(), t.value, t.target, t.met ? 'yes' : 'NO'])
		)
	);
	mkdirSync(resultsDir, { recursive: true });
	const file = join(resultsDir, 'bench.json');
	writeFileSync(file, JSON.stringify(report, null, '\t') + '\n');
	console.log(`\n${report.targets.filter((t) => t.met).length} of ${report.targets.length} targets met. Figures written to ${file} (${report.totalSeconds} s).`);
	if (Object.keys(report.errors).length) {
		console.log(`Not measured: ${Object.keys(report.errors).join(', ')}`);
		process.exitCode = 1;
	}
}
