import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { sniffBytes, textEncodingOf } from './sniff';

const bytes = (text: string) => new TextEncoder().encode(text);
const latin = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
	const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
	let at = 0;
	if (bom) {
		out[0] = littleEndian ? 0xff : 0xfe;
		out[1] = littleEndian ? 0xfe : 0xff;
		at = 2;
	}
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[at + 2 * i] = littleEndian ? c & 0xff : c >> 8;
		out[at + 2 * i + 1] = littleEndian ? c >> 8 : c & 0xff;
	}
	return out;
}

function kind(head: Uint8Array): string {
	const s = sniffBytes(head);
	return s.text ? `text:${s.encoding}` : s.kind;
}

describe('sniffBytes', () => {
	const random = seededRandom(9);
	const noise = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
	const withMagic = (magic: number[] | Uint8Array) => new Uint8Array([...magic, ...noise(600)]);

	it('tells an xlsx, an ods and any other ZIP apart', () => {
		const local = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
		expect(kind(new Uint8Array([...local, ...bytes('[Content_Types].xml ... xl/workbook.xml')]))).toBe('xlsx');
		expect(kind(new Uint8Array([...local, ...bytes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]))).toBe('ods');
		expect(kind(new Uint8Array([...local, ...bytes('data/2011.csv')]))).toBe('zip');
		const xlsx = sniffBytes(new Uint8Array([...local, ...bytes('xl/')]));
		expect(!xlsx.text && xlsx.message).toMatch(/Excel workbook \(\.xlsx\).*Save As.*CSV UTF-8/);
		const zip = sniffBytes(new Uint8Array([...local, ...bytes('notes.txt')]));
		expect(!zip.text && zip.message).toBe('This is a ZIP archive: unzip it and choose the CSV file inside.');
	});

	it('names the usual binary formats', () => {
		expect(kind(withMagic([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
		expect(kind(withMagic([0x1f, 0x8b, 0x08]))).toBe('gzip');
		expect(kind(withMagic(bytes('%PDF-1.7\n')))).toBe('pdf');
		expect(kind(withMagic([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
		expect(kind(withMagic([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
		expect(kind(withMagic(bytes('GIF89a')))).toBe('gif');
		expect(kind(withMagic([...bytes('RIFF'), 1, 2, 3, 4, ...bytes('WEBP')]))).toBe('webp');
		expect(kind(withMagic(bytes('SQLite format 3\u0000')))).toBe('sqlite');
		expect(kind(withMagic([0x7f, 0x45, 0x4c, 0x46]))).toBe('executable');
		expect(kind(noise(5000))).toBe('binary');
	});

	it('does not take a CSV whose header starts like a short signature for a binary file', () => {
		expect(kind(bytes('BM,price\n1,2\n'))).toBe('text:utf-8');
		expect(kind(bytes('ID3,name\n1,x\n'))).toBe('text:utf-8');
		expect(kind(bytes('MZ;week\n1;2\n'))).toBe('text:utf-8');
	});

	it('decodes UTF-16 with or without a byte-order mark, and falls back to Windows-1252', () => {
		const csv = 'week\tprice\r\n1\t2\r\n';
		expect(kind(utf16(csv, true, true))).toBe('text:utf-16le');
		expect(kind(utf16(csv, false, true))).toBe('text:utf-16be');
		expect(kind(utf16(csv, true, false))).toBe('text:utf-16le');
		expect(kind(utf16(csv, false, false))).toBe('text:utf-16be');
		expect(kind(latin('week,name\n1,caf\u00e9\n'))).toBe('text:windows-1252');
		expect(textEncodingOf(bytes('\uFEFFweek')).evidence).toBe('bom');
	});

	it('keeps text with a few NUL bytes as text (the reader reports their rows)', () => {
		const text = bytes(`week,price\n${'1,2\n'.repeat(300)}3,\u00004\n`);
		expect(kind(text)).toBe('text:utf-8');
	});

	it('names an Excel XML spreadsheet', () => {
		expect(kind(bytes('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook>'))).toBe('spreadsheet-xml');
	});
});
