import { describe, expect, it } from 'vitest';
import { readBlobText } from './source';

describe('readBlobText', () => {
	it('refuses what is not text by name, and decodes UTF-16 with a note', async () => {
		const png = await readBlobText(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]));
		expect(png.ok ? '' : png.failure.message).toMatch(/image \(PNG\)/);
		const empty = await readBlobText(new Blob([]));
		expect(empty.ok ? '' : empty.failure.message).toMatch(/empty \(0 bytes\)/);
		const text = 'a,b\n1,é\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
		const utf16 = await readBlobText(new Blob([bytes]));
		expect(utf16.ok && utf16.text).toBe(text);
		expect(utf16.ok && utf16.notes.map((n) => n.kind)).toEqual(['encoding']);
		const plain = await readBlobText(new Blob(['\ufeffa,b\n']));
		expect(plain.ok && plain.text).toBe('a,b\n');
		expect(plain.ok && plain.notes).toEqual([]);
	});
});
