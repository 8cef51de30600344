/** Base64 for bytes, in Node and browsers alike (no Buffer, no DOM). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
	let out = '';
	const chunk: string[] = [];
	let i = 0;
	for (; i + 2 < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
		chunk.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], ALPHABET[n & 63]);
		if (chunk.length >= 8192) {
			out += chunk.join('');
			chunk.length = 0;
		}
	}
	const rest = bytes.length - i;
	if (rest === 1) {
		const n = bytes[i] << 16;
		chunk.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], '==');
	} else if (rest === 2) {
		const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
		chunk.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], '=');
	}
	return out + chunk.join('');
}

/** Decode base64 (padding optional); throws a RangeError on any other character. */
export function base64ToBytes(text: string): Uint8Array {
	const clean = text.replace(/=+$/, '');
	if (/[^A-Za-z0-9+/]/.test(clean)) throw new RangeError('not base64: unexpected character');
	const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
	let o = 0;
	let i = 0;
	for (; i + 3 < clean.length; i += 4) {
		const n =
			(LOOKUP[clean.charCodeAt(i)] << 18) |
			(LOOKUP[clean.charCodeAt(i + 1)] << 12) |
			(LOOKUP[clean.charCodeAt(i + 2)] << 6) |
			LOOKUP[clean.charCodeAt(i + 3)];
		out[o++] = n >> 16;
		out[o++] = (n >> 8) & 255;
		out[o++] = n & 255;
	}
	const rest = clean.length - i;
	if (rest >= 2) {
		const n = (LOOKUP[clean.charCodeAt(i)] << 18) | (LOOKUP[clean.charCodeAt(i + 1)] << 12) | (rest === 3 ? LOOKUP[clean.charCodeAt(i + 2)] << 6 : 0);
		out[o++] = n >> 16;
		if (rest === 3) out[o++] = (n >> 8) & 255;
	}
	return out.subarray(0, o);
}
