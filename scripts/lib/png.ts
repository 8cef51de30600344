// A minimal PNG writer and reader (8-bit RGBA, no interlace) on node:zlib, for the app icons
// (scripts/make-icons.ts) and the tests that check them. No image library needed.
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	out.set(data, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

export interface RgbaImage {
	width: number;
	height: number;
	/** width x height x 4 bytes, row by row, straight (not premultiplied) alpha. */
	pixels: Uint8Array;
}

/** Encode an RGBA image as PNG. Deterministic: the same pixels always give the same bytes. */
export function encodePng({ width, height, pixels }: RgbaImage): Buffer {
	if (pixels.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of pixels, got ${pixels.length}`);
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // colour type: RGBA
	header[10] = 0; // deflate
	header[11] = 0; // adaptive filtering
	header[12] = 0; // no interlace
	// Filter "Sub" on every row: flat colour areas become runs of zeros, which deflate well.
	const stride = width * 4;
	const raw = Buffer.alloc((stride + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (stride + 1);
		raw[row] = 1;
		for (let x = 0; x < stride; x++) {
			const i = y * stride + x;
			raw[row + 1 + x] = (pixels[i] - (x >= 4 ? pixels[i - 4] : 0)) & 0xff;
		}
	}
	return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

/** Decode a PNG written by encodePng (8-bit RGBA, any of the five row filters). Checks every CRC. */
export function decodePng(png: Uint8Array): RgbaImage {
	const bytes = Buffer.from(png);
	if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
	let offset = 8;
	let width = 0;
	let height = 0;
	const idat: Buffer[] = [];
	for (;;) {
		if (offset + 12 > bytes.length) throw new Error('truncated PNG');
		const length = bytes.readUInt32BE(offset);
		const type = bytes.toString('ascii', offset + 4, offset + 8);
		const data = bytes.subarray(offset + 8, offset + 8 + length);
		if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type}`);
		offset += 12 + length;
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('only 8-bit RGBA, non-interlaced PNGs are read');
		} else if (type === 'IDAT') idat.push(data);
		else if (type === 'IEND') break;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * 4;
	const pixels = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		for (let x = 0; x < stride; x++) {
			const value = raw[y * (stride + 1) + 1 + x];
			const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
			const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
			const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
			let predictor = 0;
			if (filter === 1) predictor = left;
			else if (filter === 2) predictor = up;
			else if (filter === 3) predictor = (left + up) >> 1;
			else if (filter === 4) {
				const p = left + up - upLeft;
				const pa = Math.abs(p - left);
				const pb = Math.abs(p - up);
				const pc = Math.abs(p - upLeft);
				predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
			} else if (filter !== 0) throw new Error(`unknown row filter ${filter}`);
			pixels[y * stride + x] = (value + predictor) & 0xff;
		}
	}
	return { width, height, pixels };
}
