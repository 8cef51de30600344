/**
 * The one CSV reader every tool's intake is built on: decoded text in, chunk by chunk; records out,
 * one call per non-blank record, to the tool's `RecordSink` (a row validator, a streaming
 * aggregator, …). It
 *   - sniffs the first 64 KB for the delimiter (comma, semicolon or tab);
 *   - reads line endings line by line (CRLF, LF, CR and any mix, also across chunk boundaries; see
 *     lineEndings.ts) and splits records with papaparse's incremental parser;
 *   - reads the header row: matches it to the schema, refuses a file with none of its columns or
 *     without a required one, or with more than MAX_COLUMNS columns, and notes duplicated columns;
 *   - keeps out, by row and column, records holding NUL characters (zero bytes) anywhere in the file;
 *   - notices a quote that is never closed (the record that opened it swallowed the rest of the file)
 *     and a record longer than MAX_RECORD_CHARS (reading stops there, with the row named), so neither
 *     can make reading slow or silently shrink the file.
 * A later part of a file (read on another thread) is read with the layout of the first part's
 * header (`options.part`). Pure, no DOM: runs in workers, on the main thread and in Node.
 */
import Papa from 'papaparse';
import type { Parser, ParseResult } from 'papaparse';
import { formatCountPlain } from '../numberText';
import type { RowIssue, TableSchema } from '../schema';
import { DELIMITERS, detectDelimiter, SAMPLE_CHARS, type Delimiter } from './delimiter';
import { columnPosition, duplicateHeaderNotes, matchHeaders, type DuplicateHeader } from './headers';
import { LineEndings, type LineEndingCounts, type Newline } from './lineEndings';
import { BLANK_FILE, countChar, EMPTY_FILE, failure, MAX_COLUMNS, MAX_RECORD_CHARS, nulReason, streamNotes } from './messages';
import type { CsvJobFailure, FileNote } from './types';

export { MAX_COLUMNS, MAX_RECORD_CHARS };

/** What a file's header row set up; enough to read a later part of the file elsewhere. */
export interface CsvLayout {
	delimiter: Delimiter;
	/** Numbers may use a decimal comma (semicolon- and tab-separated files). */
	decimalComma: boolean;
	/** For each header position, the canonical key it feeds, or null when ignored. */
	mapping: (string | null)[];
	/** A name per header position for messages: the schema label, or the header text. */
	columnNames: string[];
	/** Header text -> canonical key. */
	matchedColumns: Record<string, string>;
	/** Header cells that matched no column. */
	ignoredColumns: string[];
	/** Labels of optional columns the file lacks. */
	missingOptional: string[];
	/** Header cells naming a column an earlier cell already supplied (ignored). */
	duplicates: DuplicateHeader[];
}

/** Where a tool's reading code receives records. */
export interface RecordSink {
	/** The header was read and matched (not called when reading a part with a known layout). */
	header?(layout: CsvLayout): void;
	/** One non-blank data record: its fields as split, and its spreadsheet row number (header = 1). */
	record(fields: string[], row: number): void;
	/**
	 * Optional, for sinks that read plain lines faster than split fields: one non-blank data record
	 * given as `text[start, end)`, a line without quotes, carriage returns or NUL characters (so its
	 * fields are exactly `text.slice(start, end).split(delimiter)`, as the parser would split them).
	 * The reader hands over such lines, skipping the parser, only when a whole chunk has none of those
	 * characters; everything else comes through `record`.
	 */
	line?(text: string, start: number, end: number, row: number): void;
	/** One data record that cannot be read at all (NUL bytes, an unclosed quote, too long), with the reason. */
	unreadable(issue: RowIssue): void;
}

export interface CsvReaderOptions {
	/** Read a later part of a file: no sniffing and no header row; records use this layout. */
	part?: CsvLayout;
	/** Filled with the milliseconds spent splitting records (papaparse) and in the sink. */
	timings?: { parseMs: number; sinkMs: number };
}

/** Space, tab, CR, no-break space or BOM: what a blank record may hold. */
const isBlankChar = (c: number) => c === 32 || c === 9 || c === 13 || c === 160 || c === 0xfeff;

/** `isBlankRecord` of a plain line's fields: nothing but blank characters and delimiters. */
function isBlankLine(text: string, start: number, end: number, delimiter: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== delimiter && !isBlankChar(c)) return false;
	}
	return true;
}

/** Whether text may be cut into records at its line feeds: no quotes, carriage returns or NUL characters. */
function plainLines(text: string): boolean {
	return text.indexOf('"') === -1 && text.indexOf('\r') === -1 && text.indexOf('\0') === -1;
}

