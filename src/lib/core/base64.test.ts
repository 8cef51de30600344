import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import { seededRandom } from './random';

describe('base64', () => {
	it('matches the standard encoding for every padding length', () => {
		for (const s of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
			const bytes = new TextEncoder().encode(s);
			expect(bytesToBase64(bytes)).toBe(btoa(s));
			expect(Array.from(base64ToBytes(btoa(s)))).toEqual(Array.from(bytes));
		}
	});
	it('round-trips random bytes', () => {
		const r = seededRandom(7);
		const bytes = Uint8Array.from({ length: 100_001 }, () => Math.floor(r() * 256));
		expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
	});
});

describe('base64 against Node Buffer', () => {
	it('matches Node Buffer for every length 0-40 and random bytes', () => {
		const random = seededRandom(9);
		for (let n = 0; n <= 40; n++) {
			const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
			const text = bytesToBase64(bytes);
			expect(text).toBe(Buffer.from(bytes).toString('base64'));
			expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
		}
	});

	it('handles long inputs across chunk boundaries and rejects bad characters', () => {
		const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 0xff);
		const text = bytesToBase64(bytes);
		expect(text).toBe(Buffer.from(bytes).toString('base64'));
		expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
		expect(() => base64ToBytes('ab$d')).toThrow(RangeError);
	});
});
