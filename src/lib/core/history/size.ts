/**
 * The approximate size of structured-clone data in bytes: strings at two bytes a character, numbers
 * eight, typed arrays and ArrayBuffers their byte length, plus a little per key and item. Close
 * enough to tell a person "1.2 MB" and to see which runs fill the device; not an exact measure
 * of what IndexedDB writes.
 */
export function estimateSize(value: unknown): number {
	const seen = new Set<object>();
	const walk = (v: unknown): number => {
		switch (typeof v) {
			case 'string':
				return 2 * v.length;
			case 'number':
			case 'bigint':
				return 8;
			case 'boolean':
				return 4;
			case 'undefined':
				return 0;
			case 'object': {
				if (v === null) return 0;
				if (seen.has(v)) return 0;
				seen.add(v);
				if (ArrayBuffer.isView(v)) return v.byteLength;
				if (v instanceof ArrayBuffer) return v.byteLength;
				if (v instanceof Date) return 8;
				if (v instanceof Map) {
					let total = 0;
					for (const [key, item] of v) total += walk(key) + walk(item);
					return total;
				}
				if (v instanceof Set || Array.isArray(v)) {
					let total = 0;
					for (const item of v) total += walk(item) + 1;
					return total;
				}
				let total = 0;
				for (const [key, item] of Object.entries(v)) total += 2 * key.length + walk(item);
				return total;
			}
			default:
				return 0;
		}
	};
	return walk(value);
}
