/**
 * CPython's `random.Random(seed).shuffle` (Mersenne Twister MT19937 seeded by `init_by_array`,
 * `_randbelow` by rejection on `getrandbits`), so training can draw exactly the random split the
 * reference script `../shared/bench/groupbuy_baselines.py` draws with `random.Random(42)`, and
 * its figures can be reproduced row for row. Training only (not shipped).
 */

const N = 624;
const M = 397;

/** MT19937 seeded as CPython seeds it from a non-negative integer below 2^32. */
export class PythonRandom {
	private readonly mt = new Uint32Array(N);
	private index = N + 1;

	constructor(seed: number) {
		if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer in [0, 2^32), not ${seed}`);
		this.initByArray([seed]);
	}

	private initGenrand(s: number): void {
		const mt = this.mt;
		mt[0] = s >>> 0;
		for (let i = 1; i < N; i++) {
			const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
			mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
		}
		this.index = N;
	}

	private initByArray(key: number[]): void {
		const mt = this.mt;
		this.initGenrand(19650218);
		let i = 1;
		let j = 0;
		for (let k = Math.max(N, key.length); k > 0; k--) {
			const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
			mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
			i++;
			j++;
			if (i >= N) {
				mt[0] = mt[N - 1];
				i = 1;
			}
			if (j >= key.length) j = 0;
		}
		for (let k = N - 1; k > 0; k--) {
			const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
			mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
			i++;
			if (i >= N) {
				mt[0] = mt[N - 1];
				i = 1;
			}
		}
		mt[0] = 0x80000000;
	}

	/** The next 32-bit output (`genrand_uint32`). */
	nextUint32(): number {
		const mt = this.mt;
		if (this.index >= N) {
			for (let k = 0; k < N; k++) {
				const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
				mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
			}
			this.index = 0;
		}
		let y = mt[this.index++];
		y ^= y >>> 11;
		y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
		y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
		y ^= y >>> 18;
		return y >>> 0;
	}

	/** `getrandbits(k)` for 1 <= k <= 32. */
	getrandbits(k: number): number {
		if (!Number.isInteger(k) || k < 1 || k > 32) throw new RangeError(`k must be 1..32, not ${k}`);
		return this.nextUint32() >>> (32 - k);
	}

	/** `_randbelow(n)`: uniform in [0, n), n below 2^32. */
	randbelow(n: number): number {
		const k = Math.floor(Math.log2(n)) + 1;
		let r = this.getrandbits(k);
		while (r >= n) r = this.getrandbits(k);
		return r;
	}

	/** `shuffle(x)` in place, as CPython 3.11 does it. */
	shuffle<T>(x: T[]): void {
		for (let i = x.length - 1; i > 0; i--) {
			const j = this.randbelow(i + 1);
			const t = x[i];
			x[i] = x[j];
			x[j] = t;
		}
	}
}
