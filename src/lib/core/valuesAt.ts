/**
 * A column's values at some rows, in the rows' order. A plain loop: `Float64Array.from(rows, (i) =>
 * column[i])` goes through the iterator protocol and a callback per value, about twenty times slower
 * on V8 for a few thousand rows. Pure, no DOM.
 */
export function valuesAt(column: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
	const out = new Float64Array(rows.length);
	for (let r = 0; r < rows.length; r++) out[r] = column[rows[r]];
	return out;
}
