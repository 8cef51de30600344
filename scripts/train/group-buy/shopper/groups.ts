/**
 * Group lists scored on drawn groups of members: how many listed items the group bought, how many
 * members the list covers, and expected against actual buyers per item.
 */
import { calibrateMany, type IsotonicCalibration } from '../../../../src/lib/core/calibration.ts';
import { seededRandom } from '../../../../src/lib/core/random.ts';
import type { GroupScore } from '../../../../src/lib/group-buy/artifact.ts';
import { AGGREGATIONS, groupList, type Aggregation } from '../../../../src/lib/group-buy/group.ts';
import { shopperScores, type BlendWeights } from '../../../../src/lib/group-buy/shopper.ts';
import { printTable, round } from '../../io.ts';
import type { Fitted } from './fit.ts';
import { GROUPS, K } from './settings.ts';

/** Draw `perSize` groups of each size from `members` members (seeded, no member twice in a group). */
function drawGroups(members: number, seed: number): { size: number; members: number[] }[] {
	const random = seededRandom(seed);
	const groups: { size: number; members: number[] }[] = [];
	const pool = Array.from({ length: members }, (_, i) => i);
	for (const size of GROUPS.sizes)
		for (let g = 0; g < GROUPS.perSize; g++) {
			for (let i = 0; i < size; i++) {
				const j = i + Math.floor(random() * (members - i));
				[pool[i], pool[j]] = [pool[j], pool[i]];
			}
			groups.push({ size, members: pool.slice(0, size) });
		}
	return groups;
}

/** Each aggregation's group lists, scored on seeded groups of each size of the fitted members. */
export function scoreGroups(f: Fitted, chance: IsotonicCalibration, weights: BlendWeights, seed: number): GroupScore[] {
	const chances = f.memberCounts.map((c) => calibrateMany(chance, shopperScores(f.model, c, weights)));
	const targets = f.held.map((h) => new Set(h.target));
	const groups = drawGroups(f.held.length, seed);
	const out: GroupScore[] = [];
	for (const method of AGGREGATIONS)
		for (const size of GROUPS.sizes) {
			let unionHit = 0;
			let coverage = 0;
			let expected = 0;
			let actual = 0;
			const these = groups.filter((g) => g.size === size);
			for (const g of these) {
				const list = groupList(
					g.members.map((m) => chances[m]),
					method,
					K
				);
				const union = new Set(g.members.flatMap((m) => [...targets[m]]));
				unionHit += list.filter((x) => union.has(x.item)).length / K / these.length;
				coverage += g.members.filter((m) => list.some((x) => targets[m].has(x.item))).length / size / these.length;
				expected += list.reduce((s, x) => s + x.expectedBuyers, 0) / K / these.length;
				actual += list.reduce((s, x) => s + g.members.filter((m) => targets[m].has(x.item)).length, 0) / K / these.length;
			}
			out.push({ method, size, groups: these.length, unionHit: round(unionHit, 4), memberCoverage: round(coverage, 4), expectedBuyers: round(expected, 4), actualBuyers: round(actual, 4) });
		}
	return out;
}

/** Print group scores under a title. */
export function printGroups(title: string, rows: GroupScore[]) {
	console.log(title);
	printTable(rows.map((r) => ({ method: r.method, size: r.size, 'listed items bought': r.unionHit, 'members covered': r.memberCoverage, 'expected buyers': r.expectedBuyers, 'actual buyers': r.actualBuyers })));
}

/** An aggregation's member coverage, averaged over the group sizes. */
function meanCoverage(rows: GroupScore[], method: Aggregation): number {
	const mine = rows.filter((r) => r.method === method);
	return mine.reduce((s, r) => s + r.memberCoverage, 0) / mine.length;
}

/** The validation groups' scores and the default aggregation: the highest mean member coverage (prints them). */
export function chooseGroupDefault(val: Fitted, chance: IsotonicCalibration, weights: BlendWeights, seed: number): { validation: GroupScore[]; defaultMethod: Aggregation } {
	const validation = scoreGroups(val, chance, weights, seed);
	const defaultMethod = AGGREGATIONS.reduce((a, b) => (meanCoverage(validation, b) > meanCoverage(validation, a) ? b : a));
	printGroups(`\ngroup lists on validation groups (${GROUPS.perSize} per size); default by mean member coverage: ${defaultMethod}`, validation);
	return { validation, defaultMethod };
}
