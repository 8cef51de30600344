/**
 * The command line of `npm run bench` (usage in scripts/bench.ts): which sections run, how many runs
 * each timing gets, where the shared data is, whether the site may be rebuilt.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The sections, in the order they run. */
export const sections = ['page', 'batch', 'segments', 'group-buy', 'dealers', 'planner', 'lighthouse', 'forest', 'csv', 'train', 'sellers'] as const;
export type Section = (typeof sections)[number];

const SEGMENTS_DEFAULT_RUNS = 3;

export interface BenchOptions {
	/** Runs per timing (--runs, default 5). */
	runs: number;
	/** --runs as written, when given (the sellers section hands it on to its own script). */
	runsGiven: string | undefined;
	/** The segments section reads a 46 MB file per run: 3 runs unless --runs is given. */
	segmentsRuns: number;
	/** Shared data folder (holds online-retail/online-retail.csv). */
	dataDir: string;
	/** The pandas reference lives beside the data folder (../shared/bench). */
	pandasScript: string;
	/** Another build of the site (e.g. main's build/): its /segments/ upload is timed in the same run, alternating. */
	segmentsCompare: string | undefined;
	/** Use build/ as it is, even when older than the sources. */
	noBuild: boolean;
	/** Figures with a target get every run; the comparison variants (no target) at most 3, to keep the bench short. */
	runsFor(targeted: boolean): number;
	/** Whether a section runs (--only, --skip). */
	wanted(section: Section): boolean;
}

/** Read the command line; an unknown option or section name throws. */
export function benchOptions(): BenchOptions {
	const { values: args } = parseArgs({
		options: {
			runs: { type: 'string' },
			only: { type: 'string' },
			skip: { type: 'string' },
			data: { type: 'string' },
			'segments-compare': { type: 'string' },
			'no-build': { type: 'boolean', default: false }
		}
	});
	const runs = Math.max(1, Number(args.runs ?? 5) || 5);
	const dataDir = args.data ? resolve(args.data) : resolve(projectRoot, '..', 'shared', 'data');
	const listOf = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	for (const name of [...listOf(args.only), ...listOf(args.skip)]) {
		if (!sections.includes(name as Section)) throw new Error(`Unknown section '${name}' (expected ${sections.join(', ')})`);
	}
	return {
		runs,
		runsGiven: args.runs,
		segmentsRuns: args.runs === undefined ? SEGMENTS_DEFAULT_RUNS : runs,
		dataDir,
		pandasScript: resolve(dataDir, '..', 'bench', 'insiders_pandas.py'),
		segmentsCompare: args['segments-compare'],
		noBuild: args['no-build'],
		runsFor: (targeted) => (targeted ? runs : Math.min(runs, 3)),
		wanted: (s) => (args.only ? listOf(args.only).includes(s) : true) && !listOf(args.skip).includes(s)
	};
}
