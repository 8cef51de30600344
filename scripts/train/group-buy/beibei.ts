/**
 * BeiBei group-buying launches (`tune.txt` and `test.txt`: deals that filled; `invalid.txt`: deals
 * that failed; each line `initiator item [participants...]`), split as the reference script
 * `../shared/bench/groupbuy_baselines.py` splits them: all launches in file order, shuffled with
 * CPython's `random.Random(42)`, the first half is the HISTORY (only counted: how often each item
 * and organiser launched and filled, who joined), the second half the launches to predict, of which
 * the first 70% train and the last 30% are the test set.
 *
 * The data has no timestamps, so "before launching" cannot be a date; the history half is disjoint
 * from the launches predicted, so no launch's own outcome (or its participants) ever enters its
 * features. What this cannot rule out is that a history launch happened after the launch it
 * informs; the model card says so.
 */
import { join } from 'node:path';
import type { DealHistory } from '../../../src/lib/group-buy/deal.ts';
import { readText } from '../io.ts';
import { PythonRandom } from './pythonRandom.ts';

export const BEIBEI_FILES = ['tune.txt', 'test.txt', 'invalid.txt'] as const;
export const SPLIT_SEED = 42;
export const TRAIN_SHARE = 0.7;

export interface Launch {
	organiser: number;
	item: number;
	filled: 0 | 1;
	participants: number[];
}

export function readLaunches(dataDir: string): { launches: Launch[]; files: string[] } {
	const files = BEIBEI_FILES.map((f) => join(dataDir, 'beibei-group-buying', f));
	const launches: Launch[] = [];
	files.forEach((path, k) => {
		const filled = k < 2 ? 1 : 0;
		for (const line of readText(path).split('\n')) {
			const f = line.trim().split(/\s+/);
			if (f.length < 2) continue;
			launches.push({ organiser: Number(f[0]), item: Number(f[1]), filled, participants: f.slice(2).map(Number) });
		}
	});
	return { launches, files };
}

/** Counts over the history half: what an organiser or the platform knew of past deals. */
export class LaunchHistory {
	readonly itemLaunches = new Map<number, number>();
	readonly itemFills = new Map<number, number>();
	readonly organiserLaunches = new Map<number, number>();
	readonly organiserFills = new Map<number, number>();
	readonly joins = new Map<number, number>();
	launches = 0;
	fills = 0;

	constructor(history: readonly Launch[]) {
		const add = (m: Map<number, number>, key: number, by: number) => m.set(key, (m.get(key) ?? 0) + by);
		for (const l of history) {
			add(this.itemLaunches, l.item, 1);
			add(this.itemFills, l.item, l.filled);
			add(this.organiserLaunches, l.organiser, 1);
			add(this.organiserFills, l.organiser, l.filled);
			for (const p of l.participants) add(this.joins, p, 1);
			this.launches++;
			this.fills += l.filled;
		}
	}

	get baseFillRate(): number {
		return this.fills / this.launches;
	}

	/** What was known of this launch's item and organiser (never the launch itself). */
	of(l: Launch): DealHistory {
		return {
			itemLaunches: this.itemLaunches.get(l.item) ?? 0,
			itemFills: this.itemFills.get(l.item) ?? 0,
			organiserLaunches: this.organiserLaunches.get(l.organiser) ?? 0,
			organiserFills: this.organiserFills.get(l.organiser) ?? 0,
			organiserJoins: this.joins.get(l.organiser) ?? 0
		};
	}
}

export interface DealSplit {
	history: LaunchHistory;
	/** Launches to predict: train (first 70%) and test (last 30%), as the reference script. */
	train: Launch[];
	test: Launch[];
	total: number;
}

export function splitLaunches(launches: Launch[]): DealSplit {
	const rows = launches.slice();
	new PythonRandom(SPLIT_SEED).shuffle(rows);
	const half = Math.floor(rows.length / 2);
	const rest = rows.slice(half);
	const n = Math.floor((rest.length * 7) / 10);
	return { history: new LaunchHistory(rows.slice(0, half)), train: rest.slice(0, n), test: rest.slice(n), total: rows.length };
}
