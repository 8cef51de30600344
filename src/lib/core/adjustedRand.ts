/**
 * Adjusted Rand index (Hubert and Arabie, 1985) between two labelings of the same items: 1 when they
 * agree up to renaming the labels, about 0 for independent labelings, negative below chance. Pure.
 */

function pairs(n: number): number {
	return (n * (n - 1)) / 2;
}

export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) throw new Error(`labelings differ in length: ${a.length} vs ${b.length}`);
	const n = a.length;
	if (n < 2) return 1;
	const table = new Map<string, number>();
	const rows = new Map<number, number>();
	const cols = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const key = `${a[i]},${b[i]}`;
		table.set(key, (table.get(key) ?? 0) + 1);
		rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
		cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
	}
	let index = 0;
	for (const c of table.values()) index += pairs(c);
	let sumRows = 0;
	for (const c of rows.values()) sumRows += pairs(c);
	let sumCols = 0;
	for (const c of cols.values()) sumCols += pairs(c);
	const expected = (sumRows * sumCols) / pairs(n);
	const max = (sumRows + sumCols) / 2;
	// Both labelings put everything in one cluster (or each item alone): they agree.
	if (max === expected) return 1;
	return (index - expected) / (max - expected);
}
