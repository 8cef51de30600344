/**
 * Sniffing the start of a table: which of comma, semicolon or tab separates its columns. Works on a
 * sample (the first few tens of kilobytes). Pure, no DOM.
 */

export type Delimiter = ',' | ';' | '\t';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** How much of a file the sniffers look at. */
export const SAMPLE_CHARS = 64 * 1024;

/** A name for a delimiter in messages. */
export function delimiterName(delimiter: string): string {
	return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : delimiter === '\t' ? 'tab' : JSON.stringify(delimiter);
}

/**
 * Why text already decoded is not a table (for text handed over as a string; files are sniffed as
 * bytes, see sniff.ts): 'workbook' for what an .xlsx (a ZIP archive) or .xls (an OLE compound file)
 * look like decoded, 'binary' when more than 5% of the first 8 KB are control characters (NUL
 * included) or undecodable bytes; null when it reads as text. A few NUL characters in text do not
 * make it binary: the reader reports the rows that hold them.
 */
export function binaryKind(sample: string): 'workbook' | 'binary' | null {
	if (sample.startsWith('PK\u0003\u0004')) return 'workbook';
	// D0 CF 11 E0 read as Windows-1252.
	if (sample.startsWith('\u00d0\u00cf\u0011\u00e0')) return 'workbook';
	const n = Math.min(sample.length, 8192);
	let odd = 0;
	for (let i = 0; i < n; i++) {
		const c = sample.charCodeAt(i);
		// Control characters other than tab/LF/CR/form feed, and U+FFFD (bytes that were not UTF-8).
		if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
	}
	return n > 0 && odd / n > 0.05 ? 'binary' : null;
}

/**
 * Count, for each candidate delimiter, the fields of each record in the sample. Quote-aware: delimiters
 * and line breaks inside double quotes do not count. Blank lines are skipped. When the sample is cut
 * from a longer file (`complete` false) its last, possibly partial, record is dropped.
 */
export function fieldCounts(sample: string, complete: boolean, maxRecords = 60): Record<Delimiter, number[]> {
	const counts: Record<Delimiter, number[]> = { ',': [], ';': [], '\t': [] };
	let comma = 0;
	let semicolon = 0;
	let tab = 0;
	let blank = true;
	let inQuotes = false;
	let records = 0;
	const end = () => {
		if (!blank) {
			counts[','].push(comma + 1);
			counts[';'].push(semicolon + 1);
			counts['\t'].push(tab + 1);
			records++;
		}
		comma = semicolon = tab = 0;
		blank = true;
	};
	for (let i = 0; i < sample.length && records < maxRecords; i++) {
		const c = sample[i];
		if (c === '"') {
			inQuotes = !inQuotes;
			blank = false;
		} else if (inQuotes) continue;
		else if (c === '\n' || c === '\r') end();
		else if (c === ',') {
			comma++;
			blank = false;
		} else if (c === ';') {
			semicolon++;
			blank = false;
		} else if (c === '\t') tab++;
		else if (c !== ' ' && c !== '\uFEFF') blank = false;
	}
	if (complete && records < maxRecords) end();
	return counts;
}

export type DelimiterGuess =
	| {
			ok: true;
			delimiter: Delimiter;
			/** Fields in the first (header) record. */
			fieldCount: number;
			/** Share of sampled records with the header's field count (1 = all). */
			consistency: number;
	  }
	| {
			ok: false;
			/**
			 * 'blank': nothing but whitespace; 'single-column': no candidate splits the header (could be
			 * prose, another delimiter, or a genuine one-column file); 'inconsistent': field counts vary
			 * so much the text is unlikely to be a table.
			 */
			reason: 'blank' | 'single-column' | 'inconsistent';
			message: string;
			/** For 'inconsistent': the best candidate anyway (a caller may still try it if the header makes sense). */
			delimiter?: Delimiter;
	  };

/**
 * Pick the delimiter that splits the header into more than one field and gives the most records the
 * same field count as the header (ties: more fields, then comma > semicolon > tab).
 */
export function detectDelimiter(sample: string, complete = true): DelimiterGuess {
	const counts = fieldCounts(sample, complete);
	const records = counts[','].length;
	if (records === 0) return { ok: false, reason: 'blank', message: 'The file contains only blank lines.' };

	let best: { delimiter: Delimiter; fieldCount: number; consistency: number } | null = null;
	for (const delimiter of DELIMITERS) {
		const perRecord = counts[delimiter];
		const fieldCount = perRecord[0];
		if (fieldCount < 2) continue;
		let same = 0;
		for (const n of perRecord) if (n === fieldCount) same++;
		const consistency = same / perRecord.length;
		if (
			!best ||
			consistency > best.consistency + 1e-9 ||
			(Math.abs(consistency - best.consistency) <= 1e-9 && fieldCount > best.fieldCount)
		) {
			best = { delimiter, fieldCount, consistency };
		}
	}
	if (!best) {
		return {
			ok: false,
			reason: 'single-column',
			message: 'This does not look like a CSV table: no commas, semicolons or tabs separate columns in its first line.'
		};
	}
	if (records >= 4 && best.consistency < 0.5) {
		const perRecord = counts[best.delimiter];
		const other = perRecord.findIndex((n) => n !== best.fieldCount);
		return {
			ok: false,
			reason: 'inconsistent',
			delimiter: best.delimiter,
			message:
				`This does not look like a CSV table: its lines have different numbers of ${delimiterName(best.delimiter)}-separated values ` +
				`(the first has ${best.fieldCount}, another has ${perRecord[other]}).`
		};
	}
	return { ok: true, ...best };
}
