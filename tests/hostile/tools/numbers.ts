/** Every number in a value, however deep (typed arrays included): what a page could show or chart. */
export function numbersIn(value: unknown, out: number[] = []): number[] {
	if (typeof value === 'number') out.push(value);
	else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) for (const x of Array.from(value as unknown as ArrayLike<number>)) out.push(Number(x));
	else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
	else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
	return out;
}