function isBlankRecord(fields: readonly string[]): boolean {
	for (const field of fields) {
		for (let i = 0; i < field.length; i++) {
			if (!isBlankChar(field.charCodeAt(i))) return false;
		}
	}
	return true;
}

const NUL_REASON = nulReason('row');

export class CsvReader {
	/** Set when the file as a whole cannot be read; nothing more is read. */
	failure: CsvJobFailure | null = null;
	/** Set once the header row is read (or from `options.part`). */
	layout: CsvLayout | null = null;
	/** Row number of the last record read (blank lines and the header included). */
	recordsRead = 0;
	/** A quote opened in `row` is never closed: the record swallowed `swallowedLines` further lines. */
	unclosedQuote: { row: number; swallowedLines: number } | null = null;
	/** The row where reading stopped before the end of the file (a record longer than MAX_RECORD_CHARS). */
	stoppedAt: number | null = null;
	/** Notes about the header (duplicated columns, NUL characters). */
	readonly headerNotes: FileNote[] = [];
	/** The text encoding of the input (set by source.ts before the first chunk). */
	encoding = 'utf-8';

	private sample = '';
	/** One parser per line end: each chunk is read with the one its line ends use (lineEndings.ts). */
	private parsers: Record<Newline, Parser> | null = null;
	private endings: LineEndings | null = null;
	private partial = '';
	private doubt: string | null = null;
	private delimiter: Delimiter = ',';
	private done = false;
	private sawText = false;

	constructor(
		private readonly schema: TableSchema,
		private readonly sink: RecordSink,
		private readonly options: CsvReaderOptions = {}
	) {
		if (options.part) {
			this.layout = options.part;
			this.begin(options.part.delimiter);
		}
	}

	/** Whether reading has ended (the final chunk, a whole-file failure, or a stop). */
	get finished(): boolean {
		return this.done;
	}

	/** Line ends seen so far, by kind (outside quoted values): every record but the last ended in one. */
	get lineEndings(): LineEndingCounts {
		return this.endings?.countsFor(Math.max(0, this.recordsRead - 1)) ?? { crlf: 0, lf: 0, cr: 0 };
	}

