import { describe, expect, it } from 'vitest';
import { PythonRandom } from './pythonRandom.ts';

// Expected values printed by CPython 3.11: random.Random(42).getrandbits(32) x3, and shuffles.
describe('PythonRandom', () => {
	it('draws the same 32-bit words as random.Random(42)', () => {
		const r = new PythonRandom(42);
		expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([2746317213, 478163327, 107420369]);
	});

	it('shuffles as random.Random(42).shuffle', () => {
		const small = Array.from({ length: 10 }, (_, i) => i);
		new PythonRandom(42).shuffle(small);
		expect(small).toEqual([7, 3, 2, 8, 5, 6, 9, 4, 0, 1]);
		const big = Array.from({ length: 1000 }, (_, i) => i);
		new PythonRandom(42).shuffle(big);
		expect(big.slice(0, 8)).toEqual([776, 507, 895, 922, 33, 483, 85, 750]);
		expect(big.slice(-3)).toEqual([25, 114, 654]);
	});
});
