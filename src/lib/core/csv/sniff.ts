/**
 * What a file is, from its first bytes, before any of it is decoded: a spreadsheet workbook, an
 * archive, a PDF, an image, … (named, with what to do instead), or text, and then in which
 * encoding. Works on raw bytes so a ZIP is never mistaken for text decoded as Windows-1252, and
 * UTF-16 text (Excel's "Unicode text") is decoded rather than refused. Pure, no DOM.
 */

/** Text encodings intake decodes (names as TextDecoder knows them). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type ByteSniff =
	| {
			text: true;
			encoding: TextEncodingName;
			/** How the encoding was decided: a byte-order mark, the byte pattern, or validity as UTF-8. */
			evidence: 'bom' | 'pattern' | 'valid-utf-8' | 'fallback';
	  }
	| {
			text: false;
			/** A short name for tests and logs: 'xlsx', 'xls', 'ods', 'zip', 'gzip', 'pdf', 'png', …, 'binary'. */
			kind: string;
			/** One or two sentences for the person: what the file is, and what to do. */
			message: string;
	  };

const SAVE_AS_CSV = 'In Excel, use File › Save As and choose “CSV UTF-8”; in LibreOffice or Google Sheets, choose “Download” or “Save as” CSV.';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
	if (bytes.length < at + signature.length) return false;
	for (let i = 0; i < signature.length; i++) if (bytes[at + i] !== signature[i]) return false;
	return true;
}

function ascii(text: string): number[] {
	return Array.from(text, (c) => c.charCodeAt(0));
}

/** Whether the ASCII text occurs in the first `limit` bytes. */
function contains(bytes: Uint8Array, text: string, limit = bytes.length): boolean {
	const needle = ascii(text);
	const end = Math.min(bytes.length, limit) - needle.length;
	outer: for (let i = 0; i <= end; i++) {
		for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

function notText(kind: string, message: string): ByteSniff {
	return { text: false, kind, message };
}

/** A ZIP archive: an Office Open XML workbook, an OpenDocument spreadsheet, another document, or a plain archive. */
function sniffZip(bytes: Uint8Array): ByteSniff {
	// OpenDocument files store their type uncompressed first ("mimetype" then the type).
	if (contains(bytes, 'application/vnd.oasis.opendocument.spreadsheet', 200)) {
		return notText('ods', `This is a spreadsheet (OpenDocument .ods), not a CSV file. ${SAVE_AS_CSV}`);
	}
	if (contains(bytes, 'application/vnd.oasis.opendocument', 200)) {
		return notText('odf', 'This is an OpenDocument file (a text document or presentation), not a CSV file. Export the table as CSV and choose that file.');
	}
	// Office Open XML names its parts in the archive's local headers: xl/ for Excel, word/ for Word, ppt/ for PowerPoint.
	if (contains(bytes, 'xl/')) return notText('xlsx', `This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_CSV}`);
	if (contains(bytes, 'word/')) return notText('docx', 'This is a Word document (.docx), not a CSV file. Copy the table into a spreadsheet and save it as CSV.');
	if (contains(bytes, 'ppt/')) return notText('pptx', 'This is a PowerPoint presentation (.pptx), not a CSV file.');
	return notText('zip', 'This is a ZIP archive: unzip it and choose the CSV file inside.');
}

/** Known binary formats by their leading bytes ("magic numbers"). */
const SIGNATURES: readonly { kind: string; at?: number; bytes: readonly number[]; message: string }[] = [
	{ kind: 'xls', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], message: `This is an Excel workbook (.xls, Excel 97–2003) or another older Office file, not a CSV file. ${SAVE_AS_CSV}` },
	{ kind: 'gzip', bytes: [0x1f, 0x8b], message: 'This is a gzip-compressed file (.gz), not a CSV file: decompress it and choose the CSV file inside.' },
	{ kind: 'bzip2', bytes: ascii('BZh'), message: 'This is a bzip2-compressed file (.bz2), not a CSV file: decompress it and choose the CSV file inside.' },
	{ kind: 'xz', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], message: 'This is an xz-compressed file (.xz), not a CSV file: decompress it and choose the CSV file inside.' },
	{ kind: 'zstd', bytes: [0x28, 0xb5, 0x2f, 0xfd], message: 'This is a Zstandard-compressed file (.zst), not a CSV file: decompress it and choose the CSV file inside.' },
	{ kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], message: 'This is a 7-Zip archive (.7z), not a CSV file: extract it and choose the CSV file inside.' },
	{ kind: 'rar', bytes: ascii('Rar!\u001a\u0007'), message: 'This is a RAR archive, not a CSV file: extract it and choose the CSV file inside.' },
	{ kind: 'pdf', bytes: ascii('%PDF-'), message: 'This is a PDF document, not a CSV file. Export the table from the program that made the PDF as CSV.' },
	{ kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], message: 'This is an image (PNG), not a CSV file.' },
	{ kind: 'jpeg', bytes: [0xff, 0xd8, 0xff], message: 'This is an image (JPEG photo), not a CSV file.' },
	{ kind: 'gif', bytes: ascii('GIF8'), message: 'This is an image (GIF), not a CSV file.' },
	{ kind: 'webp', at: 8, bytes: ascii('WEBP'), message: 'This is an image (WebP), not a CSV file.' },
	{ kind: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00], message: 'This is an image (TIFF), not a CSV file.' },
	{ kind: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a], message: 'This is an image (TIFF), not a CSV file.' },
	{ kind: 'bmp', bytes: ascii('BM'), message: 'This is an image (BMP), not a CSV file.' },
	{ kind: 'video', at: 4, bytes: ascii('ftyp'), message: 'This is a video or photo file (MP4, MOV or HEIC), not a CSV file.' },
	{ kind: 'audio', bytes: ascii('ID3'), message: 'This is an audio file (MP3), not a CSV file.' },
	{ kind: 'audio', bytes: ascii('OggS'), message: 'This is an audio or video file (Ogg), not a CSV file.' },
	{ kind: 'sqlite', bytes: ascii('SQLite format 3\u0000'), message: 'This is an SQLite database, not a CSV file: export the table as CSV.' },
	{ kind: 'parquet', bytes: ascii('PAR1'), message: 'This is a Parquet file, not a CSV file: convert it to CSV (e.g. with pandas: read_parquet, then to_csv).' },
	{ kind: 'executable', bytes: [0x7f, 0x45, 0x4c, 0x46], message: 'This is a program (an executable file), not a CSV file.' },
	{ kind: 'executable', bytes: ascii('MZ'), message: 'This is a Windows program or library (.exe, .dll), not a CSV file.' },
	{ kind: 'wasm', bytes: [0x00, 0x61, 0x73, 0x6d], message: 'This is a WebAssembly program, not a CSV file.' },
	{ kind: 'rtf', bytes: ascii('{\\rtf'), message: 'This is a rich-text document (.rtf), not a CSV file. Save the table as CSV instead.' }
];

