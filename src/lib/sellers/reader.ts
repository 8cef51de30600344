/**
 * Reading the seller finder's input, text or a File/Blob, chunk by chunk, straight into columns: an
 * activity log (one row per event) into an EventLog, or the per-user layout (the 12 monthly counts
 * already made) into a UserRows table. The layout is told from the header. Sniffing (binary files,
 * delimiter, line endings, encoding, size limit) uses the shared CSV pieces; records are split by
 * core/csv/records without a string per field, dates and amounts are read from the text in place.
 *
 * Bad rows never stop the read: each is skipped, counted, and (the first `maxIssues`) listed by row,
 * column and reason; unknown event names are also counted by name. Works in a Web Worker, on the main
 * thread and in Node. Pure, no DOM.
 */
import type { CsvJobFailure, JobProgress } from '../core/csv/types';
import { binaryKind, detectDelimiter, SAMPLE_CHARS, type Delimiter } from '../core/csv/delimiter';
import { matchHeaders, type HeaderMatch } from '../core/csv/headers';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_BYTES, blobTextChunks } from '../core/csv/intake';
import { RecordSplitter, fieldText, isBlankRecord, type RecordView } from '../core/csv/records';
import { parseNumber, quoted } from '../core/csv/validate';
import type { RowIssue } from '../core/schema';
import { dateProblem, isDateError, readIsoDay } from './dates';
import { eventKindOf, hasAmount } from './events';
import { END_DAY, EventLogBuilder, FIRST_DAY, NO_CATEGORY, type EventLog } from './log';
import { activityLogSchema, RECENT_CATEGORIES, userRowSchema } from './schema';
import { createUserRowsBuilder, type UserRows } from './userRows';

export interface ActivityReadOptions {
	/** Refuse larger inputs before reading (bytes; characters for text). Default 512 MB. */
	maxBytes?: number;
	/** Bytes (Blob) or characters (text) at a time. Default 1 MB. */
	chunkSize?: number;
	/** Problems listed (all are counted). Default 100. */
	maxIssues?: number;
	onProgress?: (progress: JobProgress) => void;
	signal?: AbortSignal;
}

/** What reading found besides the data. */
export interface ReadReport {
	delimiter: Delimiter;
	decimalComma: boolean;
	/** Header text -> canonical key; header cells ignored; optional columns missing. */
	matchedColumns: Record<string, string>;
	ignoredColumns: string[];
	missingOptional: string[];
	duplicateColumns: string[];
	/** Data rows seen (blank lines excluded) and rows used. */
	rows: number;
	usedRows: number;
	/** The first problems, in row order, and how many there were. */
	issues: RowIssue[];
	issueCount: number;
	/** Unknown event names and how often each appeared (most frequent first, at most 20). */
	unknownEvents: { name: string; count: number }[];
	/** Orders and sales with an empty amount (read as 0). */
	emptyAmounts: number;
}

export type ActivityRead =
	| { ok: true; layout: 'events'; log: EventLog; report: ReadReport }
	| { ok: true; layout: 'users'; users: UserRows; report: ReadReport }
	| { ok: false; failure: CsvJobFailure };

type Failure = { ok: false; failure: CsvJobFailure };
const fail = (kind: CsvJobFailure['kind'], message: string, extra: Partial<CsvJobFailure> = {}): Failure => ({ ok: false, failure: { kind, message, ...extra } });

const EMPTY_FILE = 'The file is empty (0 bytes).';
const BLANK_FILE = 'The file contains only blank lines or spaces: there is no header row and no data.';

function megabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 10 ? `${Math.round(mb)} MB` : `${Math.round(mb * 10) / 10} MB`;
}

/** Reads records into a log or user table once the header has said which. */
class ActivityReader {
	private readonly splitter: RecordSplitter;
	private header: HeaderMatch | null = null;
	private layout: 'events' | 'users' | null = null;
	private col = { user: -1, time: -1, event: -1, category: -1, amount: -1 };
	private minFields = 0;
	private readonly builder: EventLogBuilder;
	private users: ReturnType<typeof createUserRowsBuilder> | null = null;
	private readonly kindCache = new Map<string, number>();
	private readonly unknown = new Map<string, number>();
	readonly issues: RowIssue[] = [];
	issueCount = 0;
	rows = 0;
	usedRows = 0;
	emptyAmounts = 0;
	failure: Failure | null = null;
	private readonly decimalComma: boolean;

	constructor(
		readonly delimiter: Delimiter,
		private readonly maxIssues: number,
		expectedEvents: number,
		private readonly doubt: string | null
	) {
		this.decimalComma = delimiter !== ',';
		this.builder = new EventLogBuilder(expectedEvents);
		this.splitter = new RecordSplitter(delimiter, (r) => this.record(r));
	}

	push(text: string, final: boolean): void {
		this.splitter.push(text, final);
	}

