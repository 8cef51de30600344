/**
 * The Groceries purchase log (member, DD-MM-YYYY date, item) as baskets, and the held-out
 * protocol of the reference script `../shared/bench/groupbuy_baselines.py`: a basket is one member
 * on one date; every member with at least `cut + 1` baskets has basket number `n - cut` held out
 * (cut 1: the last basket, the test; cut 2: the second-to-last, validation), recommended from the
 * baskets before it. What a model may learn from at cut c is every member's baskets but their last c.
 */
import { join } from 'node:path';
import Papa from 'papaparse';
import { BasketBuilder, dayKeyDmy, type MemberBaskets } from '../../../src/lib/group-buy/baskets.ts';
import { itemKey } from '../../../src/lib/group-buy/aisles.ts';
import { readText } from '../io.ts';

export interface GroceriesData {
	/** Item names (trimmed), in alphabetical order of their keys: index = catalogue index. */
	items: string[];
	members: MemberBaskets[];
	lines: number;
	file: string;
	period: [string, string];
}

export function readGroceries(dataDir: string): GroceriesData {
	const file = join(dataDir, 'groceries', 'groceries.csv');
	const parsed = Papa.parse<string[]>(readText(file).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
	const [header, ...rows] = parsed.data;
	if (header.join(',') !== 'Member_number,Date,itemDescription') throw new Error(`${file}: unexpected header ${header.join(',')}`);
	const names = new Map<string, string>();
	for (const r of rows) names.set(itemKey(r[2]), r[2].trim());
	const keys = [...names.keys()].sort();
	const index = new Map(keys.map((k, i) => [k, i]));
	const builder = new BasketBuilder();
	let first = Infinity;
	let last = -Infinity;
	rows.forEach((r, i) => {
		const day = dayKeyDmy(r[1]);
		if (day === null) throw new Error(`${file} row ${i + 2}: date ${r[1]} is not DD-MM-YYYY`);
		first = Math.min(first, day);
		last = Math.max(last, day);
		builder.add(r[0].trim(), day, index.get(itemKey(r[2]))!);
	});
	const iso = (d: number) => `${Math.floor(d / 10000)}-${String(Math.floor(d / 100) % 100).padStart(2, '0')}-${String(d % 100).padStart(2, '0')}`;
	return { items: keys.map((k) => names.get(k)!), members: builder.build(), lines: rows.length, file, period: [iso(first), iso(last)] };
}

/** One member's held-out basket and what came before it. */
export interface HeldOut {
	member: string;
	history: number[][];
	target: number[];
}

/** The held-out basket at `cut` (1 = last) of every member with more than `cut` baskets. */
export function holdOut(members: readonly MemberBaskets[], cut: number): HeldOut[] {
	const out: HeldOut[] = [];
	for (const m of members) {
		const n = m.baskets.length;
		if (n < cut + 1) continue;
		out.push({ member: m.member, history: m.baskets.slice(0, n - cut), target: m.baskets[n - cut] });
	}
	return out;
}

/** Every basket a model may learn from at `cut`: each member's baskets but their last `cut`, by member. */
export function trainingBaskets(members: readonly MemberBaskets[], cut: number): number[][][] {
	return members.map((m) => m.baskets.slice(0, Math.max(0, m.baskets.length - cut)));
}