/**
 * The encoding of text bytes: a byte-order mark if there is one; UTF-16 without a mark when one
 * byte of each pair is mostly zero (ASCII text written as UTF-16); else UTF-8 when the bytes are
 * valid UTF-8 (a character cut at the end of `head` is allowed); else Windows-1252 (what older
 * Excel writes as "CSV (Comma delimited)").
 */
export function textEncodingOf(head: Uint8Array): { encoding: TextEncodingName; evidence: 'bom' | 'pattern' | 'valid-utf-8' | 'fallback' } {
	if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', evidence: 'bom' };
	if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', evidence: 'bom' };
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', evidence: 'bom' };
	const pairs = Math.min(head.length >> 1, 4096);
	if (pairs >= 2) {
		let zeroEven = 0;
		let zeroOdd = 0;
		for (let i = 0; i < pairs; i++) {
			if (head[2 * i] === 0) zeroEven++;
			if (head[2 * i + 1] === 0) zeroOdd++;
		}
		if (zeroOdd > 0.4 * pairs && zeroEven < 0.05 * pairs) return { encoding: 'utf-16le', evidence: 'pattern' };
		if (zeroEven > 0.4 * pairs && zeroOdd < 0.05 * pairs) return { encoding: 'utf-16be', evidence: 'pattern' };
	}
	try {
		// Streaming mode: a character cut at the end of the chunk is not an error.
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return { encoding: 'utf-8', evidence: 'valid-utf-8' };
	} catch {
		return { encoding: 'windows-1252', evidence: 'fallback' };
	}
}

/** Share of control bytes (other than tab, line feed, form feed and carriage return) above which bytes are not text. */
export const BINARY_CONTROL_SHARE = 0.05;

/**
 * Sniff the first bytes of a file (a few kilobytes or more). Known formats are named with what to
 * do instead; text gets its encoding; anything else with many control bytes is "not text". A few
 * NUL bytes in otherwise readable text do not make it binary: the rows holding them are reported
 * by the reader.
 */
export function sniffBytes(head: Uint8Array): ByteSniff {
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(head);
	for (const s of SIGNATURES) {
		if (!startsWith(head, s.bytes, s.at ?? 0)) continue;
		// A short, printable signature ("BM", "MZ", "ID3", "PAR1", …) could begin a CSV header: also
		// require at least one control byte, which every binary format has near its start.
		if (s.bytes.length < 5 && s.bytes.every((b) => b >= 32 && b < 127) && controlShare(head) === 0) continue;
		if (s.kind === 'webp' && !startsWith(head, ascii('RIFF'))) continue;
		return notText(s.kind, s.message);
	}
	const { encoding, evidence } = textEncodingOf(head);
	if (encoding === 'utf-16le' || encoding === 'utf-16be') return { text: true, encoding, evidence };
	if (controlShare(head) >= BINARY_CONTROL_SHARE) {
		return notText('binary', 'This file is not text (it holds binary data), so it cannot be read as a CSV. If it came from a spreadsheet, save it as CSV first.');
	}
	const start = new TextDecoder('latin1').decode(head.subarray(0, 512)).trimStart().toLowerCase();
	if (start.startsWith('<?mso-application') || (start.startsWith('<?xml') && start.includes('excel.sheet'))) {
		return notText('spreadsheet-xml', `This is an Excel XML spreadsheet, not a CSV file. ${SAVE_AS_CSV}`);
	}
	return { text: true, encoding, evidence };
}

/** Share of the first 8 KB that are control bytes other than tab, LF, form feed and CR (NUL included). */
function controlShare(head: Uint8Array): number {
	const n = Math.min(head.length, 8192);
	if (n === 0) return 0;
	let odd = 0;
	for (let i = 0; i < n; i++) {
		const c = head[i];
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) odd++;
	}
	return odd / n;
}

/** A name for an encoding in a note to the person. */
export function encodingName(encoding: string): string {
	switch (encoding) {
		case 'utf-16le':
			return 'UTF-16 (little-endian, what Excel calls “Unicode text”)';
		case 'utf-16be':
			return 'UTF-16 (big-endian)';
		case 'windows-1252':
			return 'Windows-1252 (Western European, what older Excel writes as “CSV (Comma delimited)”)';
		default:
			return encoding.toUpperCase();
	}
}
