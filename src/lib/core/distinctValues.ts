/** Pure, no DOM. */

/** The distinct values of `values` in the order first met, and each value's place among them. */
export function distinctValues(values: ArrayLike<number>): { distinct: Float64Array; at: Int32Array } {
	const distinct: number[] = [];
	const at = new Int32Array(values.length);
	const seen = new Map<number, number>();
	for (let i = 0; i < values.length; i++) {
		let k = seen.get(values[i]);
		if (k === undefined) {
			k = distinct.length;
			seen.set(values[i], k);
			distinct.push(values[i]);
		}
		at[i] = k;
	}
	return { distinct: Float64Array.from(distinct), at };
}