	private issue(row: number, column: string | null, reason: string): void {
		this.issueCount++;
		if (this.issues.length < this.maxIssues) this.issues.push({ row, column, reason });
	}

	private record(r: RecordView): void {
		if (this.failure || isBlankRecord(r)) return;
		if (!this.layout) return this.readHeader(r);
		this.rows++;
		if (r.malformed) return this.issue(r.row, null, 'its quotes are malformed (text after a closing quote, or a quote never closed)');
		if (r.count < this.minFields) return this.issue(r.row, null, `it has ${r.count} field${r.count === 1 ? '' : 's'}; the header has ${this.header!.mapping.length}`);
		if (this.layout === 'events') this.eventRow(r);
		else if (this.users!.addRow(r, (column, reason) => this.issue(r.row, column, reason))) this.usedRows++;
	}

	private readHeader(r: RecordView): void {
		const cells = Array.from({ length: r.count }, (_, i) => fieldText(r, i));
		while (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
		const events = matchHeaders(cells, activityLogSchema);
		const users = matchHeaders(cells, userRowSchema);
		const eventsFound = Object.keys(events.matched).length;
		const usersFound = Object.keys(users.matched).length;
		if (eventsFound === 0 && usersFound === 0) {
			if (this.doubt) return void (this.failure = fail('not-csv', this.doubt));
			let message = 'None of the expected columns were found. An activity log needs User id, Timestamp and Event (Category and Amount optional); the per-user layout needs User id and the 12 monthly counts.';
			if (cells.length === 1 && cells[0].length > 0) message += ' The first line was read as a single column: columns must be separated by commas, semicolons or tabs.';
			return void (this.failure = fail('no-known-columns', message));
		}
		const useUsers = events.missingRequired.length > 0 && (users.missingRequired.length === 0 || usersFound > eventsFound);
		const match = useUsers ? users : events;
		if (match.missingRequired.length > 0) {
			const missing = match.missingRequired;
			const what = useUsers ? 'per-user layout' : 'activity log';
			return void (this.failure = fail('missing-columns', `This looks like an ${what} but is missing ${missing.length === 1 ? 'a required column' : `${missing.length} required columns`}: ${missing.join(', ')}.`, { missing }));
		}
		this.header = match;
		this.layout = useUsers ? 'users' : 'events';
		const at = (key: string) => match.mapping.indexOf(key);
		if (useUsers) {
			this.users = createUserRowsBuilder(match.mapping, at(RECENT_CATEGORIES), this.decimalComma);
			this.minFields = Math.max(...match.mapping.map((k, i) => (k && k !== RECENT_CATEGORIES ? i + 1 : 0)));
		} else {
			this.col = { user: at('user_id'), time: at('timestamp'), event: at('event'), category: at('category'), amount: at('amount') };
			this.minFields = Math.max(this.col.user, this.col.time, this.col.event) + 1;
		}
	}

	private eventRow(r: RecordView): void {
		const { user: cu, time: ct, event: ce, category: cc, amount: ca } = this.col;
		const row = r.row;
		const userText = fieldText(r, cu).trim();
		if (userText === '') return this.issue(row, 'User id', 'is empty');
		const eventText = fieldText(r, ce);
		let kind = this.kindCache.get(eventText);
		if (kind === undefined) {
			kind = eventKindOf(eventText);
			if (this.kindCache.size < 1000) this.kindCache.set(eventText, kind);
		}
		if (kind < 0) {
			const name = eventText.trim();
			this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
			return this.issue(row, 'Event', name === '' ? 'is empty' : `${quoted(name)} is not a known event (collection add, wish-list add, order, listing, sale, seller sign-up)`);
		}
		const day = r.escaped[ct] ? readIsoDay(fieldText(r, ct)) : readIsoDay(r.text, r.start[ct], r.end[ct]);
		if (isDateError(day)) return this.issue(row, 'Timestamp', `${quoted(fieldText(r, ct).trim())} ${dateProblem(day)}`);
		if (day < FIRST_DAY || day >= END_DAY) return this.issue(row, 'Timestamp', `${quoted(fieldText(r, ct).trim())} is before 1990 or after 2099`);
		let amount = 0;
		if (ca >= 0 && ca < r.count && hasAmount(kind)) {
			const text = fieldText(r, ca).trim();
			if (text === '') this.emptyAmounts++;
			else {
				amount = parseNumber(text, this.decimalComma);
				if (!Number.isFinite(amount)) return this.issue(row, 'Amount', `${quoted(text)} is not a number`);
				if (amount < 0) return this.issue(row, 'Amount', `${quoted(text)} is negative`);
			}
		}
		let category = NO_CATEGORY;
		if (cc >= 0 && cc < r.count) {
			const text = fieldText(r, cc);
			if (text.trim() !== '') {
				category = this.builder.internCategory(text);
				if (category < 0) return this.issue(row, 'Category', `more than ${this.builder.maxCategories} different categories; ${quoted(text.trim())} is left out`);
			}
		}
		this.builder.add(this.builder.internUser(userText), day, kind, category, amount);
		this.usedRows++;
	}

	finish(): ActivityRead {
		if (this.failure) return this.failure;
		if (!this.header || !this.layout) return fail('empty', BLANK_FILE);
		const report: ReadReport = {
			delimiter: this.delimiter,
			decimalComma: this.decimalComma,
			matchedColumns: this.header.matched,
			ignoredColumns: this.header.unknown,
			missingOptional: this.header.missingOptional,
			duplicateColumns: this.header.duplicates.map((d) => d.header),
			rows: this.rows,
			usedRows: this.usedRows,
			issues: this.issues,
			issueCount: this.issueCount,
			unknownEvents: [...this.unknown].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)).slice(0, 20),
			emptyAmounts: this.emptyAmounts
		};
		const noun = this.layout === 'events' ? 'events' : 'user rows';
		if (this.rows === 0) return fail('empty', `The file has a header row but no ${noun} below it.`);
		if (this.usedRows === 0) return fail('no-good-rows', `None of the ${this.rows.toLocaleString('en-US')} rows could be read; the first problems are listed.`, { issues: this.issues, issueCount: this.issueCount });
		if (this.layout === 'users') return { ok: true, layout: 'users', users: this.users!.finish(), report };
		return { ok: true, layout: 'events', log: this.builder.finish(), report };
	}
}

