/**
 * Feeding a file into a CsvReader: a File/Blob read slice by slice (its first bytes sniffed for what
 * it is and its encoding, then decoded by a streaming TextDecoder so characters split across slices
 * stay whole), or text already in memory. Checks the abort signal around every read and reports
 * progress. Works in a Web Worker, on the main thread and in Node. Pure, no DOM.
 */
import { binaryKind, SAMPLE_CHARS } from './delimiter';
import { EMPTY_FILE, failure } from './messages';
import type { CsvReader } from './reader';
import { encodingName, sniffBytes } from './sniff';
import type { CsvJobFailure, FileNote } from './types';

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;

export interface FeedOptions {
	/** Bytes (Blob) or characters (text) handed over at a time; at least 64 KB for a Blob. */
	chunkSize?: number;
	signal?: AbortSignal;
	/** Called after each chunk with the share of the input read (0..1). */
	onProgress?: (fraction: number) => void;
	/** Decode with this encoding (a later part of a file) instead of sniffing the first bytes. */
	encoding?: string;
	/** Filled with the milliseconds spent waiting for bytes and decoding them. */
	timings?: { readMs: number };
}

export interface Fed {
	/** A whole-file failure found before reading (not text, not decodable); the reader's own come from `reader.finish()`. */
	failure: CsvJobFailure | null;
	/** The text encoding the file was decoded with. */
	encoding: string;
	/** A note when the file was not UTF-8. */
	notes: FileNote[];
}

function encodingNote(encoding: string): FileNote[] {
	if (encoding === 'utf-8') return [];
	return [{ kind: 'encoding', text: `The file is not UTF-8 text: it was read as ${encodingName(encoding)}.` }];
}

/** Read a File/Blob into the reader, chunk by chunk, until the end or until the reader stops. */
export async function feedBlob(blob: Blob, reader: CsvReader, options: FeedOptions = {}): Promise<Fed> {
	const size = blob.size;
	const { signal, onProgress, timings } = options;
	const chunkSize = Math.max(SAMPLE_CHARS, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	if (size === 0) return { failure: failure('empty', EMPTY_FILE), encoding: 'utf-8', notes: [] };
	let decoder: TextDecoder | null = null;
	let encoding = options.encoding ?? 'utf-8';
	// The next slice is requested before the current one is handed over, so reading the file (done
	// outside this thread) overlaps with the reader's work on the current slice.
	const request = (at: number) => blob.slice(at, Math.min(size, at + chunkSize)).arrayBuffer();
	let pending: Promise<ArrayBuffer> | null = request(0);
	let waitFrom = timings ? performance.now() : 0;
	for (let at = 0; at < size && !reader.finished; at += chunkSize) {
		signal?.throwIfAborted();
		const end = Math.min(size, at + chunkSize);
		const bytes = new Uint8Array(await (pending as Promise<ArrayBuffer>));
		pending = end < size ? request(end) : null;
		signal?.throwIfAborted();
		if (!decoder) {
			if (!options.encoding) {
				const sniffed = sniffBytes(bytes);
				if (!sniffed.text) return { failure: failure('not-csv', sniffed.message), encoding, notes: [] };
				encoding = sniffed.encoding;
			}
			decoder = new TextDecoder(encoding);
			reader.encoding = encoding;
		}
		const last = end === size;
		const text = decoder.decode(bytes, { stream: !last });
		if (timings) timings.readMs += performance.now() - waitFrom;
		reader.push(text, last);
		onProgress?.(end / size);
		if (timings) waitFrom = performance.now();
	}
	pending?.catch(() => {});
	signal?.throwIfAborted();
	return { failure: null, encoding, notes: options.encoding ? [] : encodingNote(encoding) };
}

/** Read text already in memory into the reader, `chunkSize` characters at a time (synchronous). */
export function feedText(text: string, reader: CsvReader, options: Pick<FeedOptions, 'chunkSize' | 'onProgress'> = {}): Fed {
	const chunkSize = Math.max(1024, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.length === 0) return { failure: failure('empty', EMPTY_FILE), encoding: 'utf-8', notes: [] };
	const binary = binaryKind(text.slice(0, SAMPLE_CHARS));
	if (binary === 'workbook') {
		return { failure: failure('not-csv', 'This looks like an Excel workbook or a ZIP archive, not a CSV file. In Excel, use File › Save As and choose “CSV UTF-8”.'), encoding: 'utf-8', notes: [] };
	}
	if (binary === 'binary') return { failure: failure('not-csv', 'This file is not text (it contains binary data), so it cannot be read as a CSV.'), encoding: 'utf-8', notes: [] };
	for (let at = 0; at < text.length && !reader.finished; at += chunkSize) {
		const end = Math.min(text.length, at + chunkSize);
		reader.push(text.slice(at, end), end === text.length);
		options.onProgress?.(end / text.length);
	}
	return { failure: null, encoding: 'utf-8', notes: [] };
}

export type BlobText = { ok: true; text: string; encoding: string; notes: FileNote[] } | { ok: false; failure: CsvJobFailure };

/**
 * A whole File/Blob as text, for a tool whose reader needs the text at once (a layout told apart by
 * its first line): the first bytes sniffed as `feedBlob` does (a workbook, an image, a PDF, … named
 * and refused; UTF-16 and Windows-1252 decoded, with a note), a byte-order mark dropped.
 */
export async function readBlobText(blob: Blob): Promise<BlobText> {
	if (blob.size === 0) return { ok: false, failure: failure('empty', EMPTY_FILE) };
	const bytes = new Uint8Array(await blob.arrayBuffer());
	const sniffed = sniffBytes(bytes.subarray(0, SAMPLE_CHARS));
	if (!sniffed.text) return { ok: false, failure: failure('not-csv', sniffed.message) };
	const text = new TextDecoder(sniffed.encoding).decode(bytes);
	return { ok: true, text, encoding: sniffed.encoding, notes: encodingNote(sniffed.encoding) };
}
