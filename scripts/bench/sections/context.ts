/** What each section of `npm run bench` is given besides the browser and the server. */
import type { BenchOptions } from '../options.ts';
import type { Figure } from '../report.ts';

export interface SectionContext {
	options: BenchOptions;
	/** Print a section's figure table and keep its targets for the summary at the end. */
	printFigures(section: string, figures: Figure[]): void;
}

/** A section's figures as written to bench-results/bench.json. */
export type SectionData = Record<string, unknown>;