/** Sniff the sample and set up the reader, or fail for the whole file. */
function start(sample: string, complete: boolean, maxIssues: number, inputSize: number): ActivityReader | Failure {
	const binary = binaryKind(sample);
	if (binary === 'workbook') return fail('not-csv', 'This looks like an Excel workbook (.xlsx or .xls), not a CSV file. In Excel, use File › Save As and choose “CSV UTF-8”.');
	if (binary === 'binary') return fail('not-csv', 'This file is not text (it contains binary data), so it cannot be read as a CSV.');
	const guess = detectDelimiter(sample, complete);
	let delimiter: Delimiter = ',';
	let doubt: string | null = null;
	if (guess.ok) delimiter = guess.delimiter;
	else if (guess.reason === 'blank' && complete) return fail('empty', BLANK_FILE);
	else if (guess.reason !== 'blank') {
		delimiter = guess.delimiter ?? ',';
		doubt = guess.message;
	}
	// Activity lines average about 50 characters.
	return new ActivityReader(delimiter, maxIssues, inputSize / 45, doubt);
}

/** Read activity CSV text (synchronous). */
export function readActivityText(text: string, options: ActivityReadOptions = {}): ActivityRead {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const chunkSize = Math.max(1024, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	if (text.length > maxBytes) return fail('too-large', `The file is ${megabytes(text.length)}; the limit is ${megabytes(maxBytes)}.`);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.length === 0) return fail('empty', EMPTY_FILE);
	const reader = start(text.slice(0, SAMPLE_CHARS), text.length <= SAMPLE_CHARS, options.maxIssues ?? 100, text.length);
	if (!(reader instanceof ActivityReader)) return reader;
	for (let at = 0; at < text.length && !reader.failure; at += chunkSize) {
		const end = Math.min(text.length, at + chunkSize);
		reader.push(text.slice(at, end), end === text.length);
		options.onProgress?.({ stage: 'parsing', fraction: end / text.length, rowsRead: reader.rows });
	}
	return reader.finish();
}

/** Read an activity File/Blob chunk by chunk (the size limit is checked before anything is read). */
export async function readActivityBlob(blob: Blob, options: ActivityReadOptions = {}): Promise<ActivityRead> {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	const chunkSize = Math.max(SAMPLE_CHARS, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	if (blob.size > maxBytes) return fail('too-large', `The file is ${megabytes(blob.size)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files.`);
	if (blob.size === 0) return fail('empty', EMPTY_FILE);
	let reader: ActivityReader | null = null;
	let sample = '';
	for await (const chunk of blobTextChunks(blob, chunkSize, options.signal)) {
		let text = chunk.text;
		if (!reader) {
			sample += text;
			if (sample.length < SAMPLE_CHARS && !chunk.last) continue;
			const begun = start(sample.slice(0, SAMPLE_CHARS), chunk.last && sample.length <= SAMPLE_CHARS, options.maxIssues ?? 100, blob.size);
			if (!(begun instanceof ActivityReader)) return begun;
			reader = begun;
			text = sample;
			sample = '';
		}
		reader.push(text, chunk.last);
		if (reader.failure) return reader.failure;
		options.onProgress?.({ stage: 'parsing', fraction: chunk.end / blob.size, rowsRead: reader.rows });
	}
	options.signal?.throwIfAborted();
	if (!reader) return fail('empty', EMPTY_FILE);
	return reader.finish();
}
