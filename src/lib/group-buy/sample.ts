/**
 * The project's own seeded generator of group members and their purchases: the demo group on the
 * page's first view, the sample files and the browser tests' files. It draws from aggregate item
 * statistics only (how many training baskets held each item), never from a real member's baskets.
 *
 * Distributions (also in the README and the model card):
 * - members: named from a fixed list of 30 first names, in order;
 * - favourites: each member has 2 to 4 favourite items (uniform), drawn by popularity;
 * - baskets: 2 to 6 per member (uniform), one every 3 to 16 days (uniform) from a start day in
 *   the first 30 days of 2026 (uniform);
 * - basket contents: each favourite with probability 0.5, then 1 + Poisson(1.2) items drawn by
 *   popularity (each item in proportion to the baskets that held it), without repeats;
 * - usual items (what the member would tick in the form): the favourites, and any item in at least
 *   two of the member's baskets.
 *
 * Pure TS, no DOM.
 */
import { poisson, seededRandom } from '../core/random';

export const SAMPLE_NAMES = [
	'Asha', 'Ravi', 'Meena', 'Imran', 'Priya', 'Suresh', 'Fatima', 'Arjun', 'Lakshmi', 'Vikram',
	'Neha', 'Rahul', 'Sunita', 'Manoj', 'Kavita', 'Deepak', 'Anjali', 'Sanjay', 'Pooja', 'Ramesh',
	'Geeta', 'Amit', 'Rekha', 'Nitin', 'Shabana', 'Karan', 'Usha', 'Farhan', 'Divya', 'Gopal'
] as const;

export interface SampleBasket {
	/** DD-MM-YYYY, the Groceries layout. */
	date: string;
	items: number[];
}

export interface SampleMember {
	name: string;
	favourites: number[];
	baskets: SampleBasket[];
	/** Favourites and items bought in two or more baskets, ascending. */
	usual: number[];
}

function drawByWeight(weights: ArrayLike<number>, total: number, random: () => number): number {
	let target = random() * total;
	for (let i = 0; i < weights.length; i++) {
		target -= weights[i];
		if (target < 0) return i;
	}
	return weights.length - 1;
}

function formatDay(day: number): string {
	const d = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
	return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/** `count` members (at most 30) with purchases drawn by item popularity (`basketCounts`, one per catalogue item). */
export function sampleMembers(basketCounts: ArrayLike<number>, count: number, seed: number): SampleMember[] {
	if (!Number.isInteger(count) || count < 1 || count > SAMPLE_NAMES.length) throw new RangeError(`count must be 1..${SAMPLE_NAMES.length}, not ${count}`);
	const random = seededRandom(seed);
	let total = 0;
	for (let i = 0; i < basketCounts.length; i++) total += basketCounts[i];
	if (!(total > 0)) throw new RangeError('Item popularity is all zero');
	const draw = () => drawByWeight(basketCounts, total, random);
	return SAMPLE_NAMES.slice(0, count).map((name) => {
		const favourites = new Set<number>();
		const nFavourites = 2 + Math.floor(random() * 3);
		while (favourites.size < nFavourites) favourites.add(draw());
		const nBaskets = 2 + Math.floor(random() * 5);
		let day = Math.floor(random() * 30);
		const baskets: SampleBasket[] = [];
		const times = new Map<number, number>();
		for (let b = 0; b < nBaskets; b++) {
			const items = new Set<number>();
			for (const f of favourites) if (random() < 0.5) items.add(f);
			const extra = 1 + poisson(random, 1.2);
			for (let k = 0; k < extra; k++) items.add(draw());
			const sorted = [...items].sort((a, c) => a - c);
			for (const i of sorted) times.set(i, (times.get(i) ?? 0) + 1);
			baskets.push({ date: formatDay(day), items: sorted });
			day += 3 + Math.floor(random() * 14);
		}
		const usual = [...new Set([...favourites, ...[...times].filter(([, t]) => t >= 2).map(([i]) => i)])].sort((a, c) => a - c);
		return { name, favourites: [...favourites].sort((a, c) => a - c), baskets, usual };
	});
}

/** Generated members as a purchase log in the Groceries layout (Member_number, Date, itemDescription). */
export function sampleLogCsv(members: readonly SampleMember[], items: readonly string[]): string {
	const lines = ['Member_number,Date,itemDescription'];
	for (const m of members) for (const b of m.baskets) for (const i of b.items) lines.push(`${m.name},${b.date},${items[i]}`);
	return `${lines.join('\n')}\n`;
}

/** A group file (group, member) putting generated members into groups of `size`, in order. */
export function sampleGroupsCsv(members: readonly SampleMember[], size: number): string {
	const lines = ['group,member'];
	members.forEach((m, i) => lines.push(`Block ${String.fromCharCode(65 + Math.floor(i / size))},${m.name}`));
	return `${lines.join('\n')}\n`;
}