	/** Feed the next piece of text; `final` for the last one. Ignored once reading has ended. */
	push(text: string, final: boolean): void {
		if (this.done) return;
		if (!this.sawText && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		if (text.length > 0) this.sawText = true;
		if (!this.parsers) {
			this.sample += text;
			if (this.sample.length < SAMPLE_CHARS && !final) return;
			text = this.sample;
			this.sample = '';
			if (!this.sniff(text, final)) {
				this.done = true;
				return;
			}
		}
		this.parse(text, final);
		if (final) this.done = true;
	}

	/** After the last chunk: the whole-file failure, if any (nothing but blank lines, no header), else null. */
	finish(): CsvJobFailure | null {
		if (this.failure) return this.failure;
		if (!this.sawText) return failure('empty', EMPTY_FILE);
		if (!this.layout) return failure('empty', BLANK_FILE);
		return null;
	}

	/** Notes on the whole file so far: the header's, mixed line endings, an unclosed quote, a stop. */
	notes(): FileNote[] {
		return [...this.headerNotes, ...streamNotes(this.lineEndings, this.unclosedQuote, this.stoppedAt)];
	}

	private begin(delimiter: Delimiter): void {
		this.delimiter = delimiter;
		const parser = (newline: Newline) => new Papa.Parser({ delimiter, newline, quoteChar: '"' });
		this.parsers = { '\n': parser('\n'), '\r\n': parser('\r\n'), '\r': parser('\r') };
		this.endings = new LineEndings(delimiter);
	}

	/** Decide the delimiter from the sample (the first 64 KB, or the whole text when shorter). */
	private sniff(text: string, final: boolean): boolean {
		const sample = text.slice(0, SAMPLE_CHARS);
		const complete = final && text.length <= SAMPLE_CHARS;
		if (final && text.length === 0) {
			this.failure = failure('empty', EMPTY_FILE);
			return false;
		}
		const guess = detectDelimiter(sample, complete);
		let delimiter: Delimiter = ',';
		if (guess.ok) delimiter = guess.delimiter;
		else if (guess.reason === 'blank' && complete) {
			this.failure = failure('empty', BLANK_FILE);
			return false;
		} else if (guess.reason === 'blank') {
			// Not one whole line in 64 KB: take the candidate that occurs most; the header check follows.
			let most = 0;
			for (const d of DELIMITERS) {
				const n = countChar(sample, d);
				if (n > most) [most, delimiter] = [n, d];
			}
		} else {
			// Still read the header: a one-column file (or a table with a few stray delimiters) whose header
			// names schema columns is a table; anything else gets the sniffing message.
			delimiter = guess.delimiter ?? ',';
			this.doubt = guess.message;
		}
		this.begin(delimiter);
		return true;
	}

	private parse(chunk: string, final: boolean): void {
		const endings = this.endings as LineEndings;
		const text = endings.push(chunk, final);
		const input = this.partial.length === 0 ? text : this.partial + text;
		if (this.sink.line && plainLines(input)) this.parseLines(input, final);
		else this.parseRecords(input, final);
	}

	/**
	 * A chunk without quotes, carriage returns or NUL characters, cut at its line feeds, each record
	 * given to the sink as a line (`RecordSink.line`): the records, row numbers, blank lines skipped
	 * and the text held for the next chunk are the parser's. Lines before the header (it and any blank
	 * lines above it) still go through the parser, so the header is read as always.
	 */
	private parseLines(input: string, final: boolean): void {
		const timings = this.options.timings;
		const t0 = timings ? performance.now() : 0;
		let start = 0;
		while (this.layout === null) {
			const end = input.indexOf('\n', start);
			if (end === -1) break;
			this.parseRecords(input.slice(start, end + 1), false);
			start = end + 1;
			if (this.failure || this.done) return;
			if (this.partial.length > 0) {
				// Not expected after a whole line; read the rest with the parser to be safe.
				const rest = this.partial + input.slice(start);
				this.partial = '';
				this.parseRecords(rest, final);
				return;
			}
		}
		if (this.layout === null) {
			this.parseRecords(input.slice(start), final);
			return;
		}
		const sink = this.sink as Required<Pick<RecordSink, 'line'>> & RecordSink;
		const delimiter = this.delimiter.charCodeAt(0);
		for (let end = input.indexOf('\n', start); end !== -1; end = input.indexOf('\n', start)) {
			const row = ++this.recordsRead;
			if (!isBlankLine(input, start, end, delimiter)) sink.line(input, start, end, row);
			start = end + 1;
		}
		if (final) {
			// The parser's last record: the text after the last line feed (empty after a final line feed); none in empty text.
			if (input.length > 0) {
				const row = ++this.recordsRead;
				if (!isBlankLine(input, start, input.length, delimiter)) sink.line(input, start, input.length, row);
			}
			this.partial = '';
		} else this.partial = input.substring(start);
		if (timings) timings.sinkMs += performance.now() - t0;
		if (!final && this.partial.length > MAX_RECORD_CHARS) this.recordTooLong();
	}

	private parseRecords(input: string, final: boolean): void {
		const timings = this.options.timings;
		const t0 = timings ? performance.now() : 0;
		const mayHaveNul = input.indexOf('\0') !== -1;
		const parser = (this.parsers as Record<Newline, Parser>)[(this.endings as LineEndings).newline];
		const result = parser.parse(input, 0, !final) as ParseResult<string[]>;
		this.partial = final ? '' : input.substring(result.meta.cursor);
		let unclosed = -1;
		if (final) for (const e of result.errors) if (e.code === 'MissingQuotes') unclosed = e.row ?? result.data.length - 1;
		const t1 = timings ? performance.now() : 0;
		const records = result.data;
		const sink = this.sink;
		for (let r = 0; r < records.length; r++) {
			const fields = records[r];
			const row = ++this.recordsRead;
			if (r === unclosed) {
				this.quoteNeverClosed(fields, row);
				if (this.failure) break;
				continue;
			}
			// Blank lines (and rows of empty cells) are skipped; the check stops at the first visible character.
			if (isBlankRecord(fields)) continue;
			if (this.layout === null) {
				this.readHeader(fields);
				if (this.failure) break;
				continue;
			}
			if (mayHaveNul) {
				const at = fields.findIndex((f) => f.indexOf('\0') !== -1);
				if (at !== -1) {
					sink.unreadable({ row, column: this.columnName(at), reason: NUL_REASON });
					continue;
				}
			}
			sink.record(fields, row);
		}
		if (timings) {
			timings.parseMs += t1 - t0;
			timings.sinkMs += performance.now() - t1;
		}
		if (this.failure) this.done = true;
		else if (!final && this.partial.length > MAX_RECORD_CHARS) this.recordTooLong();
	}

	private columnName(index: number): string {
		return this.layout?.columnNames[index] ?? columnPosition(index);
	}

	private quoteNeverClosed(fields: string[], row: number): void {
		if (this.layout === null) {
			this.failure = failure(
				'not-csv',
				'A quote (") opened in the header row is never closed, so the whole file was read as one line. Check the first line of the file.'
			);
			return;
		}
		let swallowedLines = 0;
		for (const f of fields) swallowedLines += countChar(f, '\n') + countChar(f, '\r') - countChar(f, '\r\n');
		// The file's own last line end, inside the value, ends no further line.
		const last = fields[fields.length - 1];
		if (swallowedLines > 0 && (last.endsWith('\n') || last.endsWith('\r'))) swallowedLines--;
		this.unclosedQuote = { row, swallowedLines };
		const reason =
			swallowedLines === 0
				? 'a quote (") opened in this row is never closed: the file ends inside it (was it cut short?)'
				: `a quote (") opened in this row is never closed, so the rest of the file (${formatCountPlain(swallowedLines)} more line${swallowedLines === 1 ? '' : 's'}) was read as one value`;
		this.sink.unreadable({ row, column: null, reason });
	}

	/** The record being read runs past MAX_RECORD_CHARS: refuse the file (in the header) or stop reading there. */
	private recordTooLong(): void {
		this.done = true;
		const text = this.partial;
		this.partial = '';
		const limit = `${formatCountPlain(MAX_RECORD_CHARS)} characters`;
		if (this.layout === null) {
			let columns = 0;
			for (const d of DELIMITERS) columns = Math.max(columns, countChar(text, d) + 1);
			this.failure =
				columns > MAX_COLUMNS
					? failure(
							'too-many-columns',
							`The header row has more than ${formatCountPlain(MAX_COLUMNS)} columns (already ${formatCountPlain(columns)} in its first ${limit}); ` +
								`a table has at most ${formatCountPlain(MAX_COLUMNS)}, the most a spreadsheet holds. This is not a table this tool can read.`
						)
					: failure('not-csv', `The first line is longer than ${limit} without ending, so this is not a table this tool can read.`);
			return;
		}
		const row = this.recordsRead + 1;
		const unclosedQuote = countChar(text, '"') % 2 === 1;
		const reason = unclosedQuote
			? `a quote (") opened in this row is not closed within the next ${limit}, so the rest of the file could not be read`
			: `is longer than ${limit}, so the rest of the file could not be read`;
		this.stoppedAt = row;
		this.sink.unreadable({ row, column: null, reason });
	}

	private readHeader(raw: string[]): void {
		let cells = raw;
		if (cells.some((c) => c.indexOf('\0') !== -1)) {
			cells = cells.map((c) => c.replaceAll('\0', ''));
			this.headerNotes.push({ kind: 'nul-in-header', text: 'The header row held NUL characters (zero bytes); they were ignored.' });
		}
		let end = cells.length;
		while (end > 1 && cells[end - 1].trim() === '') end--;
		if (end > MAX_COLUMNS) {
			this.failure = failure(
				'too-many-columns',
				`The header row has ${formatCountPlain(end)} columns; a table has at most ${formatCountPlain(MAX_COLUMNS)}, the most a spreadsheet holds. This is not a table this tool can read.`
			);
			return;
		}
		const schema = this.schema;
		const header = matchHeaders(cells.slice(0, end), schema);
		if (Object.keys(header.matched).length === 0) {
			if (this.doubt) {
				this.failure = failure('not-csv', this.doubt);
				return;
			}
			const expected = schema.columns.filter((c) => c.required).concat(schema.columns.filter((c) => !c.required));
			const examples = expected.slice(0, 4).map((c) => c.key);
			let message = `None of the expected columns were found; expected e.g. ${examples.join(', ')}${expected.length > 4 ? ', …' : ''} (the template lists them all).`;
			if (end === 1 && cells[0].length > 0) {
				message += ' The first line was read as a single column: columns must be separated by commas, semicolons or tabs.';
			}
			this.failure = failure('no-known-columns', message);
			return;
		}
		if (header.missingRequired.length > 0) {
			const missing = header.missingRequired;
			const named = missing.map((label) => {
				const key = schema.columns.find((c) => c.label === label)?.key;
				return key && key !== label ? `${label} (${key})` : label;
			});
			this.failure = failure(
				'missing-columns',
				`The file is missing ${missing.length === 1 ? 'a required column' : `${missing.length} required columns`}: ${named.join(', ')}.`,
				{ missing }
			);
			return;
		}
		const labels = new Map(schema.columns.map((c) => [c.key, c.label]));
		const delimiter = this.delimiter;
		this.layout = {
			delimiter,
			decimalComma: delimiter !== ',',
			mapping: header.mapping,
			columnNames: header.mapping.map((key, i) => (key !== null ? (labels.get(key) ?? key) : cells[i].trim() || columnPosition(i))),
			matchedColumns: header.matched,
			ignoredColumns: header.unknown,
			missingOptional: header.missingOptional,
			duplicates: header.duplicates
		};
		for (const text of duplicateHeaderNotes(header.duplicates, schema)) this.headerNotes.push({ kind: 'duplicate-column', text });
		this.sink.header?.(this.layout);
	}
}
